/**
 * Shared plumbing for the policies: policy config with its defaults, reading values that may be
 * unknown during a preview, the environment a resource belongs to, and how the resources of a
 * stack point at each other. No policy lives here.
 *
 * How the engine hands values over: props are wrapped in `unknownCheckingProxy`, so reading a
 * value that is not known yet (an output of a resource still to be created) throws
 * `UnknownValueError`. In a resource policy that is left to the SDK: it turns the throw into an
 * advisory "can't run policy during preview" note and the policy runs again on `pulumi up`, when
 * every input is known. In a stack policy one throw would silence the policy for the whole stack,
 * so stack policies read through `peek`, which turns an unknown into `UNKNOWN`. The offline
 * preview leaves unknowns out altogether (records.ts), so a missing value that is required by
 * AWS (a service's `name`, a target's `resourceId`) is also treated as unknown.
 */
import {
  PolicyConfigSchema,
  PolicyResource,
  ResourceValidation,
  ResourceValidationArgs,
  ReportViolation,
  UnknownValueError,
} from "@pulumi/policy";
import { Resource } from "@pulumi/pulumi";
import { STACKS, StackName } from "../../model/config";

/** The environments (the stacks); a resource names its own in its `Environment` tag. */
export const ENVIRONMENTS = STACKS;
export type Environment = StackName;

/** A value that was not known when the policy ran (preview) or was left out by the offline gate. */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

/** The type tokens the policies look at, as the aws provider names them. */
export const T = {
  taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
  service: "aws:ecs/service:Service",
  scalableTarget: "aws:appautoscaling/target:Target",
  scalingPolicy: "aws:appautoscaling/policy:Policy",
  scheduledAction: "aws:appautoscaling/scheduledAction:ScheduledAction",
  loadBalancer: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
  securityGroup: "aws:ec2/securityGroup:SecurityGroup",
  ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
} as const;

/**
 * The policy's settings: the `default` of every property of its `configSchema`, overridden by
 * what the pack was configured with. The engine applies the defaults itself, but a caller that
 * talks to the pack directly (the offline gate, tests) may not, so every policy reads its
 * settings through this.
 */
export function settings<C extends object>(
  schema: PolicyConfigSchema,
  args: { getConfig<U extends object>(): U },
): C {
  const defaults: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema.properties)) {
    if (spec.default !== undefined) defaults[key] = spec.default;
  }
  return { ...defaults, ...args.getConfig<Partial<C>>() } as C;
}

/**
 * Reads `obj[path[0]][path[1]]...` without throwing on unknown values: returns `UNKNOWN` when a
 * step is unknown, `undefined` when a step is absent.
 */
export function peek(obj: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === undefined || cur === null || typeof cur !== "object") return undefined;
    try {
      cur = (cur as Record<string | number, unknown>)[key];
    } catch (e) {
      if (e instanceof UnknownValueError) return UNKNOWN;
      throw e;
    }
  }
  return cur;
}

/** `peek` for a number: the number, `UNKNOWN`, or undefined when absent or not a number. */
export function peekNumber(
  obj: unknown,
  ...path: (string | number)[]
): number | Unknown | undefined {
  const v = peek(obj, ...path);
  if (v === UNKNOWN) return UNKNOWN;
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** `peek` for a string: the string, `UNKNOWN`, or undefined when absent. */
export function peekString(
  obj: unknown,
  ...path: (string | number)[]
): string | Unknown | undefined {
  const v = peek(obj, ...path);
  if (v === UNKNOWN || typeof v === "string") return v;
  return undefined;
}

/**
 * `peek` for an array: each element (or `UNKNOWN`), `UNKNOWN` when the array itself is unknown,
 * undefined when absent.
 */
export function peekArray(
  obj: unknown,
  ...path: (string | number)[]
): unknown[] | Unknown | undefined {
  const v = peek(obj, ...path);
  if (v === UNKNOWN) return UNKNOWN;
  if (!Array.isArray(v)) return undefined;
  const out: unknown[] = [];
  for (let i = 0; i < v.length; i++) out.push(peek(v, i));
  return out;
}

/** Tags of a resource merged over its provider's `defaultTags` (the provider may carry them). */
export function tagsOf(
  props: unknown,
  provider?: { props: Record<string, unknown> },
): Record<string, string | Unknown> {
  const out: Record<string, string | Unknown> = {};
  const add = (tags: unknown) => {
    if (tags === UNKNOWN || tags === null || typeof tags !== "object") return;
    for (const key of Object.keys(tags)) {
      const v = peek(tags, key);
      if (v === UNKNOWN || typeof v === "string") out[key] = v;
    }
  };
  if (provider) {
    // Provider inputs arrive JSON-encoded when they are objects; accept both forms.
    let defaults = peek(provider.props, "defaultTags");
    if (typeof defaults === "string") {
      try {
        defaults = JSON.parse(defaults);
      } catch {
        defaults = undefined;
      }
    }
    add(peek(defaults, "tags"));
  }
  add(peek(props, "tags"));
  return out;
}

/**
 * The environment a resource belongs to, from its `Environment` tag: one of ENVIRONMENTS, or
 * undefined when the tag is missing, unknown or something else (the required-tags policy refuses
 * those).
 */
export function environmentOf(
  props: unknown,
  provider?: { props: Record<string, unknown> },
): Environment | undefined {
  const env = tagsOf(props, provider).Environment;
  return typeof env === "string" && (ENVIRONMENTS as readonly string[]).includes(env)
    ? (env as Environment)
    : undefined;
}

/** A resource class as `isType` takes it (an @pulumi/aws class). */
export type ResourceClass = { new (...rest: any[]): Resource };

/**
 * Like the SDK's `validateResourceOfType`, for a check that applies to several classes (an
 * @pulumi/aws resource and its legacy alias, an RDS instance and cluster). Other types are
 * reported not applicable, as the SDK does.
 */
export function validateResourceOfTypes<P>(
  classes: ResourceClass[],
  validate: (props: P, args: ResourceValidationArgs, report: ReportViolation) => void,
): ResourceValidation {
  return (args, report) => {
    if (!classes.some((c) => args.isType(c))) {
      const types = classes.map((c) => (c as unknown as { __pulumiType: string }).__pulumiType);
      args.notApplicable(`Policy only applies to resources of type ${types.join(" or ")}`);
    }
    return validate(args.props as P, args, report);
  };
}

/** The resources of a stack of one type token (or any of several). */
export function ofType(
  resources: PolicyResource[],
  type: string | readonly string[],
): PolicyResource[] {
  const types = typeof type === "string" ? [type] : type;
  return resources.filter((r) => types.includes(r.type));
}

/**
 * The resources `from` depends on through its input `prop`: its property dependencies for `prop`
 * when the engine reported property dependencies at all, else (the offline gate records only
 * resource-level dependencies) all its dependencies. Known even while values are unknown: the
 * engine knows the dependency graph in a preview.
 */
function dependenciesThrough(from: PolicyResource, prop: string): PolicyResource[] {
  const byProp = from.propertyDependencies ?? {};
  if (Object.keys(byProp).length > 0) return byProp[prop] ?? [];
  return from.dependencies ?? [];
}

/** Whether `from` depends on `to` through its input `prop` (see dependenciesThrough). */
export function dependsOn(from: PolicyResource, prop: string, to: PolicyResource): boolean {
  return dependenciesThrough(from, prop).some((r) => r.urn === to.urn);
}

/** Whether `from` reports any dependency for `prop` (so "no link" really means no link). */
export function hasDependencyInfo(from: PolicyResource, prop: string): boolean {
  return dependenciesThrough(from, prop).length > 0;
}

/** The cluster name in an ECS cluster ARN (`arn:aws:ecs:...:cluster/NAME`) or a bare name. */
export function clusterName(cluster: string): string {
  const i = cluster.indexOf(":cluster/");
  return i >= 0 ? cluster.slice(i + ":cluster/".length) : cluster;
}

/**
 * The scaling resource id of an ECS service, `service/<cluster>/<service>`, or UNKNOWN when its
 * cluster or name is not known yet.
 */
export function serviceResourceId(service: PolicyResource): string | Unknown {
  const cluster = peekString(service.props, "cluster");
  const name = peekString(service.props, "name");
  if (typeof cluster !== "string" || typeof name !== "string") return UNKNOWN;
  return `service/${clusterName(cluster)}/${name}`;
}

/** Three-valued answer for links that cannot always be decided during a preview. */
export type Link = "yes" | "no" | "unknown";

/**
 * Whether an Application Auto Scaling resource (target, policy or scheduled action) acts on the
 * ECS service: its `resourceId` equals the service's when both are known; else it depends on the
 * service through `resourceId`; else it is undecided ("unknown") unless what is known already
 * rules it out (a known resourceId that names another service or cluster).
 */
export function scalesService(scaler: PolicyResource, service: PolicyResource): Link {
  const rid = peekString(scaler.props, "resourceId");
  const sid = serviceResourceId(service);
  if (typeof rid === "string" && sid !== UNKNOWN) return rid === sid ? "yes" : "no";
  if (dependsOn(scaler, "resourceId", service)) return "yes";
  if (typeof rid === "string") {
    // Compare the parts that are known.
    const m = /^service\/([^/]+)\/([^/]+)$/.exec(rid);
    if (!m) return "no";
    const cluster = peekString(service.props, "cluster");
    const name = peekString(service.props, "name");
    if (typeof cluster === "string" && clusterName(cluster) !== m[1]) return "no";
    if (typeof name === "string" && name !== m[2]) return "no";
    return "unknown";
  }
  // resourceId unknown: a scaler whose dependencies are known and do not include the service
  // acts on something else.
  return hasDependencyInfo(scaler, "resourceId") ? "no" : "unknown";
}

/**
 * Whether a scaling policy or scheduled action acts on the scalable target: equal known
 * resourceIds, or a dependency on the target (or on the service the target scales), else
 * undecided unless ruled out.
 */
export function actsOnTarget(
  action: PolicyResource,
  target: PolicyResource,
  service?: PolicyResource,
): Link {
  const rid = peekString(action.props, "resourceId");
  const tid = peekString(target.props, "resourceId");
  if (typeof rid === "string" && typeof tid === "string") return rid === tid ? "yes" : "no";
  if (dependsOn(action, "resourceId", target)) return "yes";
  if (service && dependsOn(action, "resourceId", service)) return "yes";
  return hasDependencyInfo(action, "resourceId") ? "no" : "unknown";
}

/** Whether a scalable target (or an action) is about an ECS service's desired count. */
export function isEcsServiceScaler(scaler: PolicyResource): boolean {
  const ns = peekString(scaler.props, "serviceNamespace");
  const dim = peekString(scaler.props, "scalableDimension");
  return (
    (ns === UNKNOWN || ns === "ecs") && (dim === UNKNOWN || dim === "ecs:service:DesiredCount")
  );
}

/** How a value that may be unknown or absent reads in a message. */
export function show(v: boolean | number | string | Unknown | undefined): string {
  if (v === UNKNOWN) return "(unknown until the update)";
  if (v === undefined) return "(not set)";
  return String(v);
}

/** An RDS resource type as messages name it. */
export function rdsKind(type: string): string {
  if (type === "aws:rds/cluster:Cluster") return "RDS cluster";
  if (type === "aws:rds/clusterInstance:ClusterInstance") return "RDS cluster instance";
  return "RDS instance";
}

/** The parts of an ECS container definition the policies read. */
export interface ContainerDefinition {
  name?: string;
  image?: string;
  environment?: { name?: string; value?: string }[];
  secrets?: { name?: string; valueFrom?: string }[];
}

/**
 * A task definition's `containerDefinitions` (a JSON document, as the aws provider takes it), or
 * undefined when the text is not a JSON array of objects.
 */
export function parseContainerDefinitions(text: string): ContainerDefinition[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.some((c) => c === null || typeof c !== "object")) {
    return undefined;
  }
  return parsed as ContainerDefinition[];
}

/** A container's name for messages. */
export function containerLabel(c: ContainerDefinition, index: number): string {
  return typeof c.name === "string" && c.name !== "" ? `'${c.name}'` : `#${index + 1}`;
}

/** The targets a service has: the definite ones, else the undecided ones no other service has. */
export function targetsOfService(
  service: PolicyResource,
  resources: PolicyResource[],
): { targets: PolicyResource[] } {
  const targets = ofType(resources, T.scalableTarget).filter(isEcsServiceScaler);
  const definite = targets.filter((t) => scalesService(t, service) === "yes");
  if (definite.length > 0) return { targets: definite };
  const services = ofType(resources, T.service);
  const claimed = new Set(
    targets
      .filter((t) => services.some((s) => s !== service && scalesService(t, s) === "yes"))
      .map((t) => t.urn),
  );
  const undecided = targets.filter(
    (t) => !claimed.has(t.urn) && scalesService(t, service) === "unknown",
  );
  return { targets: undecided };
}

/** The scaling policies and scheduled actions that act (or may act) on a target. */
export function actionsOnTarget(
  target: PolicyResource,
  service: PolicyResource | undefined,
  resources: PolicyResource[],
  types: readonly string[] = [T.scalingPolicy, T.scheduledAction],
): { action: PolicyResource; link: Link }[] {
  return ofType(resources, types)
    .filter(isEcsServiceScaler)
    .map((action) => ({ action, link: actsOnTarget(action, target, service) }))
    .filter((a) => a.link !== "no");
}

/**
 * The environment of a scalable target: its own tag, else that of the service it definitely
 * scales.
 */
export function targetEnvironment(
  target: PolicyResource,
  resources: PolicyResource[],
): Environment | undefined {
  const own = environmentOf(target.props, target.provider);
  if (own) return own;
  for (const service of ofType(resources, T.service)) {
    if (scalesService(target, service) === "yes") {
      const env = environmentOf(service.props, service.provider);
      if (env) return env;
    }
  }
  return undefined;
}

/**
 * The clock policies judge "now" by: `PYTHONIDE_NOW` pins it (as it does for the program; the
 * offline gate sets it for the pack's process), else the real time.
 */
export function clock(): Date {
  const pinned = new Date(process.env.PYTHONIDE_NOW ?? "");
  return Number.isNaN(pinned.getTime()) ? new Date() : pinned;
}
