/**
 * What a config change on a deployed stack needs from the program: the services carry
 * forceNewDeployment (a changed capacity strategy is refused without it), and the EFS mount
 * targets, one per zone, are deleted before they are replaced.
 */
import * as assert from "assert";
import { Run, runProd, T } from "./helpers";

describe("update safety", function () {
  this.timeout(600_000);
  let run: Run;
  before(async function () {
    run = await runProd();
  });

  it("the service forces a new deployment on update, so its capacity strategy can change", function () {
    assert.strictEqual(run.inputs(T.service, "ide-prod-service").forceNewDeployment, true);
    assert.strictEqual(run.inputs(T.service, "ide-prod-service").triggers, undefined);
  });

  it("every EFS mount target is replaced delete-first (one per zone)", function () {
    assert.deepStrictEqual(
      run.all(T.mountTarget).map((m) => [m.name, m.options?.deleteBeforeReplace]),
      [
        ["pythonide-efs-mount-1", true],
        ["pythonide-efs-mount-2", true],
      ],
    );
  });
});
