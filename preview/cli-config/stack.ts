/**
 * The stack file (Pulumi.<stack>.yaml) as the Pulumi CLI reads it, and the merge with the
 * project's config declarations, at the release matching @pulumi/pulumi 3.248.0. Sources
 * (pulumi/pulumi):
 * - `sdk/go/common/workspace/loaders.go` `LoadProjectStackBytes`, `SimplifyMarshalledProject`,
 *   `stackConfigNamespacedWithProject` (an un-namespaced key is the project's),
 *   `checkForEmptyConfig` (the warning for empty values);
 * - `sdk/go/common/resource/config/map.go` `Map.UnmarshalYAML` (errors "could not unmarshal map:
 *   ..."), `value.go` `Value.UnmarshalYAML`, `object.go` `unmarshalObject` and `MarshalString`
 *   (a scalar as its JSON text, a time as `Time.String()`, a list or map as JSON, `{secure: ...}`
 *   a secret), `key.go` `ParseKey`;
 * - `pkg/workspace/config.go` `mergeConfig`, `validateStackConfigValues`,
 *   `validateStackConfigValue`, `missingStackConfigurationKeysError`, `formatMissingKeys`;
 * - tests `pkg/workspace/config_project_test.go` and `sdk/go/common/workspace/project_test.go`.
 */
import {
  formatGoFloat,
  GoFloat,
  GoInt,
  GoTime,
  GoValue,
  goJson,
  goScalarText,
  goFormatS,
  goTypeName,
  GoYamlError,
  isGeneralMap,
  isGoMap,
  loadGoYaml,
  nonStringKeys,
  roundTrip,
} from "./go-yaml";
import {
  ConfigStageError,
  inferFullTypeName,
  isProjectKey,
  Project,
  validateConfigValue,
} from "./project";

/** One config value as the CLI holds it (value.go `Value`). */
export interface StackValue {
  /** Text handed to the program: a scalar's text, or JSON for a list or map. For a secret: the ciphertext. */
  value: string;
  /** Set with `secure:` (or holding a `secure:` inside a list or map). */
  secure: boolean;
  /** A list or map (JSON text). */
  object: boolean;
}

/** A stack's config: `namespace:key` -> value. */
export type StackConfigMap = Map<string, StackValue>;

/** key.go `ParseKey`: `ns:name`, or the old `ns:config:name`; else the CLI's error. */
export function parseKey(key: string): { namespace: string; name: string } {
  const parts = key.split(":");
  if (parts.length === 2) return { namespace: parts[0], name: parts[1] };
  if (parts.length === 3 && parts[1] === "config" && parts[0] !== "" && parts[2] !== "") {
    return { namespace: parts[0], name: parts[2] };
  }
  throw new Error(
    `could not parse ${key} as a configuration key (configuration keys should be of the form \`<namespace>:<name>\`)`,
  );
}

/** The short tag yaml.v3 gives a re-marshalled scalar (decode.go `terror` names it). */
function yamlTag(v: GoValue): string {
  if (typeof v === "string") return "!!str";
  if (typeof v === "boolean") return "!!bool";
  if (v instanceof GoInt) return "!!int";
  if (v instanceof GoFloat) return "!!float";
  return "!!timestamp";
}

/** A scalar's text as yaml.v3's encoder re-marshals it (encode.go `floatv`, `timev`). */
function yamlText(v: GoValue): string {
  if (v instanceof GoFloat) return formatGoFloat(v.value);
  if (v instanceof GoTime) return v.rfc3339;
  return goScalarText(v);
}

/** value.go `isSecureValue`: a map of exactly one key, "secure", whose value is a string. */
function secureText(v: GoValue): string | undefined {
  if (!isGoMap(v)) return undefined;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === "secure" && typeof v.secure === "string"
    ? v.secure
    : undefined;
}

/** value.go `hasSecureValue`. */
function hasSecure(v: GoValue): boolean {
  if (secureText(v) !== undefined) return true;
  if (Array.isArray(v)) return v.some(hasSecure);
  return isGoMap(v) && Object.values(v).some(hasSecure);
}

/**
 * value.go `Value.UnmarshalYAML` for one decoded value (object.go `unmarshalObject`, then
 * `MarshalString`), after the CLI's re-marshalling (roundTrip). Throws GoJsonError for NaN or
 * ±Inf, as json.Marshal refuses them.
 */
export function configValue(v: GoValue): StackValue {
  const again = roundTrip(v);
  if (!Array.isArray(again) && !isGoMap(again)) {
    return { value: goScalarText(again), secure: false, object: false };
  }
  const secure = secureText(again);
  if (secure !== undefined) return { value: secure, secure: true, object: false };
  return { value: goJson(again, true), secure: hasSecure(again), object: true };
}

/**
 * loaders.go `checkForEmptyConfig`: the CLI's warning for keys with no value (YAML null), which it
 * hands to the program as "". The keys are put in quotes as they are (Go's map order is random:
 * here they are sorted).
 */
function emptyValueWarning(keys: string[]): string | undefined {
  if (keys.length === 0) return undefined;
  const s = keys.length > 1 ? "s" : "";
  const joined = keys.map((k) => `"${k}"`).join(keys.length === 2 ? " and " : ", ");
  return (
    `No value for configuration key${s} ${joined}. This is currently treated as an empty string \`""\`, but will be treated as \`null\` in a future version of pulumi.\n` +
    `Set the value${s} to \`""\` to avoid this warning.`
  );
}

/**
 * The top-level keys of a stack file, the fields of ProjectStack (pulumi/pulumi
 * sdk/go/common/workspace/project.go, v3.248.0: secretsprovider, encryptedkey, encryptionsalt,
 * config, environment). Any other top-level key is decoded into nothing: the CLI ignores it.
 */
export const STACK_FILE_FIELDS: readonly string[] = [
  "secretsprovider",
  "encryptedkey",
  "encryptionsalt",
  "config",
  "environment",
];

/**
 * Reads a stack file as `LoadProjectStackBytes` does: an un-namespaced key becomes
 * `<project>:<key>`; every value becomes text as the program receives it (`taskCpu: 4096` is
 * "4096", `0x10` is "16", `1.50` is "1.5", `yes` stays "yes", an unquoted
 * `2026-11-29T21:13:00Z` is "2026-11-29 21:13:00 +0000 UTC", a list or map is its JSON);
 * `secure:` values are secrets. Throws ConfigStageError("stack") with the CLI's message: a
 * duplicate key, a syntax error, a key that is not `ns:name`, NaN or ±Inf.
 * @returns the config, the CLI's warnings (empty values), and the top-level keys it ignores
 */
export function loadStack(
  text: string,
  project: Project,
): { config: StackConfigMap; warnings: string[]; ignored: string[] } {
  let raw: GoValue;
  try {
    raw = loadGoYaml(text);
  } catch (err) {
    if (!(err instanceof GoYamlError)) throw err;
    throw new ConfigStageError("stack", err.message);
  }
  const config: StackConfigMap = new Map();
  if (raw === null) return { config, warnings: [], ignored: [] }; // "for example when reading an empty stack file"
  if (!isGoMap(raw)) {
    throw new ConfigStageError(
      "stack",
      `expected project to be an object, was '${goTypeName(raw)}'`,
    );
  }
  const badKey = nonStringKeys(raw)[0];
  if (badKey !== undefined) {
    // project.go SimplifyMarshalledValue (Go's map order is random: the first in the file here).
    throw new ConfigStageError("stack", `expected only string keys, got '${goFormatS(badKey)}'`);
  }
  // Top-level keys that are no field of ProjectStack: yaml.v3 drops them without a word.
  const ignored = Object.keys(raw).filter((k) => !STACK_FILE_FIELDS.includes(k));
  const mapError = (message: string): ConfigStageError =>
    new ConfigStageError("stack", `invalid YAML file: could not unmarshal map: ${message}`);
  const section = raw.config;
  if (section === undefined || section === null) return { config, warnings: [], ignored };
  if (!isGoMap(section)) {
    // Decoding a scalar or list into map[string]config.Value is a yaml.v3 TypeError. Its line
    // is in the CLI's re-marshalled copy of the file (keys sorted): known when `config` sorts
    // first, as in every stack file the CLI writes (config, encryptionsalt, ...).
    const shown = Array.isArray(section) ? "!!seq" : `${yamlTag(section)} \`${yamlText(section)}\``;
    const first = Object.keys(raw).sort()[0] === "config";
    const line = first ? `line ${Array.isArray(section) ? 2 : 1}: ` : "";
    throw mapError(
      `yaml: unmarshal errors:\n  ${line}cannot unmarshal ${shown} into map[string]config.Value`,
    );
  }
  // stackConfigNamespacedWithProject and checkForEmptyConfig only act on a map[string]any: a
  // config map with a non-string key keeps its keys as they are.
  const general = isGeneralMap(section);
  const empty: string[] = [];
  for (const rawKey of Object.keys(section).sort()) {
    const v = section[rawKey];
    const key = rawKey.includes(":") || general ? rawKey : `${project.name}:${rawKey}`;
    if (v === null && !general) empty.push(key);
    let parsed: { namespace: string; name: string };
    let value: StackValue;
    try {
      parsed = parseKey(key);
      value = configValue(v);
    } catch (err) {
      throw mapError((err as Error).message);
    }
    config.set(`${parsed.namespace}:${parsed.name}`, value);
  }
  const warning = emptyValueWarning(empty.sort());
  return { config, warnings: warning ? [warning] : [], ignored };
}

/** config.go `formatMissingKeys`. */
function formatMissingKeys(keys: string[]): string {
  if (keys.length === 1) return `'${keys[0]}'`;
  const sorted = [...keys].sort();
  return sorted
    .map((k, i) =>
      i === sorted.length - 1 ? `and '${k}'` : i === sorted.length - 2 ? `'${k}' ` : `'${k}', `,
    )
    .join("");
}

/** config.go `createConfigValue`: a project default or value as a stack value. */
function projectValue(v: GoValue): StackValue {
  const primitive =
    typeof v === "string" || typeof v === "boolean" || (v instanceof GoInt && !v.unsigned);
  if (primitive) return { value: goScalarText(v), secure: false, object: false };
  return { value: goJson(v), secure: false, object: true };
}

/** A JSON text decoded as encoding/json does into `interface{}`: every number a float64. */
function fromJson(text: string): GoValue {
  const convert = (x: unknown): GoValue => {
    if (typeof x === "number") return new GoFloat(x);
    if (Array.isArray(x)) return x.map(convert);
    if (x !== null && typeof x === "object") {
      return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, convert(y)]));
    }
    return x as GoValue;
  };
  return convert(JSON.parse(text));
}

/**
 * config.go `mergeConfig` with validation (`ValidateStackConfigAndApplyProjectConfig`), as
 * `pulumi preview` runs it: for each declared key in sorted order, a key of the project's
 * namespace with no stack value, no `default` and no `value` is missing; a key with a `default`
 * or `value` the stack does not set gets it; all missing keys are one error ("Stack 'prod' is
 * missing configuration values ..."); then each typed key's value must be secret if declared
 * `secret: true` and of its declared type. Throws ConfigStageError("validate").
 *
 * Not replicated: ESC environments (`environment:` in the stack file), property paths in declared
 * keys (`a.b`), and type checks of `secure:` values, which the CLI decrypts first (the offline
 * preview has no key to decrypt them with: their type is not checked).
 * @returns a new map with the project's defaults and values applied
 */
export function mergeConfig(
  stack: string,
  project: Project,
  stackConfig: StackConfigMap,
): StackConfigMap {
  const merged: StackConfigMap = new Map(stackConfig);
  const missing: string[] = [];
  const keys = Object.keys(project.config).sort();
  const fullKey = (k: string): string => {
    try {
      const { namespace, name } = k.includes(":")
        ? parseKey(k)
        : { namespace: project.name, name: k };
      return `${namespace}:${name}`;
    } catch (err) {
      throw new ConfigStageError("validate", (err as Error).message);
    }
  };
  for (const k of keys) {
    const c = project.config[k];
    const key = fullKey(k);
    if (merged.has(key)) continue;
    const given = c.default ?? c.value;
    if (given === undefined) {
      if (isProjectKey(project.name, key)) missing.push(k);
      continue;
    }
    merged.set(key, projectValue(given));
  }
  if (missing.length > 0) {
    throw new ConfigStageError(
      "validate",
      `Stack '${stack}' is missing configuration ${missing.length > 1 ? "values" : "value"} ${formatMissingKeys(missing)}`,
    );
  }
  for (const k of keys) {
    const c = project.config[k];
    const v = merged.get(fullKey(k));
    if (c.type === undefined || v === undefined) continue;
    if (c.secret && !v.secure) {
      throw new ConfigStageError(
        "validate",
        `Stack '${stack}' with configuration key '${k}' must be encrypted as it's secret`,
      );
    }
    if (v.secure) continue; // the CLI checks the decrypted value; offline there is no key
    const content = v.object ? fromJson(v.value) : v.value;
    if (!validateConfigValue(c.type, c.items, content)) {
      throw new ConfigStageError(
        "validate",
        `Stack '${stack}' with configuration key '${k}' must be of type '${inferFullTypeName(c.type, c.items)}'`,
      );
    }
  }
  return merged;
}
