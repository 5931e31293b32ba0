/**
 * What an estimate is: the three scenarios, a priced line, the estimate and its options. No Pulumi
 * imports.
 */
import { RegionPrices } from "../prices";
import { CostAssumptions } from "./assumptions";

/** The three figures of an estimate. */
export type Scenario = "floor" | "expected" | "ceiling";
/** A number per scenario. */
export type PerScenario = Record<Scenario, number>;
/** The scenarios, in the order estimates print them. */
export const SCENARIOS: readonly Scenario[] = ["floor", "expected", "ceiling"];

/** A PerScenario whose figure for each scenario is `f(scenario)`. */
export function perScenario(f: (s: Scenario) => number): PerScenario {
  return { floor: f("floor"), expected: f("expected"), ceiling: f("ceiling") };
}

/** One priced item. */
export interface CostLine {
  /** Logical name of the resource priced. */
  resource: string;
  /** Its type token. */
  type: string;
  /** What is billed, for example `Fargate vCPU (X86_64, on-demand)`. */
  item: string;
  /** Unit of `quantity`, for example `vCPU-hour`. */
  unit: string;
  /** USD per unit. */
  unitPrice: number;
  /** Units per month in each scenario. */
  quantity: PerScenario;
  /** USD per month in each scenario (quantity x unit price). */
  monthly: PerScenario;
  /** What was assumed to get the quantity. */
  assumed?: string;
  /** Where the unit price comes from, and when it was read. */
  source: string;
  /** The price table entry (model/prices/), or `rds.instance.<class>`. */
  priceKey: string;
  /** Set when the unit price is another region's (no source for this region was found). */
  assumedFrom?: string;
}

/** An estimate's lines priced at another region's figures (estimate.ts borrowedOf). */
export interface Borrowed {
  /** The region whose figures they are (`us-east-1`). */
  from: string;
  /** How many lines, of how many priced lines in all (credits of free tiers included). */
  lines: number;
  of: number;
  /** What is borrowed, in words (priceName), once each. */
  items: string[];
}

/** A stack's monthly estimate. */
export interface CostEstimate {
  region: string;
  currency: "USD";
  hoursPerMonth: number;
  floor: number;
  expected: number;
  ceiling: number;
  /** The calendar month whose scheduled windows `expected` includes (`YYYY-MM`), if any. */
  expectedMonth?: string;
  /** How `expected` was built, in a sentence. */
  expectedBasis: string;
  /**
   * Staging switched on now (estimates given a clock): `until` its switch-off action (ISO 8601,
   * UTC), `hours` from the clock to it (to a thousandth), `assumedHours` the assumption
   * stagingActiveHoursPerMonth, and `usd` this session costs beyond staying off (its tasks, its
   * database awake plus one pause delay), before free tiers. `expected` counts staging on for
   * the larger of `hours` and `assumedHours`.
   */
  stagingSession?: { until: string; hours: number; assumedHours: number; usd: number };
  lines: CostLine[];
  /** What could not be priced, and why. */
  unpriced: string[];
  /** Things the reader should know (regions assumed, free tiers not applied, ...). */
  notes: string[];
  /** Lines priced at another region's figures (no source for this one was found), if any. */
  borrowed?: Borrowed;
  /** `expected` / the assumption enrolledStudents: USD per enrolled student a month. */
  perEnrolledStudent: number;
  assumptions: CostAssumptions;
}

/** Options besides the assumptions. */
export interface EstimateOptions {
  /** The clock: capacity a scalable target holds now, until its first scheduled action. */
  now?: Date;
  /**
   * The region the AWS provider is configured with (`aws:region`), used when the records name
   * none (no provider record, no ARN with a region).
   */
  defaultRegion?: string;
  /**
   * Prices to use instead of model/prices/'s, by region (`--live-prices`: the AWS Price List's
   * figures, preview/live-prices.ts). A region not listed is priced from the table.
   */
  prices?: Readonly<Record<string, RegionPrices>>;
  /**
   * With the assumption freeTier: what is left of the account's always-free tiers
   * (accountFreeTier()), shared by the stacks of one account; this estimate takes its share from
   * it. Default: a whole account's, as if the stack were alone in it.
   */
  freeTierLeft?: Record<string, PerScenario>;
}
