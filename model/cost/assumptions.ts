/**
 * The cost model's assumptions: usage the resources do not say (students, traffic, storage,
 * staging's hours, Aurora's data and I/O), their defaults (staging's from the config schema),
 * their checks, and the load balancer capacity units derived from the workload. No Pulumi imports.
 */
import { schemaDefault } from "../config";
import { HOURS_PER_MONTH } from "../prices";

/** Usage the resources do not say, as settings. Every one is printed with the estimate. */
export interface CostAssumptions {
  /** Region to price; default: the AWS provider's region in the records, else an ARN's region. */
  region?: string;
  /**
   * Load balancer capacity units billed each hour, on average over the month. Default: derived
   * from the workload below (albLcu): the largest LCU dimension in a class hour x class hours.
   */
  albLcuPerHour?: number;
  /** Students connected at once during a class hour (seeds 000 and 002: 60). Default 60. */
  classStudents: number;
  /** Hours a month students are connected (4 h on 20 weekdays). Default 80. */
  classHoursPerMonth: number;
  /** HTTP requests per connected student per hour (saves, listings, runs). Default 120. */
  requestsPerStudentHour: number;
  /** MB a connected student's WebSocket (terminal, REPL) moves per hour, both ways. Default 5. */
  websocketMbPerStudentHour: number;
  /** Students enrolled, for the cost per enrolled student a month (seed 002: 100+). Default 100. */
  enrolledStudents: number;
  /** Apply the account's always-free tiers (CloudWatch alarms, dashboards, logs). Default false. */
  freeTier: boolean;
  /** GB processed by all NAT gateways together per month. Default 10. */
  natGbPerMonth: number;
  /** GB processed per interface endpoint per month. Default 1. */
  endpointGbPerMonth: number;
  /** GB stored in each EFS file system (Standard class). Default 10. */
  efsStoredGb: number;
  /** GB read through each EFS file system per month (Elastic throughput). Default 10. */
  efsElasticReadGbPerMonth: number;
  /** GB written through each EFS file system per month (Elastic throughput). Default 5. */
  efsElasticWriteGbPerMonth: number;
  /** GB ingested into each CloudWatch log group per month. Default 1. */
  logGbIngestedPerGroupPerMonth: number;
  /** RDS backup storage beyond the free amount (equal to the provisioned size), GB. Default 0. */
  rdsBackupGbAboveFree: number;
  /** Hours a month staging is switched on (seed 002: "~10 hours/month"). Default 10. */
  stagingActiveHoursPerMonth: number;
  /**
   * Tasks staging runs while on, when the records show it off. Default: the config default of
   * `activeTasks`.
   */
  stagingActiveTasks: number;
  /**
   * The most tasks staging runs while on (its ceiling, all month), when the records show it off;
   * while on, the recorded maximum. Default: the config default of `maxTasks`.
   */
  stagingMaxTasks: number;
  /**
   * Times a month staging is switched on: each session ends with the pause delay, when its
   * database is awake without tasks. Default 10 (seed 002: ~10 hours a month in sessions of 1-2
   * hours, so at most 10).
   */
  stagingSessionsPerMonth: number;
  /** GB stored in each Aurora cluster (its data; Aurora bills what is used). Default 1. */
  auroraStoredGb: number;
  /** Million I/O requests an Aurora cluster makes per hour it is awake. Default 0.1. */
  auroraIoMillionsPerAwakeHour: number;
  /** Price the windows of this calendar month (`YYYY-MM`) instead of the busiest one. */
  expectedMonth?: string;
}

/** The defaults; staging's come from the config schema, where they are decided. */
export const DEFAULT_ASSUMPTIONS: Readonly<CostAssumptions> = {
  classStudents: 60,
  classHoursPerMonth: 80,
  requestsPerStudentHour: 120,
  websocketMbPerStudentHour: 5,
  enrolledStudents: 100,
  freeTier: false,
  natGbPerMonth: 10,
  endpointGbPerMonth: 1,
  efsStoredGb: 10,
  efsElasticReadGbPerMonth: 10,
  efsElasticWriteGbPerMonth: 5,
  logGbIngestedPerGroupPerMonth: 1,
  rdsBackupGbAboveFree: 0,
  stagingActiveHoursPerMonth: 10,
  stagingActiveTasks: Number(schemaDefault("activeTasks", "staging")),
  stagingMaxTasks: Number(schemaDefault("maxTasks", "staging")),
  stagingSessionsPerMonth: 10,
  auroraStoredGb: 1,
  auroraIoMillionsPerAwakeHour: 0.1,
};

/**
 * The policy that judges the estimate (policy-pack/policies/cost.ts). Its `assumptions` config is
 * the one source of a run's assumptions: the policy prices with it, and the offline preview prints
 * its estimates with it (budgetAssumptions), so what is printed is what the policy judges.
 */
export const BUDGET_POLICY = "monthly-budget";

/** A policy config as a pack is configured with it: per policy, its properties. */
export type PolicyProperties = Readonly<Record<string, { properties?: Record<string, unknown> }>>;

/**
 * The assumptions a policy config gives: the BUDGET_POLICY's `assumptions` property, or none. Not
 * checked here: estimate() checks them (resolveAssumptions) and names a bad one.
 */
export function budgetAssumptions(config: PolicyProperties): Partial<CostAssumptions> {
  const given = config[BUDGET_POLICY]?.properties?.assumptions;
  return isPlainObject(given) ? (given as Partial<CostAssumptions>) : {};
}

/**
 * The policy config with `extra` assumptions added to the BUDGET_POLICY's own (`--free-tier`:
 * `{ freeTier: true }`), so the policy judges with them too. A config whose `assumptions` is not
 * an object is returned as it is, for the config's check to name.
 */
export function withBudgetAssumptions<C extends PolicyProperties>(
  config: C,
  extra: Partial<CostAssumptions>,
): C {
  if (Object.keys(extra).length === 0) return config;
  const policy = config[BUDGET_POLICY] ?? {};
  const given = policy.properties?.assumptions ?? {};
  if (!isPlainObject(given)) return config;
  const assumptions = { ...(given as object), ...extra };
  return {
    ...config,
    [BUDGET_POLICY]: { ...policy, properties: { ...policy.properties, assumptions } },
  };
}

const isPlainObject = (v: unknown): boolean =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** One line per assumption, for printing. */
export const ASSUMPTION_DESCRIPTIONS: Readonly<Record<keyof CostAssumptions, string>> = {
  region: "region priced (default: the AWS provider's region in the records)",
  albLcuPerHour: "load balancer capacity units per hour (default: derived from the workload)",
  classStudents: "students connected at once in a class hour (load balancer)",
  classHoursPerMonth: "hours a month students are connected (load balancer)",
  requestsPerStudentHour: "HTTP requests per connected student per hour (load balancer)",
  websocketMbPerStudentHour: "WebSocket MB per connected student per hour (load balancer)",
  enrolledStudents: "students enrolled (cost per enrolled student)",
  freeTier: "apply the account's always-free tiers",
  natGbPerMonth: "GB through NAT gateways per month",
  endpointGbPerMonth: "GB through each interface endpoint per month",
  efsStoredGb: "GB stored per EFS file system",
  efsElasticReadGbPerMonth: "GB read per EFS file system per month (Elastic)",
  efsElasticWriteGbPerMonth: "GB written per EFS file system per month (Elastic)",
  logGbIngestedPerGroupPerMonth: "GB ingested per log group per month",
  rdsBackupGbAboveFree: "RDS backup GB beyond the free provisioned size",
  stagingActiveHoursPerMonth: "hours staging is switched on per month (seed 002)",
  stagingActiveTasks: "tasks staging runs while on (when the records show it off)",
  stagingMaxTasks: "most tasks staging runs while on, its ceiling (when the records show it off)",
  stagingSessionsPerMonth: "times a month staging is switched on (seed 002)",
  auroraStoredGb: "GB stored per Aurora cluster",
  auroraIoMillionsPerAwakeHour: "million Aurora I/O requests per hour awake",
  expectedMonth: "month whose windows 'expected' prices (default: the busiest)",
};

/** Checks assumption values; an impossible one is an error naming it. */
export function resolveAssumptions(overrides: Partial<CostAssumptions> = {}): CostAssumptions {
  const a: CostAssumptions = { ...DEFAULT_ASSUMPTIONS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) (a as unknown as Record<string, unknown>)[key] = value;
  }
  const problems: string[] = [];
  for (const [key, value] of Object.entries(a)) {
    if (!(key in ASSUMPTION_DESCRIPTIONS)) {
      problems.push(
        `unknown cost assumption "${key}": known ones are ${Object.keys(ASSUMPTION_DESCRIPTIONS).join(", ")}`,
      );
    } else if (value === undefined) {
      continue;
    } else if (
      key === "albLcuPerHour" ||
      typeof (DEFAULT_ASSUMPTIONS as Record<string, unknown>)[key] === "number"
    ) {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        problems.push(`cost assumption ${key} is ${JSON.stringify(value)}: must be a number >= 0`);
      }
    } else if (key === "freeTier") {
      if (typeof value !== "boolean") {
        problems.push(`cost assumption ${key} is ${JSON.stringify(value)}: must be true or false`);
      }
    } else if (typeof value !== "string") {
      problems.push(`cost assumption ${key} is ${JSON.stringify(value)}: must be text`);
    }
  }
  if (a.stagingActiveHoursPerMonth > HOURS_PER_MONTH) {
    problems.push(
      `cost assumption stagingActiveHoursPerMonth is ${a.stagingActiveHoursPerMonth}: a month has ${HOURS_PER_MONTH} hours`,
    );
  }
  if (a.classHoursPerMonth > HOURS_PER_MONTH) {
    problems.push(
      `cost assumption classHoursPerMonth is ${a.classHoursPerMonth}: a month has ${HOURS_PER_MONTH} hours`,
    );
  }
  if (a.expectedMonth !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(a.expectedMonth)) {
    problems.push(`cost assumption expectedMonth is "${a.expectedMonth}": must be YYYY-MM`);
  }
  if (problems.length > 0) throw new Error(problems.join("; "));
  return a;
}

/**
 * ALB capacity-unit dimensions (AWS ELB pricing page): an LCU is 25 new connections a second,
 * 3,000 active connections a minute, 1 GB processed an hour or 1,000 rule evaluations a second
 * (the first 10 rules of a request are free); each hour bills the largest.
 */
export const LCU = {
  newConnectionsPerSecond: 25,
  activeConnectionsPerMinute: 3000,
  gbPerHour: 1,
  ruleEvaluationsPerSecond: 1000,
} as const;

/** The load balancer's capacity units, from the workload or the albLcuPerHour override. */
export interface LcuDerivation {
  /** LCU billed in one class hour (the largest dimension). */
  perClassHour: number;
  /** LCU-hours a month. */
  perMonth: number;
  /** perMonth / 730: the average LCU an hour. */
  perHour: number;
  /** The arithmetic, in words, for the estimate and the README. */
  text: string;
}

/**
 * LCU-hours a month from the workload: in a class hour, `classStudents` each make
 * `requestsPerStudentHour` requests (counted as new connections, an upper bound without
 * keep-alive), hold one WebSocket (an active connection) and move `websocketMbPerStudentHour`
 * MB; the rules a request meets stay within the 10 free ones. Outside class hours the load
 * balancer carries health checks only (counted as 0). `albLcuPerHour` overrides the result.
 */
export function albLcu(a: CostAssumptions): LcuDerivation {
  if (a.albLcuPerHour !== undefined) {
    return {
      perClassHour: a.albLcuPerHour,
      perMonth: a.albLcuPerHour * HOURS_PER_MONTH,
      perHour: a.albLcuPerHour,
      text: `${a.albLcuPerHour} LCU every hour (assumption albLcuPerHour)`,
    };
  }
  const n = a.classStudents;
  const perSecond = (n * a.requestsPerStudentHour) / 3600;
  const gb = (n * a.websocketMbPerStudentHour) / 1000;
  const dims: [string, number][] = [
    [
      `new connections ${fmt(perSecond)}/s / ${LCU.newConnectionsPerSecond}`,
      perSecond / LCU.newConnectionsPerSecond,
    ],
    [
      `active connections ${n}/min / ${LCU.activeConnectionsPerMinute}`,
      n / LCU.activeConnectionsPerMinute,
    ],
    [`processed ${fmt(gb)} GB/h / ${LCU.gbPerHour}`, gb / LCU.gbPerHour],
    [`rule evaluations within the 10 free a request / ${LCU.ruleEvaluationsPerSecond}`, 0],
  ];
  const perClassHour = Math.max(...dims.map(([, v]) => v));
  const perMonth = perClassHour * a.classHoursPerMonth;
  return {
    perClassHour,
    perMonth,
    perHour: perMonth / HOURS_PER_MONTH,
    text:
      `${n} students connected at once x ${a.requestsPerStudentHour} requests/h and ${a.websocketMbPerStudentHour} MB/h each: ` +
      `max(${dims.map(([d, v]) => `${d} = ${fmt(v)}`).join("; ")}) = ${fmt(perClassHour)} LCU a class hour x ${a.classHoursPerMonth} h ` +
      "(assumptions classStudents, requestsPerStudentHour, websocketMbPerStudentHour, classHoursPerMonth; albLcuPerHour overrides)",
  };
}

/** Up to four significant digits. */
export function fmt(v: number): string {
  return String(Number(v.toPrecision(4)));
}
