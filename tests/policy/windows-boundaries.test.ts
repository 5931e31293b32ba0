/**
 * The exam and staging capacity policies at their edges: the exam floor of 2 on both sides, the
 * idle floor an action must rise above, actions that set only one bound, targets of other
 * services; staging's return-to-zero deadline on both sides and actions that do not return to 0.
 */
import * as assert from "assert";
import { examCapacityDuringWindows, examServiceMultiSubnet } from "../../policy-pack/policies/exam";
import { stagingScalesToZero, stagingServiceDesiredZero } from "../../policy-pack/policies/staging";
import {
  HOUR,
  atUtc,
  scalingPolicy,
  scheduledAction,
  service,
  serviceProps,
  tags,
  target,
  withProps,
} from "./fixtures";
import { FixtureResource, messages, runResourcePolicy, runStackPolicy, unknown } from "./helpers";

/** A DynamoDB table's scalable target at 1/1 in `env`: not an ECS service's. */
const tableTarget = (env: "exam" | "staging"): FixtureResource => ({
  type: "aws:appautoscaling/target:Target",
  name: "table-target",
  props: {
    serviceNamespace: "dynamodb",
    scalableDimension: "dynamodb:table:ReadCapacityUnits",
    resourceId: "table/answers",
    minCapacity: 1,
    maxCapacity: 1,
    tags: tags(env),
  },
});

describe("policy exam-capacity-during-windows: the floor of 2 and the idle floor", () => {
  const start = Date.now() + 48 * HOUR;
  const open = (action: { minCapacity?: number; maxCapacity?: number }, schedule = atUtc(start)) =>
    scheduledAction("exam", "midsem-open", schedule, action);
  const stack = (targetChanges: Record<string, unknown>, ...actions: FixtureResource[]) => [
    service("exam"),
    withProps(target("exam"), targetChanges),
    scalingPolicy("exam"),
    ...actions,
  ];
  const run = async (resources: FixtureResource[]) =>
    messages(await runStackPolicy(examCapacityDuringWindows, resources));
  const tooFew = (min: number, when = ` (${atUtc(start)})`) =>
    `Scheduled action 'midsem-open'${when} on exam scalable target 'ide-target' must keep at least 2 tasks during the exam window it opens; it sets minCapacity ${min}.`;

  it("accepts a window at exactly 2 tasks and a target whose maxCapacity is exactly 2", async () => {
    assert.deepStrictEqual(
      await run(stack({ maxCapacity: 2 }, open({ minCapacity: 2, maxCapacity: 2 }))),
      [],
    );
  });

  it("refuses a window at 1 task above an idle floor of 0", async () => {
    assert.deepStrictEqual(await run(stack({}, open({ minCapacity: 1, maxCapacity: 10 }))), [
      tooFew(1),
    ]);
  });

  it("does not count an action that keeps the idle floor (1 over an idle 1) as opening a window", async () => {
    assert.deepStrictEqual(
      await run(stack({ minCapacity: 1 }, open({ minCapacity: 1, maxCapacity: 10 }))),
      [],
    );
  });

  it("takes an idle floor of 0 when the target leaves minCapacity out: closing to 0 is fine", async () => {
    assert.deepStrictEqual(
      await run(stack({ minCapacity: undefined }, open({ minCapacity: 0, maxCapacity: 10 }))),
      [],
    );
  });

  it("does not judge an action that sets only maxCapacity", async () => {
    assert.deepStrictEqual(await run(stack({}, open({ maxCapacity: 10 }))), []);
  });

  it("names the action without a schedule when it has none", async () => {
    const action = withProps(open({ minCapacity: 1 }), { schedule: undefined });
    assert.deepStrictEqual(await run(stack({}, action)), [tooFew(1, "")]);
  });

  it("does not judge a maxCapacity that is unknown in a preview", async () => {
    const out = await runStackPolicy(
      examCapacityDuringWindows,
      stack({ maxCapacity: unknown.number }),
    );
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.previewNotes, []);
  });

  it("leaves scalable targets of other services than ECS alone", async () => {
    const table = tableTarget("exam");
    assert.deepStrictEqual(await run([...stack({}), table]), []);
  });
});

describe("policy exam-service-multi-subnet: what counts as a subnet", () => {
  const withSubnets = (subnets: unknown[], changes: Record<string, unknown> = {}) =>
    withProps(service("exam"), {
      networkConfiguration: { ...(serviceProps("exam").networkConfiguration as object), subnets },
      ...changes,
    });

  it("does not count a subnet entry that is not an id", async () => {
    const out = await runResourcePolicy(examServiceMultiSubnet, withSubnets(["subnet-a", null]));
    assert.deepStrictEqual(messages(out), [
      "ECS service 'ide-service' must span at least 2 subnets in exam; it has 1 (subnet-a).",
    ]);
  });

  it("lists every known subnet when there are too few", async () => {
    const out = await runResourcePolicy(
      examServiceMultiSubnet,
      withSubnets(["subnet-a", "subnet-b"]),
      {
        config: { minSubnets: 3 },
      },
    );
    assert.deepStrictEqual(messages(out), [
      "ECS service 'ide-service' must span at least 3 subnets in exam; it has 2 (subnet-a, subnet-b).",
    ]);
  });

  it("calls a service without an Environment tag untagged", async () => {
    const out = await runResourcePolicy(
      examServiceMultiSubnet,
      withSubnets(["subnet-a"], { tags: undefined }),
    );
    assert.deepStrictEqual(out.notApplicable, ["applies to exam services; this one is untagged"]);
  });
});

describe("policy staging-scales-to-zero: the deadline on both sides", () => {
  const active = (...rest: FixtureResource[]) => [
    service("staging"),
    withProps(target("staging"), { minCapacity: 1 }),
    scalingPolicy("staging"),
    ...rest,
  ];
  const off = (
    at: string,
    action: { minCapacity?: number; maxCapacity?: number } = { minCapacity: 0, maxCapacity: 0 },
    name = "staging-off",
  ) => scheduledAction("staging", name, at, action);
  const run = async (resources: FixtureResource[], config?: Record<string, unknown>) =>
    messages(await runStackPolicy(stagingScalesToZero, resources, { config }));
  const refused = (found: string, hours = 12) =>
    `Staging scalable target 'ide-target' (minCapacity 1) must have a one-time at() scheduled action returning it to 0 tasks (maxCapacity 0) within ${hours} hours; ${found}.`;
  // Whole minutes, as at() writes them: the deadline is judged to the minute.
  const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

  it("accepts a return just inside maxActiveHours, refuses one just outside it", async () => {
    const inside = atUtc(minute(Date.now()) + 2 * HOUR);
    assert.deepStrictEqual(await run(active(off(inside)), { maxActiveHours: 2 }), []);
    const outside = atUtc(minute(Date.now()) + 2 * HOUR + 120_000);
    const out = await run(active(off(outside)), { maxActiveHours: 2 });
    assert.strictEqual(out.length, 1);
    assert.match(out[0], /'staging-off' \(at\(.*\)\) is 2\.0 hours away\. /);
  });

  it("refuses a return in the past, and names the nearest of several", async () => {
    const past = atUtc(minute(Date.now()) - 3 * HOUR);
    const farther = atUtc(minute(Date.now()) - 30 * HOUR);
    const later = atUtc(minute(Date.now()) + 40 * HOUR);
    assert.deepStrictEqual(
      await run(
        active(off(farther, undefined, "old-off"), off(past), off(later, undefined, "later-off")),
      ),
      [refused(`'staging-off' (${past}) is in the past`)],
    );
  });

  it("does not count an action that leaves maxCapacity above 0, or raises minCapacity", async () => {
    const soon = atUtc(minute(Date.now()) + HOUR);
    assert.deepStrictEqual(await run(active(off(soon, { minCapacity: 0, maxCapacity: 1 }))), [
      refused("none does"),
    ]);
    assert.deepStrictEqual(await run(active(off(soon, { minCapacity: 1, maxCapacity: 0 }))), [
      refused("none does"),
    ]);
    assert.deepStrictEqual(await run(active(off(soon, { maxCapacity: 0 }))), []);
  });

  it("does not count a cron() schedule or an action without a schedule", async () => {
    const cron = off("cron(0 18 * * ? *)", undefined, "cron-off");
    const none = withProps(off(atUtc(Date.now() + HOUR)), { schedule: undefined });
    assert.deepStrictEqual(await run(active(cron, none)), [refused("none does")]);
  });

  it("gives the benefit of the doubt to a return whose schedule or time zone is unknown in a preview", async () => {
    const soonText = atUtc(minute(Date.now()) + HOUR);
    assert.deepStrictEqual(
      await run(active(withProps(off(soonText), { timezone: unknown.string }))),
      [],
    );
    assert.deepStrictEqual(
      await run(active(withProps(off(soonText), { schedule: unknown.string }))),
      [],
    );
  });

  it("does not judge a target whose minCapacity is 0 or unknown", async () => {
    const stack = (minCapacity: unknown) => [
      service("staging"),
      withProps(target("staging"), { minCapacity }),
      scalingPolicy("staging"),
    ];
    assert.deepStrictEqual(await run(stack(0)), []);
    assert.deepStrictEqual(await run(stack(unknown.number)), []);
    assert.deepStrictEqual(await run(stack(2)), [
      refused("none does").replace("(minCapacity 1)", "(minCapacity 2)"),
    ]);
  });

  it("leaves scalable targets of other services than ECS alone", async () => {
    const table = tableTarget("staging");
    assert.deepStrictEqual(
      await run([service("staging"), target("staging"), scalingPolicy("staging"), table]),
      [],
    );
  });
});

describe("policy staging-service-desired-zero: untagged services", () => {
  it("calls a service without an Environment tag untagged", async () => {
    const out = await runResourcePolicy(
      stagingServiceDesiredZero,
      withProps(service("staging"), { tags: undefined }),
    );
    assert.deepStrictEqual(out.notApplicable, [
      "applies to staging services; this one is untagged",
    ]);
  });
});

describe("policy staging-scales-to-zero: exact instants, on a pinned clock", () => {
  const saved = process.env.PYTHONIDE_NOW;
  beforeEach(() => {
    process.env.PYTHONIDE_NOW = "2030-01-01T00:00:00Z";
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.PYTHONIDE_NOW;
    else process.env.PYTHONIDE_NOW = saved;
  });
  const active = (...rest: FixtureResource[]) => [
    service("staging"),
    withProps(target("staging"), { minCapacity: 1 }),
    scalingPolicy("staging"),
    ...rest,
  ];
  const off = (
    at: string,
    name = "staging-off",
    action: Record<string, unknown> = { minCapacity: 0, maxCapacity: 0 },
  ) => scheduledAction("staging", name, `at(${at})`, action);
  const run = async (resources: FixtureResource[]) =>
    messages(await runStackPolicy(stagingScalesToZero, resources));
  const refused = (found: string) =>
    `Staging scalable target 'ide-target' (minCapacity 1) must have a one-time at() scheduled action returning it to 0 tasks (maxCapacity 0) within 12 hours; ${found}.`;

  it("counts a return exactly at the deadline, not one exactly now", async () => {
    assert.deepStrictEqual(await run(active(off("2030-01-01T12:00:00"))), []);
    assert.deepStrictEqual(await run(active(off("2030-01-01T00:00:00"))), [
      refused("'staging-off' (at(2030-01-01T00:00:00)) is in the past"),
    ]);
  });

  it("names the first of two returns equally far away", async () => {
    assert.deepStrictEqual(
      await run(active(off("2029-12-31T10:00:00", "before"), off("2030-01-01T14:00:00", "after"))),
      [refused("'before' (at(2029-12-31T10:00:00)) is in the past")],
    );
  });

  it("gives the benefit of the doubt to a return whose capacities are unknown in a preview", async () => {
    const far = "2030-02-01T00:00:00";
    assert.deepStrictEqual(
      await run(active(off(far, "staging-off", { minCapacity: 0, maxCapacity: unknown.number }))),
      [],
    );
    assert.deepStrictEqual(
      await run(
        active(
          off("2030-01-01T06:00:00", "staging-off", {
            minCapacity: unknown.number,
            maxCapacity: 0,
          }),
        ),
      ),
      [],
    );
  });
});
