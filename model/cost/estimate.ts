/**
 * The estimate of a stack: the busiest month, every record priced, free tiers on request, the
 * notes. No Pulumi imports.
 */
import { HOURS_PER_MONTH, PriceKey, pricesFor } from "../prices";
import { ResourceRecord } from "../records";
import { CostAssumptions, resolveAssumptions } from "./assumptions";
import { Lines } from "./lines";
import { candidateMonths } from "./months";
import { pricePlatform } from "./platform";
import { regionOf } from "./records";
import { modelServices, priceServices } from "./services";
import { CostEstimate, EstimateOptions, PerScenario, Scenario } from "./types";

/** Readable names of the price groups, for the note about prices assumed from another region. */
export function priceGroup(key: string): string {
  if (key.startsWith("rds.instance.")) return `RDS ${key.slice("rds.instance.".length)}`;
  const groups: [string, string][] = [
    ["rds.gp3", "RDS storage"],
    ["rds.backup", "RDS backup storage"],
    ["rds.snapshot", "RDS snapshots"],
    ["aurora.", "Aurora"],
    ["efs.", "EFS"],
    ["cloudwatch.alarm", "CloudWatch alarms"],
    ["cloudwatch.highResolutionAlarm", "CloudWatch alarms"],
    ["cloudwatch.dashboard", "CloudWatch dashboards"],
    ["secretsmanager.", "Secrets Manager"],
    ["endpoint.", "interface endpoints"],
    ["fargate.ephemeral", "Fargate ephemeral storage"],
    ["fargate.spot", "the Spot factor"],
  ];
  return groups.find(([prefix]) => key.startsWith(prefix))?.[1] ?? key;
}

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
  const a = resolveAssumptions(assumptions);
  const region = regionOf(records, a.region, options.defaultRegion);
  const prices = options.prices?.[region] ?? pricesFor(region);
  const unpriced: string[] = [];
  const notes: string[] = [];
  const services = modelServices(records, a, unpriced, options.now);

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
  const out = new Lines(prices);
  priceServices(out, services, a, month);
  pricePlatform(out, records, services, a, month, unpriced);
  notes.push(applyFreeTier(out, a));

  const total = (s: Scenario) => out.lines.reduce((sum, l) => sum + l.monthly[s], 0);
  const borrowed = out.lines.filter((l) => l.assumedFrom);
  if (borrowed.length > 0) {
    const groups = [...new Set(borrowed.map((l) => priceGroup(l.priceKey)))];
    notes.push(
      `no ${region} source was found for ${groups.join(", ")}: those prices are assumed equal to ${borrowed[0].assumedFrom} (marked *)`,
    );
  }
  notes.push(
    "Fargate Spot is priced as a factor of on-demand, an assumption (AWS publishes no fixed Spot price)",
  );
  const hasStaging = services.some((s) => s.staging);
  const windows = month
    ? `the scheduled windows of ${month} (${a.expectedMonth ? "the month asked for" : "the busiest month among them"})`
    : "no scheduled windows";
  const expectedBasis =
    `the floor plus ${windows}` +
    (hasStaging ? `, plus staging on for ${a.stagingActiveHoursPerMonth} hours a month` : "");
  return {
    region,
    currency: "USD",
    hoursPerMonth: HOURS_PER_MONTH,
    floor: total("floor"),
    expected: total("expected"),
    ceiling: total("ceiling"),
    expectedMonth: month,
    expectedBasis,
    lines: out.lines,
    unpriced,
    notes,
    perEnrolledStudent: a.enrolledStudents > 0 ? total("expected") / a.enrolledStudents : 0,
    assumptions: a,
  };
}

/**
 * The account's always-free tiers (CloudWatch pricing page; PRICES.md): 10 standard alarm
 * metrics, 3 dashboards and 5 GB of log ingestion a month. With `freeTier`, each is a line of
 * negative quantity at the item's price, up to what the estimate uses, as if the stack were
 * alone in its account. The 12-month tiers of new accounts (750 h of load balancer and of
 * public IPv4, a db.t4g.micro) are never applied. Returns the note every estimate carries.
 */
export function applyFreeTier(out: Lines, a: CostAssumptions): string {
  const twelveMonths =
    "the 12-month tiers of new accounts (750 load balancer hours, 750 public IPv4 hours, an RDS micro) are not applied";
  if (!a.freeTier) {
    return `free tiers not applied (assumption freeTier, --free-tier: 10 alarms, 3 dashboards, 5 GB of logs per account); ${twelveMonths}`;
  }
  const allowances: [PriceKey, number, string][] = [
    ["cloudwatch.alarmMonth", 10, "CloudWatch free tier: 10 standard alarm metrics"],
    ["cloudwatch.dashboardMonth", 3, "CloudWatch free tier: 3 dashboards"],
    ["cloudwatch.logsIngestGb", 5, "CloudWatch free tier: 5 GB of logs ingested"],
  ];
  const applied: string[] = [];
  for (const [key, free, item] of allowances) {
    const used = (s: Scenario) =>
      out.lines.filter((l) => l.priceKey === key).reduce((sum, l) => sum + l.quantity[s], 0);
    const credit: PerScenario = {
      floor: -Math.min(free, used("floor")),
      expected: -Math.min(free, used("expected")),
      ceiling: -Math.min(free, used("ceiling")),
    };
    if (credit.ceiling === 0 && credit.expected === 0) continue;
    out.add(FREE_TIER_RECORD, item, key, credit, {
      assumed: "per account, as if this stack were alone in it (assumption freeTier)",
    });
    applied.push(item.replace("CloudWatch free tier: ", ""));
  }
  return `free tiers applied per account, as if this stack were alone in it: ${applied.join(", ") || "none used"}; ${twelveMonths}`;
}

/** The record free-tier lines name. */
export const FREE_TIER_RECORD: ResourceRecord = {
  type: "free-tier",
  name: "account",
  urn: "free-tier",
  inputs: {},
  custom: false,
};
