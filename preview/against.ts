/**
 * `npm start -- --against <old stack file>`: what a config change does to a deployed stack. Runs
 * the program on mocks with the old config and with the new one and compares what they register
 * (model/replacement.ts): created, deleted, updated and replaced resources, the property that
 * forces each replacement, and replacements of stateful or protected resources, which fail the
 * run unless `--allow-replace` is given. The new config is also gated as `npm start` gates it
 * (policies, AWS limits: its verdict fails the run as there), and both configs are priced: the
 * monthly cost change, deployed -> new.
 */
import { PerScenario, perScenario, SCENARIOS, usd } from "../model/cost";
import { diffRecords, ResourceChange, StackDiff } from "../model/replacement";
import { configProblems, StackReport, StackSource } from "./gate";
import { runProgram } from "./program";
import { exitCodeFor, limitLines, policyLines, verdictLine } from "./report";

/** The comparison of two configs of one stack. */
export interface AgainstReport {
  stack: string;
  oldFile: string;
  newFile: string;
  /** Config problems of either file (nothing was compared). */
  configErrors: string[];
  /** The program failed under one of the configs. */
  error?: string;
  diff?: StackDiff;
}

/** Runs the program under both configs and compares what they register. */
export async function compareConfigs(
  before: StackSource,
  after: StackSource,
  now: Date,
): Promise<AgainstReport> {
  const report: AgainstReport = {
    stack: after.stack,
    oldFile: before.file,
    newFile: after.file,
    configErrors: [],
  };
  for (const [label, source] of [
    ["old", before],
    ["new", after],
  ] as const) {
    for (const p of configProblems(source, now))
      report.configErrors.push(`${label} (${source.file}): ${p}`);
  }
  if (report.configErrors.length > 0) return report;
  try {
    const run = async (s: StackSource) =>
      (await runProgram({ stack: s.stack, config: s.raw!, now })).records;
    const old = await run(before);
    const next = await run(after);
    report.diff = diffRecords(old, next);
  } catch (err) {
    report.error = (err as Error).message ?? String(err);
  }
  return report;
}

const VERB: Record<ResourceChange["kind"], string> = {
  create: "create ",
  delete: "delete ",
  update: "update ",
  replace: "replace",
};

/** Exit code: 1 for invalid config, a failing program, or a dangerous change not allowed. */
export function againstExitCode(r: AgainstReport, allowReplace: boolean): 0 | 1 {
  if (r.configErrors.length > 0 || r.error !== undefined || !r.diff) return 1;
  return r.diff.dangerous.length > 0 && !allowReplace ? 1 : 0;
}

/** The comparison as text. */
export function renderAgainst(r: AgainstReport, allowReplace: boolean): string {
  const out: string[] = [
    `Changes to stack ${r.stack}: ${r.oldFile} (deployed) -> ${r.newFile}`,
    "Compares what the program registers under each config on mocks: nothing is read from AWS or the stack's state (see the README).",
  ];
  if (r.configErrors.length > 0) {
    out.push("Invalid configuration:", ...r.configErrors.map((p) => `  - ${p}`));
    return out.join("\n") + "\n";
  }
  if (r.error !== undefined || !r.diff) {
    out.push(`The program failed: ${r.error}`);
    return out.join("\n") + "\n";
  }
  const order: ResourceChange["kind"][] = ["replace", "delete", "create", "update"];
  const changes = [...r.diff.changes].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  if (changes.length === 0 && r.diff.ignored.length === 0) out.push("  no changes");
  for (const c of changes) {
    const flags = [
      c.stateful ? "STATEFUL" : "",
      c.protected ? "PROTECTED" : "",
      c.deleteFirst ? "delete-first" : "",
    ].filter((f) => f !== "");
    out.push(
      `  ${VERB[c.kind]}  ${c.type}  ${c.name}${flags.length ? `  [${flags.join(", ")}]` : ""}`,
    );
    if (c.kind === "update") out.push(`      changed: ${(c.shown ?? c.changed).join(", ")}`);
    for (const reason of c.reasons) out.push(`      ${reason}`);
    if (c.stateful) out.push(`      loses: ${c.stateful}`);
  }
  for (const i of r.diff.ignored) {
    out.push(
      `  same     ${i.type}  ${i.name}`,
      `      ignored: ${i.shown.join(", ")} (its ignoreChanges: the deployed value stays)`,
    );
  }
  const count = (k: ResourceChange["kind"]) => r.diff!.changes.filter((c) => c.kind === k).length;
  out.push(
    `Summary: ${count("create")} to create, ${count("delete")} to delete, ${count("update")} to update, ${count("replace")} to replace (${r.diff.dangerous.length} stateful or protected).`,
  );
  if (r.diff.dangerous.length > 0) {
    out.push(
      allowReplace
        ? "--allow-replace given: the replacements above are accepted."
        : "Refused: a stateful or protected resource would be replaced. Back up what it holds and plan the cut-over, then run again with --allow-replace.",
    );
  }
  return out.join("\n") + "\n";
}

/** What the change does to the month: each config's figures, and new minus deployed. */
export interface CostChange {
  region: string | null;
  deployed: PerScenario | null;
  new: PerScenario | null;
  /** new - deployed, per figure; null when either was not estimated. */
  change: PerScenario | null;
  /** Why a config was not priced (its report's costError, or its verdict). */
  deployedError: string | null;
  newError: string | null;
}

function figures(r: StackReport): PerScenario | null {
  const cost = r.cost;
  return cost ? perScenario((s) => cost[s]) : null;
}

function whyUnpriced(r: StackReport): string | null {
  if (r.cost) return null;
  return r.costError ?? `the stack did not run (${verdictLine(r)})`;
}

/** The cost change from the deployed config's report to the new one's. */
export function costChange(deployed: StackReport, next: StackReport): CostChange {
  const a = figures(deployed);
  const b = figures(next);
  return {
    region: next.cost?.region ?? deployed.cost?.region ?? null,
    deployed: a,
    new: b,
    change: a && b ? perScenario((s) => b[s] - a[s]) : null,
    deployedError: whyUnpriced(deployed),
    newError: whyUnpriced(next),
  };
}

/** `+$1.00`, `-$1.00`, `$0.00`. */
function signed(v: number): string {
  return v > 0.005 ? `+${usd(v)}` : usd(v);
}

/** Exit code with the gate: the comparison's (againstExitCode) or the new config's verdict's. */
export function againstGateExitCode(
  r: AgainstReport,
  next: StackReport,
  allowReplace: boolean,
): 0 | 1 {
  return againstExitCode(r, allowReplace) === 1 || exitCodeFor([next]) === 1 ? 1 : 0;
}

/**
 * The comparison, then the gate's findings on the new config (policies, AWS limits), the monthly
 * cost change deployed -> new, and the verdict with the exit code.
 */
export function renderAgainstGate(
  r: AgainstReport,
  deployed: StackReport,
  next: StackReport,
  allowReplace: boolean,
): string {
  const out: string[] = [renderAgainst(r, allowReplace).trimEnd(), ""];
  if (next.verdict === "pass" || next.verdict === "fail") {
    out.push("The new config, gated as npm start gates it:");
    out.push(...policyLines(next), ...limitLines(next), "");
  }
  const c = costChange(deployed, next);
  if (c.deployed && c.new && c.change) {
    out.push(`Monthly cost (${c.region}), deployed -> new:`);
    for (const s of SCENARIOS) {
      out.push(
        `  ${s.padEnd(8)}  ${usd(c.deployed[s])} -> ${usd(c.new[s])} (${signed(c.change[s])})`,
      );
    }
  } else {
    out.push(
      `Monthly cost change: not estimated (deployed: ${c.deployed ? usd(c.deployed.expected) + " expected" : c.deployedError}; new: ${c.new ? usd(c.new.expected) + " expected" : c.newError})`,
    );
  }
  const code = againstGateExitCode(r, next, allowReplace);
  // The gate may pass while the change fails on its refused replacements: say which failed.
  const why =
    code === 1 && exitCodeFor([next]) === 0 ? ", but the replacements above are refused" : "";
  out.push(`Verdict on the new config: ${verdictLine(next)}${why} (exit ${code}).`);
  return out.join("\n") + "\n";
}
