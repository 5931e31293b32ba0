import * as assert from "assert";
import { examCapacityDuringWindows, examServiceMultiSubnet } from "../../policy-pack/policies/exam";
import {
  HOUR,
  TYPES,
  atUtc,
  scalingPolicy,
  scheduledAction,
  service,
  serviceProps,
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

describe("policy exam-capacity-during-windows", () => {
  const start = Date.now() + 48 * HOUR;
  /** An exam service idling at 0, with one window opened at min 3 and closed back to 0. */
  const examStack = (open = { minCapacity: 3, maxCapacity: 10 }): FixtureResource[] => [
    service("exam"),
    target("exam"),
    scalingPolicy("exam"),
    scheduledAction("exam", "midsem-open", atUtc(start - HOUR), open),
    scheduledAction("exam", "midsem-close", atUtc(start + 2.5 * HOUR), {
      minCapacity: 0,
      maxCapacity: 10,
    }),
  ];
  const run = (resources: FixtureResource[], config?: Record<string, unknown>) =>
    runStackPolicy(examCapacityDuringWindows, resources, { config });

  it("accepts windows that raise the floor to 2 or more and close back to 0", async () => {
    const out = await run(examStack());
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses a window that raises the floor to a single task", async () => {
    const out = await run(examStack({ minCapacity: 1, maxCapacity: 10 }));
    assert.deepStrictEqual(out.violations, [
      {
        policy: "exam-capacity-during-windows",
        message: `Scheduled action 'midsem-open' (${atUtc(start - HOUR)}) on exam scalable target 'ide-target' must keep at least 2 tasks during the exam window it opens; it sets minCapacity 1.`,
        urn: urnOf(TYPES.scheduledAction, "midsem-open"),
      },
    ]);
  });

  /** Two courses' exams overlapping (model/schedule.ts examPlan): up, two steps, down. */
  const overlapping = (secondEnds = { minCapacity: 2, maxCapacity: 10 }): FixtureResource[] => [
    service("exam"),
    target("exam"),
    scalingPolicy("exam"),
    scheduledAction("exam", "cs101-scale-up", atUtc(start - HOUR), {
      minCapacity: 4,
      maxCapacity: 10,
    }),
    scheduledAction("exam", "ma201-scale-up", atUtc(start), { minCapacity: 6, maxCapacity: 10 }),
    scheduledAction("exam", "cs101-scale-down", atUtc(start + 2.5 * HOUR), secondEnds),
    scheduledAction("exam", "ma201-scale-down", atUtc(start + 3.5 * HOUR), {
      minCapacity: 0,
      maxCapacity: 10,
    }),
  ];

  it("accepts overlapping exams' steps between the scale-up and the scale-down (4, 6, 2, 0)", async () => {
    const out = await run(overlapping());
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses a step between overlapping exams that leaves a single task", async () => {
    const out = await run(overlapping({ minCapacity: 1, maxCapacity: 10 }));
    assert.deepStrictEqual(messages(out), [
      `Scheduled action 'cs101-scale-down' (${atUtc(start + 2.5 * HOUR)}) on exam scalable target 'ide-target' must keep at least 2 tasks during the exam window it opens; it sets minCapacity 1.`,
    ]);
  });

  it("refuses an exam target whose maxCapacity leaves no room for 2 tasks", async () => {
    const [svc, tgt, ...rest] = examStack();
    const out = await run([svc, withProps(tgt, { maxCapacity: 1 }), ...rest]);
    assert.deepStrictEqual(out.violations, [
      {
        policy: "exam-capacity-during-windows",
        message:
          "Exam scalable target 'ide-target' must allow at least 2 tasks during exam windows; it has maxCapacity 1.",
        urn: urnOf(TYPES.target, "ide-target"),
      },
    ]);
  });

  it("takes the fewest tasks during an exam from config", async () => {
    const out = await run(examStack(), { minTasksDuringExam: 4 });
    assert.deepStrictEqual(messages(out), [
      `Scheduled action 'midsem-open' (${atUtc(start - HOUR)}) on exam scalable target 'ide-target' must keep at least 4 tasks during the exam window it opens; it sets minCapacity 3.`,
    ]);
  });

  it("refuses a single-task window in a first preview: literal target, unknown cluster ARN, known cluster name", async () => {
    const cluster: FixtureResource = {
      type: TYPES.cluster,
      name: "cluster",
      props: { name: "pythonide", arn: unknown.string, id: unknown.string },
    };
    // The target names the service with literal strings: no dependency on it.
    const literal = (f: FixtureResource): FixtureResource => ({ ...f, propertyDependencies: {} });
    const svc: FixtureResource = {
      ...service("exam"),
      props: { ...serviceProps("exam"), cluster: unknown.string, taskDefinition: unknown.string },
      propertyDependencies: { cluster: ["cluster"] },
    };
    const [, tgt, pol, open, close] = examStack({ minCapacity: 1, maxCapacity: 10 });
    const untagged = (f: FixtureResource): FixtureResource =>
      literal({ ...f, props: { ...f.props, tags: undefined } });
    const out = await run([cluster, svc, untagged(tgt), pol, literal(open), literal(close)]);
    assert.deepStrictEqual(messages(out), [
      `Scheduled action 'midsem-open' (${atUtc(start - HOUR)}) on exam scalable target 'ide-target' must keep at least 2 tasks during the exam window it opens; it sets minCapacity 1.`,
    ]);
    assert.deepStrictEqual(out.previewNotes, []);
  });

  it("does not judge an action it cannot tie to the target during a preview", async () => {
    const [svc, tgt, pol, open, close] = examStack({ minCapacity: 1, maxCapacity: 10 });
    const loose = { ...withProps(open, { resourceId: unknown.string }), propertyDependencies: {} };
    const out = await run([svc, tgt, pol, loose, close]);
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.previewNotes, []);
  });

  it("is not applicable outside exam", async () => {
    const out = await run([service("prod"), target("prod"), scalingPolicy("prod")]);
    assert.deepStrictEqual(out.notApplicable, ["the stack has no exam scalable targets"]);
  });
});

describe("policy exam-service-multi-subnet", () => {
  const withSubnets = (subnets: unknown[]) =>
    withProps(service("exam"), {
      networkConfiguration: { ...(serviceProps("exam").networkConfiguration as object), subnets },
    });

  it("accepts an exam service in two subnets", async () => {
    const out = await runResourcePolicy(examServiceMultiSubnet, service("exam"));
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses an exam service in one subnet", async () => {
    const out = await runResourcePolicy(examServiceMultiSubnet, withSubnets(["subnet-0000000a"]));
    assert.deepStrictEqual(out.violations, [
      {
        policy: "exam-service-multi-subnet",
        message:
          "ECS service 'ide-service' must span at least 2 subnets in exam; it has 1 (subnet-0000000a).",
      },
    ]);
  });

  it("counts a subnet listed twice once", async () => {
    const out = await runResourcePolicy(
      examServiceMultiSubnet,
      withSubnets(["subnet-0000000a", "subnet-0000000a"]),
    );
    assert.deepStrictEqual(messages(out), [
      "ECS service 'ide-service' must span at least 2 subnets in exam; it has 1 (subnet-0000000a).",
    ]);
  });

  it("refuses an exam service without a network configuration", async () => {
    const out = await runResourcePolicy(
      examServiceMultiSubnet,
      withProps(service("exam"), { networkConfiguration: undefined }),
    );
    assert.deepStrictEqual(messages(out), [
      "ECS service 'ide-service' must span at least 2 subnets in exam; it has 0.",
    ]);
  });

  it("counts subnet ids not known yet as distinct subnets", async () => {
    const out = await runResourcePolicy(
      examServiceMultiSubnet,
      withSubnets([unknown.string, unknown.string]),
    );
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.previewNotes, []);
  });

  it("leaves prod services alone, even in one subnet", async () => {
    const prod = withProps(service("prod"), {
      networkConfiguration: { subnets: ["subnet-0000000a"], assignPublicIp: false },
    });
    const out = await runResourcePolicy(examServiceMultiSubnet, prod);
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, ["applies to exam services; this one is prod"]);
  });
});
