import * as assert from "assert";
import { stagingScalesToZero, stagingServiceDesiredZero } from "../../policy-pack/policies/staging";
import {
  HOUR,
  TYPES,
  atUtc,
  scalingPolicy,
  scheduledAction,
  service,
  target,
  withProps,
} from "./fixtures";
import {
  FixtureResource,
  messages,
  runResourcePolicy,
  runStackPolicy,
  unknown,
  urnOf,
} from "./helpers";

describe("policy staging-service-desired-zero", () => {
  it("accepts a staging service with desiredCount 0", async () => {
    const out = await runResourcePolicy(stagingServiceDesiredZero, service("staging"));
    assert.deepStrictEqual(out.violations, []);
  });

  it("accepts a staging service that leaves desiredCount to the provider's default (0)", async () => {
    const out = await runResourcePolicy(
      stagingServiceDesiredZero,
      withProps(service("staging"), { desiredCount: undefined }),
    );
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses a staging service with desiredCount 1", async () => {
    const out = await runResourcePolicy(
      stagingServiceDesiredZero,
      withProps(service("staging"), { desiredCount: 1 }),
    );
    assert.deepStrictEqual(out.violations, [
      {
        policy: "staging-service-desired-zero",
        message:
          "ECS service 'ide-service' must have desiredCount 0 in staging; it has desiredCount 1.",
      },
    ]);
  });

  it("leaves prod services alone", async () => {
    const out = await runResourcePolicy(stagingServiceDesiredZero, service("prod"));
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, ["applies to staging services; this one is prod"]);
  });
});

describe("policy staging-scales-to-zero", () => {
  /** Staging switched on: the target's floor raised to 1. */
  const active = (...rest: FixtureResource[]) => [
    service("staging"),
    withProps(target("staging"), { minCapacity: 1 }),
    scalingPolicy("staging"),
    ...rest,
  ];
  const off = (ms: number, action = { minCapacity: 0, maxCapacity: 0 }) =>
    scheduledAction("staging", "staging-off", atUtc(ms), action);
  const run = (resources: FixtureResource[], config?: Record<string, unknown>) =>
    runStackPolicy(stagingScalesToZero, resources, { config });

  it("accepts staging switched off (minCapacity 0)", async () => {
    const out = await run([service("staging"), target("staging"), scalingPolicy("staging")]);
    assert.deepStrictEqual(out.violations, []);
  });

  it("accepts staging switched on with a return to 0 in 6 hours", async () => {
    const out = await run(active(off(Date.now() + 6 * HOUR)));
    assert.deepStrictEqual(out.violations, []);
  });

  it("reads at() in the action's time zone", async () => {
    // 6 hours from now, written as Sydney wall-clock time.
    const when = new Date(Date.now() + 6 * HOUR);
    const local = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Australia/Sydney",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .format(when)
      .replace(" ", "T");
    const action = scheduledAction(
      "staging",
      "staging-off",
      `at(${local})`,
      { minCapacity: 0, maxCapacity: 0 },
      "Australia/Sydney",
    );
    assert.deepStrictEqual((await run(active(action))).violations, []);
    // The same text read as UTC is 16 or 17 hours away (Sydney is UTC+10/+11): outside 8 hours.
    const utc = scheduledAction("staging", "staging-off", `at(${local})`, {
      minCapacity: 0,
      maxCapacity: 0,
    });
    const out = await run(active(utc), { maxActiveHours: 8 });
    assert.strictEqual(out.violations.length, 1);
  });

  it("refuses staging switched on with no scheduled action back to 0", async () => {
    const out = await run(active());
    assert.deepStrictEqual(out.violations, [
      {
        policy: "staging-scales-to-zero",
        message:
          "Staging scalable target 'ide-target' (minCapacity 1) must have a one-time at() scheduled action returning it to 0 tasks (maxCapacity 0) within 12 hours; none does.",
        urn: urnOf(TYPES.target, "ide-target"),
      },
    ]);
  });

  it("refuses a return to 0 further away than maxActiveHours", async () => {
    const at = atUtc(Date.now() + 30 * HOUR);
    const out = await run(active(off(Date.now() + 30 * HOUR)));
    assert.deepStrictEqual(messages(out), [
      `Staging scalable target 'ide-target' (minCapacity 1) must have a one-time at() scheduled action returning it to 0 tasks (maxCapacity 0) within 12 hours; 'staging-off' (${at}) is 30.0 hours away. To keep staging on that long, raise the staging-scales-to-zero policy's maxActiveHours to 30 in the policy config file given to pulumi preview and pulumi up with --policy-pack-config (npm start: --policy-config), {"staging-scales-to-zero": {"maxActiveHours": 30}} (or to the stack's pythonide:maxActiveHours, if that is more; raise it too if it is less).`,
    ]);
  });

  it("accepts the same action when maxActiveHours allows it", async () => {
    const out = await run(active(off(Date.now() + 30 * HOUR)), { maxActiveHours: 48 });
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses a return to 0 that is already in the past", async () => {
    const at = atUtc(Date.now() - 2 * HOUR);
    const out = await run(active(off(Date.now() - 2 * HOUR)));
    assert.deepStrictEqual(messages(out), [
      `Staging scalable target 'ide-target' (minCapacity 1) must have a one-time at() scheduled action returning it to 0 tasks (maxCapacity 0) within 12 hours; 'staging-off' (${at}) is in the past.`,
    ]);
  });

  it("refuses an action that lowers the floor but leaves maxCapacity above 0", async () => {
    const out = await run(active(off(Date.now() + HOUR, { minCapacity: 0, maxCapacity: 2 })));
    assert.deepStrictEqual(messages(out), [
      "Staging scalable target 'ide-target' (minCapacity 1) must have a one-time at() scheduled action returning it to 0 tasks (maxCapacity 0) within 12 hours; none does.",
    ]);
  });

  it("does not count a recurring cron() schedule", async () => {
    const cron = scheduledAction("staging", "nightly-off", "cron(0 20 * * ? *)", {
      minCapacity: 0,
      maxCapacity: 0,
    });
    const out = await run(active(cron));
    assert.strictEqual(out.violations.length, 1);
    assert.match(out.violations[0].message, /; none does\.$/);
  });

  it("does not count an action on another target", async () => {
    const other = withProps(off(Date.now() + HOUR), {
      resourceId: "service/pythonide/pythonide-admin",
    });
    const out = await run(active({ ...other, propertyDependencies: {} }));
    assert.strictEqual(out.violations.length, 1);
  });

  it("knows a target is staging from its service when the target carries no tags", async () => {
    const [svc, tgt, pol] = active();
    const out = await run([svc, withProps(tgt, { tags: undefined }), pol]);
    assert.strictEqual(out.violations.length, 1);
  });

  it("gives an action whose schedule is unknown in a preview the benefit of the doubt", async () => {
    const out = await run(active(withProps(off(Date.now() + HOUR), { schedule: unknown.string })));
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.previewNotes, []);
  });

  it("is not applicable to a stack without staging targets", async () => {
    const out = await run([service("prod"), target("prod"), scalingPolicy("prod")]);
    assert.deepStrictEqual(out.notApplicable, ["the stack has no staging scalable targets"]);
  });
});
