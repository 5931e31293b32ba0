/**
 * The offline preview refuses what AWS would refuse at `pulumi up` (model/awsLimits.ts), on the
 * resources the program records: two services on one listener at one priority, in one stack or
 * across the stacks of a run, and too many zones for the region.
 */
import * as assert from "assert";
import { judgePriorities, StackReport } from "../../preview/gate";
import { fixtureStack, gate, shipped } from "./helpers";

const RULE = "aws:lb/listenerRule:ListenerRule";

function limitMessages(r: StackReport): string[] {
  return r.awsLimits.map((p) => p.message);
}

describe("preview: AWS limits on the recorded resources", function () {
  this.timeout(600_000);

  it("the shipped stacks break none, also judged together", async () => {
    const reports = [
      await gate(shipped("prod")),
      await gate(shipped("staging")),
      await gate(shipped("exam")),
    ];
    judgePriorities(reports);
    assert.deepStrictEqual(reports.map(limitMessages), [[], [], []]);
    assert.deepStrictEqual(
      reports.map((r) => r.listenerRules.map((c) => [c.resource, c.listener, c.priority])),
      [
        [["ide-prod-rule", "prod:httpsListenerArn", 100]],
        [["staging-ide-rule", "prod:httpsListenerArn", 200]],
        [["exam-ide-rule", "prod:httpsListenerArn", 300]],
      ],
    );
    assert.deepStrictEqual(
      reports.map((r) => r.verdict),
      ["pass", "pass", "pass"],
    );
  });

  it("two IdeServices left at the default priority on one listener fail the stack", async () => {
    const r = await gate(shipped("prod"), { program: "two-services-one-listener.ts" });
    assert.strictEqual(r.verdict, "fail");
    assert.deepStrictEqual(limitMessages(r), [
      `${RULE} ide-a-rule: priority 100 on listener prod:httpsListenerArn is also taken by ide-b-rule (stack prod): AWS refuses a priority already in use on a listener (PriorityInUse); give each rule its own (IdeService listenerRulePriority)`,
      `${RULE} ide-b-rule: priority 100 on listener prod:httpsListenerArn is also taken by ide-a-rule (stack prod): AWS refuses a priority already in use on a listener (PriorityInUse); give each rule its own (IdeService listenerRulePriority)`,
    ]);
  });

  it("staging at prod's priority passes alone and fails with prod in the same run", async () => {
    const prod = await gate(shipped("prod"));
    const staging = await gate(shipped("staging"), { program: "staging-priority-100.ts" });
    assert.deepStrictEqual([prod.verdict, staging.verdict], ["pass", "pass"]);
    judgePriorities([prod, staging]);
    assert.deepStrictEqual([prod.verdict, staging.verdict], ["fail", "fail"]);
    assert.deepStrictEqual(limitMessages(staging), [
      `${RULE} staging-ide-rule: priority 100 on listener prod:httpsListenerArn is also taken by ide-prod-rule (stack prod): AWS refuses a priority already in use on a listener (PriorityInUse); give each rule its own (IdeService listenerRulePriority)`,
    ]);
  });

  it("four zones in us-west-1 fail prod with the region's count", async () => {
    const r = await gate(fixtureStack("too-many-zones", "Pulumi.prod.yaml"));
    assert.strictEqual(r.verdict, "fail");
    assert.deepStrictEqual(limitMessages(r), [
      'awsx:ec2:Vpc pythonide-vpc: numberOfAvailabilityZones 4: us-west-1 gives an account 2 availability zones (awsx refuses more at preview: "does not have at least 4 Availability Zones")',
    ]);
  });
});
