/**
 * Reading one stack's raw values against the schema: the Reader hands out typed values, checks
 * each against its schema entry (./checks.ts `settingProblem`) and collects every problem, so
 * the user sees all of them at once in one ConfigError. No Pulumi imports.
 */
import { settingProblem } from "./checks";
import { PROJECT, SCHEMA, specOf, StackName, Value } from "./schema";
import type { RawConfig } from "./types";

/** YAML 1.1 booleans (gopkg.in/yaml.v2 resolve.go `resolveMapList`), which YAML 1.2 reads as text. */
const YAML11_BOOLEANS: Record<string, "true" | "false"> = Object.fromEntries([
  ...["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"].map((t) => [t, "true"]),
  ...["n", "N", "no", "No", "NO", "off", "Off", "OFF"].map((f) => [f, "false"]),
]);

/** Every problem with one stack's config, each naming the key, the value and what is valid. */
export class ConfigError extends Error {
  constructor(
    readonly stack: string,
    readonly problems: string[],
  ) {
    super(
      `Invalid configuration for stack "${stack}" (Pulumi.${stack}.yaml):\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

/**
 * Collects problems while reading one stack's values. Getters come in two kinds:
 * - `int`, `str`, `oneOf`, `bool`, `list` for keys with a default in this stack: the stack's
 *   value when valid, else the schema's default (the problem is recorded, so the config is
 *   refused; the default only keeps later reading going). Calling one for a key without a
 *   default in this stack is a programming error.
 * - `maybeInt`, `maybeStr` for keys without one: undefined when unset or invalid.
 * Cross-key rules ask `valid(...keys)` first, so one bad value is reported once.
 */
export class Reader {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  private readonly failed = new Set<string>();

  constructor(
    readonly stack: StackName,
    private readonly raw: RawConfig,
  ) {}

  /** `pythonide:key`, as the user writes it in the stack file. */
  k(key: string): string {
    return `${PROJECT}:${key}`;
  }

  /** How a value is shown in a message: secrets never are. */
  shown(key: string, value: string): string {
    if (SCHEMA[key]?.secret || this.raw[this.k(key)]?.secret) return "[secret]";
    return JSON.stringify(value);
  }

  /** Records a problem with `key` (its value shown unless secret) and returns undefined. */
  fail(key: string, value: string | undefined, what: string): undefined {
    const v = value === undefined ? "" : ` is ${this.shown(key, value)}:`;
    this.problems.push(`${this.k(key)}${v} ${what}`);
    this.failed.add(key);
    return undefined;
  }

  /** True when the stack file sets `key`. */
  given(key: string): boolean {
    return this.raw[this.k(key)] !== undefined;
  }

  /** True when none of `keys` had a problem (cross-key rules run only on valid values). */
  valid(...keys: string[]): boolean {
    return keys.every((k) => !this.failed.has(k));
  }

  /** The raw text of a key, or its default (as text) for this stack. */
  text(key: string): string | undefined {
    const spec = specOf(key);
    const raw = this.raw[this.k(key)];
    if (raw !== undefined) return raw.value;
    const d = spec.default?.[this.stack];
    if (d === undefined) {
      if (spec.required) this.fail(key, undefined, `is required: ${spec.description}`);
      return undefined;
    }
    return Array.isArray(d) ? JSON.stringify(d) : String(d);
  }

  /** The schema's default of `key` in this stack; a programming error when it has none. */
  private fallback<T extends Value>(key: string): T {
    const d = specOf(key).default?.[this.stack];
    if (d === undefined)
      throw new Error(`model/config: ${key} has no ${this.stack} default; read it with maybe*()`);
    return d as T;
  }

  /** Text, checked against the schema (allowed values, length); undefined if unset or invalid. */
  maybeStr(key: string): string | undefined {
    const v = this.text(key);
    if (v === undefined) return undefined;
    const problem = settingProblem(key, v, this.stack);
    return problem ? this.fail(key, v, problem) : v;
  }

  /** Text of a key with a default in this stack. */
  str(key: string): string {
    return this.maybeStr(key) ?? this.fallback<string>(key);
  }

  /** One of the schema's allowed values of a key with a default in this stack. */
  oneOf<T extends string>(key: string): T {
    return this.str(key) as T;
  }

  /** A whole number in the schema's range; undefined if unset or invalid. */
  maybeInt(key: string): number | undefined {
    const v = this.text(key);
    if (v === undefined) return undefined;
    const n = /^-?\d+$/.test(v.trim()) ? Number(v) : v;
    const problem = settingProblem(key, n, this.stack);
    return problem ? this.fail(key, v, problem) : (n as number);
  }

  /** A whole number of a key with a default in this stack. */
  int(key: string): number {
    return this.maybeInt(key) ?? this.fallback<number>(key);
  }

  /**
   * true or false, of a key with a default in this stack: exactly the text the Pulumi SDK's
   * `config.getBoolean` accepts (@pulumi/pulumi 3.248.0 config.js: "true" or "false", anything
   * else is "not a valid boolean"). YAML 1.1's yes/no/on/off/y/n reach the program as that text:
   * the CLI reads stack files with yaml.v3, where they are strings (preview/cli-config/go-yaml.ts);
   * the message says which boolean was meant.
   */
  bool(key: string): boolean {
    const v = this.text(key);
    if (v === "true" || v === "false") return v === "true";
    const meant = YAML11_BOOLEANS[v ?? ""];
    this.fail(
      key,
      v,
      meant === undefined
        ? "must be true or false"
        : `must be true or false: the Pulumi CLI reads YAML 1.2, where ${v} is text, not a boolean (write ${meant})`,
    );
    return this.fallback<boolean>(key);
  }

  /** A list of strings, of a key with a default in this stack. */
  list(key: string): string[] {
    const v = this.text(key);
    let parsed: unknown;
    try {
      parsed = JSON.parse(v ?? "");
    } catch {
      // Not JSON: refused below, as parsed is still undefined.
    }
    if (Array.isArray(parsed) && parsed.every((e) => typeof e === "string")) return parsed;
    this.fail(key, v, "must be a list of strings");
    return this.fallback<string[]>(key);
  }
}
