/**
 * The cost model: a monthly estimate of a stack computed from the resources it registers (the
 * same ResourceRecords the offline preview records and the policy pack sees), not from its
 * config, so what is priced is what would be deployed.
 *
 * Three figures per stack, per month of 730 hours:
 * - floor: every ECS service at the minimum it rests at (its scalable target's minimum after
 *   all scheduled actions have run) all month, and everything else that bills by the hour;
 * - expected: the floor plus the scheduled windows: the exam windows the scheduled actions
 *   describe, in the busiest calendar month among them (so a budget holds in exam month; the
 *   month is named), and staging switched on for `stagingActiveHoursPerMonth` hours (or for
 *   the session it is switched on for now, when longer: `stagingSession`, given a clock);
 * - ceiling: every service at its largest maximum all month (staging switched on all month).
 *
 * Tasks above an on-demand base run on Fargate Spot where the capacity provider strategy says
 * so, priced at the Spot factor of the price table. Every priced item is a line with its
 * quantity, unit price and what was assumed; what could not be priced is listed, never zero.
 *
 * One idea a file:
 * - ./assumptions.ts: the usage the resources do not say (defaults, checks, the LCU derivation);
 * - ./types.ts: what an estimate is (scenarios, lines, the estimate, its options);
 * - ./records.ts: reading record inputs (typed accessors, the types priced or free, the region);
 * - ./months.ts: the month arithmetic (task-hours per scenario, the busiest month, the hours a
 *   database that pauses itself is awake);
 * - ./lines.ts: a priced line from a price table entry; each price key in words (PRICE_NAMES);
 * - ./services.ts: ECS services (task shapes, capacity splits, schedules) and their Fargate lines;
 * - ./databases.ts: RDS instances and Aurora Serverless v2 clusters;
 * - ./platform.ts: network, load balancer, file system, monitoring, secrets, and the dispatch;
 * - ./estimate.ts: the estimate (busiest month, free tiers, notes);
 * - ./format.ts: the estimate as text.
 *
 * No Pulumi imports. This index re-exports what the scripts, the preview, the pack and the
 * tests use.
 */
export {
  albLcu,
  ASSUMPTION_DESCRIPTIONS,
  BUDGET_POLICY,
  budgetAssumptions,
  DEFAULT_ASSUMPTIONS,
  LCU,
  resolveAssumptions,
  withBudgetAssumptions,
} from "./assumptions";
export type { CostAssumptions, LcuDerivation, PolicyProperties } from "./assumptions";
export { accountFreeTier, estimate } from "./estimate";
export { borrowedOf, PRICE_NAMES, priceName, RDS_INSTANCE } from "./lines";
export type { FreeTierLeft } from "./estimate";
export { borrowedNote, borrowedText, formatEstimate, usd } from "./format";
export { awakeHours } from "./months";
export { servicesOf } from "./services";
export type { ServiceSummary } from "./services";
export type {
  Borrowed,
  CostEstimate,
  CostLine,
  EstimateOptions,
  PerScenario,
  Scenario,
} from "./types";
export { perScenario, SCENARIOS } from "./types";
