import * as assert from "assert";
import { GraphResource, ResourceGraph, TYPES, UNKNOWN } from "../../model/graph";

/** A resource with urn `u:<name>`; deps name other resources by name. */
function r(
  type: string,
  name: string,
  props: Record<string, unknown>,
  propertyDependencies: Record<string, string[]> = {},
): GraphResource {
  return {
    urn: `u:${name}`,
    type,
    name,
    props,
    dependencies: Object.values(propertyDependencies)
      .flat()
      .map((n) => `u:${n}`),
    propertyDependencies: Object.fromEntries(
      Object.entries(propertyDependencies).map(([k, v]) => [k, v.map((n) => `u:${n}`)]),
    ),
  };
}

const cluster = r(TYPES.cluster, "cluster", { name: "pythonide" });

/** A first preview: the service's cluster and task definition are unknown ARNs. */
function firstPreview(): GraphResource[] {
  return [
    cluster,
    r(TYPES.taskDefinition, "task", { family: "ide", cpu: "512", memory: "1024" }),
    r(TYPES.taskDefinition, "other-task", { family: "other", cpu: "256", memory: "512" }),
    r(TYPES.securityGroup, "lb-sg", { ingress: [] }),
    r(TYPES.securityGroup, "task-sg", { ingress: [] }),
    r(
      TYPES.service,
      "svc",
      {
        name: "ide",
        cluster: UNKNOWN,
        taskDefinition: UNKNOWN,
        networkConfiguration: { securityGroups: [UNKNOWN, UNKNOWN], assignPublicIp: true },
      },
      {
        cluster: ["cluster"],
        taskDefinition: ["task"],
        networkConfiguration: ["lb-sg", "task-sg"],
      },
    ),
    r(TYPES.loadBalancer, "lb", { securityGroups: [UNKNOWN] }, { securityGroups: ["lb-sg"] }),
    // Named with literal strings: no dependency on the service.
    r(TYPES.scalableTarget, "target", {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: "service/pythonide/ide",
      minCapacity: 0,
      maxCapacity: 4,
    }),
    r(
      TYPES.scheduledAction,
      "window",
      {
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId: UNKNOWN,
        schedule: "at(2026-03-01T08:00:00)",
        scalableTargetAction: { minCapacity: 1 },
      },
      { resourceId: ["target"] },
    ),
    r(
      TYPES.scalingPolicy,
      "cpu",
      { resourceId: "service/pythonide/ide", serviceNamespace: "ecs" },
      {},
    ),
    r(TYPES.alarm, "cpu-high", { dimensions: UNKNOWN }, { dimensions: ["cluster", "svc"] }),
  ];
}

describe("model: the resource graph", () => {
  it("links a literal-named target to a service whose cluster ARN is unknown, through the cluster's known name", () => {
    const g = new ResourceGraph(firstPreview());
    const svc = g.services()[0];
    assert.equal(g.serviceResourceId(svc), "service/pythonide/ide");
    const view = g.service(svc);
    assert.deepEqual(
      view.targets.map((t) => t.name),
      ["target"],
    );
    assert.equal(view.targetLink, "yes");
    assert.deepEqual(
      view.actions.get(view.targets[0])!.map((a) => [a.resource.name, a.link]),
      [
        ["window", "yes"],
        ["cpu", "yes"],
      ],
    );
  });

  it("finds the task definition, security groups, load balancers and alarms through property dependencies", () => {
    const g = new ResourceGraph(firstPreview());
    const svc = g.services()[0];
    const view = g.service(svc);
    assert.deepEqual(
      view.taskDefinition && [view.taskDefinition.resource.name, view.taskDefinition.link],
      ["task", "yes"],
    );
    assert.deepEqual(
      view.securityGroups.map((l) => [l.resource.name, l.link]),
      [
        ["lb-sg", "yes"],
        ["task-sg", "yes"],
      ],
    );
    const lbSg = g.ofType(TYPES.securityGroup)[0];
    assert.deepEqual(
      g.loadBalancersInGroup(lbSg).map((l) => [l.resource.name, l.link]),
      [["lb", "yes"]],
    );
    assert.deepEqual(
      g.servicesInGroup(lbSg).map((l) => [l.resource.name, l.link]),
      [["svc", "yes"]],
    );
    assert.deepEqual(
      g.loadBalancersInGroup(g.ofType(TYPES.securityGroup)[1]),
      [],
      "the load balancer's dependencies do not include the task group",
    );
    assert.deepEqual(
      view.alarms.map((l) => [l.resource.name, l.link]),
      [["cpu-high", "yes"]],
    );
  });

  it("links by value when everything is known, and rules out another service's target", () => {
    const g = new ResourceGraph([
      r(TYPES.taskDefinition, "task", {
        family: "ide",
        arn: "arn:aws:ecs:us-east-2:000000000000:task-definition/ide:3",
      }),
      r(TYPES.service, "a", {
        name: "ide",
        cluster: "arn:aws:ecs:us-east-2:000000000000:cluster/pythonide",
        taskDefinition: "arn:aws:ecs:us-east-2:000000000000:task-definition/ide:3",
      }),
      r(TYPES.service, "b", { name: "other", cluster: "pythonide", taskDefinition: "missing" }),
      r(TYPES.scalableTarget, "ta", { resourceId: "service/pythonide/ide" }),
      r(TYPES.scalableTarget, "tb", { resourceId: "service/pythonide/other" }),
      r(TYPES.scheduledAction, "x", { resourceId: "service/pythonide/other" }),
    ]);
    const [a, b] = g.services();
    assert.equal(g.service(a).taskDefinition?.resource.name, "task");
    assert.equal(g.service(b).taskDefinition, undefined);
    assert.deepEqual(
      g.service(a).targets.map((t) => t.name),
      ["ta"],
    );
    assert.deepEqual(g.service(a).actions.get(g.service(a).targets[0]), []);
    assert.deepEqual(
      g
        .service(b)
        .actions.get(g.service(b).targets[0])!
        .map((x) => x.resource.name),
      ["x"],
    );
  });

  it("leaves a link undecided only when neither values nor dependencies tell", () => {
    const g = new ResourceGraph([
      { urn: "u:s", type: TYPES.service, name: "s", props: { name: UNKNOWN, cluster: "c" } },
      { urn: "u:t", type: TYPES.scalableTarget, name: "t", props: { resourceId: UNKNOWN } },
      {
        urn: "u:t2",
        type: TYPES.scalableTarget,
        name: "t2",
        props: { resourceId: UNKNOWN },
        propertyDependencies: { resourceId: ["u:elsewhere"] },
      },
      { urn: "u:t3", type: TYPES.scalableTarget, name: "t3", props: { resourceId: "service/d/x" } },
    ]);
    const s = g.services()[0];
    const [t, t2, t3] = g.ofType(TYPES.scalableTarget);
    assert.equal(g.scalesService(t, s), "unknown");
    assert.equal(g.scalesService(t2, s), "no", "its dependencies are known and elsewhere");
    assert.equal(g.scalesService(t3, s), "no", "it names another cluster");
    assert.deepEqual(g.service(s).targetLink, "unknown");
  });

  it("reads an input left out of the records as unknown when a property dependency says where it comes from", () => {
    const g = new ResourceGraph([
      r(TYPES.service, "s", { name: "ide" }, { cluster: ["cluster"] }),
      cluster,
    ]);
    assert.equal(g.serviceClusterName(g.services()[0]), "pythonide");
    const noCluster = new ResourceGraph([r(TYPES.service, "s", { name: "ide" })]);
    assert.equal(
      noCluster.serviceResourceId(noCluster.services()[0]),
      "service/default/ide",
      "ECS's default cluster",
    );
  });
});
