/**
 * Writes Pulumi.yaml from the config schema (model/config/schema.ts). `npm run gen:pulumi-yaml`; a test
 * fails when the committed file (or the README's settings table) differs from what this renders.
 *
 * The Pulumi CLI merges Pulumi.yaml into every stack before the program runs (pulumi/pulumi
 * sdk/go/common/workspace/config.go, `mergeConfig`, called by
 * `ValidateStackConfigAndApplyProjectConfig`): a project-namespace key declared with neither
 * `default` nor `value` is required in every stack ("Stack 'prod' is missing configuration
 * value ..."), and a declared `default` is set on every stack that does not set the key. So a key
 * is declared here only where that meaning is right in every stack:
 *   (a) required in every stack (domain, image): type, no default;
 *   (b) valid in every stack with one default shared by all: type and `default`.
 * Every other key (stack-specific keys, per-stack defaults, optional keys without a default such
 * as cookieSecret) is left out: the CLI passes undeclared stack keys through untouched, and the
 * program's own reader (model/config/read.ts) applies its defaults and checks.
 */
import * as fs from "fs";
import * as path from "path";
import { stringify } from "yaml";
import { PROJECT, SCHEMA, STACKS, KeySpec, sharedDefault, validText } from "../model/config";
import { replaceBetween } from "./readme";

/** Which rule puts `spec` in Pulumi.yaml: "required", "default", or undefined (left out). */
export function projectDeclaration(spec: KeySpec): "required" | "default" | undefined {
  if (spec.stacks.length !== STACKS.length) return undefined;
  if (spec.required) return "required";
  return sharedDefault(spec) !== undefined ? "default" : undefined;
}

export function renderPulumiYaml(): string {
  const config: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(SCHEMA)) {
    const rule = projectDeclaration(spec);
    if (rule === undefined) continue;
    const valid = validText(key);
    const description = valid ? `${spec.description} Valid: ${valid}.` : spec.description;
    const entry: Record<string, unknown> = { type: spec.type, description };
    if (spec.type === "array") entry.items = { type: "string" };
    if (spec.secret) entry.secret = true;
    if (rule === "default") entry.default = sharedDefault(spec);
    config[key] = entry;
  }
  const doc = {
    name: PROJECT,
    runtime: { name: "nodejs", options: { typescript: true } },
    main: "index.ts",
    description:
      "Classroom Python IDE on AWS ECS Fargate: prod platform and service, staging, exam mode.",
    config,
  };
  return (
    "# Generated from model/config/schema.ts by `npm run gen:pulumi-yaml`: edit the schema, not this file.\n" +
    stringify(doc, { lineWidth: 100, aliasDuplicateObjects: false })
  );
}

/**
 * The README's settings table: every key, its type, what it accepts, its stacks, its default per
 * stack, how Pulumi.yaml declares it, and its description.
 */
export function renderSettingsTable(): string {
  const rows = Object.entries(SCHEMA).map(([key, spec]) => {
    const defaults = spec.stacks
      .map((s) => {
        const d = spec.default?.[s];
        return d === undefined ? undefined : `${s}: \`${JSON.stringify(d)}\``;
      })
      .filter(Boolean);
    const dflt = spec.required ? "required" : defaults.length > 0 ? defaults.join("<br>") : "unset";
    const secret = spec.secret ? " (secret)" : "";
    const declared = projectDeclaration(spec) ?? "no";
    const cells = [
      `\`${key}\`${secret}`,
      spec.type,
      validText(key),
      spec.stacks.join(", "),
      dflt,
      declared,
      spec.description,
    ];
    return `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  });
  return [
    "| key (`pythonide:`) | type | valid | stacks | default | in Pulumi.yaml | description |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

const START = "<!-- settings-table:start -->";
const END = "<!-- settings-table:end -->";

/** README text with the settings table replaced by what the schema renders. */
export function withSettingsTable(readme: string): string {
  return replaceBetween(readme, START, END, renderSettingsTable());
}

if (require.main === module) {
  const root = path.join(__dirname, "..");
  fs.writeFileSync(path.join(root, "Pulumi.yaml"), renderPulumiYaml());
  const readme = path.join(root, "README.md");
  fs.writeFileSync(readme, withSettingsTable(fs.readFileSync(readme, "utf8")));
  console.log("wrote Pulumi.yaml and the README settings table");
}
