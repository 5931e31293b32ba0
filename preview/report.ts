/**
 * How the offline preview shows what it found: text a person reads at a glance, or one JSON
 * document for machines. Both carry the same facts.
 */
import * as path from "path";
import { Borrowed, formatEstimate, usd } from "../model/cost";
import { TZDB_VERSION } from "../model/time";
import { CapacityOutputs, ROOT, StackReport, Verdict } from "./gate";

/** A list item; a message of several lines (yaml.v3's "unmarshal errors") stays under its dash. */
function bullet(text: string): string {
  return `  - ${text.replace(/\n/g, "\n    ")}`;
}

/** Facts about the whole run. */
export interface RunInfo {
  /** The clock the stacks were judged at. */
  now: Date;
  /** Whether each stack was previewed as a new stack's first preview. */
  firstPreview?: boolean;
  policyPack?: { name: string; version: string; dir: string };
  /** The --policy-config file, if one was given. */
  policyConfigFile?: string;
  /** Wall time of the whole run, ms. */
  elapsedMs: number;
}

/** Exit codes: 0 every stack passes; 1 a mandatory violation, invalid config or a failing program. */
export function exitCodeFor(reports: StackReport[]): 0 | 1 {
  return reports.every((r) => r.verdict === "pass") ? 0 : 1;
}

const VERDICT_TEXT: Record<Verdict, string> = {
  pass: "PASS",
  fail: "FAIL",
  "invalid-config": "INVALID CONFIG",
  error: "ERROR",
};

/** A path as messages show it: relative to the working directory when inside it. */
export function shown(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel.startsWith("..") ? path.resolve(file) : rel === "" ? file : rel;
}

/**
 * A stack's verdict in one phrase: `prod FAIL (1 mandatory violation)`, and (unless `withCost` is
 * false) why it was not priced.
 */
export function verdictLine(r: StackReport, withCost = true): string {
  const mandatory = r.violations.filter((v) => v.level === "mandatory").length;
  const limits = r.awsLimits.length;
  const faults = [
    mandatory ? `${mandatory} mandatory violation${mandatory === 1 ? "" : "s"}` : "",
    limits ? `${limits} AWS limit${limits === 1 ? "" : "s"} broken` : "",
  ].filter((f) => f !== "");
  const detail =
    r.verdict === "fail"
      ? ` (${faults.join(", ")})`
      : r.verdict === "invalid-config"
        ? ` (${r.configErrors.length} problem${r.configErrors.length === 1 ? "" : "s"})`
        : "";
  // A stack that ran but could not be priced says so, and why, where the verdict is read.
  const cost =
    withCost && r.cost === null && r.costError !== undefined
      ? `, cost not estimated: ${r.costError}`
      : "";
  return `${r.stack} ${VERDICT_TEXT[r.verdict]}${detail}${cost}`;
}

/** The month of every stack of a run together (the stacks whose cost was estimated). */
export interface RunTotal {
  /** The stacks added up, in the run's order. */
  stacks: string[];
  /** Stacks of the run whose cost was not estimated (left out of the sums). */
  notEstimated: string[];
  /** USD a month: the sums of the stacks' floors, expected months (each its busiest) and ceilings. */
  floor: number;
  expected: number;
  ceiling: number;
  /** The assumption enrolledStudents the estimates used. */
  enrolledStudents: number;
  /** expected / enrolledStudents, USD a month. */
  perEnrolledStudent: number;
  /** Whether the account's free tiers were applied (once, across these stacks). */
  freeTier: boolean;
  /** The stacks with lines at another region's prices (CostEstimate.borrowed), in run order. */
  borrowed: ({ stack: string } & Borrowed)[];
}

/** The run's total (RunTotal); null when no stack was priced. */
export function runTotal(reports: StackReport[]): RunTotal | null {
  const priced = reports.filter((r) => r.cost !== null);
  if (priced.length === 0) return null;
  const sum = (k: "floor" | "expected" | "ceiling") => priced.reduce((t, r) => t + r.cost![k], 0);
  const enrolledStudents = priced[0].cost!.assumptions.enrolledStudents;
  return {
    stacks: priced.map((r) => r.stack),
    notEstimated: reports.filter((r) => r.cost === null).map((r) => r.stack),
    floor: sum("floor"),
    expected: sum("expected"),
    ceiling: sum("ceiling"),
    enrolledStudents,
    perEnrolledStudent: enrolledStudents > 0 ? sum("expected") / enrolledStudents : 0,
    freeTier: priced.some((r) => r.cost!.assumptions.freeTier),
    borrowed: priced.flatMap((r) =>
      r.cost!.borrowed ? [{ stack: r.stack, ...r.cost!.borrowed }] : [],
    ),
  };
}

/** The regions borrowed lines are priced at, `us-east-1` (or several, joined by "or"). */
function fromOf(borrowed: readonly Borrowed[]): string {
  return [...new Set(borrowed.map((b) => b.from))].join(" or ");
}

/** The run's total as one line. */
export function totalLine(t: RunTotal): string {
  const left = t.notEstimated.length ? `; ${t.notEstimated.join(", ")} not estimated` : "";
  const free = t.freeTier ? "; the account's free tiers applied once across them" : "";
  const borrowed = t.borrowed.length
    ? `; ${t.borrowed.map((b) => b.stack).join(", ")} include${t.borrowed.length === 1 ? "s" : ""} lines at ${fromOf(t.borrowed)}'s prices (marked *)`
    : "";
  return (
    `Total (${t.stacks.join(" + ")}${left}): ${usd(t.expected)} a month expected (each stack's busiest month; floor ${usd(t.floor)}, ceiling ${usd(t.ceiling)}), ` +
    `${usd(t.perEnrolledStudent)} per enrolled student (${t.enrolledStudents} enrolled, assumption enrolledStudents)${free}${borrowed}`
  );
}

/** The policy verdicts of a stack: the count line, then each violation, remediation, exemption. */
export function policyLines(r: StackReport): string[] {
  const out: string[] = [];
  const count = (level: string) => r.violations.filter((v) => v.level === level).length;
  const pack = r.policyPack ? `${r.policyPack.name} ${r.policyPack.version}` : "policy pack";
  out.push(
    `Policies (${pack}): ${count("mandatory")} mandatory, ${count("advisory")} advisory violation${count("advisory") === 1 ? "" : "s"}, ${r.remediations.length} remediation${r.remediations.length === 1 ? "" : "s"}`,
  );
  const order = ["mandatory", "advisory", "disabled"];
  const sorted = [...r.violations].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  for (const v of sorted) {
    const where = v.urn ? `${v.type ?? "?"}  ${v.resource ?? v.urn}` : "(the stack as a whole)";
    out.push(`  [${v.level}] ${v.policy}  ${where}`);
    out.push(indent(v.message.trim(), "      "));
  }
  for (const m of r.remediations) {
    out.push(
      `  [remediated] ${m.policy}  ${m.type}  ${m.resource}: changed ${m.changed.length ? m.changed.join(", ") : "nothing visible"}`,
    );
  }
  for (const e of r.exemptions) {
    const covers = e.matched.length > 0 ? `covers ${e.matched.join(", ")}` : "matches no service";
    out.push(`  [exempt] ${e.policy}  service '${e.service}' (${covers}): ${e.reason}`);
  }
  return out;
}

/** The AWS limits a stack breaks, with their sources. */
export function limitLines(r: StackReport): string[] {
  const out = [`AWS limits (model/awsLimits.ts): ${r.awsLimits.length} broken`];
  for (const p of r.awsLimits) {
    out.push(indent(p.message, "  "));
    out.push(`      source: ${p.source}`);
  }
  return out;
}

/** The resources as a tree by parent: `type  name`, children indented under their component. */
export function resourceTree(r: StackReport): string[] {
  const children = new Map<string, string[]>();
  const byUrn = new Map(r.resources.map((x) => [x.urn, x]));
  const roots: string[] = [];
  for (const x of r.resources) {
    if (x.parent !== undefined && byUrn.has(x.parent)) {
      const list = children.get(x.parent) ?? [];
      list.push(x.urn);
      children.set(x.parent, list);
    } else roots.push(x.urn);
  }
  const lines: string[] = [];
  const walk = (urn: string, prefix: string, last: boolean, root: boolean): void => {
    const x = byUrn.get(urn)!;
    const flags = [
      x.options.protect ? "protect" : "",
      x.options.ignoreChanges?.length ? `ignoreChanges: ${x.options.ignoreChanges.join(", ")}` : "",
    ].filter((f) => f !== "");
    const label = `${x.type}  ${x.name}${flags.length ? `  [${flags.join("; ")}]` : ""}`;
    lines.push(root ? label : `${prefix}${last ? "└─ " : "├─ "}${label}`);
    const kids = children.get(urn) ?? [];
    const next = root ? "" : `${prefix}${last ? "   " : "│  "}`;
    kids.forEach((k, i) => walk(k, next, i === kids.length - 1, false));
  };
  roots.forEach((urn) => walk(urn, "", true, true));
  return lines;
}

function indent(text: string, pad: string): string {
  return text
    .split("\n")
    .map((l) => (l === "" ? l : pad + l))
    .join("\n");
}

/**
 * The capacity schedule in plain words: the bounds now and why, then each scheduled change in
 * the stack's local time and UTC with the bounds before and after and why.
 */
export function capacityText(c: CapacityOutputs): string[] {
  const out = [
    `Capacity: min/max tasks now ${c.scaling.minTasks}/${c.scaling.maxTasks}, ${c.scaling.reason}`,
  ];
  if (c.schedule.length === 0) out.push("  no scheduled change");
  for (const e of c.schedule) out.push(`  ${e.text}`);
  return out;
}

/** One stack's section of the text report. */
export function stackText(r: StackReport): string {
  const out: string[] = [];
  out.push(`== ${r.stack} (${shown(r.file)}): ${VERDICT_TEXT[r.verdict]} ==`);
  if (r.verdict === "invalid-config") {
    out.push(`Invalid configuration for stack "${r.stack}" (${shown(r.file)}):`);
    for (const p of r.configErrors) out.push(bullet(p));
    return out.join("\n");
  }
  if (r.verdict === "error") {
    out.push(`The program failed for stack "${r.stack}":`);
    out.push(indent(r.error ?? "", "  "));
    return out.join("\n");
  }
  const components = r.resources.filter((x) => !x.custom).length;
  out.push("");
  out.push(
    `Resources: ${r.resources.length} (${r.resources.length - components} cloud resources, ${components} components)`,
  );
  for (const line of resourceTree(r)) out.push(`  ${line}`);
  out.push("");
  out.push("By type:");
  const width = Math.max(...Object.values(r.counts).map((n) => String(n).length));
  for (const [type, n] of Object.entries(r.counts))
    out.push(`  ${String(n).padStart(width)}  ${type}`);
  out.push("");
  out.push(...policyLines(r));
  if (r.notRun.length > 0) {
    const policies = new Set(r.notRun.map((n) => n.policy));
    out.push("");
    out.push(
      `Could not run in this preview (${policies.size} polic${policies.size === 1 ? "y" : "ies"}, ${r.notRun.length} time${r.notRun.length === 1 ? "" : "s"}; they run on pulumi up, when every value is known):`,
    );
    for (const n of r.notRun) {
      out.push(`  ${n.policy}  ${n.urn ? `${n.type ?? "?"}  ${n.resource ?? n.urn}` : "(stack)"}`);
      out.push(indent(n.message, "      "));
    }
  }
  if (r.capacity) {
    out.push("");
    out.push(...capacityText(r.capacity));
  }
  out.push("");
  out.push(...limitLines(r));
  out.push("");
  if (r.cost) out.push(formatEstimate(r.cost));
  else out.push(`Monthly cost: not estimated${r.costError ? `: ${r.costError}` : ""}`);
  if (r.warnings.length) {
    out.push("");
    out.push("Warnings:");
    for (const w of r.warnings) out.push(bullet(w));
  }
  return out.join("\n");
}

/** The whole text report: each stack, then a one-line summary per stack and the exit code. */
export function renderText(reports: StackReport[], info: RunInfo): string {
  const out: string[] = [];
  const pack = info.policyPack
    ? `${info.policyPack.name} ${info.policyPack.version} (${shown(info.policyPack.dir)})`
    : "not started";
  out.push(
    `Offline ${info.firstPreview ? "first preview of new stacks" : "preview"} at ${info.now.toISOString()}; time zones: IANA tz ${TZDB_VERSION} (this Node's ICU); policy pack ${pack}${info.policyConfigFile ? `; policy config ${shown(info.policyConfigFile)}` : ""}`,
  );
  out.push(
    "Runs the program on Pulumi's mocks: nothing here reads AWS, so it shows what the program asks for, not what exists.",
  );
  for (const r of reports) {
    out.push("");
    out.push(stackText(r));
  }
  out.push("");
  const code = exitCodeFor(reports);
  const total = runTotal(reports);
  const freeTier = total?.freeTier
    ? " Costs with the account's always-free tiers applied once across these stacks, which share one account (--free-tier)."
    : "";
  const borrowed = total?.borrowed.length
    ? ` Lines at ${fromOf(total.borrowed)}'s prices (no source for the stack's region was found; marked *): ${total.borrowed.map((b) => `${b.stack} ${b.lines} of ${b.of}`).join(", ")}.`
    : "";
  // Why stacks were not priced, each reason once (stacks in one unpriced region share one).
  const unpriced = new Map<string, string[]>();
  for (const r of reports) {
    if (r.cost === null && r.costError !== undefined) {
      unpriced.set(r.costError, [...(unpriced.get(r.costError) ?? []), r.stack]);
    }
  }
  const advisory = reports
    .map((r) => [r.stack, r.violations.filter((v) => v.level === "advisory").length] as const)
    .filter(([, n]) => n > 0);
  const advisories = advisory.length
    ? ` Advisory findings (reported, not blocking): ${advisory.map(([stack, n]) => `${stack} ${n}`).join(", ")}.`
    : "";
  const notEstimated = [...unpriced]
    .map(([why, stacks]) => ` Cost not estimated for ${stacks.join(", ")}: ${why}.`)
    .join("");
  out.push(
    `Summary: ${reports.map((r) => verdictLine(r, false)).join("; ")}. ${code === 0 ? "Every stack passes the gate" : "The gate fails"} (exit ${code}, ${(info.elapsedMs / 1000).toFixed(1)} s).${advisories}${notEstimated}${freeTier}${borrowed}`,
  );
  out.push(total ? totalLine(total) : "Total: not estimated (no stack was priced)");
  return out.join("\n") + "\n";
}

/**
 * The JSON document: the same facts, one object. With `failure` (the reason the preview could not
 * run or finish), the document says exit 2 and carries the reason as `error`, with the reports
 * made before it (none when it could not start).
 */
export function renderJson(
  reports: StackReport[],
  info: Partial<RunInfo>,
  failure?: string,
): Record<string, unknown> {
  const code = failure !== undefined ? 2 : exitCodeFor(reports);
  return {
    ok: code === 0,
    exitCode: code,
    error: failure ?? null,
    now: info.now?.toISOString() ?? null,
    firstPreview: info.firstPreview ?? false,
    tzdbVersion: TZDB_VERSION,
    policyPack: info.policyPack
      ? { ...info.policyPack, dir: path.relative(ROOT, info.policyPack.dir) || "." }
      : null,
    policyConfigFile: info.policyConfigFile ?? null,
    elapsedMs: info.elapsedMs ?? null,
    total: runTotal(reports),
    stacks: reports.map((r) => ({
      stack: r.stack,
      file: shown(r.file),
      verdict: r.verdict,
      configErrors: r.configErrors,
      error: r.error ?? null,
      warnings: r.warnings,
      capacity: r.capacity ?? null,
      resources: r.resources,
      counts: r.counts,
      violations: r.violations,
      notRun: r.notRun,
      exemptions: r.exemptions,
      remediations: r.remediations,
      awsLimits: r.awsLimits,
      cost: r.cost,
      costError: r.costError ?? null,
      timings: r.timings,
    })),
  };
}
