/**
 * The config stage of `pulumi preview`, replicated offline: load the project file, load the stack
 * file, merge and validate them, in the CLI's order and with its messages (pulumi/pulumi
 * `pkg/cmd/pulumi/operations/preview.go`: `readProjectForUpdate`, then `GetStackConfiguration`
 * — errors "getting stack configuration: ..." — then `ValidateStackConfigAndApplyProjectConfig`
 * — errors "validating stack config: ..."; the CLI prints a failure as "error: <message>").
 * Then, separately, this project's stricter checks (stricter.ts), which the CLI does not make.
 * Pure: no Pulumi imports.
 */
import * as fs from "fs";
import * as path from "path";
import { RawConfig } from "../../model/config";
import { ConfigStageError, loadProject, Project } from "./project";
import { loadStack, mergeConfig, StackConfigMap } from "./stack";
import { ignoredKeyProblems, installedProviders, stricterProblems } from "./stricter";

export { ConfigStageError, loadProject } from "./project";
export { loadStack, mergeConfig } from "./stack";
export { STRICTER_NOTE } from "./stricter";

/** The repository's root (Pulumi.yaml, the shipped stack files, package.json). */
export const REPO_ROOT = path.join(__dirname, "..", "..");

/** The prefix `pulumi preview` puts before a failure of each stage. */
const STAGE_PREFIX: Record<ConfigStageError["stage"], string> = {
  project: "",
  stack: "getting stack configuration: ",
  validate: "validating stack config: ",
};

/** What the config stage made of one stack. */
export interface ConfigStage {
  /**
   * The line `pulumi preview` would print and stop with (`error: ...`), when the CLI's own
   * stage fails; undefined when the CLI would go on to run the program.
   */
  cliError?: string;
  /** The config the program receives (project defaults applied), when the CLI stage passed. */
  config?: RawConfig;
  /** The CLI's warnings (keys with no value). */
  warnings: string[];
  /** This project's stricter checks (each message says so); only when the CLI stage passed. */
  stricter: string[];
}

/** Files the stage reads. */
export interface ConfigStageInput {
  /** The stack name (`pulumi preview --stack <name>`). */
  stack: string;
  /** The stack file's contents. */
  stackText: string;
  /** The project file's path (named in project-file errors, as the CLI names it). */
  projectFile?: string;
  /** The project file's contents (default: read projectFile). */
  projectText?: string;
  /** Where package.json and node_modules are (the program's providers); default REPO_ROOT. */
  root?: string;
}

function toRaw(config: StackConfigMap): RawConfig {
  const raw: RawConfig = {};
  for (const key of [...config.keys()].sort()) {
    const v = config.get(key)!;
    raw[key] = { value: v.value, secret: v.secure };
  }
  return raw;
}

/**
 * Runs the config stage of `pulumi preview` on one stack file and the project file, then this
 * project's stricter checks. Never throws for a fault of the files: a failure becomes cliError.
 */
export function configStage(input: ConfigStageInput): ConfigStage {
  const root = input.root ?? REPO_ROOT;
  const projectFile = input.projectFile ?? path.join(root, "Pulumi.yaml");
  const projectText = input.projectText ?? fs.readFileSync(projectFile, "utf8");
  let project: Project;
  let merged: StackConfigMap;
  let warnings: string[];
  let ignored: string[];
  try {
    project = loadProject(projectText, projectFile);
    const loaded = loadStack(input.stackText, project);
    warnings = loaded.warnings;
    ignored = loaded.ignored;
    merged = mergeConfig(input.stack, project, loaded.config);
  } catch (err) {
    if (!(err instanceof ConfigStageError)) throw err;
    return {
      cliError: `error: ${STAGE_PREFIX[err.stage]}${err.message}`,
      warnings: [],
      stricter: [],
    };
  }
  return {
    config: toRaw(merged),
    warnings,
    stricter: [
      ...ignoredKeyProblems(ignored),
      ...stricterProblems(merged, project.name, installedProviders(root)),
    ],
  };
}

/**
 * The exact config-stage outcome `pulumi preview --stack <stack>` would print for a shipped stack
 * file (`<root>/Pulumi.<stack>.yaml`) with the shipped Pulumi.yaml: "pass" (the CLI goes on to run
 * the program), or the error line it prints. The project file is named as the CLI names it, by
 * its absolute path.
 */
export function previewConfigOutcome(stack: string, root = REPO_ROOT): string {
  const stackText = fs.readFileSync(path.join(root, `Pulumi.${stack}.yaml`), "utf8");
  return configStage({ stack, stackText, root }).cliError ?? "pass";
}
