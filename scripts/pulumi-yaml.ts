/**
 * Writes Pulumi.yaml from the config schema (model/config.ts), so `pulumi config` users see every
 * setting with its type, default and description. `npm run gen:pulumi-yaml`; a test fails when
 * the committed file differs from what this renders.
 *
 * A `default:` is declared only where every stack shares it: the CLI applies project defaults
 * to every stack, so a per-stack default there would override the schema's (staging's small
 * task, for example). Per-stack defaults are in the description instead.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { PROJECT, SCHEMA, STACKS, sharedDefault } from "../model/config";

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

if (require.main === module) {
  const target = path.join(__dirname, "..", "Pulumi.yaml");
  fs.writeFileSync(target, renderPulumiYaml());
  console.log(`wrote ${target}`);
}
