/**
 * The estimate of a stack: the busiest month, every record priced, free tiers on request, the
 * notes. No Pulumi imports.
 */
import { HOURS_PER_MONTH, PriceKey, pricesFor } from "../prices";
import { ResourceRecord } from "../records";
import { CostAssumptions, resolveAssumptions } from "./assumptions";
import { borrowedNote } from "./format";
import { borrowedOf, Lines } from "./lines";
import { candidateMonths, fmtHours, sessionHours } from "./months";
import { pricePlatform } from "./platform";
import { regionOf } from "./records";
import { modelServices, priceServices } from "./services";
import {
  CostEstimate,
  EstimateOptions,
  PerScenario,
  perScenario,
  Scenario,
  SCENARIOS,
} from "./types";

/**
 * The monthly estimate of a stack from its recorded resources.
 * @param records what the program registered (runProgram), or what the policy pack was shown
 * @param assumptions usage the resources do not say (defaults: DEFAULT_ASSUMPTIONS)
 * @param options the clock, for capacity a target holds until its first scheduled action
 */
export function estimate(
  records: ResourceRecord[],
  assumptions: Partial<CostAssumptions> = {},
  options: EstimateOptions = {},
): CostEstimate {
  const assumed = resolveAssumptions(assumptions);
  const region = regionOf(records, assumed.region, options.defaultRegion);
  const prices = options.prices?.[region] ?? pricesFor(region);
  const unpriced: string[] = [];
  const notes: string[] = [];
  const services = modelServices(records, assumed, unpriced, options.now);
  // Staging switched on now counts in the expected month for at least this session's hours.
  const session = services.find((s) => s.session)?.session;
  const hours = session ? sessionHours(session) : 0;
  const a =
    hours > assumed.stagingActiveHoursPerMonth
      ? { ...assumed, stagingActiveHoursPerMonth: hours }
      : assumed;

  let month = a.expectedMonth;
  if (month === undefined) {
    // The busiest month: the one whose windows cost the most (the earliest on a tie).
    let best = -1;
    for (const m of candidateMonths(services)) {
      const trial = new Lines(prices);
      priceServices(trial, services, a, m);
      const total = trial.lines.reduce((s, l) => s + l.monthly.expected, 0);
      if (total > best + 1e-9) {
        best = total;
        month = m;
      }
    }
  }
  const priced = (x: CostAssumptions, problems: string[] = []): Lines => {
    const lines = new Lines(prices);
    priceServices(lines, services, x, month);
    pricePlatform(lines, records, services, x, month, problems);
    return lines;
  };
  const out = priced(a, unpriced);
  notes.push(applyFreeTier(out, a, options.freeTierLeft));

  const total = (s: Scenario) => out.lines.reduce((sum, l) => sum + l.monthly[s], 0);
  const borrowed = borrowedOf(out.lines);
  if (borrowed) notes.push(borrowedNote(region, borrowed));
  notes.push(
    "Fargate Spot is priced as a factor of on-demand, an assumption (AWS publishes no fixed Spot price)",
  );
  const hasStaging = services.some((s) => s.staging);
  const staging =
    a === assumed
      ? `staging on for ${a.stagingActiveHoursPerMonth} hours a month`
      : `staging on for ${fmtHours(hours)} a month, this session's hours, more than the ${assumed.stagingActiveHoursPerMonth} h of assumption stagingActiveHoursPerMonth`;
  // What this session costs beyond staying off: the month with only this session, less the month
  // with staging never on (before free tiers).
  const expectedOf = (x: CostAssumptions) =>
    priced(x).lines.reduce((sum, l) => sum + l.monthly.expected, 0);
  const stagingSession = session && {
    until: new Date(session.to).toISOString(),
    hours,
    assumedHours: assumed.stagingActiveHoursPerMonth,
    usd:
      expectedOf({ ...a, stagingActiveHoursPerMonth: hours, stagingSessionsPerMonth: 1 }) -
      expectedOf({ ...a, stagingActiveHoursPerMonth: 0, stagingSessionsPerMonth: 0 }),
  };
  const expectedBasis = month
    ? `the floor plus the scheduled windows of ${month} (${a.expectedMonth ? "the month asked for" : "the busiest month among them"})` +
      (hasStaging ? `, plus ${staging}` : "")
    : hasStaging
      ? `the floor plus ${staging} (no scheduled windows)`
      : "same as the floor (no scheduled windows this month)";
  return {
    region,
    currency: "USD",
    hoursPerMonth: HOURS_PER_MONTH,
    floor: total("floor"),
    expected: total("expected"),
    ceiling: total("ceiling"),
    expectedMonth: month,
    expectedBasis,
    stagingSession,
    lines: out.lines,
    unpriced,
    notes,
    borrowed,
    perEnrolledStudent: a.enrolledStudents > 0 ? total("expected") / a.enrolledStudents : 0,
    assumptions: assumed,
  };
}

/** The account's always-free allowances (CloudWatch pricing page; PRICES.md), a month. */
export const FREE_TIER_ALLOWANCES: readonly (readonly [PriceKey, number, string])[] = [
  ["cloudwatch.alarmMonth", 10, "standard alarm metrics"],
  ["cloudwatch.dashboardMonth", 3, "dashboards"],
  ["cloudwatch.logsIngestGb", 5, "GB of logs ingested"],
];

/**
 * What is left of one account's always-free tiers, per price key and scenario. Stacks that share
 * an account share one: pass the same object (EstimateOptions.freeTierLeft) to each stack's
 * estimate in turn and each takes what the earlier ones left.
 */
export type FreeTierLeft = Record<string, PerScenario>;

/** A whole account's always-free tiers, none used yet. */
export function accountFreeTier(): FreeTierLeft {
  return Object.fromEntries(
    FREE_TIER_ALLOWANCES.map(([key, free]) => [key, perScenario(() => free)]),
  );
}

/**
 * The account's always-free tiers (FREE_TIER_ALLOWANCES): 10 standard alarm metrics, 3 dashboards
 * and 5 GB of log ingestion a month. With `freeTier`, each is a line of negative quantity at the
 * item's price, up to what the estimate uses and what `left` still holds (taken from `left`);
 * without `left`, as if the stack were alone in its account. The 12-month tiers of new accounts
 * (750 h of load balancer and of public IPv4, a db.t4g.micro) are never applied. Returns the
 * note every estimate carries, naming this stack's share (in the expected month).
 */
export function applyFreeTier(out: Lines, a: CostAssumptions, left?: FreeTierLeft): string {
  const twelveMonths =
    "the 12-month tiers of new accounts (750 load balancer hours, 750 public IPv4 hours, an RDS micro) are not applied";
  if (!a.freeTier) {
    return `free tiers not applied (assumption freeTier, --free-tier: 10 alarms, 3 dashboards, 5 GB of logs per account); ${twelveMonths}`;
  }
  const shared = left !== undefined;
  const pool = left ?? accountFreeTier();
  const applied: string[] = [];
  for (const [key, free, item] of FREE_TIER_ALLOWANCES) {
    const remaining = pool[key];
    const used = (s: Scenario) =>
      out.lines.filter((l) => l.priceKey === key).reduce((sum, l) => sum + l.quantity[s], 0);
    const taken = perScenario((s) => Math.min(remaining[s], used(s)));
    for (const s of SCENARIOS) remaining[s] -= taken[s];
    if (taken.ceiling === 0 && taken.expected === 0) continue;
    const credit = perScenario((s) => -taken[s]);
    out.add(FREE_TIER_RECORD, `CloudWatch free tier: ${free} ${item}`, key, credit, {
      assumed: shared
        ? `this stack's share of the account's ${free}, which the stacks of this run share (assumption freeTier)`
        : "per account, as if this stack were alone in it (assumption freeTier)",
    });
    applied.push(shared ? `${fmtShare(taken.expected)} of ${free} ${item}` : `${free} ${item}`);
  }
  const what =
    applied.join(", ") || (shared ? "none (earlier stacks of this run used them)" : "none used");
  return shared
    ? `free tiers applied once for the account this run's stacks share; this stack's share (expected month): ${what}; ${twelveMonths}`
    : `free tiers applied per account, as if this stack were alone in it: ${what}; ${twelveMonths}`;
}

/** A share of an allowance: whole numbers as they are, others to two decimals. */
function fmtShare(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** The record free-tier lines name. */
export const FREE_TIER_RECORD: ResourceRecord = {
  type: "free-tier",
  name: "account",
  urn: "free-tier",
  inputs: {},
  custom: false,
};
