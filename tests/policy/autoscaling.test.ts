import * as assert from "assert";
import { ecsServiceAutoscaling } from "../../policy-pack/policies/autoscaling";
import {
  HOUR,
  TYPES,
  atUtc,
  scaledService,
  scalingPolicy,
  scheduledAction,
  service,
  target,
  taskDefinition,
  withProps,
} from "./fixtures";
import { FixtureResource, messages, runStackPolicy, unknown, urnOf } from "./helpers";

const run = (resources: FixtureResource[], config?: Record<string, unknown>) =>
  runStackPolicy(ecsServiceAutoscaling, resources, { config });

describe("policy ecs-service-autoscaling", () => {
  it("accepts a service with a target and a target-tracking policy", async () => {
    const out = await run(scaledService("prod"));
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.previewNotes, []);
  });

  it("accepts a target whose only action is a scheduled action (exam)", async () => {
    const out = await run([
      service("exam"),
      target("exam"),
      scheduledAction("exam", "midsem-open", atUtc(Date.now() + 24 * HOUR), {
        minCapacity: 3,
        maxCapacity: 10,
      }),
    ]);
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses seed 001's exam service: no scalable target at all", async () => {
    const out = await run([
      taskDefinition("exam"),
      withProps(service("exam"), { name: "pythonide-exam-task-service", desiredCount: 1 }),
    ]);
    assert.deepStrictEqual(out.violations, [
      {
        policy: "ecs-service-autoscaling",
        message:
          "ECS service 'ide-service' must have an autoscaling target (aws.appautoscaling.Target, scalableDimension ecs:service:DesiredCount); none points at service/pythonide/pythonide-exam-task-service.",
        urn: urnOf(TYPES.service, "ide-service"),
      },
    ]);
  });

  it("skips a service exempted in config (by logical or given name), still judging the others", async () => {
    const scheduler = withProps(service("prod", "scheduler"), { name: "pythonide-scheduler" });
    const lone = withProps(service("prod", "cache"), { name: "pythonide-cache" });
    const exemptServices = [
      { service: "scheduler", reason: "a singleton: two schedulers would run every job twice" },
    ];
    const out = await run([...scaledService("prod"), scheduler, lone], { exemptServices });
    assert.deepStrictEqual(messages(out), [
      "ECS service 'cache' must have an autoscaling target (aws.appautoscaling.Target, scalableDimension ecs:service:DesiredCount); none points at service/pythonide/pythonide-cache.",
    ]);
    const byGiven = await run([scheduler], {
      exemptServices: [{ service: "pythonide-scheduler", reason: "singleton" }],
    });
    assert.deepStrictEqual(byGiven.violations, []);
  });

  it("refuses a service whose only target scales another service", async () => {
    const other = withProps(target("prod"), { resourceId: "service/pythonide/pythonide-admin" });
    const out = await run([
      service("prod"),
      { ...other, propertyDependencies: {} },
      scalingPolicy("prod"),
    ]);
    assert.deepStrictEqual(messages(out), [
      "ECS service 'ide-service' must have an autoscaling target (aws.appautoscaling.Target, scalableDimension ecs:service:DesiredCount); none points at service/pythonide/pythonide-prod.",
    ]);
  });

  it("refuses a target with minCapacity above maxCapacity", async () => {
    const [svc, tgt, pol] = scaledService("prod");
    const out = await run([svc, withProps(tgt, { minCapacity: 4, maxCapacity: 2 }), pol]);
    assert.deepStrictEqual(out.violations, [
      {
        policy: "ecs-service-autoscaling",
        message:
          "Scalable target 'ide-target' of ECS service 'ide-service' must have minCapacity <= maxCapacity; it has minCapacity 4, maxCapacity 2.",
        urn: urnOf(TYPES.target, "ide-target"),
      },
    ]);
  });

  it("refuses a prod target that cannot grow (min = max)", async () => {
    const [svc, tgt, pol] = scaledService("prod");
    const out = await run([svc, withProps(tgt, { minCapacity: 2, maxCapacity: 2 }), pol]);
    assert.deepStrictEqual(messages(out), [
      "Scalable target 'ide-target' of ECS service 'ide-service' must have maxCapacity above minCapacity in prod so autoscaling can add tasks; both are 2.",
    ]);
  });

  it("refuses an exam target that cannot grow (min = max)", async () => {
    const [svc, tgt, pol] = scaledService("exam");
    const out = await run([svc, withProps(tgt, { minCapacity: 3, maxCapacity: 3 }), pol]);
    assert.deepStrictEqual(messages(out), [
      "Scalable target 'ide-target' of ECS service 'ide-service' must have maxCapacity above minCapacity in exam so autoscaling can add tasks; both are 3.",
    ]);
  });

  it("lets a staging target rest at min = max = 0", async () => {
    const [svc, tgt, pol] = scaledService("staging");
    const out = await run([svc, withProps(tgt, { minCapacity: 0, maxCapacity: 0 }), pol]);
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses a target with neither a scaling policy nor a scheduled action", async () => {
    const out = await run([service("prod"), target("prod")]);
    assert.deepStrictEqual(out.violations, [
      {
        policy: "ecs-service-autoscaling",
        message:
          "Scalable target 'ide-target' of ECS service 'ide-service' must have at least one scaling policy or scheduled action; none acts on service/pythonide/pythonide-prod.",
        urn: urnOf(TYPES.target, "ide-target"),
      },
    ]);
  });

  it("does not count a policy on another target", async () => {
    const other = withProps(scalingPolicy("prod"), {
      resourceId: "service/pythonide/pythonide-admin",
    });
    const out = await run([
      service("prod"),
      target("prod"),
      { ...other, propertyDependencies: {} },
    ]);
    assert.strictEqual(out.violations.length, 1);
    assert.match(out.violations[0].message, /must have at least one scaling policy/);
  });

  it("matches by dependency while the resourceIds are unknown (preview of a new cluster)", async () => {
    const [svc, tgt, pol] = scaledService("prod");
    const out = await run([
      withProps(svc, { cluster: unknown.string }),
      withProps(tgt, { resourceId: unknown.string }),
      withProps(pol, { resourceId: unknown.string }),
    ]);
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.previewNotes, [], "unknowns must not silence the stack policy");
  });

  it("still refuses, during a preview, a target matched by dependency that has no action", async () => {
    const [svc, tgt] = scaledService("prod");
    const out = await run([
      withProps(svc, { cluster: unknown.string }),
      withProps(tgt, { resourceId: unknown.string }),
    ]);
    assert.deepStrictEqual(messages(out), [
      "Scalable target 'ide-target' of ECS service 'ide-service' must have at least one scaling policy or scheduled action; none acts on (unknown until the update).",
    ]);
  });

  it("gives the benefit of the doubt to a target it can neither match nor rule out", async () => {
    // Offline-gate style: the service's name left out, no dependency information at all.
    const [svc, tgt, pol] = scaledService("prod");
    const out = await run([
      withProps(svc, { name: undefined }),
      { ...withProps(tgt, { resourceId: undefined }), propertyDependencies: {} },
      { ...withProps(pol, { resourceId: undefined }), propertyDependencies: {} },
    ]);
    assert.deepStrictEqual(out.violations, []);
  });

  it("does not lend one service's definite target to a second service", async () => {
    const second = withProps(service("prod", "ide-service-2"), { name: undefined });
    const out = await run([...scaledService("prod"), second]);
    assert.deepStrictEqual(messages(out), [
      "ECS service 'ide-service-2' must have an autoscaling target (aws.appautoscaling.Target, scalableDimension ecs:service:DesiredCount); none points at (unknown until the update).",
    ]);
  });

  it("matches through resource-level dependencies when no property dependencies are given", async () => {
    const [svc, tgt, pol] = scaledService("prod");
    const out = await run([
      withProps(svc, { name: undefined }),
      {
        ...withProps(tgt, { resourceId: undefined }),
        propertyDependencies: {},
        dependsOn: ["ide-service"],
      },
      {
        ...withProps(pol, { resourceId: undefined }),
        propertyDependencies: {},
        dependsOn: ["ide-target"],
      },
    ]);
    assert.deepStrictEqual(out.violations, []);
  });

  it("reads the cluster name out of a cluster ARN and a bare name alike", async () => {
    const [svc, tgt, pol] = scaledService("prod");
    const bare = withProps(svc, { cluster: "pythonide" });
    const out = await run([
      bare,
      { ...tgt, propertyDependencies: {} },
      { ...pol, propertyDependencies: {} },
    ]);
    assert.deepStrictEqual(out.violations, []);
  });

  it("takes the environments that must grow from config", async () => {
    const [svc, tgt, pol] = scaledService("prod");
    const fixed = [svc, withProps(tgt, { minCapacity: 2, maxCapacity: 2 }), pol];
    const out = await run(fixed, { growEnvironments: ["exam"] });
    assert.deepStrictEqual(out.violations, []);
  });

  it("is not applicable to a stack without ECS services", async () => {
    const out = await run([taskDefinition("prod")]);
    assert.deepStrictEqual(out.notApplicable, ["the stack has no ECS services"]);
  });
});
