/**
 * How the policies read what the engine hands them, at the edges: tags from the provider as an
 * object or as unreadable text, null and non-text tag values, an Environment outside the stacks,
 * missing or null nested inputs, dependencies per property versus per resource, a target's
 * environment from the service it scales, and the pinned clock.
 */
import * as assert from "assert";
import { ecsServiceAutoscaling } from "../../policy-pack/policies/autoscaling";
import { ecsTaskSizeCeiling } from "../../policy-pack/policies/compute";
import { examCapacityDuringWindows, examServiceMultiSubnet } from "../../policy-pack/policies/exam";
import { stagingScalesToZero } from "../../policy-pack/policies/staging";
import { securityGroupNoPublicIngress } from "../../policy-pack/policies/network";
import { requiredTags } from "../../policy-pack/policies/tagging";
import {
  HOUR,
  TYPES,
  atUtc,
  edge,
  scalingPolicy,
  scheduledAction,
  service,
  target,
  taskDefinition,
  withProps,
} from "./fixtures";
import { FixtureResource, messages, runResourcePolicy, runStackPolicy, unknown } from "./helpers";

const lacks = (missing: string) =>
  `aws:ecs/service:Service 'ide-service' must carry the tags Environment, Service, ManagedBy; it lacks ${missing}.`;
const withProvider = (f: FixtureResource, defaultTags: unknown): FixtureResource => ({
  ...f,
  provider: {
    type: "pulumi:providers:aws",
    name: "tagged",
    props: { region: "us-east-1", defaultTags },
  },
});

describe("reading tags", () => {
  it("takes the provider's defaultTags given as an object, and ignores text that is not JSON", async () => {
    const own = withProps(service("prod"), { tags: { Service: "ide" } });
    const asObject = withProvider(own, { tags: { Environment: "prod", ManagedBy: "pulumi" } });
    assert.deepStrictEqual(messages(await runResourcePolicy(requiredTags, asObject)), []);
    const broken = withProvider(own, "{not json");
    assert.deepStrictEqual(messages(await runResourcePolicy(requiredTags, broken)), [
      lacks("Environment, ManagedBy"),
    ]);
  });

  it("counts tags null as none, a tag that is not text as missing, an unknown one as present", async () => {
    assert.deepStrictEqual(
      messages(await runResourcePolicy(requiredTags, withProps(service("prod"), { tags: null }))),
      [lacks("Environment, Service, ManagedBy")],
    );
    const odd = withProps(service("prod"), {
      tags: { Environment: "prod", Service: 5, ManagedBy: unknown.string },
    });
    assert.deepStrictEqual(messages(await runResourcePolicy(requiredTags, odd)), [
      lacks("Service"),
    ]);
  });

  it("holds a task definition whose Environment is not a stack to the prod ceiling", async () => {
    const f = withProps(taskDefinition("prod"), {
      cpu: "2048",
      memory: "8192",
      tags: { Environment: "dev", Service: "ide", ManagedBy: "pulumi" },
    });
    assert.deepStrictEqual(messages(await runResourcePolicy(ecsTaskSizeCeiling, f)), [
      "ECS task definition 'ide-task' must fit the prod ceiling of 1024 CPU units and 4096 MiB; it asks for 2048 CPU units and 8192 MiB. Lower pythonide:taskCpu / pythonide:taskMemory in the stack's config, or raise the ceiling with this policy's prodMaxCpu / prodMaxMemoryMib in the policy config (pulumi: --policy-pack-config; npm start: --policy-config).",
    ]);
  });
});

describe("reading nested inputs and dependencies", () => {
  it("does not judge a scheduled action without a target action, or with null", async () => {
    const start = Date.now() + 48 * HOUR;
    for (const scalableTargetAction of [undefined, null]) {
      const action = withProps(scheduledAction("exam", "open", atUtc(start), {}), {
        scalableTargetAction,
      });
      const out = await runStackPolicy(examCapacityDuringWindows, [
        service("exam"),
        target("exam"),
        action,
      ]);
      assert.deepStrictEqual(out.violations, []);
    }
  });

  it("follows a target's dependency for resourceId, not its other dependencies", async () => {
    const admin = service("prod", "admin-service");
    const tgt: FixtureResource = {
      ...withProps(target("prod"), { resourceId: unknown.string }),
      propertyDependencies: { resourceId: ["admin-service"], tags: ["ide-service"] },
    };
    const out = await runStackPolicy(ecsServiceAutoscaling, [
      service("prod"),
      admin,
      tgt,
      scalingPolicy("prod"),
    ]);
    assert.deepStrictEqual(messages(out), [
      "ECS service 'ide-service' must have an autoscaling target (aws.appautoscaling.Target, scalableDimension ecs:service:DesiredCount); none points at service/pythonide/pythonide-prod.",
    ]);
  });

  it("ties a policy with a known resourceId to a target whose id is unknown, by dependency", async () => {
    const tgt = withProps(target("prod"), { resourceId: unknown.string });
    const out = await runStackPolicy(ecsServiceAutoscaling, [
      service("prod"),
      tgt,
      scalingPolicy("prod"),
    ]);
    assert.deepStrictEqual(messages(out), []);
  });

  it("leaves out a target on an ECS dimension of another namespace", async () => {
    const tgt = withProps(target("prod"), { serviceNamespace: "dynamodb" });
    const out = await runStackPolicy(ecsServiceAutoscaling, [
      service("prod"),
      tgt,
      scalingPolicy("prod"),
    ]);
    assert.strictEqual(messages(out).length, 1);
  });

  it("gives an untagged target no environment from a service it does not scale", async () => {
    const other = withProps(service("exam"), { name: "pythonide-other" });
    const tgt: FixtureResource = {
      ...withProps(target("exam"), { tags: undefined, maxCapacity: 1 }),
      propertyDependencies: {},
    };
    const out = await runStackPolicy(examCapacityDuringWindows, [other, tgt]);
    assert.deepStrictEqual(out.notApplicable, ["the stack has no exam scalable targets"]);
  });
});

describe("reading a list given as text", () => {
  it("counts an exam service's subnets given as one string as none", async () => {
    const svc = withProps(service("exam"), {
      networkConfiguration: {
        subnets: "subnet-a",
        securityGroups: ["sg-0"],
        assignPublicIp: false,
      },
    });
    assert.deepStrictEqual(messages(await runResourcePolicy(examServiceMultiSubnet, svc)), [
      "ECS service 'ide-service' must span at least 2 subnets in exam; it has 0.",
    ]);
  });
});

describe("the pinned clock", () => {
  const saved = process.env.PYTHONIDE_NOW;
  afterEach(() => {
    if (saved === undefined) delete process.env.PYTHONIDE_NOW;
    else process.env.PYTHONIDE_NOW = saved;
  });

  it("judges staging's return to zero against PYTHONIDE_NOW when it is set", async () => {
    const stack = [
      service("staging"),
      withProps(target("staging"), { minCapacity: 1 }),
      scalingPolicy("staging"),
      scheduledAction("staging", "staging-off", "at(2030-01-01T06:00:00)", {
        minCapacity: 0,
        maxCapacity: 0,
      }),
    ];
    process.env.PYTHONIDE_NOW = "2030-01-01T00:00:00Z";
    assert.deepStrictEqual((await runStackPolicy(stagingScalesToZero, stack)).violations, []);
    process.env.PYTHONIDE_NOW = "not a time";
    assert.strictEqual((await runStackPolicy(stagingScalesToZero, stack)).violations.length, 1);
  });
});

describe("reading links between resources, more edges", () => {
  const RID = "service/pythonide/pythonide-prod";
  const noTarget = (rid = RID) =>
    `ECS service 'ide-service' must have an autoscaling target (aws.appautoscaling.Target, scalableDimension ecs:service:DesiredCount); none points at ${rid}.`;
  const autoscaling = async (resources: FixtureResource[]) =>
    messages(await runStackPolicy(ecsServiceAutoscaling, resources));

  it("rules out a target whose only resource-level dependency is another service", async () => {
    const admin = withProps(service("prod", "admin-service"), { name: "pythonide-admin" });
    const tgt: FixtureResource = {
      ...withProps(target("prod"), { resourceId: unknown.string }),
      propertyDependencies: {},
      dependsOn: ["admin-service"],
    };
    assert.deepStrictEqual(
      await autoscaling([service("prod"), admin, tgt, scalingPolicy("prod")]),
      [noTarget()],
    );
  });

  it("rules out a target whose resourceId depends on something that is not a service", async () => {
    const tgt: FixtureResource = {
      ...withProps(target("prod"), { resourceId: unknown.string }),
      propertyDependencies: { resourceId: ["ide-task"] },
    };
    assert.deepStrictEqual(
      await autoscaling([service("prod"), taskDefinition("prod"), tgt, scalingPolicy("prod")]),
      [noTarget()],
    );
  });

  it("reads a resourceId only as service/<cluster>/<service>, whole", async () => {
    const svc = withProps(service("prod"), { name: unknown.string });
    for (const rid of [`x-${RID}`, `${RID}/extra`]) {
      const tgt: FixtureResource = {
        ...withProps(target("prod"), { resourceId: rid }),
        propertyDependencies: {},
      };
      assert.deepStrictEqual(
        await autoscaling([svc, tgt, scalingPolicy("prod")]),
        [noTarget("(unknown until the update)")],
        rid,
      );
    }
  });

  it("ties a policy to a target by its resourceId dependency while both ids are unknown", async () => {
    const tgt = withProps(target("prod"), { resourceId: unknown.string });
    const pol = withProps(scalingPolicy("prod"), { resourceId: unknown.string });
    assert.deepStrictEqual(await autoscaling([service("prod"), tgt, pol]), []);
  });

  it("reads a capacity of blanks as unknown, not as 0", async () => {
    const tgt = withProps(target("prod"), { minCapacity: " ", maxCapacity: 0 });
    assert.deepStrictEqual(await autoscaling([service("prod"), tgt, scalingPolicy("prod")]), []);
  });

  it("takes a target's own Environment tag over that of a service", async () => {
    const out = await runStackPolicy(examCapacityDuringWindows, [
      service("prod"),
      withProps(target("exam"), { maxCapacity: 1 }),
    ]);
    assert.deepStrictEqual(messages(out), [
      "Exam scalable target 'ide-target' must allow at least 2 tasks during exam windows; it has maxCapacity 1.",
    ]);
  });
});

describe("reading links: unknown ids and the links each policy relies on", () => {
  const autoscaling = async (resources: FixtureResource[]) =>
    messages(await runStackPolicy(ecsServiceAutoscaling, resources));

  it("ties a policy whose id is unknown to a target whose id is known, by dependency", async () => {
    const pol = withProps(scalingPolicy("prod"), { resourceId: unknown.string });
    assert.deepStrictEqual(await autoscaling([service("prod"), target("prod"), pol]), []);
  });

  it("lends a target it can neither tie nor rule out to a service without one", async () => {
    const tgt: FixtureResource = {
      ...withProps(target("prod"), { resourceId: unknown.string }),
      propertyDependencies: {},
    };
    assert.deepStrictEqual(await autoscaling([service("prod"), tgt, scalingPolicy("prod")]), []);
  });

  it("gives an untagged target the environment of the service its known id names", async () => {
    const tgt: FixtureResource = {
      ...withProps(target("exam"), { tags: undefined, maxCapacity: 1 }),
      propertyDependencies: {},
    };
    const out = await runStackPolicy(examCapacityDuringWindows, [service("exam"), tgt]);
    assert.deepStrictEqual(messages(out), [
      "Exam scalable target 'ide-target' must allow at least 2 tasks during exam windows; it has maxCapacity 1.",
    ]);
  });

  it("judges an exam window opened by an action tied to the target only by dependency", async () => {
    const action = withProps(
      scheduledAction("exam", "open", atUtc(Date.now() + 48 * HOUR), {
        minCapacity: 1,
        maxCapacity: 10,
      }),
      { resourceId: unknown.string },
    );
    const out = await runStackPolicy(examCapacityDuringWindows, [
      service("exam"),
      target("exam"),
      action,
    ]);
    assert.strictEqual(out.violations.length, 1);
  });
});

describe("reading a rule's group while ids are unknown", () => {
  // Two unknown ids are never taken as equal: with no dependency tying the rule to the load
  // balancer's group, the rule's group is not the one group allowed to face the internet.
  it("does not take a rule whose group id is unknown for a group whose id is unknown too", async () => {
    const [lbSg, tasksSg, tasksFromLb, lb] = edge();
    const rule: FixtureResource = {
      type: TYPES.ingressRule,
      name: "open",
      props: {
        securityGroupId: unknown.string,
        cidrIpv4: "0.0.0.0/0",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
      },
    };
    const out = await runStackPolicy(securityGroupNoPublicIngress, [
      withProps(lbSg, { id: unknown.string }),
      tasksSg,
      tasksFromLb,
      withProps(lb, { securityGroups: [unknown.string] }),
      rule,
    ]);
    assert.deepStrictEqual(messages(out), [
      "Security group ingress rule 'open' must not accept tcp 443 from 0.0.0.0/0: only the load balancer's security group may be open to the internet, on tcp 80, 443.",
    ]);
  });
});
