/**
 * The project file (Pulumi.yaml) as the Pulumi CLI loads and validates it before anything else
 * runs, at the release matching @pulumi/pulumi 3.248.0. Sources (pulumi/pulumi):
 * - `sdk/go/common/workspace/loaders.go` `LoadProjectBytes`: parse, `ValidateProject`, rewrite
 *   `config: <path>` into stackConfigDir, rewrite shorthand config values, decode, `Validate()`;
 * - `sdk/go/common/workspace/project.go` `ValidateProject`, `findClosestKey`,
 *   `RewriteShorthandConfigValues`, `Project.Validate`, `ValidateConfigValue`,
 *   `InferFullTypeName`; the JSON schema `project.json` (its `config` part);
 * - tests `sdk/go/common/workspace/project_test.go`.
 * Messages are the CLI's own. Map iteration in Go is random; where the CLI reports the first of
 * several problems, this replica takes config keys in sorted order.
 */
import { nearest } from "../../model/config/checks";
import {
  GoFloat,
  GoInt,
  GoValue,
  isGoMap,
  isJsonInteger,
  jsonSchemaType,
  loadGoYaml,
  roundTrip,
  GoYamlError,
  goFormatS,
  goTypeName,
  isGeneralMap,
  nonStringKeys,
} from "./go-yaml";

/** A stage of `pulumi preview` that read config and failed, with the CLI's message. */
export class ConfigStageError extends Error {
  /**
   * @param stage project: loading Pulumi.yaml; stack: loading Pulumi.<stack>.yaml; validate:
   *   merging the two (`ValidateStackConfigAndApplyProjectConfig`)
   * @param message the CLI's message, without the prefix the preview command adds
   */
  constructor(
    readonly stage: "project" | "stack" | "validate",
    message: string,
  ) {
    super(message);
    this.name = "ConfigStageError";
  }
}

/** `items` of an array config type (project.go `ProjectConfigItemsType`). */
export interface ProjectConfigItemsType {
  type: string;
  items?: ProjectConfigItemsType;
}

/** One declared config key (project.go `ProjectConfigType`); undefined default/value = Go nil. */
export interface ProjectConfigType {
  type?: string;
  description?: string;
  items?: ProjectConfigItemsType;
  default?: GoValue;
  value?: GoValue;
  secret: boolean;
}

/** What the CLI keeps of a project file for config: its name and its config declarations. */
export interface Project {
  name: string;
  config: Record<string, ProjectConfigType>;
}

/** Types a config declaration may name (project.json `simpleConfigType`, 3.248: with object). */
export const CONFIG_TYPES = ["string", "integer", "boolean", "array", "object"] as const;
const DECLARATION_ATTRIBUTES = ["default", "description", "items", "secret", "type", "value"];

/**
 * project.go `maxValidationAttributeDistance` and `findClosestKey` (lower-cased Levenshtein, the
 * first key in sorted order at the smallest distance; "" when none is within maxDistance).
 */
export function findClosestKey(needle: string, haystack: string[], maxDistance = 2): string {
  return nearest(needle, [...haystack].sort(), maxDistance) ?? "";
}

/** hashicorp/go-multierror's list format, as `ValidateProject` returns several schema errors. */
export function multiError(errors: string[]): string {
  if (errors.length === 1) return `1 error occurred:\n\t* ${errors[0]}\n\n`;
  return `${errors.length} errors occurred:\n\t${errors.map((e) => `* ${e}`).join("\n\t")}\n\n`;
}

/** A JSON pointer segment (RFC 6901), as jsonschema's instance locations write keys. */
function pointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The schema errors of one `configTypeDeclaration` (project.json `$defs`). */
function declarationErrors(v: GoValue, at: string): string[] {
  if (!isGoMap(v)) return [`${at}: expected object, but got ${jsonSchemaType(v)}`];
  const errors: string[] = [];
  const extra = Object.keys(v)
    .filter((k) => !DECLARATION_ATTRIBUTES.includes(k))
    .sort();
  // ValidateProject's hint ("did you mean") needs getSchemaPathAttributes, which cannot walk
  // through `config`'s additionalProperties schema: under #/config/<key> no hint is added (as in
  // pulumi/pulumi issue 16056's output).
  if (extra.length > 0) {
    errors.push(`${at}: additionalProperties ${extra.map((k) => `'${k}'`).join(", ")} not allowed`);
  }
  if ("type" in v && !(CONFIG_TYPES as readonly GoValue[]).includes(v.type)) {
    errors.push(
      `${at}/type: value must be one of ${CONFIG_TYPES.map((t) => JSON.stringify(t)).join(", ")}`,
    );
  }
  if ("description" in v && typeof v.description !== "string") {
    errors.push(`${at}/description: expected string, but got ${jsonSchemaType(v.description)}`);
  }
  if ("secret" in v && typeof v.secret !== "boolean") {
    errors.push(`${at}/secret: expected boolean, but got ${jsonSchemaType(v.secret)}`);
  }
  if ("items" in v) errors.push(...itemsErrors(v.items, `${at}/items`));
  return errors;
}

/** The schema errors of a `configItemsType` (required `type`, nested `items`). */
function itemsErrors(v: GoValue, at: string): string[] {
  if (!isGoMap(v)) return [`${at}: expected object, but got ${jsonSchemaType(v)}`];
  const errors: string[] = [];
  if (!("type" in v)) errors.push(`${at}: missing properties: 'type'`);
  else if (!(CONFIG_TYPES as readonly GoValue[]).includes(v.type)) {
    errors.push(
      `${at}/type: value must be one of ${CONFIG_TYPES.map((t) => JSON.stringify(t)).join(", ")}`,
    );
  }
  if ("items" in v) errors.push(...itemsErrors(v.items, `${at}/items`));
  return errors;
}

/** The schema errors of one `config:` entry: oneOf string, integer, boolean, array, declaration. */
function configEntryErrors(key: string, v: GoValue): string[] {
  const at = `#/config/${pointer(key)}`;
  if (key === "secret" && typeof v !== "boolean") {
    // project.json gives `config` a property "secret" of type boolean.
    return [`${at}: expected boolean, but got ${jsonSchemaType(v)}`];
  }
  const declaration = declarationErrors(v, at);
  const matches = [
    typeof v === "string",
    isJsonInteger(v),
    typeof v === "boolean",
    Array.isArray(v),
    declaration.length === 0,
  ].filter(Boolean).length;
  if (matches === 1) return [];
  const got = jsonSchemaType(v);
  return [
    `${at}: oneOf failed`,
    ...["string", "integer", "boolean", "array"]
      .filter((t) => !(t === "integer" ? isJsonInteger(v) : t === got))
      .map((t) => `${at}: expected ${t}, but got ${got}`),
    `${at}: doesn't validate with '/$defs/configTypeDeclaration'`,
    ...declaration,
  ];
}

/** `ValidateProject`'s attribute checks for `name` and `runtime`, with its closest-key hint. */
function missingAttribute(project: Record<string, GoValue>, name: string): string | undefined {
  if (name in project) return undefined;
  const closest = findClosestKey(name, Object.keys(project));
  return closest !== ""
    ? `project is missing a '${name}' attribute; found '${closest}' instead`
    : `project is missing a '${name}' attribute`;
}

/**
 * project.go `ValidateProject`: the raw project must be a map with a non-empty string name and a
 * runtime, then the JSON schema (here: `runtime`, the string-or-null attributes, `backend` and
 * `config`; `options`, `template`, `plugins` and `packages` are not checked). Returns the CLI's
 * error text, or undefined.
 */
export function validateProject(raw: GoValue): string | undefined {
  if (!isGoMap(raw)) return `expected project to be an object, was '${goTypeName(raw)}'`;
  const badKey = nonStringKeys(raw)[0];
  if (badKey !== undefined) return `expected only string keys, got '${goFormatS(badKey)}'`;
  const noName = missingAttribute(raw, "name");
  if (noName) return noName;
  if (typeof raw.name !== "string" || raw.name === "") {
    return "project is missing a non-empty string 'name' attribute";
  }
  const noRuntime = missingAttribute(raw, "runtime");
  if (noRuntime) return noRuntime;

  const errors: string[] = [];
  const runtime = raw.runtime;
  const runtimeOk =
    (typeof runtime === "string" && runtime !== "") ||
    (isGoMap(runtime) &&
      Object.keys(runtime).every((k) => k === "name" || k === "options") &&
      (runtime.name === undefined || (typeof runtime.name === "string" && runtime.name !== "")) &&
      (runtime.options === undefined || isGoMap(runtime.options)));
  if (!runtimeOk) {
    const got = jsonSchemaType(runtime);
    errors.push(`#/runtime: oneOf failed`);
    if (got !== "string") errors.push(`#/runtime: expected string, but got ${got}`);
    if (got !== "object") errors.push(`#/runtime: expected object, but got ${got}`);
  }
  for (const attr of ["description", "author", "website", "license", "main", "stackConfigDir"]) {
    const v = raw[attr];
    if (v !== undefined && v !== null && typeof v !== "string") {
      errors.push(`#/${attr}: expected string or null, but got ${jsonSchemaType(v)}`);
    }
  }
  const backend = raw.backend;
  if (backend !== undefined && backend !== null) {
    if (!isGoMap(backend)) {
      errors.push(`#/backend: expected object or null, but got ${jsonSchemaType(backend)}`);
    } else {
      for (const k of Object.keys(backend).filter((k) => k !== "url")) {
        const hint = findClosestKey(k, ["url"]);
        errors.push(
          `#/backend: additionalProperties '${k}' not allowed; ` +
            (hint ? `did you mean '${hint}'?` : `the only allowed attribute is 'url'`),
        );
      }
    }
  }
  const config = raw.config;
  if (config !== undefined && config !== null && typeof config !== "string") {
    if (!isGoMap(config)) {
      errors.push(`#/config: expected object, string or null, but got ${jsonSchemaType(config)}`);
    } else {
      for (const key of Object.keys(config).sort()) {
        errors.push(...configEntryErrors(key, config[key]));
      }
    }
  }
  return errors.length > 0 ? multiError(errors) : undefined;
}

/** project.go `configKeyIsNamespacedByProject`. */
export function isProjectKey(projectName: string, key: string): boolean {
  return !key.includes(":") || key.startsWith(`${projectName}:`);
}

/** project.go `InferFullTypeName`: `array<string>`, `array<array<integer>>`, `integer`. */
export function inferFullTypeName(type: string, items?: ProjectConfigItemsType): string {
  return items ? `array<${inferFullTypeName(items.type, items.items)}>` : type;
}

/** Go's strconv.Atoi: optional sign and decimal digits, within int64. */
function isAtoi(s: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(s)) return false;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n <= 2n ** 63n - 1n;
}

/**
 * project.go `ValidateConfigValue`. An `object` is a map[string]any: a stack value (decoded by
 * encoding/json) or a project default whose keys are all strings (yaml.v3 decodes such a map into
 * map[string]interface{}; one with another key is a map[interface{}]interface{}, which the type
 * switch misses).
 */
export function validateConfigValue(
  type: string,
  items: ProjectConfigItemsType | undefined,
  value: GoValue,
): boolean {
  if (type === "string") return typeof value === "string";
  if (type === "integer") {
    if (value instanceof GoInt) return !value.unsigned;
    // "Config values come from YAML which by default will return floats not int."
    if (value instanceof GoFloat) return Number.isInteger(value.value);
    return typeof value === "string" && isAtoi(value);
  }
  if (type === "boolean")
    return typeof value === "boolean" || value === "true" || value === "false";
  if (type === "object") return isGoMap(value) && !isGeneralMap(value);
  if (!Array.isArray(value) || items === undefined) return false;
  return value.every((item) => validateConfigValue(items.type, items.items, item));
}

function itemsType(v: GoValue | undefined): ProjectConfigItemsType | undefined {
  if (v === undefined || !isGoMap(v)) return undefined;
  return { type: String(v.type ?? ""), items: itemsType(v.items) };
}

/** project.go `Project.Validate`, for the config declarations: the CLI's first error, or undefined. */
export function validateProjectConfig(project: Project): string | undefined {
  for (const key of Object.keys(project.config).sort()) {
    const c = project.config[key];
    if (c.default !== undefined && c.value !== undefined) {
      return `project config '${key}' cannot have both a 'default' and 'value' attribute`;
    }
    if (isProjectKey(project.name, key)) {
      if (c.type === "array" && c.items === undefined) {
        return `The configuration key '${key}' declares an array but does not specify the underlying type via the 'items' attribute`;
      }
      if (c.type !== undefined && c.default !== undefined) {
        if (!validateConfigValue(c.type, c.items, c.default)) {
          return `The default value specified for configuration key '${key}' is not of the expected type '${inferFullTypeName(c.type, c.items)}'`;
        }
      }
    } else {
      if (c.type !== undefined) {
        return `Configuration key '${key}' is not namespaced by the project and should not define a type`;
      }
      if (c.default !== undefined) {
        return `Configuration key '${key}' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?`;
      }
      if (c.value === undefined) {
        return `Configuration key '${key}' is namespaced and must provide an attribute 'value'`;
      }
    }
  }
  return undefined;
}

/** Go nil (absent or YAML null) reads as undefined; other values after the CLI's round trip. */
function present(v: GoValue | undefined): GoValue | undefined {
  return v === undefined || v === null ? undefined : roundTrip(v);
}

/**
 * Loads a project file as `LoadProjectBytes` does. Throws ConfigStageError("project") with the
 * CLI's message: "could not unmarshal '<path>': ...", "could not validate '<path>': ...", or the
 * stackConfigDir conflict.
 * @param text the file's contents
 * @param path the path the CLI would name (it names the absolute path it found)
 */
export function loadProject(text: string, path: string): Project {
  let raw: GoValue;
  try {
    raw = loadGoYaml(text);
  } catch (err) {
    if (!(err instanceof GoYamlError)) throw err;
    throw new ConfigStageError("project", `could not unmarshal '${path}': ${err.message}`);
  }
  const invalid = validateProject(raw);
  if (invalid !== undefined) {
    throw new ConfigStageError("project", `could not validate '${path}': ${invalid}`);
  }
  const doc = raw as Record<string, GoValue>;
  // RewriteConfigPathIntoStackConfigDir: `config: <path>` is the old spelling of stackConfigDir.
  let config = doc.config;
  if (typeof config === "string") {
    if ("stackConfigDir" in doc) {
      throw new ConfigStageError(
        "project",
        "Should not use both config and stackConfigDir to define the stack directory. Use only stackConfigDir instead.",
      );
    }
    config = null;
  }
  const project: Project = { name: doc.name as string, config: {} };
  for (const [key, entry] of Object.entries(isGoMap(config) ? config : {})) {
    // RewriteShorthandConfigValues: a primitive (string, int, bool) or a list is a default for a
    // project key and a value for any other namespace's key.
    const primitive =
      typeof entry === "string" ||
      typeof entry === "boolean" ||
      (entry instanceof GoInt && !entry.unsigned) ||
      Array.isArray(entry);
    if (primitive) {
      project.config[key] = isProjectKey(project.name, key)
        ? { default: roundTrip(entry), secret: false }
        : { value: roundTrip(entry), secret: false };
      continue;
    }
    const d = isGoMap(entry) ? entry : {};
    project.config[key] = {
      type: typeof d.type === "string" ? d.type : undefined,
      description: typeof d.description === "string" ? d.description : undefined,
      items: itemsType(d.items),
      default: present(d.default),
      value: present(d.value),
      secret: d.secret === true,
    };
  }
  const problem = validateProjectConfig(project);
  if (problem !== undefined) {
    throw new ConfigStageError("project", `could not unmarshal '${path}': ${problem}`);
  }
  return project;
}
