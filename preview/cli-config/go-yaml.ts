/**
 * YAML and JSON as the Pulumi CLI's Go code sees them. The CLI 3.248.0 reads Pulumi.yaml and
 * Pulumi.<stack>.yaml with gopkg.in/yaml.v3 v3.0.1 (pulumi/pulumi sdk v3.248.0
 * `go/common/encoding/marshal.go`: `yamlMarshaler.Unmarshal` is `yaml.Unmarshal` of yaml.v3; a
 * `*yaml.TypeError` is returned as it is, any other error becomes "invalid YAML file: ..."). It
 * decodes into `interface{}` first, then re-marshals (`util/yamlutil/encode.go`, yaml.v3's
 * encoder) and decodes again into its own types (`workspace/loaders.go` `LoadProjectBytes`,
 * `LoadProjectStackBytes`; `resource/config/value.go` `Value.UnmarshalYAML`, `object.go`
 * `unmarshalObject`, `MarshalString`). What a program finally receives is decided by yaml.v3's
 * resolver (`resolve.go` `resolve`, `parseTimestamp`), its decoder (`decode.go` `mapping`: the
 * duplicate-key check) and encoder (`encode.go` `floatv`, `timev`), and by Go's encoding/json.
 * This module ports those facts (checked against the CLI built from the module proxy: see
 * tests/engine/engine.suite.ts); the `yaml` package only parses the syntax (failsafe schema: every
 * scalar stays text, with its style, tag and line).
 */
import {
  Alias,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  parseDocument,
  Scalar,
} from "yaml";

/** A Go integer decoded by yaml.v3: `int` (int64 range) or `uint64`, kept as exact decimal text. */
export class GoInt {
  constructor(
    readonly digits: string,
    readonly unsigned: boolean,
  ) {}
}

/** A Go float64 decoded by yaml.v3. */
export class GoFloat {
  constructor(readonly value: number) {}
}

/**
 * A Go time.Time decoded by yaml.v3 from an unquoted timestamp (resolve.go `parseTimestamp`).
 * `text` is Go's `Time.String()`, which `unmarshalObject` (object.go: `case time.Time:
 * newObject(v.String())`) hands to the program: `2026-11-29T21:13:00Z` becomes
 * "2026-11-29 21:13:00 +0000 UTC".
 */
export class GoTime {
  /**
   * @param text Go's `Time.String()`
   * @param rfc3339 `Format(time.RFC3339Nano)`, as yaml.v3's encoder writes it (encode.go `timev`)
   */
  constructor(
    readonly text: string,
    readonly rfc3339: string,
  ) {}
}

/**
 * A value as yaml.v3 decodes it into `interface{}`. Maps have text keys here; a map whose keys
 * are not all strings (Go's map[interface{}]interface{}) is marked (isGeneralMap), its keys
 * written as Go's `%v` writes them.
 */
export type GoValue =
  | string
  | boolean
  | null
  | GoInt
  | GoFloat
  | GoTime
  | GoValue[]
  | { [key: string]: GoValue };

/**
 * An error of `yaml.Unmarshal` as the CLI's marshaler returns it: a syntax error as
 * "invalid YAML file: yaml: line <n>: <reason>" (the reason is the `yaml` package's wording, not
 * libyaml's), a type error (duplicate keys) as "yaml: unmarshal errors:\n  line ...".
 */
export class GoYamlError extends Error {}

/** Decoded maps with a key that is not a string, with those keys as decoded, in file order. */
const GENERAL_MAPS = new WeakMap<object, GoValue[]>();

/** Whether a decoded map has a key that is not a string (Go's map[interface{}]interface{}). */
export function isGeneralMap(v: GoValue): boolean {
  return v !== null && typeof v === "object" && GENERAL_MAPS.has(v);
}

/** The keys of a decoded map that are not strings (none for a map[string]interface{}). */
export function nonStringKeys(v: GoValue): GoValue[] {
  return (v !== null && typeof v === "object" && GENERAL_MAPS.get(v)) || [];
}

// yaml.v3 resolve.go: resolveMapList. Only true/false in three spellings are booleans: yes, no,
// on, off, y and n stay strings when decoded into interface{} (YAML 1.2).
const RESOLVE_MAP = new Map<string, GoValue>();
for (const t of ["true", "True", "TRUE"]) RESOLVE_MAP.set(t, true);
for (const f of ["false", "False", "FALSE"]) RESOLVE_MAP.set(f, false);
for (const n of ["", "~", "null", "Null", "NULL"]) RESOLVE_MAP.set(n, null);
for (const s of [".nan", ".NaN", ".NAN"]) RESOLVE_MAP.set(s, new GoFloat(NaN));
for (const s of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]) {
  RESOLVE_MAP.set(s, new GoFloat(Infinity));
}
for (const s of ["-.inf", "-.Inf", "-.INF"]) RESOLVE_MAP.set(s, new GoFloat(-Infinity));

// yaml.v3 resolve.go: yamlStyleFloat.
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Go's strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64) on text without underscores: optional
 * sign (ParseInt only), base prefix 0x / 0o / 0b (either case), a leading 0 meaning octal, else
 * decimal. Undefined when Go errs. (resolve.go's own 0b / -0b / 0o / -0o branches add nothing
 * to base 0.)
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

/**
 * Go's strconv.ParseFloat(s, 64) for the decimal forms yaml.v3 hands it (underscores allowed
 * only between digits); undefined on error, overflow included (ErrRange: `1e400` stays text).
 */
function parseGoFloat(s: string): number | undefined {
  if (
    !/^[-+]?(\.[0-9](_?[0-9])*|[0-9](_?[0-9])*(\.([0-9](_?[0-9])*)?)?)([eE][-+]?[0-9]+)?$/.test(s)
  ) {
    return undefined;
  }
  const f = Number(s.replace(/_/g, ""));
  return Number.isFinite(f) ? f : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * yaml.v3 resolve.go `parseTimestamp`: text starting `YYYY-` that Go's time.Parse reads with one
 * of `allowedTimestampFormats` ("2006-1-2T15:4:5.999999999Z07:00", the same with a lower-case t,
 * "2006-1-2 15:4:5.999999999", "2006-1-2"): one- or two-digit fields, in range (Feb 30 is not a
 * date), a fraction after `.` or `,` (cut to nanoseconds), `Z` or `±hh:mm` (hours up to 24,
 * minutes up to 60, as time.Parse allows). Returns the time, or undefined. A zero
 * offset prints as UTC: this assumes the CLI's local zone is UTC (time.Parse uses the local
 * zone when its offset matches), as on CI machines and containers with TZ unset.
 */
export function goTimestamp(s: string): GoTime | undefined {
  const m =
    /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,]([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2}))|(?:[ \t]+([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,]([0-9]+))?))?$/.exec(
      s,
    );
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (month < 1 || month > 12 || day < 1 || day > days) return undefined;
  const [h, mi, sec, frac] =
    m[4] !== undefined ? [m[4], m[5], m[6], m[7]] : [m[9], m[10], m[11], m[12]];
  const [hour, minute, second] = [Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let zone = "+0000 UTC";
  let rfcZone = "Z";
  if (m[8] !== undefined && m[8] !== "Z") {
    const [oh, om] = [Number(m[8].slice(1, 3)), Number(m[8].slice(4, 6))];
    if (oh > 24 || om > 60) return undefined;
    const minutes = oh * 60 + om;
    if (minutes !== 0) {
      const z = `${m[8][0]}${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`;
      zone = `${z} ${z}`;
      rfcZone = `${z.slice(0, 3)}:${z.slice(3)}`;
    }
  }
  const nanos = (frac ?? "").slice(0, 9).padEnd(9, "0").replace(/0+$/, "");
  const time = `${pad(hour)}:${pad(minute)}:${pad(second)}${nanos ? `.${nanos}` : ""}`;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return new GoTime(`${date} ${time} ${zone}`, `${date}T${time}${rfcZone}`);
}

/**
 * yaml.v3 `resolve("", text)` for a plain scalar, as decoded into `interface{}`: null, bool,
 * int (underscores dropped; 0x, 0o, 0b, a leading 0 is octal), uint64 above int64, float,
 * time.Time for a timestamp, else the text itself.
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
  if (hint === ".") {
    const f = parseGoFloat(text);
    return f === undefined ? text : new GoFloat(f);
  }
  if (hint === "D" || hint === "S") {
    const time = goTimestamp(text);
    if (time !== undefined) return time;
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

const STR_TAG = "tag:yaml.org,2002:str";
const FLOAT_TAG = "tag:yaml.org,2002:float";
const RESOLVABLE_TAGS = ["null", "bool", "int", "float", "timestamp"].map(
  (t) => `tag:yaml.org,2002:${t}`,
);

/** decode.go `scalar` into interface{}: quoted and block scalars and `!!str` are text. */
function scalarValue(node: Scalar): GoValue {
  const text = String(node.value ?? "");
  const tag = node.tag;
  if (tag === STR_TAG) return text;
  if (tag !== undefined && tag !== "!" && !RESOLVABLE_TAGS.includes(tag)) return text;
  if (tag === undefined || tag === "!") {
    if (node.type !== Scalar.PLAIN) return text;
    return resolvePlain(text);
  }
  // An explicit !!int, !!float...: resolve.go resolves the text whatever its quoting; a
  // !!float int becomes a float.
  const v = resolvePlain(text);
  return tag === FLOAT_TAG && v instanceof GoInt ? new GoFloat(Number(v.digits)) : v;
}

/** Go's `%v` of a decoded map key, as map[interface{}]interface{} keys are written. */
function keyText(v: GoValue): string {
  if (v === null) return "<nil>";
  if (v instanceof GoFloat) {
    const f = v.value;
    return Number.isNaN(f)
      ? "NaN"
      : f === Infinity
        ? "+Inf"
        : f === -Infinity
          ? "-Inf"
          : formatGoFloat(f);
  }
  if (Array.isArray(v) || isGoMap(v)) return goJson(v);
  return goScalarText(v);
}

/** The Kind and Value decode.go `mapping` compares to find a duplicate key. */
function keyIdentity(node: unknown): string {
  if (isScalar(node)) return `scalar\u0000${String(node.value ?? "")}`;
  if (isAlias(node)) return `alias\u0000${node.source}`;
  return isMap(node) ? "map\u0000" : isSeq(node) ? "seq\u0000" : "scalar\u0000";
}

const GO_ESCAPES: Record<string, string> = {
  "\u0007": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  '"': '\\"',
  "\\": "\\\\",
};

/**
 * Go's strconv.Quote, as `%#v` writes a key in the duplicate-key message: \a \b \f \n \r \t
 * \v, other ASCII controls as \xNN, non-printable runes above ASCII as \uNNNN (here: the C1
 * controls, U+2028, U+2029 and U+FEFF; Go's unicode.IsPrint knows more), the rest as it is.
 */
function goQuote(s: string): string {
  let out = "";
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (GO_ESCAPES[c] !== undefined) out += GO_ESCAPES[c];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if ((code >= 0x80 && code <= 0x9f) || [0x2028, 0x2029, 0xfeff].includes(code)) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += c;
  }
  return `"${out}"`;
}

class Decoder {
  /** decode.go `terrors`: the type errors, in document order. */
  readonly errors: string[] = [];
  constructor(
    private readonly doc: ReturnType<typeof parseDocument>,
    private readonly lines: LineCounter,
  ) {}

  private line(node: unknown): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lines.linePos(range[0]).line : 0;
  }

  decode(node: unknown): GoValue {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.decode((node as Alias).resolve(this.doc));
    if (isScalar(node)) return scalarValue(node);
    if (isSeq(node)) return node.items.map((item) => this.decode(item));
    if (isMap(node)) return this.mapping(node.items as { key: unknown; value: unknown }[]);
    return null;
  }

  /**
   * decode.go `mapping`: every later key with the same Kind and Value as an earlier one (quoted
   * or not: `a` and `"a"` are one key) is an error "line <n>: mapping key <%#v> already defined
   * at line <m>", and such a mapping is not decoded further. `<<` merges a map or a list of maps;
   * the mapping's own keys win.
   */
  private mapping(pairs: { key: unknown; value: unknown }[]): GoValue {
    const before = this.errors.length;
    for (let i = 0; i < pairs.length; i++) {
      for (let j = i + 1; j < pairs.length; j++) {
        if (keyIdentity(pairs[i].key) === keyIdentity(pairs[j].key)) {
          const value = isScalar(pairs[j].key)
            ? String((pairs[j].key as Scalar).value ?? "")
            : isAlias(pairs[j].key)
              ? (pairs[j].key as Alias).source
              : "";
          this.errors.push(
            `line ${this.line(pairs[j].key)}: mapping key ${goQuote(value)} already defined at line ${this.line(pairs[i].key)}`,
          );
        }
      }
    }
    const out: { [key: string]: GoValue } = {};
    if (this.errors.length > before) return out;
    const general: GoValue[] = [];
    const merges: GoValue[] = [];
    for (const { key, value } of pairs) {
      const k = this.decode(key);
      if (isScalar(key) && key.type === Scalar.PLAIN && key.tag === undefined && k === "<<") {
        merges.push(this.decode(value));
        continue;
      }
      if (typeof k !== "string") general.push(k);
      out[typeof k === "string" ? k : keyText(k)] = this.decode(value);
    }
    for (const merged of merges.flatMap((m) => (Array.isArray(m) ? m : [m]))) {
      if (!isGoMap(merged)) {
        throw new GoYamlError(
          "invalid YAML file: yaml: map merge requires map or sequence of maps as the value",
        );
      }
      for (const [k, v] of Object.entries(merged)) if (!(k in out)) out[k] = v;
    }
    if (general.length > 0) GENERAL_MAPS.set(out, general);
    return out;
  }
}

/**
 * Parses YAML text as yaml.v3 decodes it into `interface{}`: a UTF-8 byte-order mark dropped
 * (loaders.go `readFileStripUTF8BOM`), duplicate keys refused, plain scalars resolved. Throws
 * GoYamlError with the text the CLI's marshaler returns.
 */
export function loadGoYaml(text: string): GoValue {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = new LineCounter();
  const doc = parseDocument(body, {
    schema: "failsafe",
    uniqueKeys: false,
    merge: false,
    prettyErrors: false,
    lineCounter: lines,
  });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos ? e.linePos[0].line : lines.linePos(e.pos[0]).line;
    throw new GoYamlError(
      `invalid YAML file: yaml: line ${line}: ${e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "")}`,
    );
  }
  const decoder = new Decoder(doc, lines);
  const value = decoder.decode(doc.contents as Node | null);
  if (decoder.errors.length > 0) {
    throw new GoYamlError(`yaml: unmarshal errors:\n  ${decoder.errors.join("\n  ")}`);
  }
  return value;
}

export function isGoMap(v: GoValue): v is { [key: string]: GoValue } {
  return (
    v !== null &&
    typeof v === "object" &&
    !Array.isArray(v) &&
    !(v instanceof GoInt || v instanceof GoFloat || v instanceof GoTime)
  );
}

/** Go's `%s` of a map key that is not a string, as SimplifyMarshalledValue prints it. */
export function goFormatS(v: GoValue): string {
  if (typeof v === "string") return v;
  if (v instanceof GoTime) return v.text; // time.Time has a String method
  if (v === null) return "%!s(<nil>)";
  return `%!s(${goTypeName(v)}=${keyText(v)})`;
}

/**
 * Go's strconv.FormatFloat(f, 'g', -1, 64) as yaml.v3's encoder writes a float64 (encode.go
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
 * The text a scalar reaches the program as (object.go `MarshalString`, after the CLI's round
 * trip, see roundTrip): a string as it is; a bool, int or uint64 as JSON; a float64 as Go's JSON
 * (NaN and ±Inf throw GoJsonError, as json.Marshal refuses them); a time as `Time.String()`;
 * null as "" (loaders.go `checkForEmptyConfig`: "currently treated as an empty string").
 */
export function goScalarText(v: GoValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (v instanceof GoTime) return v.text;
  if (Array.isArray(v) || isGoMap(v)) throw new Error("not a scalar");
  return goJson(v);
}

/**
 * A decoded value after the CLI's marshal/unmarshal round trip: a float whose yaml.v3 text reads
 * back as an integer (`1.0` is written `1`) comes back as an int.
 */
export function roundTrip(v: GoValue): GoValue {
  if (v instanceof GoFloat) {
    const again = resolvePlain(formatGoFloat(v.value));
    return again instanceof GoInt || again instanceof GoFloat ? again : v;
  }
  if (Array.isArray(v)) return v.map(roundTrip);
  if (isGoMap(v)) {
    const out = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundTrip(x)]));
    if (GENERAL_MAPS.has(v)) GENERAL_MAPS.set(out, GENERAL_MAPS.get(v)!);
    return out;
  }
  return v;
}

/** An error of Go's encoding/json. */
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

/** How encoding/json wraps an error of a nested config.object's MarshalJSON. */
const OBJECT_MARSHAL_ERROR = "json: error calling MarshalJSON for type config.object: ";

/**
 * Go's json.Marshal of a decoded value: map keys sorted, floats in Go's JSON form, a time as its
 * `Time.String()` (object.go turns it into a string first), NaN and ±Inf refused ("json:
 * unsupported value: NaN").
 * @param configObjects encode lists and maps as the config package's `object`s: an error inside
 *   one is prefixed once per level, as encoding/json wraps each MarshalJSON's error
 */
export function goJson(v: GoValue, configObjects = false): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return goJsonString(v);
  if (v instanceof GoInt) return v.digits;
  if (v instanceof GoTime) return goJsonString(v.text);
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
  const element = (x: GoValue): string => {
    try {
      return goJson(x, configObjects);
    } catch (err) {
      if (!configObjects || !(err instanceof GoJsonError)) throw err;
      throw new GoJsonError(`${OBJECT_MARSHAL_ERROR}${err.message}`);
    }
  };
  if (Array.isArray(v)) return `[${v.map(element).join(",")}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${goJsonString(k)}:${element(v[k])}`).join(",")}}`;
}

/** Go's `%T` of a decoded value, as the CLI prints it ("expected project to be an object, was '%T'"). */
export function goTypeName(v: GoValue): string {
  if (v === null) return "<nil>";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (v instanceof GoInt) return v.unsigned ? "uint64" : "int";
  if (v instanceof GoFloat) return "float64";
  if (v instanceof GoTime) return "time.Time";
  if (Array.isArray(v)) return "[]interface {}";
  return isGeneralMap(v) ? "map[interface {}]interface {}" : "map[string]interface {}";
}

/**
 * The JSON type name santhosh-tekuri/jsonschema v5 reports for a value ("expected string, but got
 * number"): every number is "number" there, whole or not. (A time.Time is not a JSON type; it is
 * reported as a string here, which was not checked against the CLI.)
 */
export function jsonSchemaType(v: GoValue): string {
  if (v === null) return "null";
  if (typeof v === "string" || v instanceof GoTime) return "string";
  if (typeof v === "boolean") return "boolean";
  if (v instanceof GoInt || v instanceof GoFloat) return "number";
  if (Array.isArray(v)) return "array";
  return "object";
}

/** Whether a value satisfies JSON schema's `"type": "integer"` (a whole number). */
export function isJsonInteger(v: GoValue): boolean {
  return v instanceof GoInt || (v instanceof GoFloat && Number.isInteger(v.value));
}
