/**
 * An output the program wires into secrets or policies that is absent fails the update with a
 * message naming the resource and what to do: never "undefined" or null in a resource input.
 */
import * as assert from "assert";
import { missingSecretMessage } from "../../components/database";
import { missingOutputMessage } from "../../components/platformReference";
import { platformOutputsFixture } from "../../preview/program";
import { runEnv, runError } from "./envHelpers";
import { T } from "./helpers";

const PROD_STACK = "example-org/pythonide/prod";
const ACTIVE = { active: "true", activeUntil: "2026-02-02T12:00" };

describe("missing outputs fail loudly", function () {
  this.timeout(600_000);

  it("a cluster without a managed secret: the update fails, naming the cluster and the fix", async () => {
    const message = await runError("staging", { set: ACTIVE, managedDbSecrets: false });
    // The SDK names the input it could not serialize, then the program's message.
    assert.strictEqual(
      message,
      'error serializing property "containerDefinitions": error serializing property "policy": error serializing property "outputs": ' +
        missingSecretMessage("staging-db", "staging-db", "DB cluster"),
    );
    assert.match(
      message,
      /Database "staging-db": RDS returned no managed master user secret for DB cluster staging-db .*aws rds modify-db-cluster --db-cluster-identifier staging-db --manage-master-user-password/,
    );
  });

  it("an instance without one (dbKind instance): the same, with the instance's command", async () => {
    const message = await runError("exam", {
      set: { dbKind: "instance" },
      managedDbSecrets: false,
    });
    assert.match(
      message,
      /Database "exam-db": RDS returned no managed master user secret for DB instance exam-db .*aws rds modify-db-instance --db-instance-identifier exam-db --manage-master-user-password/,
    );
  });

  it("with the secret, the task and the role read it (no undefined, no null)", async () => {
    const run = await runEnv("staging", { set: ACTIVE });
    const secret = "arn:aws:rds:us-east-2:000000000000:secret:rds!staging-db-cluster";
    assert.deepStrictEqual(run.secrets("staging-ide-task"), {
      DATABASE_USER: `${secret}:username::`,
      DATABASE_PASSWORD: `${secret}:password::`,
    });
    const policy = JSON.parse(
      String(run.inputs(T.rolePolicy, "staging-ide-execution-policy").policy),
    );
    assert.deepStrictEqual(
      policy.Statement.find((s: { Sid: string }) => s.Sid === "ReadOwnSecrets").Resource,
      [secret],
    );
  });

  it("a prod stack that does not export clusterArn: the update fails, naming the reference, the stack and the key", async () => {
    const { clusterArn: _, ...outputs } = platformOutputsFixture();
    const message = await runError("staging", { platformOutputs: outputs });
    assert.strictEqual(
      message,
      'error serializing property "cluster": ' +
        missingOutputMessage("staging-platform", PROD_STACK, "clusterArn", undefined),
    );
    assert.strictEqual(
      missingOutputMessage("staging-platform", PROD_STACK, "clusterArn", undefined),
      `StackReference "staging-platform": the prod stack ${PROD_STACK} does not export the output clusterArn, which this stack wires into its resources. Run pulumi up on the prod stack (its outputs are written by a successful update of the current program; pulumi stack output --stack ${PROD_STACK} lists them), check that platformStack names it, then run this update again.`,
    );
  });

  it("an empty output is refused too (exam, httpsListenerArn null)", async () => {
    const message = await runError("exam", {
      platformOutputs: { ...platformOutputsFixture(), httpsListenerArn: null },
    });
    assert.strictEqual(
      message,
      'error serializing property "listenerArn": ' +
        missingOutputMessage("exam-platform", PROD_STACK, "httpsListenerArn", null),
    );
    assert.match(
      message,
      /exports the output httpsListenerArn empty \(null\), which this stack wires/,
    );
  });
});
