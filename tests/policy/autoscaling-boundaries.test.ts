/**
 * ecs-service-autoscaling at its edges: how a target and its actions are tied to a service (by
 * known ids, by dependency, by the parts of an id that are known), which targets count, counts
 * given as text, several targets of one service, untagged services; the staging and exam
 * policies reading a target's environment from its service.
 */
import * as assert from "assert";
import { ecsServiceAutoscaling } from "../../policy-pack/policies/autoscaling";
import { examCapacityDuringWindows } from "../../policy-pack/policies/exam";
import {
  HOUR,
  atUtc,
  scalingPolicy,
  scheduledAction,
  service,
  target,
  withProps,
} from "./fixtures";
import { FixtureResource, messages, runStackPolicy, unknown } from "./helpers";

const run = async (resources: FixtureResource[]) =>
  messages(await runStackPolicy(ecsServiceAutoscaling, resources));
const RID = "service/pythonide/pythonide-prod";
const noTarget = (rid = RID, svc = "ide-service") =>
  `ECS service '${svc}' must have an autoscaling target (aws.appautoscaling.Target, scalableDimension ecs:service:DesiredCount); none points at ${rid}.`;
const noAction = (shown: string, tgt = "ide-target") =>
  `Scalable target '${tgt}' of ECS service 'ide-service' must have at least one scaling policy or scheduled action; none acts on ${shown}.`;
/** A fixture without any recorded dependency. */
const loose = (f: FixtureResource, props: Record<string, unknown> = {}): FixtureResource => ({
  ...withProps(f, props),
  propertyDependencies: {},
  dependsOn: [],
});

describe("policy ecs-service-autoscaling: tying targets to services", () => {
  it("ties a target and its policy by known resourceIds alone", async () => {
    assert.deepStrictEqual(
      await run([service("prod"), loose(target("prod")), loose(scalingPolicy("prod"))]),
      [],
    );
  });

  it("does not tie a policy whose known resourceId names another target", async () => {
    assert.deepStrictEqual(
      await run([
        service("prod"),
        loose(target("prod")),
        loose(scalingPolicy("prod"), { resourceId: "service/pythonide/other" }),
      ]),
      [noAction(RID)],
    );
  });

  it("ties a target by dependency when the service's name is not known yet, and shows the target's id", async () => {
    const svc = withProps(service("prod"), { name: unknown.string });
    assert.deepStrictEqual(await run([svc, target("prod")]), [noAction(RID)]);
  });

  it("shows the service's id when the target's resourceId is not known yet", async () => {
    const tgt = withProps(target("prod"), { resourceId: unknown.string });
    assert.deepStrictEqual(await run([service("prod"), tgt]), [noAction(RID)]);
  });

  it("rules out, by the known parts of its id, a target of another cluster or service", async () => {
    const svc = withProps(service("prod"), { name: unknown.string });
    for (const rid of ["service/other-cluster/pythonide-prod", "svc/pythonide/pythonide-prod"]) {
      const out = await run([
        svc,
        loose(target("prod"), { resourceId: rid }),
        scalingPolicy("prod"),
      ]);
      assert.deepStrictEqual(out, [noTarget("(unknown until the update)")], rid);
    }
    const unknownCluster = withProps(service("prod"), { cluster: unknown.string });
    const other = loose(target("prod"), { resourceId: "service/pythonide/pythonide-admin" });
    assert.deepStrictEqual(await run([unknownCluster, other, scalingPolicy("prod")]), [
      noTarget("(unknown until the update)"),
    ]);
  });

  it("gives the benefit of the doubt to a target whose known parts match", async () => {
    const svc = withProps(service("prod"), { name: unknown.string });
    const tgt = loose(target("prod"), { resourceId: "service/pythonide/pythonide-prod" });
    assert.deepStrictEqual(await run([svc, tgt, scalingPolicy("prod")]), []);
    const cluster = withProps(service("prod"), { cluster: unknown.string });
    assert.deepStrictEqual(await run([cluster, tgt, scalingPolicy("prod")]), []);
  });

  it("rules out a target whose resourceId is unknown but whose dependencies are elsewhere", async () => {
    const other: FixtureResource = { ...service("prod", "admin-service") };
    const tgt = {
      ...withProps(target("prod"), { resourceId: unknown.string }),
      propertyDependencies: { resourceId: ["admin-service"] },
    };
    assert.deepStrictEqual(await run([service("prod"), other, tgt, scalingPolicy("prod")]), [
      noTarget(),
    ]);
  });

  it("counts a policy that depends on the service itself", async () => {
    const pol = {
      ...withProps(scalingPolicy("prod"), { resourceId: unknown.string }),
      propertyDependencies: { resourceId: ["ide-service"] },
    };
    const tgt = withProps(target("prod"), { resourceId: unknown.string });
    assert.deepStrictEqual(await run([service("prod"), tgt, pol]), []);
  });

  it("does not count a policy whose resourceId is unknown and depends on something else", async () => {
    const pol = {
      ...withProps(scalingPolicy("prod"), { resourceId: unknown.string }),
      propertyDependencies: { resourceId: ["other-target"] },
    };
    const other = loose(target("prod", "other-target"), {
      resourceId: "service/pythonide/pythonide-admin",
    });
    const tgt = withProps(target("prod"), { resourceId: unknown.string });
    assert.deepStrictEqual(await run([service("prod"), tgt, other, pol]), [noAction(RID)]);
  });

  it("leaves out targets and policies of other services than ECS", async () => {
    const dynamo = {
      serviceNamespace: "dynamodb",
      scalableDimension: "dynamodb:table:ReadCapacityUnits",
    };
    assert.deepStrictEqual(await run([service("prod"), withProps(target("prod"), dynamo)]), [
      noTarget(),
    ]);
    assert.deepStrictEqual(
      await run([service("prod"), target("prod"), withProps(scalingPolicy("prod"), dynamo)]),
      [noAction(RID)],
    );
    const dimension = { scalableDimension: "ecs:service:Other" };
    assert.deepStrictEqual(await run([service("prod"), withProps(target("prod"), dimension)]), [
      noTarget(),
    ]);
  });

  it("counts a target whose namespace or dimension is unknown in a preview", async () => {
    for (const props of [
      { serviceNamespace: unknown.string },
      { scalableDimension: unknown.string },
    ]) {
      assert.deepStrictEqual(
        await run([service("prod"), withProps(target("prod"), props), scalingPolicy("prod")]),
        [],
      );
    }
  });

  it("ties through resource-level dependencies when none are given per property", async () => {
    const tgt = {
      ...withProps(target("prod"), { resourceId: unknown.string }),
      propertyDependencies: {},
      dependsOn: ["ide-service"],
    };
    const pol = {
      ...withProps(scalingPolicy("prod"), { resourceId: unknown.string }),
      propertyDependencies: {},
      dependsOn: ["ide-target"],
    };
    assert.deepStrictEqual(await run([service("prod"), tgt, pol]), []);
  });
});

describe("policy ecs-service-autoscaling: capacities and several targets", () => {
  it("reads capacities given as text, and leaves unknown ones to the update", async () => {
    const tgt = (props: Record<string, unknown>) => withProps(target("prod"), props);
    assert.deepStrictEqual(
      await run([
        service("prod"),
        tgt({ minCapacity: "3", maxCapacity: "2" }),
        scalingPolicy("prod"),
      ]),
      [
        "Scalable target 'ide-target' of ECS service 'ide-service' must have minCapacity <= maxCapacity; it has minCapacity 3, maxCapacity 2.",
      ],
    );
    for (const props of [
      { minCapacity: unknown.number, maxCapacity: 1 },
      { minCapacity: 1, maxCapacity: unknown.number },
      { minCapacity: " ", maxCapacity: 1 },
    ]) {
      assert.deepStrictEqual(await run([service("prod"), tgt(props), scalingPolicy("prod")]), []);
    }
  });

  it("holds an untagged service to prod's rule that targets must be able to grow", async () => {
    const svc = withProps(service("prod"), { tags: undefined });
    const tgt = withProps(target("prod"), { minCapacity: 2, maxCapacity: 2 });
    assert.deepStrictEqual(await run([svc, tgt, scalingPolicy("prod")]), [
      "Scalable target 'ide-target' of ECS service 'ide-service' must have maxCapacity above minCapacity in prod so autoscaling can add tasks; both are 2.",
    ]);
  });

  it("accepts a service when one of its targets is right, and reports only the first otherwise", async () => {
    const broken = withProps(target("prod", "broken-target"), { minCapacity: 5, maxCapacity: 1 });
    const second = withProps(target("prod", "second-target"), { minCapacity: 2, maxCapacity: 1 });
    const pol = { ...scalingPolicy("prod"), propertyDependencies: {} };
    assert.deepStrictEqual(await run([service("prod"), broken, target("prod"), pol]), []);
    assert.deepStrictEqual(await run([service("prod"), broken, second, pol]), [
      "Scalable target 'broken-target' of ECS service 'ide-service' must have minCapacity <= maxCapacity; it has minCapacity 5, maxCapacity 1.",
    ]);
  });

  it("does not take a target that definitely scales another service as an undecided one", async () => {
    const admin = withProps(service("prod", "admin-service"), { name: "pythonide-admin" });
    const adminTarget = loose(target("prod", "admin-target"), {
      resourceId: "service/pythonide/pythonide-admin",
    });
    const undecided = loose(target("prod", "maybe-target"), { resourceId: unknown.string });
    const adminPolicy = {
      ...withProps(scalingPolicy("prod", "admin-cpu"), {
        resourceId: "service/pythonide/pythonide-admin",
      }),
      propertyDependencies: { resourceId: ["admin-target"] },
    };
    assert.deepStrictEqual(await run([service("prod"), admin, adminTarget, adminPolicy]), [
      noTarget(),
    ]);
    // An undecided target is lent to the service with no definite one, and judged as its own.
    assert.deepStrictEqual(
      await run([service("prod"), admin, adminTarget, adminPolicy, undecided]),
      [noAction("service/pythonide/pythonide-prod", "maybe-target")],
    );
  });
});

describe("exam policy: a target's environment from its service", () => {
  it("judges an untagged target by the exam service it scales", async () => {
    const start = Date.now() + 48 * HOUR;
    const out = await runStackPolicy(examCapacityDuringWindows, [
      service("exam"),
      withProps(target("exam"), { tags: undefined }),
      scheduledAction("exam", "open", atUtc(start), { minCapacity: 1, maxCapacity: 10 }),
    ]);
    assert.strictEqual(out.violations.length, 1);
    const prod = await runStackPolicy(examCapacityDuringWindows, [
      withProps(service("exam"), { tags: undefined }),
      withProps(target("exam"), { tags: undefined }),
    ]);
    assert.deepStrictEqual(prod.notApplicable, ["the stack has no exam scalable targets"]);
  });
});
