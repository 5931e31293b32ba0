/**
 * Checks of stack config the Pulumi CLI does NOT make (it passes unread keys through silently),
 * which the offline preview adds on top of its CLI replica: every message ends with STRICTER_NOTE.
 * - a key's namespace must be the project's, the CLI's own (`pulumi:`), or a provider package the
 *   program depends on; otherwise the nearest known namespace is named;
 * - a provider key must be one the installed provider package declares (`config/vars.d.ts`), of
 *   the type it declares; otherwise the nearest declared key is named;
 * - a provider key that holds a secret (the generated provider.js wraps it in `pulumi.secret`:
 *   for @pulumi/aws accessKey, secretKey, token) must not be in plaintext; its value is never shown;
 * - the stack file's top-level keys must be the ones the CLI reads (a setting outside `config:`
 *   is dropped by the CLI without a word).
 * The provider facts are read from the installed packages at run time: they have one owner.
 */
import * as fs from "fs";
import * as path from "path";
import { findClosestKey } from "./project";
import { STACK_FILE_FIELDS, StackConfigMap } from "./stack";

/** Appended to every message of this module. */
export const STRICTER_NOTE = "(offline preview check, stricter than the Pulumi CLI)";

/**
 * A top-level key of the stack file that the CLI ignores (not one of STACK_FILE_FIELDS): most
 * often a setting that lost its indentation under `config:`, such as `pythonide:examWindows`
 * pasted at column 0, which would leave an exam stack without its windows.
 */
export function ignoredKeyProblems(ignored: readonly string[]): string[] {
  return ignored.map(
    (key) =>
      `${key} is at the top level of the stack file, beside config:, where the Pulumi CLI ignores it (a stack file's top-level keys are ${STACK_FILE_FIELDS.join(", ")}): ` +
      (key.includes(":") ? `indent it under config: ` : `remove it, or put it under config: `) +
      STRICTER_NOTE,
  );
}

/** How a provider package's SDK reads a config key (its `config/vars.d.ts` declaration). */
export type ProviderKeyType = "string" | "boolean" | "number" | "string[]" | "object[]" | "object";

/** One provider's config keys, as its installed npm package declares them. */
export interface ProviderConfigSchema {
  /** Config namespace (the package's `pulumi.name`, e.g. aws). */
  namespace: string;
  /** npm package and version, for messages (e.g. @pulumi/aws 7.48.0). */
  source: string;
  keys: Map<string, ProviderKeyType>;
  /** Keys whose values are secrets (provider.js `pulumi.secret(args.<key>)`). */
  secrets: Set<string>;
}

/** The TypeScript type of a `export declare const` in vars.d.ts, as a ProviderKeyType. */
function keyType(ts: string): ProviderKeyType {
  const t = ts.replace(/\s*\|\s*undefined$/, "").trim();
  if (t === "string" || t === "boolean" || t === "number" || t === "string[]") return t;
  return t.endsWith("[]") ? "object[]" : "object";
}

/**
 * Reads the config schema of an installed provider package: keys and types from
 * `config/vars.d.ts`, secret keys from `provider.js`. A package without `config/vars.d.ts`
 * declares no keys.
 * @param dir the package's directory (node_modules/@pulumi/aws)
 */
export function readProviderSchema(dir: string): ProviderConfigSchema {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
    name: string;
    version: string;
    pulumi?: { name?: string };
  };
  const keys = new Map<string, ProviderKeyType>();
  const vars = path.join(dir, "config", "vars.d.ts");
  if (fs.existsSync(vars)) {
    for (const m of fs
      .readFileSync(vars, "utf8")
      .matchAll(/^export declare const (\w+): (.+);$/gm)) {
      keys.set(m[1], keyType(m[2]));
    }
  }
  const secrets = new Set<string>();
  const provider = path.join(dir, "provider.js");
  if (fs.existsSync(provider)) {
    for (const m of fs.readFileSync(provider, "utf8").matchAll(/pulumi\.secret\(args\.(\w+)\)/g)) {
      secrets.add(m[1]);
    }
  }
  return {
    namespace: pkg.pulumi?.name ?? pkg.name,
    source: `${pkg.name} ${pkg.version}`,
    keys,
    secrets,
  };
}

/**
 * The providers a program uses: its package.json dependencies that are Pulumi resource packages
 * (`"pulumi": {"resource": true}`), read from `<root>/node_modules`.
 */
export function installedProviders(root: string): ProviderConfigSchema[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  const out: ProviderConfigSchema[] = [];
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    const dir = path.join(root, "node_modules", name);
    const pkgFile = path.join(dir, "package.json");
    if (!fs.existsSync(pkgFile)) continue;
    const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { pulumi?: { resource?: boolean } };
    if (pkg.pulumi?.resource === true) out.push(readProviderSchema(dir));
  }
  return out;
}

/** Where a credential should come from instead of the stack file (AWS's own variable names). */
const CREDENTIAL_ENV: Record<string, string> = {
  "aws:accessKey": "AWS_ACCESS_KEY_ID",
  "aws:secretKey": "AWS_SECRET_ACCESS_KEY",
  "aws:token": "AWS_SESSION_TOKEN",
};

function typeProblem(type: ProviderKeyType, text: string, object: boolean): boolean {
  let parsed: unknown;
  if (object) parsed = JSON.parse(text);
  switch (type) {
    case "string":
      return object;
    case "boolean":
      return object || (text !== "true" && text !== "false");
    case "number":
      return object || text.trim() === "" || !Number.isFinite(Number(text));
    case "string[]":
      return !Array.isArray(parsed) || !parsed.every((e) => typeof e === "string");
    case "object[]":
      return !Array.isArray(parsed) || !parsed.every((e) => e !== null && typeof e === "object");
    case "object":
      return parsed === null || typeof parsed !== "object" || Array.isArray(parsed);
  }
}

const TYPE_WORDS: Record<ProviderKeyType, string> = {
  string: "a string",
  boolean: "true or false",
  number: "a number",
  "string[]": "a list of strings",
  "object[]": "a list of maps",
  object: "a map",
};

/**
 * The problems of a stack's config (as the CLI read and merged it) that the Pulumi CLI would let
 * through. Never shows the value of a secure key or of a provider credential.
 * @param config the merged config (`namespace:key` -> value)
 * @param projectName the project's namespace (pythonide)
 * @param providers the program's providers (installedProviders)
 */
export function stricterProblems(
  config: StackConfigMap,
  projectName: string,
  providers: ProviderConfigSchema[],
): string[] {
  const byNamespace = new Map(providers.map((p) => [p.namespace, p]));
  const namespaces = [projectName, ...providers.map((p) => p.namespace), "pulumi"];
  const problems: string[] = [];
  for (const key of [...config.keys()].sort()) {
    const value = config.get(key)!;
    const colon = key.indexOf(":");
    const [ns, name] = [key.slice(0, colon), key.slice(colon + 1)];
    if (!namespaces.includes(ns)) {
      const near = findClosestKey(ns, namespaces);
      problems.push(
        `${key}: the namespace "${ns}" is neither the project's (${projectName}) nor a provider's this program uses (${namespaces.slice(1).join(", ")}), so nothing reads this key: ` +
          (near ? `did you mean ${near}:${name}? ` : `use one of ${namespaces.join(", ")}. `) +
          STRICTER_NOTE,
      );
      continue;
    }
    const provider = byNamespace.get(ns);
    if (!provider) continue;
    const type = provider.keys.get(name);
    if (type === undefined) {
      const near = findClosestKey(name, [...provider.keys.keys()], 3);
      problems.push(
        `${key} is not a configuration key of the ${ns} provider (${provider.source} config/vars.d.ts): ` +
          (near ? `did you mean ${ns}:${near}? ` : "") +
          STRICTER_NOTE,
      );
      continue;
    }
    if (provider.secrets.has(name)) {
      if (!value.secure) {
        const env = CREDENTIAL_ENV[key];
        problems.push(
          `${key} is a provider credential given in plaintext in the stack file (value not shown): remove it; ` +
            (env
              ? `give it through the environment (${env}, or AWS_PROFILE for a named profile) or let CI assume an IAM role through OIDC`
              : `give it through the provider's environment variables or an OIDC role`) +
            `; if it must be stack config, set it with pulumi config set --secret ${key} ${STRICTER_NOTE}`,
        );
      }
      continue;
    }
    if (!value.secure && typeProblem(type, value.value, value.object)) {
      problems.push(
        `${key} is ${JSON.stringify(value.value)}: the ${ns} provider reads it as ${TYPE_WORDS[type]} (${provider.source} config/vars.d.ts) ${STRICTER_NOTE}`,
      );
    }
  }
  return problems;
}
