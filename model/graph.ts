/**
 * One reading of how a stack's resources point at each other, used by the policy pack and the
 * cost model alike: an ECS service, its task definition, its scalable target, that target's
 * scaling policies and scheduled actions, the alarms on the service, its security groups and the
 * load balancers that share them.
 *
 * Each link is resolved by value when both ends are known (a target's `resourceId` equals
 * `service/<cluster>/<service>`), else through the property dependencies the engine sends (the
 * resources an input's value came from), else it is "unknown" unless what is known rules it out.
 *
 * What the engine sends, and when: the Node SDK records, per top-level input, the resources the
 * input's value was computed from (`propertyDependencies` of RegisterResourceRequest); the engine
 * keeps them in the resource's state and hands them to an analyzer's AnalyzeStack as
 * `AnalyzerResource.propertyDependencies` (pulumi/pulumi pkg/resource/deploy/step_generator.go
 * `AnalyzeResources`: `PropertyDependencies: v.PropertyDependencies`), and @pulumi/policy turns
 * them into `PolicyResource.propertyDependencies`, input name -> resources (server.js
 * `analyzeStack`). They are known in a preview, when the values are not: a new stack's first
 * preview sees every id and ARN as unknown, but still knows which resource it will come from.
 *
 * No Pulumi imports: the pack converts its PolicyResources, the cost model its ResourceRecords.
 */

/** A value not known yet (an output of a resource still to be created). */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

/** The type tokens the graph (and everyone who reads it) looks at, as the aws provider names them. */
export const TYPES = {
  taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
  service: "aws:ecs/service:Service",
  cluster: "aws:ecs/cluster:Cluster",
  scalableTarget: "aws:appautoscaling/target:Target",
  scalingPolicy: "aws:appautoscaling/policy:Policy",
  scheduledAction: "aws:appautoscaling/scheduledAction:ScheduledAction",
  loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
  albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
  targetGroup: "aws:lb/targetGroup:TargetGroup",
  listener: "aws:lb/listener:Listener",
  securityGroup: "aws:ec2/securityGroup:SecurityGroup",
  ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  rdsInstance: "aws:rds/instance:Instance",
  rdsCluster: "aws:rds/cluster:Cluster",
  rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
  efs: "aws:efs/fileSystem:FileSystem",
  ssmParameter: "aws:ssm/parameter:Parameter",
} as const;

/** Both load balancer tokens (`aws.alb` is the legacy alias of `aws.lb`). */
export const LOAD_BALANCER_TYPES: readonly string[] = [TYPES.loadBalancer, TYPES.albLoadBalancer];

/** A resource as the graph reads it. */
export interface GraphResource {
  urn: string;
  type: string;
  name: string;
  /**
   * Its properties: a value not known yet is UNKNOWN (anywhere in the tree); an absent one is
   * undefined. A top-level value that is absent although the engine reports where it comes
   * from (a property dependency) is read as unknown too: the offline records leave unknowns out.
   */
  props: Record<string, unknown>;
  /** URNs it depends on. */
  dependencies?: readonly string[];
  /** Top-level input name -> URNs its value came from. */
  propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** Three-valued answer for links that cannot always be decided during a preview. */
export type Link = "yes" | "no" | "unknown";

/** A resource and how surely it is linked. */
export interface Linked<R extends GraphResource = GraphResource> {
  resource: R;
  link: Link;
}

/** Everything the graph knows about one ECS service. */
export interface ServiceView<R extends GraphResource = GraphResource> {
  service: R;
  /** Its task definition, when one in the stack is (or may be) it. */
  taskDefinition?: Linked<R>;
  /** Its scalable targets: the definite ones, else the undecided ones no other service has. */
  targets: R[];
  /** "yes" when `targets` are definite, "unknown" when only undecided ones, "no" when none. */
  targetLink: Link;
  /** The scaling policies and scheduled actions on (or maybe on) each of its targets. */
  actions: Map<R, Linked<R>[]>;
  /** Alarms on the service's metrics (dimension ServiceName, or a dependency on the service). */
  alarms: Linked<R>[];
  /** The security groups its tasks are placed in. */
  securityGroups: Linked<R>[];
}

/** The value at `path`, or UNKNOWN, or undefined when absent or not an object on the way. */
export function valueAt(obj: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === UNKNOWN) return UNKNOWN;
    if (cur === undefined || cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** A string value, UNKNOWN, or undefined (absent or not a string). */
export function stringAt(obj: unknown, ...path: (string | number)[]): string | Unknown | undefined {
  const v = valueAt(obj, ...path);
  return v === UNKNOWN || typeof v === "string" ? v : undefined;
}

/** A number value (numeric text counts), UNKNOWN, or undefined. */
export function numberAt(obj: unknown, ...path: (string | number)[]): number | Unknown | undefined {
  const v = valueAt(obj, ...path);
  if (v === UNKNOWN) return UNKNOWN;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** The cluster name in an ECS cluster ARN (`arn:aws:ecs:...:cluster/NAME`) or a bare name. */
export function clusterName(cluster: string): string {
  const i = cluster.indexOf(":cluster/");
  return i >= 0 ? cluster.slice(i + ":cluster/".length) : cluster;
}

/** The family of a task definition reference: an ARN (`.../family:rev`), `family:rev` or `family`. */
function familyOf(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1).replace(/:\d+$/, "");
}

/**
 * A stack's resources and the links between them. Built once per stack; every question is
 * answered from the same matching rules.
 */
export class ResourceGraph<R extends GraphResource = GraphResource> {
  private readonly urns = new Map<string, R>();
  private readonly views = new Map<R, ServiceView<R>>();

  constructor(readonly resources: readonly R[]) {
    for (const r of resources) this.urns.set(r.urn, r);
  }

  /** The resources of one type token (or any of several). */
  ofType(type: string | readonly string[]): R[] {
    const types = typeof type === "string" ? [type] : type;
    return this.resources.filter((r) => types.includes(r.type));
  }

  /** The resource with this URN, if it is in the stack. */
  byUrn(urn: string): R | undefined {
    return this.urns.get(urn);
  }

  /** The stack's ECS services. */
  services(): R[] {
    return this.ofType(TYPES.service);
  }

  /**
   * A top-level property as links read it: UNKNOWN also when it is absent but the engine says it
   * comes from another resource (see GraphResource.props).
   */
  prop(r: R, key: string): unknown {
    const v = r.props[key];
    if (v === undefined && (r.propertyDependencies?.[key]?.length ?? 0) > 0) return UNKNOWN;
    return v;
  }

  private propString(r: R, key: string): string | Unknown | undefined {
    const v = this.prop(r, key);
    return v === UNKNOWN || typeof v === "string" ? v : undefined;
  }

  /**
   * The resources `from` depends on through its input `prop`: its property dependencies for
   * `prop` when it reports property dependencies at all, else (a caller that only has
   * resource-level dependencies) all its dependencies.
   */
  dependenciesThrough(from: R, prop: string): R[] {
    const byProp = from.propertyDependencies ?? {};
    const urns = Object.keys(byProp).length > 0 ? (byProp[prop] ?? []) : (from.dependencies ?? []);
    return urns.map((u) => this.urns.get(u)).filter((r): r is R => r !== undefined);
  }

  /** Whether `from` depends on `to` through its input `prop`. */
  dependsOn(from: R, prop: string, to: R): boolean {
    return this.dependenciesThrough(from, prop).includes(to);
  }

  /** Whether `from` reports any dependency for `prop` (so "no link" really means no link). */
  hasDependencyInfo(from: R, prop: string): boolean {
    const byProp = from.propertyDependencies ?? {};
    const urns = Object.keys(byProp).length > 0 ? (byProp[prop] ?? []) : (from.dependencies ?? []);
    return urns.length > 0;
  }

  /**
   * The name of a service's cluster: from its `cluster` input (an ARN or a name), else, when
   * that is unknown, the known `name` input of the cluster resource it comes from.
   */
  serviceClusterName(service: R): string | Unknown {
    const cluster = this.propString(service, "cluster");
    if (typeof cluster === "string") return clusterName(cluster);
    // No cluster input: ECS uses the account's "default" cluster.
    if (cluster === undefined) return "default";
    for (const c of this.dependenciesThrough(service, "cluster")) {
      if (c.type !== TYPES.cluster) continue;
      const name = stringAt(c.props, "name");
      if (typeof name === "string") return name;
    }
    return UNKNOWN;
  }

  /** The service's name (`name` input), UNKNOWN when not known yet. */
  serviceName(service: R): string | Unknown {
    const name = this.propString(service, "name");
    return typeof name === "string" ? name : UNKNOWN;
  }

  /** The scaling resource id of a service, `service/<cluster>/<service>`, or UNKNOWN. */
  serviceResourceId(service: R): string | Unknown {
    const cluster = this.serviceClusterName(service);
    const name = this.serviceName(service);
    if (cluster === UNKNOWN || name === UNKNOWN) return UNKNOWN;
    return `service/${cluster}/${name}`;
  }

  /**
   * Whether a scalable target (or a policy or action) is about an ECS service's desired count.
   * Both inputs are required by AWS; one not known yet (or left out of the offline records) may
   * still be.
   */
  isEcsServiceScaler(scaler: R): boolean {
    const ns = stringAt(scaler.props, "serviceNamespace");
    const dim = stringAt(scaler.props, "scalableDimension");
    return (
      (ns === UNKNOWN || ns === undefined || ns === "ecs") &&
      (dim === UNKNOWN || dim === undefined || dim === "ecs:service:DesiredCount")
    );
  }

  /**
   * Whether an Application Auto Scaling resource acts on the ECS service: its `resourceId`
   * equals the service's when both are known; else it depends on the service through
   * `resourceId`; else undecided unless what is known rules it out.
   */
  scalesService(scaler: R, service: R): Link {
    const rid = this.propString(scaler, "resourceId");
    const sid = this.serviceResourceId(service);
    if (typeof rid === "string" && sid !== UNKNOWN) return rid === sid ? "yes" : "no";
    if (this.dependsOn(scaler, "resourceId", service)) return "yes";
    if (typeof rid === "string") {
      const m = /^service\/([^/]+)\/([^/]+)$/.exec(rid);
      if (!m) return "no";
      const cluster = this.serviceClusterName(service);
      const name = this.serviceName(service);
      if (cluster !== UNKNOWN && cluster !== m[1]) return "no";
      if (name !== UNKNOWN && name !== m[2]) return "no";
      return "unknown";
    }
    return this.hasDependencyInfo(scaler, "resourceId") ? "no" : "unknown";
  }

  /**
   * Whether a scaling policy or scheduled action acts on the scalable target: equal known
   * resourceIds, or a dependency on the target (or on the service the target scales).
   */
  actsOnTarget(action: R, target: R, service?: R): Link {
    const rid = this.propString(action, "resourceId");
    const tid = this.propString(target, "resourceId");
    if (typeof rid === "string" && typeof tid === "string") return rid === tid ? "yes" : "no";
    if (this.dependsOn(action, "resourceId", target)) return "yes";
    if (service && this.dependsOn(action, "resourceId", service)) return "yes";
    // The action's id is known, the target's is not: the target's service may still tell.
    const owner = service ?? this.serviceOfTarget(target);
    if (typeof rid === "string" && owner) {
      const sid = this.serviceResourceId(owner);
      if (sid !== UNKNOWN) return rid === sid ? "yes" : "no";
    }
    return this.hasDependencyInfo(action, "resourceId") ? "no" : "unknown";
  }

  /** The service a target definitely scales, if any. */
  serviceOfTarget(target: R): R | undefined {
    return this.services().find((s) => this.scalesService(target, s) === "yes");
  }

  /** The targets of a service: the definite ones, else the undecided ones no other service has. */
  targetsOf(service: R): { targets: R[]; link: Link } {
    const targets = this.ofType(TYPES.scalableTarget).filter((t) => this.isEcsServiceScaler(t));
    const definite = targets.filter((t) => this.scalesService(t, service) === "yes");
    if (definite.length > 0) return { targets: definite, link: "yes" };
    const others = this.services().filter((s) => s !== service);
    const undecided = targets.filter(
      (t) =>
        this.scalesService(t, service) === "unknown" &&
        !others.some((s) => this.scalesService(t, s) === "yes"),
    );
    return { targets: undecided, link: undecided.length > 0 ? "unknown" : "no" };
  }

  /** The scaling policies and scheduled actions that act (or may act) on a target. */
  actionsOn(
    target: R,
    service?: R,
    types: readonly string[] = [TYPES.scalingPolicy, TYPES.scheduledAction],
  ): Linked<R>[] {
    return this.ofType(types)
      .filter((a) => this.isEcsServiceScaler(a))
      .map((a) => ({ resource: a, link: this.actsOnTarget(a, target, service) }))
      .filter((a) => a.link !== "no");
  }

  /**
   * The task definition a service runs: the one whose ARN, family or logical name its
   * `taskDefinition` names, else the one it depends on through `taskDefinition`.
   */
  taskDefinitionOf(service: R): Linked<R> | undefined {
    const defs = this.ofType(TYPES.taskDefinition);
    const ref = this.propString(service, "taskDefinition");
    if (typeof ref === "string") {
      const family = familyOf(ref);
      const found =
        defs.find((t) => stringAt(t.props, "arn") === ref) ??
        defs.find((t) => stringAt(t.props, "family") === family) ??
        defs.find((t) => t.name === family);
      return found ? { resource: found, link: "yes" } : undefined;
    }
    const deps = this.dependenciesThrough(service, "taskDefinition").filter(
      (r) => r.type === TYPES.taskDefinition,
    );
    if (deps.length === 1) return { resource: deps[0], link: "yes" };
    if (ref === UNKNOWN && defs.length === 1 && !this.hasDependencyInfo(service, "taskDefinition"))
      return { resource: defs[0], link: "unknown" };
    return undefined;
  }

  /** Alarms on a service: a ServiceName dimension naming it, or a dependency on it. */
  alarmsOf(service: R): Linked<R>[] {
    const name = this.serviceName(service);
    const out: Linked<R>[] = [];
    for (const alarm of this.ofType(TYPES.alarm)) {
      const dim = stringAt(this.prop(alarm, "dimensions"), "ServiceName");
      if (typeof dim === "string" && name !== UNKNOWN) {
        if (dim === name) out.push({ resource: alarm, link: "yes" });
      } else if (this.dependsOn(alarm, "dimensions", service)) {
        out.push({ resource: alarm, link: "yes" });
      } else if (dim === UNKNOWN && !this.hasDependencyInfo(alarm, "dimensions")) {
        out.push({ resource: alarm, link: "unknown" });
      }
    }
    return out;
  }

  /** A security group's id: its `id` output, UNKNOWN until created. */
  private groupId(sg: R): string | Unknown {
    const id = stringAt(sg.props, "id");
    return typeof id === "string" ? id : UNKNOWN;
  }

  /**
   * Whether a resource places things in a security group through the list at `path` (a
   * service's `networkConfiguration.securityGroups`, a load balancer's `securityGroups`): the
   * group's known id is listed, or the list's input depends on the group.
   */
  private listsGroup(r: R, path: string[], sg: R): Link {
    const list = valueAt(r.props, ...path);
    const id = this.groupId(sg);
    if (Array.isArray(list) && typeof id === "string" && list.includes(id)) return "yes";
    if (this.dependsOn(r, path[0], sg)) return "yes";
    const allKnown =
      list === undefined || (Array.isArray(list) && list.every((x) => typeof x === "string"));
    if (allKnown && typeof id === "string") return "no";
    return this.hasDependencyInfo(r, path[0]) ? "no" : "unknown";
  }

  /** The security groups a service's tasks are placed in. */
  securityGroupsOf(service: R): Linked<R>[] {
    return this.ofType(TYPES.securityGroup)
      .map((sg) => ({
        resource: sg,
        link: this.listsGroup(service, ["networkConfiguration", "securityGroups"], sg),
      }))
      .filter((l) => l.link !== "no");
  }

  /** The services whose tasks are (or may be) placed in a security group. */
  servicesInGroup(sg: R): Linked<R>[] {
    return this.services()
      .map((s) => ({
        resource: s,
        link: this.listsGroup(s, ["networkConfiguration", "securityGroups"], sg),
      }))
      .filter((l) => l.link !== "no");
  }

  /** The load balancers that share a security group. */
  loadBalancersInGroup(sg: R): Linked<R>[] {
    return this.ofType(LOAD_BALANCER_TYPES)
      .map((lb) => ({ resource: lb, link: this.listsGroup(lb, ["securityGroups"], sg) }))
      .filter((l) => l.link !== "no");
  }

  /**
   * The security group a rule resource (`securityGroupId` input) belongs to: by known id, else
   * by its dependency.
   */
  groupOfRule(rule: R): R | undefined {
    const id = this.propString(rule, "securityGroupId");
    return this.ofType(TYPES.securityGroup).find(
      (sg) =>
        (typeof id === "string" && this.groupId(sg) === id) ||
        this.dependsOn(rule, "securityGroupId", sg),
    );
  }

  /** Everything about one service (computed once). */
  service(service: R): ServiceView<R> {
    const cached = this.views.get(service);
    if (cached) return cached;
    const { targets, link } = this.targetsOf(service);
    const view: ServiceView<R> = {
      service,
      taskDefinition: this.taskDefinitionOf(service),
      targets,
      targetLink: link,
      actions: new Map(targets.map((t) => [t, this.actionsOn(t, service)])),
      alarms: this.alarmsOf(service),
      securityGroups: this.securityGroupsOf(service),
    };
    this.views.set(service, view);
    return view;
  }
}
