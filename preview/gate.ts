/**
 * The offline gate for one stack: validate its config (the same pure function the program
 * uses), run the real program on Pulumi's mocks (preview/program.ts), hand every resource to
 * the policy pack as the engine would (preview/analyzer.ts), and price what it registered.
 */
import * as fs from "fs";
import * as path from "path";
import {
  ConfigError,
  parseStackConfig,
  platformRegionProblems,
  policyLimitWarning,
  PROJECT,
  RawConfig,
  StackConfig,
  STACKS,
} from "../model/config";
import { exemptionFor, ServiceExemption } from "../model/exemptions";
import { TYPES } from "../model/graph";
import { ResourceRecord } from "../model/records";
import {
  LimitProblem,
  PriorityClaim,
  priorityClaims,
  priorityConflicts,
  stackLimitProblems,
} from "../model/awsLimits";
import { STAGING_EXPIRY_POLICY, type ScheduleEntry } from "../model/schedule";
import { AnalyzerResource, Diagnostic, PolicyPack, marshalProperties } from "./analyzer";
import {
  budgetAssumptions,
  CostEstimate,
  estimate,
  FreeTierLeft,
  usd,
  withBudgetAssumptions,
} from "../model/cost";
import { RegionPrices } from "../model/prices";
import { cacheTsNodeCompiles } from "./compile-cache";
import { EnforcementLevel, PolicyPackConfig, reconcilePolicyConfig } from "./policy-config";
import {
  engineConfig,
  platformOutputsFixture,
  ProgramRun,
  runProgram,
  WireRegistration,
} from "./program";
import { configStage } from "./cli-config";
import { holdsSecret, isSecret, RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN } from "./wire";

cacheTsNodeCompiles();

/** The repository's root: where the shipped stack files live. */
export const ROOT = path.join(__dirname, "..");
/** The policy pack `pulumi preview --policy-pack policy-pack` runs. */
export const POLICY_PACK_DIR = path.join(ROOT, "policy-pack");

/** A stack file, read. */
export interface StackSource {
  /** The stack name (from --stack or the file name Pulumi.<stack>.yaml). */
  stack: string;
  /** The file, as given. */
  file: string;
  /** Its config values as the program receives them (project defaults applied). */
  raw?: RawConfig;
  /** Why `pulumi preview` would stop before running the program, in the CLI's words. */
  cliError?: string;
  /** Problems only this offline preview reports (preview/cli-config/stricter.ts). */
  stricter?: string[];
  /** The CLI's warnings about the stack file. */
  warnings?: string[];
}

/** A file that cannot be used as a stack file at all (missing, or no stack name). */
export class StackFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackFileError";
  }
}

/** The stack files shipped in the repository, prod, staging, exam first. */
export function shippedStackFiles(root = ROOT): string[] {
  const names = fs
    .readdirSync(root)
    .map((f) => /^Pulumi\.([^.]+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined);
  const rank = (s: string): number => {
    const i = (STACKS as readonly string[]).indexOf(s);
    return i < 0 ? STACKS.length : i;
  };
  return names
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((s) => path.join(root, `Pulumi.${s}.yaml`));
}

/**
 * Reads a stack file as `pulumi preview` does before it runs the program (preview/cli-config):
 * with the repository's Pulumi.yaml, un-namespaced keys in the project's namespace, values as
 * the CLI hands them over (text; an unquoted time stays as written), project defaults applied,
 * required keys, declared types and secrets checked. A failure of that stage comes back as
 * `cliError` in the CLI's words; this project's stricter checks (unknown namespaces, provider
 * keys, plaintext provider credentials) as `stricter`. The stack name is `stack` when given, else
 * the `<stack>` of the file name `Pulumi.<stack>.yaml`; a missing file throws StackFileError.
 * @param projectFile the project file to read with it (default: the repository's Pulumi.yaml)
 */
export function readStackFile(file: string, stack?: string, projectFile?: string): StackSource {
  const name = stack ?? /^Pulumi\.([^.]+)\.ya?ml$/.exec(path.basename(file))?.[1];
  if (name === undefined) {
    throw new StackFileError(
      `cannot tell which stack ${file} configures: name it Pulumi.<stack>.yaml or pass --stack <stack>`,
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new StackFileError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  const stage = configStage({ stack: name, stackText: text, projectFile });
  if (stage.cliError !== undefined) return { stack: name, file, cliError: stage.cliError };
  return {
    stack: name,
    file,
    raw: stage.config,
    stricter: stage.stricter,
    warnings: stage.warnings,
  };
}

/** A resource as the report shows it. */
export interface ResourceView {
  type: string;
  name: string;
  urn: string;
  /** The parent's URN (the root Stack has none). */
  parent?: string;
  /** False for components (no cloud object of their own). */
  custom: boolean;
  /** Inputs with every secret value replaced by "[secret]". */
  inputs: Record<string, unknown>;
  options: {
    protect?: boolean;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
    retainOnDelete?: boolean;
    aliases?: string[];
  };
  dependencies: string[];
}

/** A policy violation as the report shows it. */
export interface Violation {
  policy: string;
  /** After the CLI's downgrade of `remediate` to `mandatory`. */
  level: EnforcementLevel;
  /** Resource policies and remediation failures: the resource; stack policies: the URN they named. */
  urn?: string;
  /** The resource's name and type, when the URN is one of the stack's. */
  resource?: string;
  type?: string;
  /** The pack's message, as it returned it. */
  message: string;
  description: string;
  severity?: string;
  /** Which call reported it. */
  from: "resource" | "stack" | "remediation";
}

/** A policy that could not run in this preview, and why (as the CLI prints it). */
export interface NotRun {
  policy: string;
  urn?: string;
  resource?: string;
  type?: string;
  /** The pack's message: "can't run policy '<name>' from policy pack '<pack>@v<version>' ...". */
  message: string;
}

/** The text @pulumi/policy (server.js) gives an UnknownValueError, before its reason. */
const CANT_RUN = /^can't run policy '[^']+' from policy pack '[^']+' during preview: /;

/** The notes among the violations that say a policy could not run in this preview. */
export function policiesNotRun(violations: Violation[]): NotRun[] {
  return violations
    .filter((v) => v.level === "advisory" && CANT_RUN.test(v.message))
    .map(({ policy, urn, resource, type, message }) => ({ policy, urn, resource, type, message }));
}

/** An exemption from a policy's config (`exemptServices`), as the report shows it. */
export interface ExemptionView extends ServiceExemption {
  policy: string;
  /** Logical names of the stack's ECS services it covers. */
  matched: string[];
}

/** The exemptions in a reconciled policy config, each with the services it covers. */
export function exemptionsOf(config: PolicyPackConfig, records: ResourceRecord[]): ExemptionView[] {
  const services = records.filter((r) => r.type === TYPES.service);
  const out: ExemptionView[] = [];
  for (const [policy, c] of Object.entries(config)) {
    if (c.enforcementLevel === "disabled") continue;
    const list = (c.properties as { exemptServices?: ServiceExemption[] } | undefined)
      ?.exemptServices;
    for (const e of Array.isArray(list) ? list : []) {
      const matched = services
        .filter((r) => exemptionFor({ name: r.name, props: r.inputs }, [e]))
        .map((r) => r.name);
      out.push({ policy, service: e.service, reason: e.reason, matched });
    }
  }
  return out;
}

/** A change a remediation policy made before the resource policies ran. */
export interface RemediationView {
  policy: string;
  urn: string;
  resource: string;
  type: string;
  /** Top-level input properties the remediation added, changed or removed. */
  changed: string[];
}

export type Verdict = "pass" | "fail" | "invalid-config" | "error";

/** Everything the gate found for one stack. */
export interface StackReport {
  stack: string;
  file: string;
  /** pass: no mandatory violation; fail: at least one; invalid-config; error: the program threw. */
  verdict: Verdict;
  /** The config problems, one per line, when the config is invalid. */
  configErrors: string[];
  /** The program's error when it threw after the config was valid. */
  error?: string;
  /** Config and program warnings. */
  warnings: string[];
  /**
   * The capacity schedule the stack outputs state (`scaling` and `schedule`, from
   * components/scheduledScaling.ts scheduleOutputs); undefined for a stack without one (prod).
   */
  capacity?: CapacityOutputs;
  policyPack?: { name: string; version: string };
  resources: ResourceView[];
  /** Resources per type token, most frequent first. */
  counts: Record<string, number>;
  violations: Violation[];
  /**
   * The policies that could not run on a resource (or the stack) because a value they read is
   * unknown in this preview: the pack's advisory "can't run policy ... during preview" notes
   * (@pulumi/policy server.js turns an UnknownValueError into one). They run on `pulumi up`.
   */
  notRun: NotRun[];
  /** Every exemption the policy config grants, with the services it matched (none: unused). */
  exemptions: ExemptionView[];
  remediations: RemediationView[];
  /**
   * What AWS or the provider would refuse (model/awsLimits.ts): names after autonaming, ranges,
   * zones, listener rule priorities (across every stack of the run), values left undefined.
   * Any of them fails the stack.
   */
  awsLimits: LimitProblem[];
  /** The stack's listener rules and the priorities they take (compared across stacks). */
  listenerRules: PriorityClaim[];
  /** The monthly estimate (model/cost/) of what would deploy; null when the stack did not run. */
  cost: CostEstimate | null;
  /**
   * Why the estimate failed, if it did, in a sentence (an unpriced region, naming the priced
   * ones; an impossible assumption). The gate's verdict does not depend on it.
   */
  costError?: string;
  timings: { programMs: number; policiesMs: number };
}

export interface GateOptions {
  /**
   * The running policy pack (one per process, shared by every stack), or its start: the program
   * runs while the pack compiles.
   */
  pack: PolicyPack | Promise<PolicyPack>;
  /** The `--policy-config` file's contents (already parsed). */
  policyConfig?: PolicyPackConfig;
  /** The clock config validation and the program read. */
  now: Date;
  /** Run this program instead of index.ts (fixtures, the benchmark). */
  program?: string;
  /** What StackReferences return (default: platformOutputsFixture()). */
  platformOutputs?: Record<string, unknown>;
  /** Preview the stack as a new stack's first preview (runProgram's `firstPreview`). */
  firstPreview?: boolean;
  /**
   * `--free-tier`: the account's always-free tiers, in the printed estimate and in the
   * monthly-budget policy's alike (added to the policy config's `assumptions`).
   */
  freeTier?: boolean;
  /**
   * Reads a region's live prices (`--live-prices`); default (or undefined): the table's. What it
   * throws, gateStack throws: prices asked for and unavailable fail the run.
   */
  livePrices?: (region: string) => Promise<RegionPrices | undefined>;
  /**
   * With the cost assumption freeTier: the account's free tiers left, shared by the stacks gated
   * with the same object (model/cost accountFreeTier()); default: each stack alone in its account.
   */
  freeTierLeft?: FreeTierLeft;
  /**
   * Every stack file previewed in this run (this one included): staging and exam are checked
   * against prod's region when prod is among them (model/config platformRegionProblems).
   */
  stacks?: readonly StackSource[];
}

/** Errors already reported as a stack's verdict: their late unhandled rejections are noise. */
const reported = new Set<unknown>();
const reportedMessages = new Set<string>();

/** Stacks whose program failed: the runtime's late calls for their resources fail too. */
const failedStacks = new Set<string>();

/**
 * Whether an unhandled rejection is the echo of an error a report already carries: the error
 * itself, or the mocks refusing a late call (the root Stack's outputs) of a run that failed.
 */
export function alreadyReported(reason: unknown): boolean {
  if (reported.has(reason)) return true;
  const message = (reason as { message?: unknown })?.message;
  if (typeof message !== "string") return false;
  if (reportedMessages.has(message)) return true;
  const late = /^unknown resource urn:pulumi:([^:]+)::/.exec(message);
  return late !== null && failedStacks.has(late[1]);
}

function remember(err: unknown): void {
  reported.add(err);
  const message = (err as { message?: unknown })?.message;
  if (typeof message === "string") reportedMessages.add(message);
}

function emptyReport(source: StackSource): StackReport {
  return {
    stack: source.stack,
    file: source.file,
    verdict: "pass",
    configErrors: [],
    warnings: [],
    resources: [],
    counts: {},
    violations: [],
    notRun: [],
    exemptions: [],
    remediations: [],
    awsLimits: [],
    listenerRules: [],
    cost: null,
    timings: { programMs: 0, policiesMs: 0 },
  };
}

/** The capacity schedule a stack's outputs carry: the bounds now, and each scheduled change. */
export interface CapacityOutputs {
  scaling: { minTasks: number; maxTasks: number; reason: string };
  schedule: ScheduleEntry[];
}

/** The `scaling` and `schedule` outputs, when the stack exports them (staging and exam). */
function capacityOf(outputs: Record<string, unknown>): CapacityOutputs | undefined {
  if (outputs.scaling === undefined || !Array.isArray(outputs.schedule)) return undefined;
  return { scaling: outputs.scaling, schedule: outputs.schedule } as CapacityOutputs;
}

/**
 * A stack file's config, validated in `pulumi preview`'s order: the CLI's config stage first (its
 * failure is the only problem: the CLI stops there), then the stricter checks and the program's
 * own validation together. Parsed, or the problems that make it invalid.
 */
function checkConfig(
  source: StackSource,
  now: Date,
  stacks: readonly StackSource[] = [],
): { raw: RawConfig; config: StackConfig } | { problems: string[] } {
  if (source.cliError !== undefined || source.raw === undefined) {
    return { problems: [source.cliError ?? `${source.file} could not be read`] };
  }
  const stricter = source.stricter ?? [];
  try {
    const config = parseStackConfig(source.stack, source.raw, now);
    const regions = stacks.map((s) => ({
      stack: s.stack,
      region: s === source ? config.region : (s.raw?.["aws:region"]?.value ?? ""),
    }));
    const across = platformRegionProblems(regions)
      .filter((p) => p.stack === source.stack)
      .map((p) => p.problem);
    if (stricter.length > 0 || across.length > 0) return { problems: [...stricter, ...across] };
    return { raw: source.raw, config };
  } catch (err) {
    if (err instanceof ConfigError) return { problems: [...stricter, ...err.problems] };
    throw err;
  }
}

/** The problems that make a stack file's config invalid (none: the program may run). */
export function configProblems(source: StackSource, now: Date): string[] {
  const checked = checkConfig(source, now);
  return "problems" in checked ? checked.problems : [];
}

/** Runs the gate on one stack. Never throws for the stack's own faults: they become the verdict. */
export async function gateStack(source: StackSource, options: GateOptions): Promise<StackReport> {
  const report = emptyReport(source);
  const checked = checkConfig(source, options.now, options.stacks);
  if ("problems" in checked) {
    report.verdict = "invalid-config";
    report.configErrors = checked.problems;
    return report;
  }
  const { raw, config } = checked;
  report.warnings.push(...(source.warnings ?? []), ...config.warnings);

  const started = Date.now();
  const runOptions = {
    stack: source.stack,
    config: raw,
    now: options.now,
    program: options.program,
    platformOutputs: options.platformOutputs,
    firstPreview: options.firstPreview,
  };
  let run: ProgramRun;
  try {
    run = await withoutStackTraces(() => runProgram(runOptions));
  } catch (err) {
    remember(err);
    failedStacks.add(source.stack);
    report.verdict = "error";
    report.error = await programError(err, () => runProgram(runOptions));
    report.timings.programMs = Date.now() - started;
    return report;
  }
  report.timings.programMs = Date.now() - started;
  report.capacity = capacityOf(run.outputs);
  for (const w of run.warnings) if (!report.warnings.includes(w)) report.warnings.push(w);

  const pack = await options.pack;
  const policiesStarted = Date.now();
  const evaluated = await evaluatePolicies(
    pack,
    source.stack,
    raw,
    run,
    withBudgetAssumptions(options.policyConfig ?? {}, options.freeTier ? { freeTier: true } : {}),
  );
  const { records, resources, violations, remediations } = evaluated;
  report.timings.policiesMs = Date.now() - policiesStarted;
  const info = await pack.getInfo();
  report.policyPack = { name: info.name, version: info.version };
  report.resources = records.map((r, i) => view(r, run.wire.get(r.urn), resources[i]));
  report.counts = countByType(records);
  report.violations = violations;
  report.notRun = policiesNotRun(violations);
  report.exemptions = exemptionsOf(evaluated.config, records);
  // The program warns that the staging policy must be raised with pythonide:maxActiveHours, as it
  // cannot see the policy config; here the config is known, so the warning goes when it allows it.
  const allowed = evaluated.config[STAGING_EXPIRY_POLICY]?.properties?.maxActiveHours;
  if (config.staging && typeof allowed === "number" && allowed >= config.staging.maxActiveHours) {
    const raise = policyLimitWarning(config.staging.maxActiveHours);
    report.warnings = report.warnings.filter((w) => w !== raise);
  }
  report.remediations = remediations;
  const limits = stackLimitProblems(records, config.region);
  report.awsLimits = limits.problems;
  report.warnings.push(...limits.warnings);
  report.listenerRules = priorityClaims(
    source.stack,
    records,
    sharedListeners(run, options, config.region),
  );
  judgePriorities([report]);
  // The assumptions are the ones the monthly-budget policy was configured with (the reconciled
  // config, --free-tier included), so what is printed is what the policy judged. The region: the
  // policy's assumption if it names one, else the stack's own (the default provider's region is
  // config, not a record), as the policy reads it from the provider.
  const assumptions = budgetAssumptions(evaluated.config);
  const region = assumptions.region ?? config.region;
  // Live prices were asked for: when they cannot be had, the run fails (the caller's error),
  // rather than pricing from the table unasked.
  const live = options.livePrices ? await options.livePrices(region) : undefined;
  const prices = live ? { [region]: live } : undefined;
  try {
    report.cost = estimate(
      records,
      { ...assumptions, region },
      { now: options.now, prices, freeTierLeft: options.freeTierLeft },
    );
    // The monthly-budget policy prices from model/prices/ (the pack reads no Price List, here or
    // under pulumi preview), each stack as if alone in its account: say what it judged when the
    // live figures differ.
    if (live) {
      const judged = estimate(records, { ...assumptions, region }, { now: options.now });
      if (Math.abs(judged.expected - report.cost.expected) >= 0.005) {
        report.cost.notes.unshift(
          `the monthly-budget policy prices from model/prices/, not the AWS Price List: it judges an expected ${usd(judged.expected)}${assumptions.freeTier ? " (each stack as if alone in its account)" : ""}`,
        );
      }
    }
    // Priced somewhere else than it is: say where the region came from, first.
    if (region !== config.region) {
      report.cost.notes.unshift(
        `priced in ${region}, the monthly-budget policy's assumption region; the stack itself is in ${config.region} (aws:region)`,
      );
    }
  } catch (err) {
    // The reason in a sentence (an unpriced region, an impossible assumption), no stack trace.
    report.costError = (err as Error).message ?? String(err);
  }
  return report;
}

/**
 * The listener ARNs every stack knows by one name: the prod stack's HTTPS listener, as prod
 * exports it (`httpsListenerArn`) and as staging and exam read it through their StackReference.
 */
function sharedListeners(
  run: ProgramRun,
  options: GateOptions,
  region: string,
): Record<string, string> {
  const name = "prod:httpsListenerArn";
  const shared: Record<string, string> = {};
  const own = run.outputs.httpsListenerArn;
  if (typeof own === "string") shared[own] = name;
  if (run.stackReferences.length > 0) {
    const referenced = (options.platformOutputs ?? platformOutputsFixture(region)).httpsListenerArn;
    if (typeof referenced === "string") shared[referenced] = name;
  }
  return shared;
}

/**
 * Listener rule priorities across `reports` (every stack of a run): each stack's priority
 * problems are recomputed from all the rules, and a stack with any limit problem fails.
 */
export function judgePriorities(reports: StackReport[]): void {
  const conflicts = priorityConflicts(reports.flatMap((r) => r.listenerRules));
  for (const r of reports) {
    if (r.verdict === "invalid-config" || r.verdict === "error") continue;
    const own = conflicts.filter((c) => c.claim.stack === r.stack).map((c) => c.problem);
    r.awsLimits = [...r.awsLimits.filter((p) => !p.conflict), ...own];
    const mandatory = r.violations.some((v) => v.level === "mandatory");
    r.verdict = mandatory || r.awsLimits.length > 0 ? "fail" : "pass";
  }
}

/**
 * Runs `f` with no stack frames captured. The Pulumi SDK takes `new Error().stack` for every
 * resource and most of its promises (source positions, leak diagnostics), and ts-node's source
 * maps make each of those expensive: most of a program's run under mocks. Nothing the gate
 * records depends on them.
 */
async function withoutStackTraces<T>(f: () => Promise<T>): Promise<T> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return await f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * What to show for a program that threw: the message of a RunError (the program's own, meant
 * for users), else a stack trace, from a second run with stack traces on.
 */
async function programError(err: unknown, again: () => Promise<unknown>): Promise<string> {
  const e = err as Error;
  if (e?.name === "RunError" || e instanceof ConfigError) return e.message;
  try {
    await again();
  } catch (second) {
    remember(second);
    const s = second as Error;
    if (s?.message === e?.message && s.stack) return s.stack;
  }
  return e?.stack && e.stack !== `${e.name}: ${e.message}`
    ? e.stack
    : `${e?.name ?? "Error"}: ${e?.message ?? String(err)}`;
}

/** Every resource per type token, most frequent first, then by name. */
export function countByType(records: { type: string }[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return Object.fromEntries(
    [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  );
}

/**
 * Hands the program's resources to the pack as the engine does for a preview: Configure with
 * the reconciled config, then per resource Remediate (its result replaces the inputs) and
 * Analyze, then AnalyzeStack once with every resource. Returns the records and the resources
 * (in the same order) as remediated.
 */
async function evaluatePolicies(
  pack: PolicyPack,
  stack: string,
  raw: RawConfig,
  run: ProgramRun,
  policyConfig: PolicyPackConfig,
): Promise<{
  records: ResourceRecord[];
  resources: AnalyzerResource[];
  violations: Violation[];
  remediations: RemediationView[];
  /** The reconciled policy config the pack was configured with. */
  config: PolicyPackConfig;
}> {
  const info = await pack.getInfo();
  const config = reconcilePolicyConfig(info.policies, info.initialConfig, policyConfig);
  const { values, secretKeys } = engineConfig(raw);
  await pack.configureStack({ stack, project: PROJECT, config: values, secretKeys });
  await pack.configure(config);

  const byUrn = new Map(run.records.map((r) => [r.urn, r]));
  const resources = run.records.map((r) =>
    analyzerResource(stack, r, run.wire.get(r.urn), raw, byUrn),
  );
  const records = run.records.map((r) => ({ ...r }));
  const violations: Violation[] = [];
  const remediations: RemediationView[] = [];
  const located = (urn: string): Pick<Violation, "urn" | "resource" | "type"> => {
    const r = byUrn.get(urn);
    return urn === "" ? {} : { urn, resource: r?.name, type: r?.type };
  };
  const toViolation = (d: Diagnostic, urn: string, from: Violation["from"]): Violation => ({
    policy: d.policyName,
    // The engine reports a `remediate` level that still fires as mandatory.
    level: d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel,
    ...located(urn),
    message: d.message,
    description: d.description,
    severity: d.severity,
    from,
  });

  // Resources are independent: the engine analyzes them as they register, so in parallel.
  const perResource = await Promise.all(
    resources.map(async (resource, i) => {
      const found: Violation[] = [];
      const changed: RemediationView[] = [];
      for (const r of await pack.remediate(resource)) {
        if (r.diagnostic !== undefined) {
          found.push({
            policy: r.policyName,
            level: "advisory",
            ...located(resource.urn),
            message: r.diagnostic,
            description: r.description,
            from: "remediation",
          });
        } else if (r.properties !== undefined) {
          changed.push({
            policy: r.policyName,
            urn: resource.urn,
            resource: resource.name,
            type: resource.type,
            changed: changedKeys(resource.properties, r.properties),
          });
          resource.properties = r.properties;
          records[i] = { ...records[i], inputs: plain(r.properties) as Record<string, unknown> };
        }
      }
      // The engine attributes a resource policy's violation to the analyzed resource.
      for (const d of await pack.analyze(resource))
        found.push(toViolation(d, resource.urn, "resource"));
      return { found, changed };
    }),
  );
  for (const { found, changed } of perResource) {
    violations.push(...found);
    remediations.push(...changed);
  }
  // AnalyzeStack sees outputs: the (remediated) inputs and what the provider computes.
  for (const resource of resources) {
    resource.outputs = { ...resource.properties, ...run.wire.get(resource.urn)?.computed };
  }
  for (const d of await pack.analyzeStack(resources))
    violations.push(toViolation(d, d.urn, "stack"));
  return { records, resources, violations, remediations, config };
}

/** The AnalyzerResource the engine would build for a registered resource. */
function analyzerResource(
  stack: string,
  record: ResourceRecord,
  wire: WireRegistration | undefined,
  raw: RawConfig,
  byUrn: Map<string, ResourceRecord>,
): AnalyzerResource {
  const parent = record.parent ?? "";
  return {
    urn: record.urn,
    type: record.type,
    name: record.name,
    properties: wire?.object ?? record.inputs,
    options: {
      protect: record.options?.protect ?? false,
      ignoreChanges: record.options?.ignoreChanges ?? [],
      deleteBeforeReplace: wire?.deleteBeforeReplaceDefined ? wire.deleteBeforeReplace : undefined,
      additionalSecretOutputs: wire?.additionalSecretOutputs ?? [],
      aliases: aliasUrns(stack, record, wire),
      customTimeouts: {
        create: goDuration(wire?.customTimeouts.create ?? ""),
        update: goDuration(wire?.customTimeouts.update ?? ""),
        delete: goDuration(wire?.customTimeouts.delete ?? ""),
      },
      parent,
    },
    provider: providerFor(stack, record, wire, raw, byUrn),
    parent,
    dependencies: record.dependencies ?? [],
    propertyDependencies: wire?.propertyDependencies ?? {},
  };
}

/** The provider the engine would pass: the explicit one, else the package's default provider. */
function providerFor(
  stack: string,
  record: ResourceRecord,
  wire: WireRegistration | undefined,
  raw: RawConfig,
  byUrn: Map<string, ResourceRecord>,
): AnalyzerResource["provider"] {
  if (wire?.provider) {
    const urn = wire.provider.slice(0, wire.provider.lastIndexOf("::"));
    const p = byUrn.get(urn);
    if (p) return { urn, type: p.type, name: p.name, properties: p.inputs };
  }
  const pkg = record.type.split(":")[0];
  if (!record.custom || pkg === "pulumi") return undefined;
  const version = packageVersion(pkg);
  if (version === undefined) return undefined;
  const name = `default_${version.replace(/[.-]/g, "_")}`;
  const properties: Record<string, unknown> = { version };
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(`${pkg}:`)) continue;
    const k = key.slice(pkg.length + 1);
    properties[k] = value.secret ? { [SIG_KEY]: SECRET_SIG, value: value.value } : value.value;
  }
  return {
    urn: `urn:pulumi:${stack}::${PROJECT}::pulumi:providers:${pkg}::${name}`,
    type: `pulumi:providers:${pkg}`,
    name,
    properties,
  };
}

const versions = new Map<string, string | undefined>();
function packageVersion(pkg: string): string | undefined {
  if (!versions.has(pkg)) {
    try {
      versions.set(pkg, require(`@pulumi/${pkg}/package.json`).version as string);
    } catch {
      versions.set(pkg, undefined);
    }
  }
  return versions.get(pkg);
}

/** Alias URNs as the engine computes them from the program's alias specs. */
function aliasUrns(
  stack: string,
  record: ResourceRecord,
  wire: WireRegistration | undefined,
): string[] {
  return (wire?.aliases ?? []).map((a) => {
    if (a.urn) return a.urn;
    const parent = a.noParent ? "" : (a.parentUrn ?? record.parent ?? "");
    const parentType = parent === "" ? "" : `${parent.split("::")[2]}$`;
    return `urn:pulumi:${a.stack ?? stack}::${a.project ?? PROJECT}::${parentType}${a.type ?? record.type}::${a.name ?? record.name}`;
  });
}

/** Seconds in a Go duration such as "1h30m" or "90s" ("" is 0), as the engine parses timeouts. */
export function goDuration(text: string): number {
  if (text === "") return 0;
  const units: Record<string, number> = {
    h: 3600,
    m: 60,
    s: 1,
    ms: 1e-3,
    us: 1e-6,
    µs: 1e-6,
    ns: 1e-9,
  };
  let seconds = 0;
  const re = /(\d+(?:\.\d+)?)(h|ms|us|µs|ns|m|s)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(text)) !== null) {
    seconds += Number(m[1]) * units[m[2]];
    consumed = re.lastIndex;
  }
  return consumed === text.length ? seconds : 0;
}

/**
 * The top-level inputs a remediation changed (compared as a policy reads them), and those whose
 * secret marking it dropped, flagged: the engine would store those unmarked.
 */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const b = marshalProperties(before, false);
  const keys = new Set([...Object.keys(b), ...Object.keys(after)]);
  const changed: string[] = [];
  for (const k of [...keys].sort()) {
    if (stable(plain(b[k])) !== stable(plain(after[k]))) changed.push(k);
    else if (holdsSecret(b[k]) && !holdsSecret(after[k]))
      changed.push(`${k} (secret marking dropped)`);
  }
  return changed;
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function stable(value: unknown): string {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
    .join(",")}}`;
}

/** Wire-format value with secrets unwrapped: what a policy (and the cost model) reads. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (obj[SIG_KEY] === SECRET_SIG) return plain(obj.value);
  if (obj[SIG_KEY] === RESOURCE_SIG) return obj.id ?? obj.urn;
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, plain(v)]));
}

/** Wire-format value for reading: secrets "[secret]", references by URN, unknowns "[unknown]". */
export function masked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(masked);
  if (value === UNKNOWN) return "[unknown]";
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (obj[SIG_KEY] === SECRET_SIG) return "[secret]";
  if (obj[SIG_KEY] === RESOURCE_SIG) return obj.urn;
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, masked(v)]));
}

/** `masked(value)`, also masking wherever `original` (the program's inputs) held a secret. */
export function maskedLike(original: unknown, value: unknown): unknown {
  if (isSecret(original)) return "[secret]";
  if (Array.isArray(original) && Array.isArray(value)) {
    return value.map((v, i) => maskedLike(original[i], v));
  }
  if (
    isObject(original) &&
    isObject(value) &&
    !isSecret(value) &&
    value[SIG_KEY] !== RESOURCE_SIG
  ) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, maskedLike(original[k], v)]),
    );
  }
  return masked(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The report's view of a resource: `resource` is what the pack saw, after remediations. */
function view(
  record: ResourceRecord,
  wire: WireRegistration | undefined,
  resource: AnalyzerResource,
): ResourceView {
  // A remediation may hand a secret back unmarked: what was secret in the program stays masked.
  const inputs = maskedLike(wire?.object, resource.properties) as Record<string, unknown>;
  const options: ResourceView["options"] = {};
  if (record.options?.protect) options.protect = true;
  if (record.options?.ignoreChanges?.length) options.ignoreChanges = record.options.ignoreChanges;
  if (record.options?.deleteBeforeReplace) options.deleteBeforeReplace = true;
  if (record.options?.retainOnDelete) options.retainOnDelete = true;
  if (resource.options.aliases.length) options.aliases = resource.options.aliases;
  return {
    type: record.type,
    name: record.name,
    urn: record.urn,
    parent: record.parent,
    custom: record.custom,
    inputs,
    options,
    dependencies: record.dependencies ?? [],
  };
}
