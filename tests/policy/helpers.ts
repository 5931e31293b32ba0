/**
 * Runs policies without the Pulumi CLI, handing them arguments the way the policy server
 * (@pulumi/policy/server.js) does:
 * - props travel as a protobuf Struct, are deserialized by the SDK's own `deserializeProperties`
 *   (secrets unwrapped to plain values, undefined properties dropped) and wrapped in the SDK's
 *   `unknownCheckingProxy`, so reading an unknown value throws as it does in a preview
 *   (pulumi-policy issue 445: helpers that pass raw objects hide real failures);
 * - `isType` / `asType` compare the resource's type with the class's `__pulumiType`, as the SDK;
 * - `notApplicable` throws and the run records the reason, as the SDK;
 * - an `UnknownValueError` becomes the SDK's advisory "can't run policy ... during preview" note;
 * - `getConfig` gives the configSchema defaults merged with the overrides (the engine applies
 *   defaults), or only the overrides with `applyDefaults: false` (a caller that does not);
 * - stack resources get URNs, parents, dependencies and property dependencies as objects.
 */
import * as path from "path";
import type { Struct as StructType } from "google-protobuf/google/protobuf/struct_pb";
import {
  PolicyConfigSchema,
  PolicyResource,
  PolicyResourceOptions,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
  UnknownValueError,
  unknownCheckingProxy,
} from "@pulumi/policy";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";

// The SDK's own internals, resolved from its directory so they are the very modules it uses.
const policyDir = path.dirname(require.resolve("@pulumi/policy"));
const { deserializeProperties } = require(path.join(policyDir, "deserialize")) as {
  deserializeProperties(struct: { toJavaScript(): object }, proxySecrets: boolean): object;
};
const sentinels = require(path.join(policyDir, "proxy")) as Record<string, string>;
const { Struct } = require(
  require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [policyDir] }),
) as { Struct: typeof StructType };

/** Values that are not known yet, as the engine sends them during a preview. */
export const unknown = {
  string: sentinels.unknownStringValue,
  number: sentinels.unknownNumberValue as unknown as number,
  boolean: sentinels.unknownBooleanValue as unknown as boolean,
  array: sentinels.unknownArrayValue as unknown as unknown[],
  object: sentinels.unknownObjectValue as unknown as Record<string, unknown>,
};

/** A secret value as the engine sends it (the SDK unwraps it before a policy sees it). */
export function secret<V>(value: V): V {
  return { [specialSigKey]: specialSecretSig, value } as unknown as V;
}

/** A resource as a test describes it. */
export interface FixtureResource {
  type: string;
  name: string;
  props: Record<string, unknown>;
  /** Logical names of resources this one depends on. */
  dependsOn?: string[];
  /** Input name -> logical names of the resources that input depends on. */
  propertyDependencies?: Record<string, string[]>;
  /** Logical name of the parent. */
  parent?: string;
  /** The resource's provider (for defaultTags). */
  provider?: { type: string; name: string; props: Record<string, unknown> };
  opts?: Partial<PolicyResourceOptions>;
}

export interface Violation {
  policy: string;
  message: string;
  urn?: string;
  /** The policy's enforcement level, when it carries one (runPolicies on the assembled list). */
  level?: string;
}

/** What running one policy produced. */
export interface Outcome {
  violations: Violation[];
  /** Reasons given through notApplicable (the SDK reports the policy not applicable). */
  notApplicable: string[];
  /** The SDK's advisory notes for policies that read an unknown value during a preview. */
  previewNotes: string[];
}

export interface RunOptions {
  /** Policy config overrides, as given with --policy-pack-config. */
  config?: Record<string, unknown>;
  /** Whether getConfig merges configSchema defaults (the engine does). Default true. */
  applyDefaults?: boolean;
}

export const STACK = "test";
export const PROJECT = "pythonide";

export function urnOf(type: string, name: string): string {
  return `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
}

/** Props the way the engine hands them to a policy: Struct -> deserialize -> proxy. */
export function engineProps(props: Record<string, unknown>): Record<string, any> {
  const plain = dropUndefined(props) as Record<string, unknown>;
  const struct = Struct.fromJavaScript(plain as Parameters<typeof Struct.fromJavaScript>[0]);
  return unknownCheckingProxy(deserializeProperties(struct, false)) as Record<string, any>;
}

function dropUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropUndefined);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = dropUndefined(x);
    return out;
  }
  return v;
}

/** The SDK's isType: the class's `__pulumiType`, else its `isInstance`. */
function isTypeOf(type: string, resourceClass: unknown): boolean {
  const cls = resourceClass as { __pulumiType?: unknown; isInstance?: (o: unknown) => boolean };
  if (typeof cls.__pulumiType === "string" && cls.__pulumiType.length > 0) {
    return cls.__pulumiType === type;
  }
  return typeof cls.isInstance === "function" && cls.isInstance({ __pulumiType: type }) === true;
}

class NotApplicableError extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "Policy does not apply");
  }
}

function notApplicable(reason?: string): never {
  throw new NotApplicableError(reason);
}

function configGetter(schema: PolicyConfigSchema | undefined, opts: RunOptions) {
  return <C extends object>(): C => {
    const defaults: Record<string, unknown> = {};
    if (opts.applyDefaults ?? true) {
      for (const [k, s] of Object.entries(schema?.properties ?? {})) {
        if (s.default !== undefined) defaults[k] = s.default;
      }
    }
    return { ...defaults, ...(opts.config ?? {}) } as C;
  };
}

function resourceOptions(f: FixtureResource): PolicyResourceOptions {
  return {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
    ...f.opts,
  };
}

function providerOf(f: FixtureResource) {
  return f.provider
    ? {
        type: f.provider.type,
        name: f.provider.name,
        urn: urnOf(f.provider.type, f.provider.name),
        props: engineProps(f.provider.props),
      }
    : undefined;
}

function handle(e: unknown, policyName: string, outcome: Outcome): void {
  if (e instanceof UnknownValueError) {
    // (@pulumi/policy's published types omit the class's members.)
    const message = (e as Error).message;
    outcome.previewNotes.push(`can't run policy '${policyName}' during preview: ${message}`);
  } else if (e instanceof NotApplicableError) {
    outcome.notApplicable.push(e.reason ?? "");
  } else {
    throw e;
  }
}

/** Runs a resource policy on one resource, as the policy server's Analyze does. */
export async function runResourcePolicy(
  policy: ResourceValidationPolicy,
  resource: FixtureResource,
  opts: RunOptions = {},
): Promise<Outcome> {
  const outcome: Outcome = { violations: [], notApplicable: [], previewNotes: [] };
  if (!policy.validateResource) throw new Error(`${policy.name} has no validateResource`);
  const declared = (policy.validateResource as { __pulumiType?: string }).__pulumiType;
  if (declared && declared !== resource.type) {
    outcome.notApplicable.push(`Policy only applies to resources of type '${declared}'`);
    return outcome;
  }
  const validations = Array.isArray(policy.validateResource)
    ? policy.validateResource
    : [policy.validateResource];
  for (const validate of validations) {
    try {
      const props = engineProps(resource.props);
      const type = resource.type;
      const args: ResourceValidationArgs = {
        type,
        props,
        urn: urnOf(type, resource.name),
        name: resource.name,
        opts: resourceOptions(resource),
        stackTags: new Map(),
        isType: (cls) => isTypeOf(type, cls),
        asType: ((cls: unknown) =>
          isTypeOf(type, cls) ? props : undefined) as ResourceValidationArgs["asType"],
        getConfig: configGetter(policy.configSchema, opts),
        notApplicable,
      };
      const provider = providerOf(resource);
      if (provider) args.provider = provider;
      await validate(args, (message: string) => {
        outcome.violations.push({ policy: policy.name, message });
      });
    } catch (e) {
      handle(e, policy.name, outcome);
    }
  }
  return outcome;
}

/** Builds the stack's resources as the policy server's AnalyzeStack does. */
export function stackResources(fixtures: FixtureResource[]): PolicyResource[] {
  const byName = new Map<string, PolicyResource>();
  const resources = fixtures.map((f) => {
    if (byName.has(f.name)) throw new Error(`duplicate fixture name ${f.name}`);
    const props = engineProps(f.props);
    const r: PolicyResource = {
      type: f.type,
      props,
      urn: urnOf(f.type, f.name),
      name: f.name,
      opts: resourceOptions(f),
      dependencies: [],
      propertyDependencies: {},
      isType: (cls) => isTypeOf(f.type, cls),
      asType: ((cls: unknown) =>
        isTypeOf(f.type, cls) ? props : undefined) as PolicyResource["asType"],
    };
    const provider = providerOf(f);
    if (provider) r.provider = provider;
    byName.set(f.name, r);
    return r;
  });
  const lookup = (name: string) => {
    const r = byName.get(name);
    if (!r) throw new Error(`fixture refers to unknown resource ${name}`);
    return r;
  };
  fixtures.forEach((f, i) => {
    const r = resources[i];
    if (f.parent) {
      r.parent = lookup(f.parent);
      r.opts.parent = r.parent.urn;
    }
    r.dependencies = (f.dependsOn ?? []).map(lookup);
    for (const [prop, names] of Object.entries(f.propertyDependencies ?? {})) {
      r.propertyDependencies[prop] = names.map(lookup);
      for (const dep of r.propertyDependencies[prop]) {
        if (!r.dependencies.includes(dep)) r.dependencies.push(dep);
      }
    }
  });
  return resources;
}

/** Runs a stack policy on the stack's resources, as the policy server's AnalyzeStack does. */
export async function runStackPolicy(
  policy: StackValidationPolicy,
  fixtures: FixtureResource[],
  opts: RunOptions = {},
): Promise<Outcome> {
  const outcome: Outcome = { violations: [], notApplicable: [], previewNotes: [] };
  const declared = (policy.validateStack as { __pulumiType?: string }).__pulumiType;
  if (declared && !fixtures.some((f) => f.type === declared)) {
    outcome.notApplicable.push(`Policy only applies to resources of type '${declared}'`);
    return outcome;
  }
  try {
    const args: StackValidationArgs = {
      resources: stackResources(fixtures),
      stackTags: new Map(),
      getConfig: configGetter(policy.configSchema, opts),
      notApplicable,
    };
    await policy.validateStack(args, (message: string, urn?: string) => {
      outcome.violations.push({ policy: policy.name, message, urn });
    });
  } catch (e) {
    handle(e, policy.name, outcome);
  }
  return outcome;
}

/** The messages of an outcome, for exact assertions. */
export function messages(outcome: Outcome): string[] {
  return outcome.violations.map((v) => v.message);
}

/**
 * Runs every policy of a list on a stack, as the engine does for one preview: each resource
 * policy on each resource, each stack policy on all of them. Returns all violations, in policy
 * order.
 */
export async function runPolicies(
  policies: (ResourceValidationPolicy | StackValidationPolicy)[],
  fixtures: FixtureResource[],
): Promise<Violation[]> {
  const out: Violation[] = [];
  for (const policy of policies) {
    const level = policy.enforcementLevel ? { level: policy.enforcementLevel } : {};
    if ("validateStack" in policy) {
      for (const v of (await runStackPolicy(policy, fixtures)).violations)
        out.push({ ...v, ...level });
    } else {
      for (const f of fixtures) {
        const outcome = await runResourcePolicy(policy as ResourceValidationPolicy, f);
        for (const v of outcome.violations) out.push({ ...v, ...level });
      }
    }
  }
  return out;
}
