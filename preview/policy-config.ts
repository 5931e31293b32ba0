/**
 * Policy-pack configuration as the Pulumi CLI handles it before it calls the pack's Configure:
 * the `--policy-pack-config` file format, and the merge of schema defaults, the pack's initial
 * config and the file (Go: pkg/resource/analyzer/config.go, parsePolicyPackConfig and
 * ReconcilePolicyPackConfig), followed by validation against each policy's config schema.
 *
 * Where this is stricter than the CLI (ours, on purpose: a misspelt budget must not pass
 * silently):
 * - a policy name the pack does not have is an error with the nearest name. The CLI's
 *   applyConfig adds any name to the merged config and validatePolicyPackConfig validates only
 *   the pack's own policies, and @pulumi/policy's Configure (server.js `configure`) stores
 *   whatever names it is sent, so `pulumi preview` ignores `monthly-budgt` without a word;
 * - a property its policy's configSchema does not declare is an error with the nearest property.
 *   The CLI validates against `{type: object, properties, required}` (convertSchema) with no
 *   `additionalProperties: false`, so JSON Schema lets `budgetUSD` through;
 * - every problem of the file is reported at once. The CLI's parsePolicyPackConfig returns the
 *   first bad entry; its schema validation (validatePolicyPackConfig) does list every problem.
 * Everything else (levels, types, bounds, required properties, the merge order) follows the CLI.
 */
import { nearest } from "../model/config";

/** The enforcement levels the CLI accepts. */
export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

/** One policy's configuration: an enforcement level and/or properties. */
export interface PolicyConfig {
  enforcementLevel?: EnforcementLevel;
  properties?: Record<string, unknown>;
}

/** Policy name (or `all`) -> configuration. */
export type PolicyPackConfig = Record<string, PolicyConfig>;

/** A policy as GetAnalyzerInfo describes it (only what configuration needs). */
export interface PolicyDescriptor {
  name: string;
  enforcementLevel: EnforcementLevel;
  configSchema?: { properties: Record<string, JsonSchema>; required: string[] };
}

/** The subset of JSON Schema that policy config schemas use. */
export type JsonSchema = Record<string, unknown>;

/** A policy-config file or merge that the CLI would refuse. */
export class PolicyConfigError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(
      problems.length > 0 ? `${message}:\n${problems.map((p) => `  - ${p}`).join("\n")}` : message,
    );
    this.name = "PolicyConfigError";
  }
}

function isLevel(value: unknown): value is EnforcementLevel {
  return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);
}

/**
 * Parses the text of a `--policy-pack-config` file: a JSON object whose keys are policy names
 * (or `all`) and whose values are an enforcement level, or an object of properties that may
 * hold `enforcementLevel`. Empty text means no config. Entries with neither are dropped.
 * @param text the file's contents
 * @param file the file's name, for messages
 */
export function parsePolicyConfig(text: string, file: string): PolicyPackConfig {
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new PolicyConfigError(
      `${file} is not valid JSON (${(err as Error).message}): it must be an object such as {"policy-name": "advisory"}`,
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new PolicyConfigError(
      `${file} must hold a JSON object keyed by policy name, such as {"policy-name": {"enforcementLevel": "advisory"}}`,
    );
  }
  const result: PolicyPackConfig = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value === "string") {
      if (!isLevel(value)) {
        problems.push(
          `"${name}" is ${JSON.stringify(value)}: not an enforcement level; use ${ENFORCEMENT_LEVELS.join(", ")}`,
        );
        continue;
      }
      result[name] = { enforcementLevel: value };
    } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const { enforcementLevel, ...properties } = value as Record<string, unknown>;
      if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
        problems.push(
          `"${name}".enforcementLevel is ${JSON.stringify(enforcementLevel)}: use ${ENFORCEMENT_LEVELS.join(", ")}`,
        );
        continue;
      }
      const entry: PolicyConfig = {};
      if (enforcementLevel !== undefined) entry.enforcementLevel = enforcementLevel;
      if (Object.keys(properties).length > 0) entry.properties = properties;
      if (entry.enforcementLevel !== undefined || entry.properties !== undefined) {
        result[name] = entry;
      }
    } else {
      problems.push(
        `"${name}" is ${JSON.stringify(value)}: must be an enforcement level or an object of properties`,
      );
    }
  }
  if (problems.length > 0)
    throw new PolicyConfigError(`${file} is not a valid policy config`, problems);
  return result;
}

/** Schema defaults and each policy's own enforcement level (createConfigWithDefaults). */
function withDefaults(policies: PolicyDescriptor[]): PolicyPackConfig {
  const result: PolicyPackConfig = {};
  for (const policy of policies) {
    let properties: Record<string, unknown> | undefined;
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
      if (schema !== null && typeof schema === "object" && "default" in schema) {
        properties = properties ?? {};
        properties[key] = structuredClone(schema.default);
      }
    }
    result[policy.name] = { enforcementLevel: policy.enforcementLevel, properties };
  }
  return result;
}

/** Overlays one config on another, `all` first (applyConfig). */
function apply(result: PolicyPackConfig, config: PolicyPackConfig): PolicyPackConfig {
  const all = config.all;
  if (all?.enforcementLevel !== undefined) {
    for (const key of Object.keys(result)) {
      result[key] = { enforcementLevel: all.enforcementLevel, properties: result[key].properties };
    }
  }
  for (const [policy, given] of Object.entries(config)) {
    let enforcementLevel = result[policy]?.enforcementLevel;
    let properties = result[policy]?.properties;
    if (given.enforcementLevel !== undefined) enforcementLevel = given.enforcementLevel;
    if (given.properties && Object.keys(given.properties).length > 0) {
      properties = { ...(properties ?? {}), ...structuredClone(given.properties) };
    }
    result[policy] = { enforcementLevel, properties };
  }
  return result;
}

/**
 * Merges, in the CLI's order, each policy's schema defaults and enforcement level, the pack's
 * initial config and the given config, then validates every policy's properties against its
 * schema. Throws PolicyConfigError listing every problem, as the CLI refuses to run then.
 */
export function reconcilePolicyConfig(
  policies: PolicyDescriptor[],
  initial: PolicyPackConfig,
  given: PolicyPackConfig,
): PolicyPackConfig {
  const result = apply(apply(withDefaults(policies), initial), given);
  const problems = unknownNames(policies, given);
  for (const policy of policies) {
    if (!policy.configSchema) continue;
    const schema: JsonSchema = { type: "object", properties: policy.configSchema.properties };
    if (policy.configSchema.required.length > 0) schema.required = policy.configSchema.required;
    for (const problem of validate(schema, result[policy.name]?.properties ?? {}, "")) {
      problems.push(`${policy.name}: ${problem}`);
    }
  }
  if (problems.length > 0) throw new PolicyConfigError("the policy config is invalid", problems);
  return result;
}

/**
 * Policy names the pack does not have and properties a policy does not declare, each with the
 * nearest known name (stricter than the CLI; see the top of this file).
 */
function unknownNames(policies: PolicyDescriptor[], given: PolicyPackConfig): string[] {
  const problems: string[] = [];
  const byName = new Map(policies.map((p) => [p.name, p]));
  const hint = (near: string | undefined, known: string[], what: string) =>
    near ? `did you mean "${near}"?` : `the ${what} are ${known.join(", ") || "none"}`;
  for (const [name, config] of Object.entries(given)) {
    if (name === "all") continue;
    const policy = byName.get(name);
    if (!policy) {
      const known = [...byName.keys()];
      problems.push(
        `"${name}" is not a policy of this pack: ${hint(nearest(name, known), known, "policies")}`,
      );
      continue;
    }
    const declared = Object.keys(policy.configSchema?.properties ?? {});
    for (const property of Object.keys(config.properties ?? {})) {
      if (declared.includes(property)) continue;
      problems.push(
        `${name}: ${property} is not a property of this policy: ${hint(nearest(property, declared), declared, "properties")}`,
      );
    }
  }
  return problems;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

/**
 * Validates a value against the JSON Schema keywords policy config schemas use (type, enum,
 * const, bounds, lengths, pattern, items, properties, required, additionalProperties). Returns
 * one message per problem, each naming the property path.
 */
export function validate(schema: JsonSchema, value: unknown, path: string): string[] {
  const at = path === "" ? "(root)" : path;
  const problems: string[] = [];
  const type = schema.type as string | string[] | undefined;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (!types.some((t) => matchesType(value, t))) {
      return [`${at}: Invalid type. Expected: ${types.join(" or ")}, given: ${typeOf(value)}`];
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => deepEqual(e, value))) {
    problems.push(
      `${at}: must be one of the following: ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`,
    );
  }
  if ("const" in schema && !deepEqual(schema.const, value)) {
    problems.push(`${at}: does not match: ${JSON.stringify(schema.const)}`);
  }
  if (typeof value === "number") {
    const n = value;
    if (typeof schema.minimum === "number" && n < schema.minimum)
      problems.push(`${at}: Must be greater than or equal to ${schema.minimum}`);
    if (typeof schema.maximum === "number" && n > schema.maximum)
      problems.push(`${at}: Must be less than or equal to ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === "number" && n <= schema.exclusiveMinimum)
      problems.push(`${at}: Must be greater than ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === "number" && n >= schema.exclusiveMaximum)
      problems.push(`${at}: Must be less than ${schema.exclusiveMaximum}`);
  }
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && value.length < schema.minLength)
      problems.push(`${at}: String length must be greater than or equal to ${schema.minLength}`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength)
      problems.push(`${at}: String length must be less than or equal to ${schema.maxLength}`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value))
      problems.push(`${at}: Does not match pattern '${schema.pattern}'`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems)
      problems.push(`${at}: Array must have at least ${schema.minItems} items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems)
      problems.push(`${at}: Array must have at most ${schema.maxItems} items`);
    if (schema.uniqueItems === true) {
      const seen = value.map((v) => JSON.stringify(v));
      if (new Set(seen).size !== seen.length) problems.push(`${at}: array items must be unique`);
    }
    if (schema.items !== null && typeof schema.items === "object" && !Array.isArray(schema.items)) {
      value.forEach((item, i) =>
        problems.push(
          ...validate(schema.items as JsonSchema, item, `${path}.${i}`.replace(/^\./, "")),
        ),
      );
    }
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in obj)) problems.push(`${path === "" ? "" : `${path}: `}${key} is required`);
    }
    for (const [key, v] of Object.entries(obj)) {
      const sub = path === "" ? key : `${path}.${key}`;
      if (properties[key] !== undefined) problems.push(...validate(properties[key], v, sub));
      else if (schema.additionalProperties === false)
        problems.push(`${at}: Additional property ${key} is not allowed`);
      else if (
        schema.additionalProperties !== null &&
        typeof schema.additionalProperties === "object"
      )
        problems.push(...validate(schema.additionalProperties as JsonSchema, v, sub));
    }
  }
  return problems;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
