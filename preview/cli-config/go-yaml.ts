/**
 * YAML and JSON as the Pulumi CLI's Go code sees them. The CLI reads Pulumi.yaml and
 * Pulumi.<stack>.yaml with gopkg.in/yaml.v2 (pulumi/pulumi `sdk/go/common/encoding/marshal.go`,
 * `yamlMarshaler`), decoding into `interface{}` first, then re-marshalling and decoding again
 * into its own types (`sdk/go/common/workspace/loaders.go`, `LoadProjectBytes`,
 * `LoadProjectStackBytes`). What a program finally receives is decided by yaml.v2's resolver
 * (`resolve.go` in gopkg.in/yaml.v2 v2.4.0) and encoder, and by Go's encoding/json for lists and
 * maps. This module ports those facts; js-yaml only parses the syntax.
 *
 * Why js-yaml and not the `yaml` package: js-yaml applies implicit types to plain (unquoted)
 * scalars only, so a schema whose one implicit type captures every plain scalar's text keeps
 * each scalar as written and tells quoted from unquoted — which is all yaml.v2's resolver needs.
 */
import * as yaml from "js-yaml";

/** A Go integer decoded by yaml.v2: `int` (int64 range) or `uint64`, kept as exact decimal text. */
export class GoInt {
  constructor(
    readonly digits: string,
    readonly unsigned: boolean,
  ) {}
}

/** A Go float64 decoded by yaml.v2. */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A value as yaml.v2 decodes it into `interface{}` (maps have string keys here; see loadGoYaml). */
export type GoValue =
  | string
  | boolean
  | null
  | GoInt
  | GoFloat
  | GoValue[]
  | { [key: string]: GoValue };

/** A YAML syntax error (the CLI wraps yaml.v2's as "invalid YAML file: ..."). */
export class YamlSyntaxError extends Error {}

/** A plain scalar's text, before resolution. */
class Plain {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  // js-yaml turns object keys of class Object into "[object Object]"; a tag keeps toString.
  get [Symbol.toStringTag](): string {
    return "PlainScalar";
  }
}

const PLAIN = new yaml.Type("tag:pythonide,2026:plain", {
  kind: "scalar",
  resolve: () => true,
  construct: (text: string) => new Plain(text),
});

// Merge keys (`<<`) are honoured by yaml.v2 too (decode.go `merge`). `types` exists at run time
// but @types/js-yaml does not declare it.
const MERGE = (yaml as unknown as { types: { merge: yaml.Type } }).types.merge;
const SCHEMA = yaml.FAILSAFE_SCHEMA.extend({ implicit: [MERGE, PLAIN] });

// yaml.v2 resolve.go: resolveMapList. YAML 1.1 booleans (yes/no/on/off/y/n) are booleans in v2.
const RESOLVE_MAP = new Map<string, GoValue>();
for (const t of ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]) {
  RESOLVE_MAP.set(t, true);
}
for (const f of ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]) {
  RESOLVE_MAP.set(f, false);
}
for (const n of ["", "~", "null", "Null", "NULL"]) RESOLVE_MAP.set(n, null);
for (const s of [".nan", ".NaN", ".NAN"]) RESOLVE_MAP.set(s, new GoFloat(NaN));
for (const s of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]) {
  RESOLVE_MAP.set(s, new GoFloat(Infinity));
}
for (const s of ["-.inf", "-.Inf", "-.INF"]) RESOLVE_MAP.set(s, new GoFloat(-Infinity));

// yaml.v2 resolve.go: yamlStyleFloat.
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Go's strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64): optional sign (ParseInt only), base
 * prefix 0x / 0o / 0b, a leading 0 meaning octal, else decimal. Undefined when Go errs.
 */
function parseGoInteger(s: string, signed: boolean): bigint | undefined {
  let rest = s;
  let negative = false;
  if (signed && (rest.startsWith("+") || rest.startsWith("-"))) {
    negative = rest.startsWith("-");
    rest = rest.slice(1);
  }
  let digits = rest;
  let pattern = /^[0-9]+$/;
  let prefix = "";
  const lower = rest.toLowerCase();
  if (lower.startsWith("0x")) [prefix, digits, pattern] = ["0x", rest.slice(2), /^[0-9a-fA-F]+$/];
  else if (lower.startsWith("0o")) [prefix, digits, pattern] = ["0o", rest.slice(2), /^[0-7]+$/];
  else if (lower.startsWith("0b")) [prefix, digits, pattern] = ["0b", rest.slice(2), /^[01]+$/];
  else if (rest.length > 1 && rest.startsWith("0")) {
    [prefix, digits, pattern] = ["0o", rest.slice(1), /^[0-7]+$/];
  }
  if (!pattern.test(digits)) return undefined;
  let n = BigInt(prefix === "" ? digits : `${prefix}${digits}`);
  if (negative) n = -n;
  if (signed ? n < INT64_MIN || n > INT64_MAX : n > UINT64_MAX) return undefined;
  return n;
}

/** Go's strconv.ParseFloat(s, 64) for the decimal forms yaml.v2 hands it; undefined on error. */
function parseGoFloat(s: string): number | undefined {
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined; // overflow is ErrRange in Go
}

/**
 * yaml.v2 `resolve("", text)` for a plain scalar, as decoded into `interface{}`. A timestamp
 * (`2026-11-29T21:13:00Z`) is resolved as !!timestamp, and decode.go then stores the text itself
 * ("for backward compatibility reasons we set it as a string"): it stays text, exactly as written.
 */
export function resolvePlain(text: string): GoValue {
  const first = text[0];
  const hint =
    text === ""
      ? "N"
      : first === "+" || first === "-"
        ? "S"
        : first >= "0" && first <= "9"
          ? "D"
          : "yYnNtTfFoO~".includes(first)
            ? "M"
            : first === "."
              ? "."
              : "";
  if (hint === "") return text;
  if (RESOLVE_MAP.has(text)) return RESOLVE_MAP.get(text) as GoValue;
  if (text === "<<") return text;
  if (hint === ".") {
    const f = /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text) ? parseGoFloat(text) : undefined;
    return f === undefined ? text : new GoFloat(f);
  }
  if (hint === "D" || hint === "S") {
    // Timestamps (YYYY-...) never parse as numbers below: they end as their own text.
    const plain = text.replace(/_/g, "");
    const i = parseGoInteger(plain, true);
    if (i !== undefined) return new GoInt(i.toString(), false);
    const u = parseGoInteger(plain, false);
    if (u !== undefined) return new GoInt(u.toString(), true);
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = parseGoFloat(plain);
      if (f !== undefined) return new GoFloat(f);
    }
  }
  return text;
}

function toGo(node: unknown): GoValue {
  if (node instanceof Plain) return resolvePlain(node.text);
  if (node === null || node === undefined) return null;
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return node.map(toGo);
  const out: { [key: string]: GoValue } = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) out[k] = toGo(v);
  return out;
}

/**
 * Parses YAML text as yaml.v2 decodes it into `interface{}`. Later duplicate keys win, as in
 * yaml.v2. Map keys are kept as text (a non-string key, which the CLI refuses with "expected only
 * string keys", is not detected). Throws YamlSyntaxError on bad syntax: yaml.v2's "yaml: line <n>:"
 * form with js-yaml's reason.
 */
export function loadGoYaml(text: string): GoValue {
  // readFileStripUTF8BOM (loaders.go): a UTF-8 byte-order mark is dropped.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return toGo(yaml.load(body, { schema: SCHEMA, json: true }));
  } catch (err) {
    // yaml.v2 writes "yaml: line <n>: <reason>"; the reason here is js-yaml's wording.
    const e = err as { reason?: string; mark?: { line: number }; message: string };
    throw new YamlSyntaxError(
      e.reason !== undefined && e.mark ? `yaml: line ${e.mark.line + 1}: ${e.reason}` : e.message,
    );
  }
}

export function isGoMap(v: GoValue): v is { [key: string]: GoValue } {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !isGoNumber(v);
}

function isGoNumber(v: GoValue): v is GoInt | GoFloat {
  return v instanceof GoInt || v instanceof GoFloat;
}

/**
 * Go's strconv.FormatFloat(f, 'g', -1, 64) as yaml.v2's encoder writes a float64 (encode.go
 * `floatv`), with its `.inf`, `-.inf` and `.nan` spellings.
 */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return ".nan";
  if (f === Infinity) return ".inf";
  if (f === -Infinity) return "-.inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mantissa, expText] = Math.abs(f).toExponential().split("e");
  const exp = Number(expText);
  const sign = f < 0 ? "-" : "";
  // 'g' with the shortest precision: %e when exp < -4 || exp >= 6 (strconv/ftoa.go, eprec = 6).
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${mantissa}e${exp < 0 ? "-" : "+"}${e}`;
  }
  return `${sign}${Math.abs(f).toString()}`;
}

/**
 * The text a scalar becomes once yaml.v2 re-marshals the decoded value and decodes it into a Go
 * string (config.Value's UnmarshalYAML tries a string first): ints and uint64s as decimal, floats
 * per formatGoFloat, booleans as true/false, null as "" (loaders.go `checkForEmptyConfig`:
 * "currently treated as an empty string").
 */
export function goScalarText(v: GoValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof GoInt) return v.digits;
  if (v instanceof GoFloat) return formatGoFloat(v.value);
  throw new Error("not a scalar");
}

/**
 * A decoded value after the CLI's marshal/unmarshal round trip: a float whose yaml.v2 text reads
 * back as an integer (`1.0` is written `1`) comes back as an int.
 */
export function roundTrip(v: GoValue): GoValue {
  if (v instanceof GoFloat) {
    const again = resolvePlain(formatGoFloat(v.value));
    return again instanceof GoInt || again instanceof GoFloat ? again : v;
  }
  if (Array.isArray(v)) return v.map(roundTrip);
  if (isGoMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundTrip(x)]));
  return v;
}

/** An error of Go's encoding/json (the CLI wraps it: "marshalling obj: ..."). */
export class GoJsonError extends Error {}

/** Go's json.Marshal of a string: HTML-escaped (<, >, &) and U+2028/U+2029 escaped. */
function goJsonString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Go's json.Marshal of a decoded value: map keys sorted, floats in Go's JSON form, NaN and ±Inf
 * refused ("json: unsupported value: NaN").
 */
export function goJson(v: GoValue): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return goJsonString(v);
  if (v instanceof GoInt) return v.digits;
  if (v instanceof GoFloat) {
    const f = v.value;
    if (!Number.isFinite(f)) {
      throw new GoJsonError(
        `json: unsupported value: ${Number.isNaN(f) ? "NaN" : f > 0 ? "+Inf" : "-Inf"}`,
      );
    }
    // encoding/json floatEncoder: 'f' unless abs < 1e-6 or >= 1e21, then 'e' with e-07 -> e-7:
    // the same text as JavaScript's Number#toString, except for negative zero.
    return Object.is(f, -0) ? "-0" : f.toString();
  }
  if (Array.isArray(v)) return `[${v.map(goJson).join(",")}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${goJsonString(k)}:${goJson(v[k])}`).join(",")}}`;
}

/** Go's `%T` of a decoded value, as the CLI prints it ("expected project to be an object, was '%T'"). */
export function goTypeName(v: GoValue): string {
  if (v === null) return "<nil>";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (v instanceof GoInt) return v.unsigned ? "uint64" : "int";
  if (v instanceof GoFloat) return "float64";
  if (Array.isArray(v)) return "[]interface {}";
  return "map[interface {}]interface {}";
}

/**
 * The JSON type name santhosh-tekuri/jsonschema v5 reports for a value ("expected string, but got
 * number"): every number is "number" there, whole or not.
 */
export function jsonSchemaType(v: GoValue): string {
  if (v === null) return "null";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "boolean";
  if (v instanceof GoInt || v instanceof GoFloat) return "number";
  if (Array.isArray(v)) return "array";
  return "object";
}

/** Whether a value satisfies JSON schema's `"type": "integer"` (a whole number). */
export function isJsonInteger(v: GoValue): boolean {
  return v instanceof GoInt || (v instanceof GoFloat && Number.isInteger(v.value));
}
