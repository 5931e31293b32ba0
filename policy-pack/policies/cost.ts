/**
 * Cost: the stack's expected month (model/cost/, priced from the same resources the pack is
 * shown) must stay under a budget.
 *
 * Enforcement: CrossGuard gives a policy one level per pack configuration, and a policy cannot
 * raise its own level, so "advisory by default, mandatory when a budget is set" is expressed in
 * the configuration:
 * - out of the box the policy runs at the level the pack assembles it with (advisory) against
 *   the default budget (DEFAULT_BUDGET_USD): a heads-up, never a refusal;
 * - a team that sets its budget sets the level with it, in the same object of the policy config
 *   (`pulumi preview --policy-pack-config`, or the offline preview's `--policy-config`):
 *   `{"monthly-budget": {"enforcementLevel": "mandatory", "budgetUsd": 150}}`, or per stack with
 *   `budgetsUsd: {"prod": 150, "staging": 10, "exam": 60}`.
 * The violation message says which of the two it is.
 */
import { PolicyConfigSchema, PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import {
  ASSUMPTION_DESCRIPTIONS,
  BUDGET_POLICY,
  CostAssumptions,
  CostEstimate,
  estimate,
  Scenario,
  usd,
} from "../../model/cost";
import { ResourceRecord } from "../../model/records";
import { clock, settings, snapshot } from "./common";

/** The budget the policy checks against when none is configured: a heads-up level. */
export const DEFAULT_BUDGET_USD = 200;

const budgetSchema: PolicyConfigSchema = {
  properties: {
    budgetUsd: {
      type: "number",
      minimum: 0,
      default: DEFAULT_BUDGET_USD,
      description: `Monthly budget in USD for any stack without its own in budgetsUsd (default ${DEFAULT_BUDGET_USD}, a heads-up; set it with enforcementLevel mandatory to make it a limit).`,
    },
    budgetsUsd: {
      type: "object",
      additionalProperties: { type: "number", minimum: 0 },
      default: {},
      description:
        'Monthly budget in USD per stack name, e.g. {"prod": 150, "staging": 10, "exam": 60}; overrides budgetUsd.',
    },
    scenario: {
      type: "string",
      enum: ["expected", "ceiling"],
      default: "expected",
      description:
        "Which month must fit: expected (the floor plus scheduled windows in the busiest month and staging's active hours) or ceiling (every service at its maximum all month).",
    },
    assumptions: {
      type: "object",
      default: {},
      description: `Cost model assumptions to override (model/cost/), e.g. {"classStudents": 120} or {"freeTier": true}. Known: ${Object.keys(ASSUMPTION_DESCRIPTIONS).join(", ")}.`,
    },
  },
};

interface BudgetConfig {
  budgetUsd: number;
  budgetsUsd: Record<string, number>;
  scenario: Exclude<Scenario, "floor">;
  assumptions: Partial<CostAssumptions>;
}

/** The stack's resources as the cost model reads them (ResourceRecords), with the provider. */
export function recordsOf(resources: PolicyResource[]): ResourceRecord[] {
  const records: ResourceRecord[] = [];
  const providers = new Map<string, ResourceRecord>();
  for (const r of resources) {
    records.push({
      type: r.type,
      name: r.name,
      urn: r.urn,
      parent: r.parent?.urn,
      inputs: (snapshot(r.props, true) as Record<string, unknown>) ?? {},
      custom: r.type.startsWith("aws:"),
      dependencies: (r.dependencies ?? []).map((d) => d.urn),
      propertyDependencies: Object.fromEntries(
        Object.entries(r.propertyDependencies ?? {}).map(([k, v]) => [k, v.map((d) => d.urn)]),
      ),
    });
    const p = r.provider;
    if (p && p.type === "pulumi:providers:aws" && !providers.has(p.urn)) {
      providers.set(p.urn, {
        type: p.type,
        name: p.name,
        urn: p.urn,
        inputs: (snapshot(p.props, true) as Record<string, unknown>) ?? {},
        custom: true,
      });
    }
  }
  const listed = new Set(records.map((r) => r.urn));
  for (const [urn, p] of providers) if (!listed.has(urn)) records.unshift(p);
  return records;
}

/** The stack name in a URN (`urn:pulumi:<stack>::<project>::...`). */
export function stackOf(urn: string): string | undefined {
  return /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
}

/** The three largest lines of a scenario, for the message. */
function largest(e: CostEstimate, scenario: Scenario): string {
  return [...e.lines]
    .sort((a, b) => b.monthly[scenario] - a.monthly[scenario])
    .slice(0, 3)
    .map((l) => `${l.resource} ${l.item} ${usd(l.monthly[scenario])}`)
    .join("; ");
}

/** The stack's expected (or, with scenario ceiling, ceiling) month must stay under the budget in the policy config. */
export const monthlyBudget: StackValidationPolicy = {
  name: BUDGET_POLICY,
  description:
    "The stack's estimated month (model/cost/) must stay under the budget in the policy config: by default the expected month (the floor plus scheduled windows in the busiest month plus staging's active hours), with scenario ceiling every service at its maximum all month.",
  remediationSteps:
    "Run the offline preview to see the cost breakdown line by line; then lower maxTasks/minTasks, use smaller tasks or ARM64, Spot above an on-demand base (spot-with-base), fewer NAT gateways (natStrategy none), a smaller dbInstanceClass, or raise the budget (budgetUsd / budgetsUsd in the monthly-budget policy config).",
  configSchema: budgetSchema,
  validateStack: (args, report) => {
    const cfg = settings<BudgetConfig>(budgetSchema, args);
    const stack = args.resources.map((r) => stackOf(r.urn)).find((s) => s !== undefined) ?? "";
    const own = cfg.budgetsUsd?.[stack];
    const budget = own ?? cfg.budgetUsd;
    const configured = own !== undefined || cfg.budgetUsd !== DEFAULT_BUDGET_USD;
    const scenario = cfg.scenario ?? "expected";
    let e: CostEstimate;
    try {
      e = estimate(recordsOf(args.resources), cfg.assumptions ?? {}, { now: clock() });
    } catch (err) {
      report(
        `Stack '${stack}' must have a cost estimate to check against its budget of ${usd(budget)}; the estimate failed: ${(err as Error).message}.`,
      );
      return;
    }
    const value = e[scenario];
    if (value <= budget) return;
    const which = configured
      ? `the budget ${usd(budget)}`
      : `the default budget ${usd(budget)} (a heads-up: set budgetUsd or budgetsUsd.${stack || "<stack>"} with enforcementLevel mandatory to make your own budget a limit)`;
    const month = e.expectedMonth ? `, windows of ${e.expectedMonth}` : "";
    const unpriced =
      e.unpriced.length > 0 ? ` ${e.unpriced.length} item(s) could not be priced.` : "";
    report(
      `Stack '${stack}' ${scenario} month ${usd(value)} (${e.region}${scenario === "expected" ? month : ""}) must stay under ${which}; largest items: ${largest(e, scenario)}. Floor ${usd(e.floor)}, expected ${usd(e.expected)}, ceiling ${usd(e.ceiling)}.${unpriced}`,
    );
  },
};
