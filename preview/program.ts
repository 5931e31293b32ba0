/**
 * Runs the real Pulumi program (index.ts and everything it composes) for one stack on Pulumi's
 * mocks and records every resource it registers: type, name, inputs, parent, dependencies and
 * resource options, on the mocks of ./mocks.ts. The offline preview and the tests both run
 * stacks through here, one stack at a time.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { RawConfig } from "../model/config";
import { ResourceRecord } from "../model/records";
import { UNKNOWN } from "./wire";
import { configStage } from "./cli-config";
import { installMocks, platformOutputsFixture, settled, unwrap } from "./mocks";
import type { WireRegistration } from "./mocks";

export { platformOutputsFixture };
export type { WireRegistration };

export interface RunOptions {
  /** Stack name: prod, staging or exam. */
  stack: string;
  /** All config values, `namespace:key` -> value (see stackFileConfig). */
  config: RawConfig;
  /** The clock the program reads (default: the real one). */
  now?: Date;
  /** What a StackReference to the prod stack returns (default: platformOutputsFixture()). */
  platformOutputs?: Record<string, unknown>;
  /** The program to run (default: the repository's index.ts). */
  program?: string;
  /**
   * Run as a new stack's first preview (default false: every output known, as after an update).
   * See `runProgram`.
   */
  firstPreview?: boolean;
  /**
   * Whether RDS returns the managed master user secret of an instance or cluster (default true).
   * False mocks what RDS does for a database restored from a snapshot before the managed
   * password is applied: `masterUserSecrets` empty.
   */
  managedDbSecrets?: boolean;
}

export interface ProgramRun {
  /** Every resource, in registration order, the root Stack first. */
  records: ResourceRecord[];
  /** The stack's exported outputs. */
  outputs: Record<string, unknown>;
  /** Warnings the program logged. */
  warnings: string[];
  /** Names of the stacks the program read through a StackReference (org/project/stack). */
  stackReferences: string[];
  /** By URN: each resource as the engine would hand it to a policy pack (see WireRegistration). */
  wire: Map<string, WireRegistration>;
}

const PROGRAM = path.join(__dirname, "..", "index.ts");
const ROOT = path.join(__dirname, "..");

/**
 * The config of a stack file shipped in the repository (`Pulumi.<stack>.yaml`), as `pulumi preview`
 * hands it to the program: read with the repository's Pulumi.yaml through the CLI's config stage
 * (preview/cli-config). Throws the CLI's error when that stage would stop `pulumi preview`.
 */
export function shippedStackConfig(stack: string): RawConfig {
  const stackText = fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8");
  const stage = configStage({ stack, stackText, root: ROOT });
  if (stage.cliError !== undefined) throw new Error(stage.cliError);
  return stage.config!;
}

/** Raw config as the engine hands it to a program or a policy pack: values, and which are secret. */
export function engineConfig(raw: RawConfig): {
  values: Record<string, string>;
  secretKeys: string[];
} {
  return {
    values: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.value])),
    secretKeys: Object.entries(raw)
      .filter(([, v]) => v.secret)
      .map(([k]) => k),
  };
}

/**
 * Runs the program for one stack and returns what it registered. Throws what the program
 * throws (a config error arrives as a pulumi.RunError whose message is the config message).
 *
 * With `firstPreview`, the run is a new stack's first `pulumi preview`: the SDK runs in dry-run
 * mode and every output the provider would compute (ids, ARNs, names it generates, an awsx
 * Vpc's subnets) comes back as the unknown sentinel, so an input built from one is unknown and
 * an `apply` over it never runs (a JSON document built from it is unknown as a whole). This is
 * what the engine hands the program and the pack: for a resource to be created, a preview asks
 * the provider's Create with `Preview: true` (pulumi/pulumi pkg/resource/deploy/step.go,
 * CreateStep.Apply), which returns the inputs with every computed attribute unknown; the SDK
 * resolves an output missing from the response as unknown in a dry run (@pulumi/pulumi
 * runtime/resource.ts, resolveOutputs). Kept known, because they are in a first preview: the
 * inputs the program fixes, invoke results (getRegion, getAvailabilityZones: the provider
 * answers them in a preview) and a StackReference's outputs (the prod stack exists). Names the
 * AWS provider would generate in its Check are kept unknown here (no provider runs): a policy
 * that decides without them also decides with them.
 */
export async function runProgram(options: RunOptions): Promise<ProgramRun> {
  const region = options.config["aws:region"]?.value ?? "us-east-2";
  const { records, wire, stackReferences } = await installMocks({
    stack: options.stack,
    region,
    platformOutputs: options.platformOutputs,
    firstPreview: options.firstPreview,
    managedDbSecrets: options.managedDbSecrets,
  });

  const { values, secretKeys } = engineConfig(options.config);
  pulumi.runtime.setAllConfig(values, secretKeys);

  const warnings: string[] = [];
  const warn = pulumi.log.warn;
  const savedNow = process.env.PYTHONIDE_NOW;
  (pulumi.log as { warn: typeof pulumi.log.warn }).warn = async (msg: string) => {
    warnings.push(msg);
  };
  if (options.now) process.env.PYTHONIDE_NOW = options.now.toISOString();
  // An error thrown inside an apply (a check on a value read from a StackReference) reaches the
  // process as an unhandled rejection; the engine's language host fails the update with it, and
  // so does this run (instead of waiting forever for outputs that never resolve).
  let failRun: (reason: unknown) => void = () => undefined;
  const programFailed = new Promise<never>((_, reject) => {
    failRun = reject;
  });
  const onUnhandled = (reason: unknown): void => failRun(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    const program = options.program ?? PROGRAM;
    forgetProgramModules();
    delete require.cache[require.resolve(program)];
    const run = async (): Promise<ProgramRun> => {
      const outputs = await pulumi.runtime.runInPulumiStack(async () => require(program));
      const resolved = unwrap(await resolveOutputs(outputs ?? {})) as Record<string, unknown>;
      // Let the stack's own registerResourceOutputs reach this run's mock monitor: the next
      // run's setMocks replaces the monitor, and a late call would reject ("unknown resource").
      await settled();
      return { records, outputs: resolved, warnings, stackReferences, wire };
    };
    return await Promise.race([run(), programFailed]);
  } finally {
    process.off("unhandledRejection", onUnhandled);
    (pulumi.log as { warn: typeof pulumi.log.warn }).warn = warn;
    if (savedNow === undefined) delete process.env.PYTHONIDE_NOW;
    else process.env.PYTHONIDE_NOW = savedNow;
  }
}

/** Drops the project's own modules from require's cache so the next run composes afresh. */
function forgetProgramModules(): void {
  for (const file of Object.keys(require.cache)) {
    if (
      file.startsWith(ROOT) &&
      !file.includes(`${path.sep}node_modules${path.sep}`) &&
      !file.includes(`${path.sep}preview${path.sep}`) &&
      !file.includes(`${path.sep}tests${path.sep}`)
    ) {
      delete require.cache[file];
    }
  }
}

/** The stack's outputs; one not known in a first preview is the UNKNOWN sentinel. */
async function resolveOutputs(outputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const resolved: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(outputs)) {
    resolved[k] = pulumi.Output.isInstance(v) ? await valueOf(v) : v;
  }
  return resolved;
}

/** An output's value, or UNKNOWN (an apply on an unknown output never runs in a dry run). */
async function valueOf<T>(output: pulumi.Output<T>): Promise<T | typeof UNKNOWN> {
  const internal = output as unknown as { isKnown: Promise<boolean>; promise(): Promise<T> };
  return (await internal.isKnown) ? await internal.promise() : UNKNOWN;
}
