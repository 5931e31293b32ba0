/**
 * `npm start`: the offline, policy-gated preview of every shipped stack (or one, or a stack
 * file of your own), with the policy pack evaluated as `pulumi preview --policy-pack` would and
 * a monthly cost estimate. Needs no Pulumi CLI, no backend and no AWS credentials.
 *
 * Exit codes: 0 every stack passes; 1 a mandatory violation, an invalid config or a program
 * that fails; 2 the gate itself could not run (bad flags, unreadable file, invalid policy
 * config, a policy pack that does not start).
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs as parseNodeArgs } from "util";
import {
  AgainstReport,
  againstGateExitCode,
  compareConfigs,
  costChange,
  renderAgainstGate,
} from "./against";
import { PolicyPack, PolicyPackError } from "./analyzer";
import {
  alreadyReported,
  configProblems,
  gateStack,
  judgePriorities,
  POLICY_PACK_DIR,
  readStackFile,
  ROOT,
  shippedStackFiles,
  StackFileError,
  StackReport,
  StackSource,
} from "./gate";
import {
  PolicyConfigError,
  PolicyPackConfig,
  readPolicyConfigText,
  reconcilePolicyConfig,
} from "./policy-config";
import { exitCodeFor, renderJson, renderText, RunInfo, shown } from "./report";
import { npmTookError, readRefusal, takenByNpm, UsageError, valueProblem } from "./args";
import { liveRegionPrices } from "./live-prices";
import { nearest } from "../model/config";
import { accountFreeTier } from "../model/cost";
import { PRICED_REGIONS, RegionPrices } from "../model/prices";

export const USAGE = `Usage: npm start -- [options]

Previews every stack shipped in the repository (Pulumi.<stack>.yaml) offline: runs the program on
Pulumi's mocks, evaluates the policy pack as \`pulumi preview --policy-pack policy-pack\` does, and
estimates the monthly cost.

Options:
  --stack <name>            preview this stack (prod, staging or exam); repeat for several
  --config-file <path>      preview a stack file of your own; the stack is <stack> from the
                            file name Pulumi.<stack>.yaml, or --stack given once with it;
                            repeat for several files (say, every stack in another region)
  --policy-config <file>    policy config, the format of pulumi preview --policy-pack-config
  --policy-pack <dir>       the policy pack to run (default: policy-pack)
  --typecheck-pack          type-check the pack while compiling it, as the Pulumi CLI does
                            (slower; by default it is compiled transpile-only, and npm test
                            type-checks it with tsc)
  --first-preview           preview each stack as a new stack's first preview: every output the
                            provider computes (ids, ARNs, generated names) is unknown; the
                            report lists each policy that could not run and why
  --now <ISO time>          judge the stacks at this time (default: $PYTHONIDE_NOW, else now)
  --against <old file>      show what changing a deployed stack from the config in <old file> to
                            the new one (--config-file, else the shipped file of --stack) does:
                            created, deleted, updated and replaced resources, the new config's
                            policy verdict and the monthly cost change; exits 1 when a stateful
                            or protected resource would be replaced or the new config fails
  --allow-replace           with --against: accept such replacements (exit 0)
  --free-tier               apply the account's always-free tiers to the cost estimates, once
                            for the run (the stacks share one account)
  --live-prices             price from the AWS Price List with your AWS credentials (cached in
                            .cache/live-prices for 7 days) instead of model/prices/
  --json                    print one JSON document instead of text
  --help                    print this help

Exit codes: 0 every stack passes; 1 a mandatory violation, an AWS limit broken, an invalid
config or a failing program (with --against: also a stateful replacement not allowed); 2 the
preview could not run (bad options or files, invalid policy config, a policy pack that does not
start, --live-prices without prices).
`;

export interface CliOptions {
  /** --stack, each time given. */
  stacks: string[];
  /** --config-file, each time given, absolute. */
  configFiles: string[];
  policyConfig?: string;
  policyPack: string;
  now?: string;
  json: boolean;
  help: boolean;
  typecheckPack: boolean;
  firstPreview: boolean;
  /** The deployed stack's config file to compare with (`--against`). */
  against?: string;
  allowReplace: boolean;
  freeTier: boolean;
  livePrices: boolean;
}

/**
 * A path as the user typed it: `npm start` runs in the package's directory, so a relative path
 * is taken from the directory npm was started in (INIT_CWD), as the user meant it.
 */
function fromUser(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/**
 * The command's options for node:util parseArgs: `--flag value` or `--flag=value`; `--stack` and
 * `--config-file` may be repeated (each names one more stack to preview).
 */
const OPTIONS = {
  stack: { type: "string", multiple: true },
  "config-file": { type: "string", multiple: true },
  "policy-config": { type: "string" },
  "policy-pack": { type: "string" },
  now: { type: "string" },
  against: { type: "string" },
  json: { type: "boolean" },
  "typecheck-pack": { type: "boolean" },
  "first-preview": { type: "boolean" },
  "allow-replace": { type: "boolean" },
  "free-tier": { type: "boolean" },
  "live-prices": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** node:util's refusal of the command line, in this command's words (UsageError). */
function usageError(err: { code?: string; message: string }): UsageError {
  const { kind, arg } = readRefusal(err);
  const flag = arg.split("=")[0];
  if (kind === "unknown-option") {
    const known = Object.keys(OPTIONS).map((o) => `--${o}`);
    const near = nearest(flag, known);
    return new UsageError(`unknown option "${arg}"${near ? `: did you mean "${near}"?` : ""}`);
  }
  if (kind === "bad-value") return new UsageError(valueProblem(flag, OPTIONS));
  return new UsageError(`unknown option "${arg}": options start with --`);
}

/**
 * Parses the command line (node:util parseArgs, strict); paths come back absolute. `env`: where
 * npm says which options it took for itself when `--` was left out (takenByNpm).
 */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const taken = takenByNpm(Object.keys(OPTIONS), env);
  if (taken.length > 0) throw npmTookError(taken, "npm start");
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, options: OPTIONS, strict: true });
  } catch (err) {
    throw usageError(err as { code?: string; message: string });
  }
  const values = parsed.values;
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === "") throw new UsageError(`--${name} needs a value`);
    }
  }
  const file = (v: string | undefined) => (v === undefined ? undefined : fromUser(v));
  return {
    stacks: values.stack ?? [],
    configFiles: (values["config-file"] ?? []).map(fromUser),
    policyConfig: file(values["policy-config"]),
    policyPack: file(values["policy-pack"]) ?? POLICY_PACK_DIR,
    now: values.now,
    json: values.json ?? false,
    help: values.help ?? false,
    typecheckPack: values["typecheck-pack"] ?? false,
    firstPreview: values["first-preview"] ?? false,
    against: file(values.against),
    allowReplace: values["allow-replace"] ?? false,
    freeTier: values["free-tier"] ?? false,
    livePrices: values["live-prices"] ?? false,
  };
}

/** The clock: --now, else PYTHONIDE_NOW (what the program reads), else the real one. */
export function clock(now: string | undefined): Date {
  const text = now ?? process.env.PYTHONIDE_NOW;
  if (text === undefined) return new Date();
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    const from = now !== undefined ? "--now" : "PYTHONIDE_NOW";
    throw new UsageError(`${from} is "${text}": must be an ISO time such as 2026-03-10T09:00Z`);
  }
  return date;
}

/**
 * The stack files to preview, read: each --config-file (its stack from its name
 * Pulumi.<stack>.yaml, or the one --stack given with it), else each --stack's shipped file, else
 * every shipped file. Throws UsageError for a stack named twice or a --stack that matches none.
 */
export function sources(options: CliOptions): StackSource[] {
  const { stacks, configFiles } = options;
  let read: StackSource[];
  if (configFiles.length > 0) {
    if (stacks.length > 1 || (stacks.length === 1 && configFiles.length > 1)) {
      throw new UsageError(
        `--stack names the stack of one --config-file; with ${configFiles.length} files and ${stacks.length} stacks, name each file Pulumi.<stack>.yaml instead`,
      );
    }
    read = configFiles.map((f) => readStackFile(f, stacks[0]));
  } else {
    const shipped = shippedStackFiles();
    if (shipped.length === 0) throw new UsageError(`no Pulumi.<stack>.yaml files in ${ROOT}`);
    const names = shipped.map((f) => path.basename(f).split(".")[1]);
    if (stacks.length === 0) return shipped.map((f) => readStackFile(f));
    read = stacks.map((stack) => {
      const i = names.indexOf(stack);
      if (i < 0) {
        throw new UsageError(
          `no stack file Pulumi.${stack}.yaml in ${ROOT}: the shipped stacks are ${names.join(", ")} (use --config-file for another file)`,
        );
      }
      return readStackFile(shipped[i], stack);
    });
  }
  const twice = read.map((s) => s.stack).find((n, i, all) => all.indexOf(n) !== i);
  if (twice !== undefined) {
    throw new UsageError(`the stack "${twice}" is named twice: preview each stack once`);
  }
  return read;
}

/** The --policy-config file's usable entries and its entries' problems (readPolicyConfigText). */
function readPolicyConfig(file: string | undefined): {
  config: PolicyPackConfig;
  problems: string[];
} {
  if (file === undefined) return { config: {}, problems: [] };
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(
      `cannot read the policy config ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
  return readPolicyConfigText(text, shown(file));
}

/** True when the command line asks for JSON (`--json`), whether or not the rest of it parses. */
export function wantsJson(argv: string[]): boolean {
  return argv.includes("--json");
}

/** The errors that mean the preview could not run (exit 2), as opposed to a bug. */
function isGateFailure(err: unknown): err is Error {
  return (
    err instanceof UsageError ||
    err instanceof StackFileError ||
    err instanceof PolicyConfigError ||
    err instanceof PolicyPackError ||
    err instanceof LivePricesError
  );
}

/** Live prices could not be had though --live-prices asked for them (exit 2). */
export class LivePricesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LivePricesError";
  }
}

/**
 * A region's live prices (--live-prices) from `read` (default: liveRegionPrices); a region the
 * table does not price is left to the estimate, which says so (costError). Any failure to read
 * them is a LivePricesError: asked for and unavailable, the run cannot price as asked (exit 2).
 */
function livePricesFrom(read: (region: string) => Promise<RegionPrices>) {
  return async (region: string): Promise<RegionPrices | undefined> => {
    if (!(PRICED_REGIONS as readonly string[]).includes(region)) return undefined;
    try {
      return await read(region);
    } catch (err) {
      throw new LivePricesError((err as Error).message ?? String(err));
    }
  };
}

/** The --against run's result: the comparison, the new config's gate, the cost change. */
function againstResult(
  comparison: AgainstReport,
  deployed: StackReport,
  next: StackReport,
  allowReplace: boolean,
  json: boolean,
): CliResult {
  const code = againstGateExitCode(comparison, next, allowReplace);
  const doc = {
    ok: code === 0,
    ...comparison,
    exitCode: code,
    verdict: next.verdict,
    violations: next.violations,
    awsLimits: next.awsLimits,
    cost: costChange(deployed, next),
  };
  const stdout = json
    ? JSON.stringify(doc, null, 2) + "\n"
    : renderAgainstGate(comparison, deployed, next, allowReplace);
  return { code, stdout, stderr: "", reports: [next] };
}

/** What a run produced: the reports and the exit code (2 when the gate could not run). */
export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
  reports: StackReport[];
}

/**
 * Runs the command. `pack` reuses a running policy pack (tests, the benchmark); otherwise one is
 * started for this run and stopped at the end. `readLivePrices` reads a region's live prices for
 * --live-prices (tests; default: liveRegionPrices, the AWS Price List with the user's credentials).
 */
export async function main(
  argv: string[],
  pack?: PolicyPack | Promise<PolicyPack>,
  readLivePrices?: (region: string) => Promise<RegionPrices>,
): Promise<CliResult> {
  const started = Date.now();
  // Read before the flags are parsed, so a bad flag still gets its JSON document.
  const json = wantsJson(argv);
  let options: CliOptions | undefined;
  let now: Date | undefined;
  /** Exit 2: the reason on stderr (with the usage for a mistake in the call), and under --json
   * one JSON document with the reason and the reports made so far. */
  const failed = (err: Error, reports: StackReport[] = []): CliResult => {
    const usage = err instanceof UsageError || err instanceof StackFileError;
    const info = { now, policyConfigFile: options?.policyConfig, elapsedMs: Date.now() - started };
    return {
      code: 2,
      stdout: json ? JSON.stringify(renderJson(reports, info, err.message), null, 2) + "\n" : "",
      stderr: `error: ${err.message}\n${usage ? "(npm start -- --help lists the options)\n" : ""}`,
      reports,
    };
  };
  let stacks: StackSource[];
  let policyConfig: { config: PolicyPackConfig; problems: string[] };
  /** With --against: the deployed stack's config. */
  let before: StackSource | undefined;
  try {
    options = parseArgs(argv);
    if (options.help) return { code: 0, stdout: USAGE, stderr: "", reports: [] };
    now = clock(options.now);
    stacks = sources(options);
    if (options.against !== undefined) {
      if (stacks.length !== 1) {
        throw new UsageError("--against compares one stack: give --stack or --config-file");
      }
      before = readStackFile(options.against, stacks[0].stack);
    }
    policyConfig = readPolicyConfig(options.policyConfig);
  } catch (err) {
    if (isGateFailure(err)) return failed(err);
    throw err;
  }

  // Only a stack whose config is valid runs its program and needs the pack; so does a
  // --policy-config file, checked against the pack's schemas before any stack.
  const needsPack =
    options.policyConfig !== undefined ||
    [...stacks, ...(before ? [before] : [])].some((s) => configProblems(s, now).length === 0);
  const own = pack === undefined && needsPack;
  // Start the pack now: it compiles in its own process while the programs run in this one.
  // A pinned clock is the pack's clock too (policies that judge schedules read PYTHONIDE_NOW).
  const pinned = options.now !== undefined || process.env.PYTHONIDE_NOW !== undefined;
  const packStart: PolicyPack | Promise<PolicyPack> | undefined =
    pack ??
    (needsPack
      ? PolicyPack.start(options.policyPack, {
          env: pinned ? { PYTHONIDE_NOW: now.toISOString() } : {},
          typeCheck: options.typecheckPack,
        })
      : undefined);
  Promise.resolve(packStart).catch(() => undefined); // awaited below; never unhandled
  const reports: StackReport[] = [];
  const noPack = Promise.reject(new PolicyPackError("no stack needed the policy pack"));
  noPack.catch(() => undefined);
  try {
    if (options.policyConfig !== undefined) {
      // Every problem of the file at once, under one header naming it (policy-config.ts).
      const info = await (await (packStart ?? noPack)).getInfo();
      reconcilePolicyConfig(info.policies, info.initialConfig, policyConfig.config, {
        file: shown(options.policyConfig),
        problems: policyConfig.problems,
      });
    }
    const gateOptions = {
      pack: packStart ?? noPack,
      policyConfig: policyConfig.config,
      now,
      firstPreview: options.firstPreview,
      stacks,
      freeTier: options.freeTier,
      livePrices: options.livePrices
        ? livePricesFrom(
            readLivePrices ?? (async (region) => (await liveRegionPrices(region)).prices),
          )
        : undefined,
    };
    // The stacks share one account (staging and exam stand on prod's network, load balancer and
    // file system): its always-free tiers are applied once, taken stack by stack in run order.
    const freeTierLeft = accountFreeTier();
    for (const source of stacks)
      reports.push(await gateStack(source, { ...gateOptions, freeTierLeft }));
    // Listener rule priorities are unique per listener across every stack sharing it.
    judgePriorities(reports);
    if (before !== undefined) {
      const comparison = await compareConfigs(before, stacks[0], now);
      // The deployed config, gated only to price it (alone in the account, as the new one is).
      const deployed = await gateStack(before, { ...gateOptions, freeTierLeft: accountFreeTier() });
      return againstResult(comparison, deployed, reports[0], options.allowReplace, options.json);
    }
  } catch (err) {
    if (isGateFailure(err)) return failed(err, reports);
    throw err;
  } finally {
    if (own)
      await Promise.resolve(packStart).then(
        (p) => p?.close(),
        () => undefined,
      );
  }

  let policyPack: RunInfo["policyPack"];
  const running = await Promise.resolve(packStart).catch(() => undefined);
  if (running) {
    const info = await running.getInfo().catch(() => undefined);
    if (info) policyPack = { name: info.name, version: info.version, dir: running.dir };
  }
  const info: RunInfo = {
    now,
    firstPreview: options.firstPreview,
    policyPack,
    policyConfigFile: options.policyConfig,
    elapsedMs: Date.now() - started,
  };
  const stdout = options.json
    ? JSON.stringify(renderJson(reports, info), null, 2) + "\n"
    : renderText(reports, info);
  return { code: exitCodeFor(reports), stdout, stderr: "", reports };
}

if (require.main === module) {
  // A program that throws leaves rejected promises inside Pulumi's runtime; its report says what
  // went wrong. Rejections are judged at the end, once every report is in: only one that no
  // report carries is worth a message (and makes the run exit 2).
  const stray: unknown[] = [];
  process.on("unhandledRejection", (reason) => stray.push(reason));
  const json = wantsJson(process.argv.slice(2));
  main(process.argv.slice(2)).then(
    (result) => {
      if (result.stderr) process.stderr.write(result.stderr);
      const unexplained = stray.filter((reason) => !alreadyReported(reason));
      for (const reason of unexplained) {
        process.stderr.write(
          `error: unhandled rejection: ${(reason as Error)?.message ?? String(reason)}\n`,
        );
      }
      let { stdout } = result;
      if (unexplained.length > 0 && json) {
        const reason = `unhandled rejection: ${(unexplained[0] as Error)?.message ?? String(unexplained[0])}`;
        stdout = JSON.stringify(renderJson(result.reports, {}, reason), null, 2) + "\n";
      }
      const code = unexplained.length > 0 ? 2 : result.code;
      process.stdout.write(stdout, () => process.exit(code));
    },
    (err) => {
      process.stderr.write(`error: ${(err as Error)?.stack ?? String(err)}\n`);
      const reason = (err as Error)?.message ?? String(err);
      const doc = json ? JSON.stringify(renderJson([], {}, reason), null, 2) + "\n" : "";
      process.stdout.write(doc, () => process.exit(2));
    },
  );
}
