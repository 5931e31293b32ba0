/**
 * AWS's own limits on the resources the program registers (model/awsLimits.ts): names after the
 * provider's autonaming, ranges from the API references, cross-field rules, zones per region,
 * listener rule priorities per listener across stacks, and values left undefined.
 */
import * as assert from "assert";
import {
  autoName,
  autoNameProblems,
  danglingValuePaths,
  priorityClaims,
  priorityConflicts,
  resourceLimitProblems,
  stackLimitProblems,
  zoneProblems,
} from "../../model/awsLimits";
import { ResourceRecord } from "../../model/records";

const TG = "aws:lb/targetGroup:TargetGroup";
const RULE = "aws:lb/listenerRule:ListenerRule";

function record(type: string, name: string, inputs: Record<string, unknown> = {}): ResourceRecord {
  return { type, name, urn: `urn:pulumi:prod::pythonide::${type}::${name}`, inputs, custom: true };
}

describe("AWS limits: names after autoning", function () {
  it("the provider's autoname is the logical name, a hyphen and 7 random characters", function () {
    assert.strictEqual(autoName("ide-prod-tg"), "ide-prod-tg-xxxxxxx");
  });

  it("a target group autonamed to 32 characters passes; to 33 fails with the value and the limit", function () {
    // 24-character logical name + "-" + 7 = 32.
    assert.deepStrictEqual(resourceLimitProblems(record(TG, "a".repeat(21) + "-tg")), []);
    const problems = resourceLimitProblems(record(TG, "b".repeat(22) + "-tg"));
    assert.deepStrictEqual(
      problems.map((p) => p.message),
      [
        `${TG} ${"b".repeat(22)}-tg: name "${"b".repeat(22)}-tg-xxxxxxx" (the provider adds "-" and 7 random characters to the logical name "${"b".repeat(22)}-tg") is 33 characters; AWS allows 1 to 32 for a target group name`,
      ],
    );
    assert.strictEqual(
      problems[0].source,
      "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html",
    );
  });

  it("a name the program sets is checked as set: characters and the load balancer's prefix rule", function () {
    const lb = "aws:lb/loadBalancer:LoadBalancer";
    assert.deepStrictEqual(
      resourceLimitProblems(record(lb, "alb", { name: "internal-ide_alb" })).map((p) => p.message),
      [
        `${lb} alb: name "internal-ide_alb" may hold only letters, digits and hyphens, not beginning or ending with a hyphen for a load balancer name`,
        `${lb} alb: name "internal-ide_alb" must not begin with "internal-" for a load balancer name`,
      ],
    );
  });

  it("role names: 64 characters after autonaming", function () {
    const role = "aws:iam/role:Role";
    assert.deepStrictEqual(resourceLimitProblems(record(role, "r".repeat(56))), []);
    assert.strictEqual(resourceLimitProblems(record(role, "r".repeat(57))).length, 1);
  });

  it("RDS identifiers: a letter first, no double or trailing hyphen, 63 characters", function () {
    const db = "aws:rds/instance:Instance";
    const messages = (identifier: string) =>
      resourceLimitProblems(record(db, "db-instance", { identifier })).map((p) => p.message);
    assert.deepStrictEqual(messages("staging-db"), []);
    assert.deepStrictEqual(messages("staging--db"), [
      `${db} db-instance: identifier "staging--db" may hold only a letter first, then letters, digits and single hyphens for a DB instance identifier`,
    ]);
    assert.deepStrictEqual(messages("staging-"), [
      `${db} db-instance: identifier "staging-" must not end with a hyphen for a DB instance identifier`,
    ]);
    assert.strictEqual(messages("s".repeat(64)).length, 1);
  });

  it("scheduled action names refuse : / |", function () {
    const action = "aws:appautoscaling/scheduledAction:ScheduledAction";
    assert.deepStrictEqual(
      resourceLimitProblems(record(action, "a", { name: "midsem/scale-up" })).map(
        (p) => p.property,
      ),
      ["name"],
    );
    assert.deepStrictEqual(
      resourceLimitProblems(
        record(action, "a", { name: "midsem-scale-up", schedule: "at(2026-03-10T08:00:00)" }),
      ),
      [],
    );
  });

  it("a component refuses a name whose autonamed children would break AWS's limits", function () {
    assert.deepStrictEqual(autoNameProblems([[TG, "ide-exam-tg"]]), []);
    assert.deepStrictEqual(autoNameProblems([[TG, "x".repeat(22) + "-tg"]]), [
      `the target group name the provider generates, "${"x".repeat(22)}-tg-xxxxxxx" (logical name "${"x".repeat(22)}-tg" + "-" + 7 random characters), is 33 characters; AWS allows 1 to 32 (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html)`,
    ]);
  });
});

describe("AWS limits: ranges and cross-field rules", function () {
  it("listener rule priority 1..50000", function () {
    assert.deepStrictEqual(resourceLimitProblems(record(RULE, "r", { priority: 50000 })), []);
    assert.deepStrictEqual(
      resourceLimitProblems(record(RULE, "r", { priority: 0 })).map((p) => p.message),
      [`${RULE} r: priority 0: AWS allows a whole number from 1 to 50000 for the rule priority`],
    );
  });

  it("health check: timeout below the interval, thresholds 2..10", function () {
    const ok = { interval: 30, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3 };
    assert.deepStrictEqual(
      resourceLimitProblems(record(TG, "tg", { name: "tg", healthCheck: ok })),
      [],
    );
    const bad = resourceLimitProblems(
      record(TG, "tg", { name: "tg", healthCheck: { ...ok, timeout: 30, unhealthyThreshold: 11 } }),
    );
    assert.deepStrictEqual(
      bad.map((p) => p.message),
      [
        `${TG} tg: healthCheck.unhealthyThreshold 11: AWS allows a whole number from 2 to 10 for the unhealthy threshold count`,
        `${TG} tg: healthCheck.timeout 30 is not below healthCheck.interval 30: AWS requires the timeout to be shorter than the interval`,
      ],
    );
  });

  it("a scalable target's minimum above its maximum", function () {
    const t = "aws:appautoscaling/target:Target";
    assert.deepStrictEqual(
      resourceLimitProblems(record(t, "t", { minCapacity: 3, maxCapacity: 2 })).map(
        (p) => p.message,
      ),
      [`${t} t: minCapacity 3 is above maxCapacity 2: AWS requires MinCapacity <= MaxCapacity`],
    );
  });
});

describe("AWS limits: zones", function () {
  const vpc = (n: number) =>
    record("awsx:ec2:Vpc", "pythonide-vpc", { numberOfAvailabilityZones: n });

  it("us-west-1 gives an account 2 zones: 3 is refused, naming the region and the count", function () {
    assert.deepStrictEqual(zoneProblems([vpc(2)], "us-west-1").problems, []);
    assert.deepStrictEqual(
      zoneProblems([vpc(3)], "us-west-1").problems.map((p) => p.message),
      [
        'awsx:ec2:Vpc pythonide-vpc: numberOfAvailabilityZones 3: us-west-1 gives an account 2 availability zones (awsx refuses more at preview: "does not have at least 3 Availability Zones")',
      ],
    );
    assert.deepStrictEqual(zoneProblems([vpc(4)], "us-east-2").problems.length, 1);
    assert.deepStrictEqual(zoneProblems([vpc(4)], "us-west-2").problems, []);
  });

  it("a region the table does not know is a warning, not a verdict", function () {
    assert.deepStrictEqual(stackLimitProblems([vpc(4)], "xx-moon-1"), {
      problems: [],
      warnings: [
        "the availability zones of xx-moon-1 are not in model/awsLimits.ts REGION_ZONES: the zone count was not checked",
      ],
    });
  });
});

describe("AWS limits: listener rule priorities", function () {
  const shared = {
    "arn:listener/prod": "prod:httpsListenerArn",
    "arn:listener/fixture": "prod:httpsListenerArn",
  };
  const rule = (name: string, listenerArn: string, priority: number) =>
    record(RULE, name, { listenerArn, priority });

  it("distinct priorities on one listener, or one priority on two listeners, pass", function () {
    const claims = [
      ...priorityClaims("prod", [rule("ide-prod-rule", "arn:listener/prod", 100)], shared),
      ...priorityClaims("staging", [rule("staging-ide-rule", "arn:listener/fixture", 200)], shared),
      ...priorityClaims("other", [rule("other-rule", "arn:listener/other", 100)], shared),
    ];
    assert.deepStrictEqual(priorityConflicts(claims), []);
  });

  it("one priority on the shared listener from two stacks: both rules named, with the other", function () {
    const claims = [
      ...priorityClaims("prod", [rule("ide-prod-rule", "arn:listener/prod", 100)], shared),
      ...priorityClaims("staging", [rule("staging-ide-rule", "arn:listener/fixture", 100)], shared),
    ];
    assert.deepStrictEqual(
      priorityConflicts(claims).map((c) => c.problem.message),
      [
        `${RULE} ide-prod-rule: priority 100 on listener prod:httpsListenerArn is also taken by staging-ide-rule (stack staging): AWS refuses a priority already in use on a listener (PriorityInUse); give each rule its own (IdeService listenerRulePriority)`,
        `${RULE} staging-ide-rule: priority 100 on listener prod:httpsListenerArn is also taken by ide-prod-rule (stack prod): AWS refuses a priority already in use on a listener (PriorityInUse); give each rule its own (IdeService listenerRulePriority)`,
      ],
    );
  });
});

describe("AWS limits: values a missing output left behind", function () {
  it("finds 'undefined' in a secret reference and null in a policy's Resource list, by path only", function () {
    const containerDefinitions = JSON.stringify([
      { secrets: [{ name: "DATABASE_PASSWORD", valueFrom: "undefined:password::" }] },
    ]);
    const policy = JSON.stringify({ Statement: [{ Resource: [null], Effect: "Allow" }] });
    assert.deepStrictEqual(danglingValuePaths({ containerDefinitions, policy }), [
      "containerDefinitions[0].secrets[0].valueFrom",
      "policy.Statement[0].Resource[0]",
    ]);
    assert.deepStrictEqual(
      danglingValuePaths({
        description: "Nullable undefinedness",
        policy: JSON.stringify({ a: null }),
      }),
      [],
    );
  });
});
