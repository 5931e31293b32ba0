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
import {
  GraphResource,
  LOAD_BALANCER_TYPES,
  ResourceGraph,
  TYPES,
  UNKNOWN,
  Unknown,
} from "../../model/graph";

/** The environments (the stacks); a resource names its own in its `Environment` tag. */
export const ENVIRONMENTS = STACKS;
export type Environment = StackName;

/** A value that was not known when the policy ran (a preview): one marker for pack and model. */
export { UNKNOWN, Unknown };

/** The type tokens the policies look at (the graph's table). */
export const T = { ...TYPES, loadBalancer: LOAD_BALANCER_TYPES } as const;

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
    if (cur === UNKNOWN) return UNKNOWN;
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

/** A stack resource as the graph reads it, with the PolicyResource it came from. */
export interface PackNode extends GraphResource {
  resource: PolicyResource;
}

const graphs = new WeakMap<readonly PolicyResource[], ResourceGraph<PackNode>>();

/**
 * The stack's resource graph (model/graph.ts), built once per AnalyzeStack call: every
 * resource's props copied through `peek`, so a value the engine marks unknown is UNKNOWN.
 */
export function graphOf(resources: readonly PolicyResource[]): ResourceGraph<PackNode> {
  let graph = graphs.get(resources);
  if (!graph) {
    graph = new ResourceGraph(
      resources.map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        props: (snapshot(r.props) ?? {}) as Record<string, unknown>,
        dependencies: (r.dependencies ?? []).map((d) => d.urn),
        propertyDependencies: Object.fromEntries(
          Object.entries(r.propertyDependencies ?? {}).map(([k, v]) => [k, v.map((d) => d.urn)]),
        ),
        resource: r,
      })),
    );
    graphs.set(resources, graph);
  }
  return graph;
}

/**
 * A plain copy of a value the engine handed over, with each unknown value as UNKNOWN, or as
 * undefined with `unknownAsUndefined` (the cost model's reading: it lists what it could not
 * price).
 */
export function snapshot(value: unknown, unknownAsUndefined = false): unknown {
  if (value === UNKNOWN) return unknownAsUndefined ? undefined : UNKNOWN;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      out.push(snapshot(peek(value, i), unknownAsUndefined));
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = snapshot(peek(value, key), unknownAsUndefined);
  return out;
}

/**
 * The environment of a scalable target: its own tag, else that of the service it definitely
 * scales.
 */
export function targetEnvironment(
  target: PackNode,
  graph: ResourceGraph<PackNode>,
): Environment | undefined {
  const own = environmentOf(target.resource.props, target.resource.provider);
  if (own) return own;
  const service = graph.serviceOfTarget(target);
  return service ? environmentOf(service.resource.props, service.resource.provider) : undefined;
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
  command?: string[];
  entryPoint?: string[];
  healthCheck?: { command?: string[] };
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

/**
 * The clock policies judge "now" by: `PYTHONIDE_NOW` pins it (as it does for the program; the
 * offline gate sets it for the pack's process), else the real time.
 */
export function clock(): Date {
  const pinned = new Date(process.env.PYTHONIDE_NOW ?? "");
  return Number.isNaN(pinned.getTime()) ? new Date() : pinned;
}
