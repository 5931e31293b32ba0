/**
 * Writes Pulumi.yaml from the config schema (model/config.ts), so `pulumi config` users see every
 * setting with its type, default and description. `npm run gen:pulumi-yaml`; a test fails when
 * the committed file (or the README's settings table) differs from what this renders.
 *
 * A `default:` is declared only where every stack shares it: the CLI applies project defaults
 * to every stack, so a per-stack default there would override the schema's (staging's small
 * task, for example). Per-stack defaults are in the description instead.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { PROJECT, SCHEMA, STACKS, sharedDefault } from "../model/config";
import { replaceBetween } from "./readme";

export function renderPulumiYaml(): string {
  const config: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(SCHEMA)) {
    const shared = sharedDefault(spec);
    const perStack = STACKS.filter((s) => spec.default?.[s] !== undefined)
      .map((s) => `${s} ${JSON.stringify(spec.default![s])}`)
      .join(", ");
    const notes = [
      spec.stacks.length < STACKS.length ? `Stacks: ${spec.stacks.join(", ")}.` : "",
      spec.required ? "Required." : "",
      shared === undefined && perStack ? `Default: ${perStack}.` : "",
    ].filter(Boolean);
    const entry: Record<string, unknown> = {
      type: spec.type,
      description: [spec.description, ...notes].join(" "),
    };
    if (spec.type === "array") entry.items = { type: "string" };
    if (spec.secret) entry.secret = true;
    if (shared !== undefined) entry.default = shared;
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
    "# Generated from model/config.ts by `npm run gen:pulumi-yaml`: edit the schema, not this file.\n" +
    yaml.dump(doc, { lineWidth: 100, noRefs: true })
  );
}

/** The README's settings table: every key, its stacks, its default per stack, its description. */
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
    return `| \`${key}\`${secret} | ${spec.type} | ${spec.stacks.join(", ")} | ${dflt} | ${spec.description.replace(/\|/g, "\\|")} |`;
  });
  return [
    "| key (`pythonide:`) | type | stacks | default | description |",
    "| --- | --- | --- | --- | --- |",
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
