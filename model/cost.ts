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
 *   month is named), and staging switched on for `stagingActiveHoursPerMonth` hours;
 * - ceiling: every service at its largest maximum all month (staging switched on all month).
 *
 * Tasks above an on-demand base run on Fargate Spot where the capacity provider strategy says
 * so, priced at the Spot factor of the price table. Every priced item is a line with its
 * quantity, unit price and what was assumed; what could not be priced is listed, never zero.
 *
 * No Pulumi imports.
 */
import { schemaDefault } from "./config";
import { CpuArchitecture, memoryGb, parseTaskCpu, parseTaskMemory, vcpus } from "./fargate";
import { GraphResource, LOAD_BALANCER_TYPES, ResourceGraph, TYPES } from "./graph";
import { PRICED_DB_ENGINES } from "./rds";
import { ResourceRecord } from "./records";
import {
  HOURS_PER_MONTH,
  PriceKey,
  pricesFor,
  RDS_MULTI_AZ_FACTOR,
  rdsInstancePrice,
  RegionPrices,
} from "./prices";
import { isAtSchedule, parseAtExpression } from "./schedule";
import { monthBounds, monthOf } from "./time";

// ---------------------------------------------------------------------------------------------
// Assumptions

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
      `${n} students x ${a.requestsPerStudentHour} requests/h and ${a.websocketMbPerStudentHour} MB/h each: ` +
      `max(${dims.map(([d, v]) => `${d} = ${fmt(v)}`).join("; ")}) = ${fmt(perClassHour)} LCU a class hour x ${a.classHoursPerMonth} h ` +
      "(assumptions classStudents, requestsPerStudentHour, websocketMbPerStudentHour, classHoursPerMonth; albLcuPerHour overrides)",
  };
}

/** Up to four significant digits. */
function fmt(v: number): string {
  return String(Number(v.toPrecision(4)));
}

// ---------------------------------------------------------------------------------------------
// Output

export type Scenario = "floor" | "expected" | "ceiling";
export type PerScenario = Record<Scenario, number>;

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
  /** The price table entry (model/prices.ts), or `rds.instance.<class>`. */
  priceKey: string;
  /** Set when the unit price is another region's (no source for this region was found). */
  assumedFrom?: string;
}

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
  lines: CostLine[];
  /** What could not be priced, and why. */
  unpriced: string[];
  /** Things the reader should know (regions assumed, free tiers not applied, ...). */
  notes: string[];
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
   * Prices to use instead of model/prices.ts's, by region (`--live-prices`: the AWS Price List's
   * figures, preview/live-prices.ts). A region not listed is priced from the table.
   */
  prices?: Readonly<Record<string, RegionPrices>>;
}

// ---------------------------------------------------------------------------------------------
// Reading records

type Props = Record<string, unknown>;

const T = {
  taskDefinition: TYPES.taskDefinition,
  service: TYPES.service,
  target: TYPES.scalableTarget,
  scheduledAction: TYPES.scheduledAction,
  lb: LOAD_BALANCER_TYPES,
  vpc: "awsx:ec2:Vpc",
  natGateway: "aws:ec2/natGateway:NatGateway",
  eip: "aws:ec2/eip:Eip",
  endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
  rds: TYPES.rdsInstance,
  cluster: TYPES.rdsCluster,
  clusterInstance: TYPES.rdsClusterInstance,
  efs: TYPES.efs,
  alarm: TYPES.alarm,
  dashboard: "aws:cloudwatch/dashboard:Dashboard",
  logGroup: TYPES.logGroup,
  secret: "aws:secretsmanager/secret:Secret",
} as const;

/** Types that bill nothing by themselves (or whose cost is priced on another record). */
const FREE = [
  /^pulumi:/,
  /^random:/,
  /^aws:iam\//,
  /^aws:ec2\/(securityGroup|securityGroupRule|subnet|routeTable|route|routeTableAssociation|internetGateway|vpc|defaultSecurityGroup|defaultRouteTable|mainRouteTableAssociation)(:|$)/,
  /^aws:vpc\/securityGroup(Ingress|Egress)Rule:/,
  /^aws:(lb|alb)\/(targetGroup|listener|listenerRule|targetGroupAttachment):/,
  /^aws:ecs\/(cluster|clusterCapacityProviders):/,
  /^aws:appautoscaling\/policy:/,
  /^aws:sns\/(topic|topicSubscription|topicPolicy):/,
  /^aws:efs\/(mountTarget|accessPoint|backupPolicy|fileSystemPolicy):/,
  /^aws:rds\/(subnetGroup|parameterGroup|optionGroup):/,
  /^aws:cloudwatch\/logMetricFilter:/,
  /^aws:secretsmanager\/(secretVersion|secretPolicy|secretRotation):/,
  /^aws:acm\/certificateValidation:/,
  /^aws:route53\/record:/,
];

const num = (v: unknown): number | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const obj = (v: unknown): Props | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Props) : undefined;
const arr = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
const tagsOf = (r: ResourceRecord): Props => obj(r.inputs.tags) ?? {};

const REGION_IN_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-gov)?-[a-z]+-\d):/;

/**
 * The region: the assumption, else the AWS provider record's, else the configured provider
 * region (`aws:region`), else the region of the first ARN among the inputs.
 */
function regionOf(records: ResourceRecord[], assumed?: string, configured?: string): string {
  if (assumed) return assumed;
  for (const r of records) {
    if (r.type === "pulumi:providers:aws") {
      const region = str(r.inputs.region);
      if (region) return region;
    }
  }
  if (configured) return configured;
  const visit = (v: unknown): string | undefined => {
    if (typeof v === "string") return REGION_IN_ARN.exec(v)?.[1];
    if (Array.isArray(v)) {
      for (const x of v) {
        const found = visit(x);
        if (found) return found;
      }
    } else if (v !== null && typeof v === "object") {
      for (const x of Object.values(v)) {
        const found = visit(x);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const r of records) {
    const found = visit(r.inputs);
    if (found) return found;
  }
  throw new Error(
    `cannot tell which region to price: no AWS provider region and no ARN with a region among ${records.length} resources; pass the region assumption`,
  );
}

// ---------------------------------------------------------------------------------------------
// Months

/** Hours of [from, to) that fall inside `month` in `zone`. */
function hoursIn(from: number, to: number, month: string, zone: string): number {
  const [a, b] = monthBounds(month, zone);
  return Math.max(0, Math.min(to, b) - Math.max(from, a)) / 3_600_000;
}

// ---------------------------------------------------------------------------------------------
// Services

interface TaskShape {
  cpuUnits: number;
  memoryMib: number;
  arch: CpuArchitecture;
  ephemeralGbAboveFree: number;
}

/** Tasks on each kind of capacity. */
interface Split {
  onDemand: number;
  spot: number;
}

/** A period during which a service's minimum differs from where it rests. */
interface Segment {
  from: number;
  to: number;
  tasks: number;
}

interface ServiceModel {
  record: ResourceRecord;
  /** Its scalable target, if any. */
  target?: ResourceRecord;
  task?: TaskShape;
  staging: boolean;
  publicIp: boolean;
  /** Tasks -> tasks on on-demand and on Spot. */
  split: (tasks: number) => Split;
  /** Minimum after every scheduled action has run. */
  restingMin: number;
  /** The largest maximum it can reach. */
  maxEver: number;
  /** Scheduled periods above the resting minimum (exam windows). */
  segments: Segment[];
  /** Tasks while staging is on. */
  stagingTasks: number;
  /** Staging only: the records show it switched on (a minimum above where it rests). */
  recordedActive: boolean;
  /** Time zone the schedule's months are counted in. */
  zone: string;
  describe: string;
}

function taskShape(td: ResourceRecord, problems: string[]): TaskShape | undefined {
  const cpu = parseTaskCpu(td.inputs.cpu);
  const mem = parseTaskMemory(td.inputs.memory);
  if (cpu === undefined || mem === undefined) {
    problems.push(
      `task definition ${td.name}: cpu ${JSON.stringify(td.inputs.cpu)} / memory ${JSON.stringify(td.inputs.memory)} not known, so its tasks are not priced`,
    );
    return undefined;
  }
  const arch = str(obj(td.inputs.runtimePlatform)?.cpuArchitecture) ?? "X86_64";
  if (arch !== "X86_64" && arch !== "ARM64") {
    problems.push(`task definition ${td.name}: CPU architecture "${arch}" has no Fargate price`);
    return undefined;
  }
  const ephemeral = num(obj(td.inputs.ephemeralStorage)?.sizeInGib) ?? 20;
  return {
    cpuUnits: cpu,
    memoryMib: mem,
    arch,
    ephemeralGbAboveFree: Math.max(0, ephemeral - 20),
  };
}

/**
 * The capacity split of a service: each provider's `base` first, then the rest by `weight`.
 * Tasks on a capacity provider other than FARGATE / FARGATE_SPOT (EC2 capacity, billed by its
 * instances) are left out of both and reported.
 */
function splitter(service: ResourceRecord, problems: string[]): (n: number) => Split {
  const strategies = (arr(service.inputs.capacityProviderStrategies) ?? [])
    .map(obj)
    .filter((s): s is Props => s !== undefined);
  if (strategies.length === 0) {
    const launchType = str(service.inputs.launchType) ?? "FARGATE";
    if (launchType !== "FARGATE") {
      problems.push(
        `service ${service.name}: launch type ${launchType} is not Fargate (its instances bill, not its tasks); its tasks are not priced`,
      );
      return () => ({ onDemand: 0, spot: 0 });
    }
    return (n) => ({ onDemand: n, spot: 0 });
  }
  const kinds = strategies.map((s) => {
    const provider = str(s.capacityProvider) ?? "";
    if (provider !== "FARGATE" && provider !== "FARGATE_SPOT") {
      problems.push(
        `service ${service.name}: tasks on capacity provider "${provider}" are not Fargate; they are not priced`,
      );
    }
    return {
      kind: provider === "FARGATE_SPOT" ? "spot" : provider === "FARGATE" ? "onDemand" : "other",
      base: num(s.base) ?? 0,
      weight: num(s.weight) ?? 0,
    } as const;
  });
  const totalWeight = kinds.reduce((s, k) => s + k.weight, 0);
  return (n) => {
    const out = { onDemand: 0, spot: 0, other: 0 };
    let rest = n;
    for (const k of kinds) {
      const b = Math.min(rest, k.base);
      out[k.kind] += b;
      rest -= b;
    }
    for (const k of kinds) out[k.kind] += totalWeight > 0 ? (rest * k.weight) / totalWeight : 0;
    return { onDemand: out.onDemand, spot: out.spot };
  };
}

interface Action {
  at: number;
  min?: number;
  max?: number;
  zone: string;
}

function parseAction(a: ResourceRecord, problems: string[]): Action | undefined {
  const schedule = str(a.inputs.schedule) ?? "";
  const zone = str(a.inputs.timezone) ?? "UTC";
  const target = obj(a.inputs.scalableTargetAction) ?? {};
  const min = num(target.minCapacity);
  const max = num(target.maxCapacity);
  if (!isAtSchedule(schedule)) {
    problems.push(
      `scheduled action ${a.name}: schedule ${JSON.stringify(schedule)} is not a one-time at(...) schedule; only its maximum counts (in the ceiling)`,
    );
    return undefined;
  }
  const when = parseAtExpression(schedule, zone);
  if (!when) {
    problems.push(
      `scheduled action ${a.name}: cannot read the time in ${JSON.stringify(schedule)} (${zone}); not priced`,
    );
    return undefined;
  }
  return { at: when.getTime(), min, max, zone };
}

/** A record as the resource graph reads it. */
interface RecordNode extends GraphResource {
  record: ResourceRecord;
}

/**
 * The records' resource graph (model/graph.ts): their inputs are the props, an unknown left out
 * of the records reads as unknown where a property dependency says where it comes from.
 */
function recordGraph(records: ResourceRecord[]): ResourceGraph<RecordNode> {
  return new ResourceGraph(
    records.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      props: r.inputs,
      dependencies: r.dependencies,
      propertyDependencies: r.propertyDependencies,
      record: r,
    })),
  );
}

function isStaging(r: ResourceRecord): boolean {
  const env = str(tagsOf(r).Environment);
  return env !== undefined ? env.toLowerCase() === "staging" : /^staging\b/i.test(r.name);
}

function modelServices(
  records: ResourceRecord[],
  a: CostAssumptions,
  problems: string[],
  now?: Date,
): ServiceModel[] {
  const graph = recordGraph(records);
  const usedTargets = new Set<ResourceRecord>();

  const models = graph.services().map((node): ServiceModel => {
    const svc = node.record;
    const view = graph.service(node);
    const td = view.taskDefinition?.resource.record;
    if (!td) {
      problems.push(
        `service ${svc.name}: task definition ${JSON.stringify(svc.inputs.taskDefinition)} is not among the resources, so its tasks are not priced`,
      );
    }
    const task = td ? taskShape(td, problems) : undefined;
    const targetNode = view.targetLink === "yes" ? view.targets[0] : undefined;
    const target = targetNode?.record;
    const staging = isStaging(svc);
    const publicIp = obj(svc.inputs.networkConfiguration)?.assignPublicIp === true;
    const split = splitter(svc, problems);
    let restingMin: number;
    let maxEver: number;
    let registeredMin: number;
    const segments: Segment[] = [];
    let zone = "UTC";
    let describe: string;
    if (!target) {
      const desired = num(svc.inputs.desiredCount);
      if (desired === undefined) {
        problems.push(
          `service ${svc.name}: no scalable target and no desiredCount, so it is priced at 0 tasks`,
        );
      }
      restingMin = maxEver = registeredMin = desired ?? 0;
      describe = `${restingMin} tasks (desiredCount, no autoscaling)`;
    } else {
      usedTargets.add(target);
      const min = num(target.inputs.minCapacity);
      const max = num(target.inputs.maxCapacity);
      if (min === undefined || max === undefined) {
        problems.push(
          `scalable target ${target.name}: minCapacity/maxCapacity not known, so ${svc.name} is priced at 0 tasks`,
        );
      }
      registeredMin = min ?? 0;
      const mine = (view.actions.get(targetNode!) ?? [])
        .filter((x) => x.link === "yes" && x.resource.type === T.scheduledAction)
        .map((x) => x.resource.record);
      // Every bound any action sets counts towards the ceiling, even one we cannot place in time.
      maxEver = Math.max(
        max ?? 0,
        min ?? 0,
        ...mine.map((x) => num(obj(x.inputs.scalableTargetAction)?.maxCapacity) ?? 0),
        ...mine.map((x) => num(obj(x.inputs.scalableTargetAction)?.minCapacity) ?? 0),
      );
      const steps = mine
        .map((x) => parseAction(x, problems))
        .filter((x): x is Action => x !== undefined)
        .sort((p, q) => p.at - q.at);
      zone = steps[0]?.zone ?? "UTC";
      // Walk the schedule: the state after each action holds until the next one.
      let state = registeredMin;
      const states = steps.map((s) => {
        state = s.min ?? state;
        return state;
      });
      restingMin = states.length > 0 ? states[states.length - 1] : registeredMin;
      steps.forEach((s, i) => {
        if (i + 1 < steps.length && states[i] > restingMin) {
          segments.push({ from: s.at, to: steps[i + 1].at, tasks: states[i] });
        }
      });
      if (now && !staging && steps.length > 0 && registeredMin > restingMin) {
        segments.unshift({ from: now.getTime(), to: steps[0].at, tasks: registeredMin });
      }
      describe =
        steps.length > 0
          ? `${restingMin} to ${maxEver} tasks, ${steps.length} scheduled actions`
          : `${restingMin} to ${maxEver} tasks (autoscaling)`;
    }
    const stagingTasks = staging
      ? registeredMin > restingMin
        ? registeredMin
        : Math.max(restingMin, a.stagingActiveTasks)
      : 0;
    // One rule for staging's ceiling, on or off: on all month at the most it runs while on (its
    // maxTasks: the recorded maximum while on, the assumption stagingMaxTasks while off).
    const recordedActive = staging && registeredMin > restingMin;
    if (staging) {
      maxEver = Math.max(maxEver, stagingTasks, recordedActive ? 0 : a.stagingMaxTasks);
    }
    return {
      record: svc,
      target,
      task,
      staging,
      publicIp,
      split,
      restingMin,
      maxEver,
      segments,
      stagingTasks,
      recordedActive,
      zone,
      describe,
    };
  });
  for (const t of graph.ofType(T.target).filter((x) => graph.isEcsServiceScaler(x))) {
    if (!usedTargets.has(t.record) && String(t.record.inputs.resourceId).startsWith("service/")) {
      problems.push(
        `scalable target ${t.name}: ${JSON.stringify(t.record.inputs.resourceId)} matches no ECS service among the resources; not priced`,
      );
    }
  }
  return models;
}

/** Task-hours per month on each kind of capacity, per scenario. */
function serviceHours(
  s: ServiceModel,
  a: CostAssumptions,
  month?: string,
): Record<Scenario, Split> {
  const hours = (tasks: number, h: number): Split => {
    const x = s.split(tasks);
    return { onDemand: x.onDemand * h, spot: x.spot * h };
  };
  const add = (p: Split, q: Split): Split => ({
    onDemand: p.onDemand + q.onDemand,
    spot: p.spot + q.spot,
  });
  const floor = hours(s.restingMin, HOURS_PER_MONTH);
  let expected = floor;
  if (s.staging) {
    const h = a.stagingActiveHoursPerMonth;
    expected = add(hours(s.restingMin, HOURS_PER_MONTH - h), hours(s.stagingTasks, h));
  } else if (month) {
    const parts = s.segments
      .map((seg) => ({ tasks: seg.tasks, h: hoursIn(seg.from, seg.to, month, s.zone) }))
      .filter((p) => p.h > 0);
    const windowHours = parts.reduce((sum, p) => sum + p.h, 0);
    // A month raised throughout (longer than 730 h) is counted as 730 h, like every month.
    const k = windowHours > HOURS_PER_MONTH ? HOURS_PER_MONTH / windowHours : 1;
    expected = parts.reduce(
      (sum, p) => add(sum, hours(p.tasks, p.h * k)),
      hours(s.restingMin, HOURS_PER_MONTH - windowHours * k),
    );
  }
  return { floor, expected, ceiling: hours(s.maxEver, HOURS_PER_MONTH) };
}

/** Months touched by scheduled windows, in the zone of each service's schedule. */
function candidateMonths(services: ServiceModel[]): string[] {
  const months = new Set<string>();
  for (const s of services) {
    if (s.staging) continue;
    for (const seg of s.segments) {
      let t = seg.from;
      while (t < seg.to) {
        const m = monthOf(t, s.zone);
        months.add(m);
        t = monthBounds(m, s.zone)[1];
      }
    }
  }
  return [...months].sort();
}

/** What a stack's ECS services can run, read from its records (for the capacity planner). */
export interface ServiceSummary {
  /** Logical name of the service. */
  name: string;
  /** Task CPU units, when known. */
  cpuUnits?: number;
  /** Task memory in MiB, when known. */
  memoryMib?: number;
  /** Whether it is a staging service (Environment tag). */
  staging: boolean;
  /** Tasks it rests at (the floor). */
  floorTasks: number;
  /** Most tasks its schedule raises the floor to (exam windows; staging while on). */
  peakTasks: number;
  /** Most tasks it may run (the ceiling). */
  maxTasks: number;
  /** The CPU target of its target-tracking policy, when it has one. */
  cpuTargetPercent?: number;
}

/** The ECS services of a stack, as the estimate reads them. */
export function servicesOf(
  records: ResourceRecord[],
  assumptions: Partial<CostAssumptions> = {},
): ServiceSummary[] {
  const a = resolveAssumptions(assumptions);
  const graph = recordGraph(records);
  return modelServices(records, a, []).map((s) => {
    const target = graph.ofType(T.target).find((t) => t.record === s.target);
    const cpuTarget = (target ? graph.actionsOn(target) : [])
      .filter((x) => x.link === "yes" && x.resource.type === TYPES.scalingPolicy)
      .map((x) => obj(x.resource.props.targetTrackingScalingPolicyConfiguration))
      .find(
        (c) =>
          str(obj(c?.predefinedMetricSpecification)?.predefinedMetricType) ===
          "ECSServiceAverageCPUUtilization",
      );
    return {
      name: s.record.name,
      cpuUnits: s.task?.cpuUnits,
      memoryMib: s.task?.memoryMib,
      staging: s.staging,
      floorTasks: s.restingMin,
      peakTasks: Math.max(
        s.restingMin,
        s.staging ? s.stagingTasks : 0,
        ...s.segments.map((g) => g.tasks),
      ),
      maxTasks: s.maxEver,
      cpuTargetPercent: num(cpuTarget?.targetValue),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The estimate

/** Where a line's price comes from: a key of the table, or an RDS class. */
type PriceRef = PriceKey | { rdsClass: string };

interface AddOptions {
  /** What was assumed to get the quantity. */
  assumed?: string;
  /** Multiplies the unit price (the Spot factor). */
  factor?: { value: number; source: string };
}

/** The lines of one estimate, priced from one region's table. */
class Lines {
  readonly lines: CostLine[] = [];
  constructor(readonly prices: RegionPrices) {}

  add(
    r: ResourceRecord,
    item: string,
    ref: PriceRef,
    quantity: number | PerScenario,
    opts: AddOptions = {},
  ): void {
    const price =
      typeof ref === "string"
        ? this.prices.items[ref]
        : rdsInstancePrice(this.prices, ref.rdsClass);
    const q: PerScenario =
      typeof quantity === "number"
        ? { floor: quantity, expected: quantity, ceiling: quantity }
        : quantity;
    const unitPrice = price.usd * (opts.factor?.value ?? 1);
    const source = `${price.source} (${price.date})${opts.factor ? `; ${opts.factor.source}` : ""}`;
    this.lines.push({
      resource: r.name,
      type: r.type,
      item,
      unit: price.unit,
      unitPrice,
      quantity: q,
      monthly: {
        floor: q.floor * unitPrice,
        expected: q.expected * unitPrice,
        ceiling: q.ceiling * unitPrice,
      },
      assumed: opts.assumed,
      source,
      priceKey: typeof ref === "string" ? ref : `rds.instance.${ref.rdsClass}`,
      assumedFrom: price.assumedFrom,
    });
  }
}

const scale = (q: PerScenario, k: number): PerScenario => ({
  floor: q.floor * k,
  expected: q.expected * k,
  ceiling: q.ceiling * k,
});

function priceServices(
  out: Lines,
  services: ServiceModel[],
  a: CostAssumptions,
  month: string | undefined,
): void {
  const spot = out.prices.items["fargate.spotFactor"];
  const spotFactor = { value: spot.usd, source: `${spot.source} (${spot.date})` };
  for (const s of services) {
    if (!s.task) continue;
    const h = serviceHours(s, a, month);
    const od: PerScenario = {
      floor: h.floor.onDemand,
      expected: h.expected.onDemand,
      ceiling: h.ceiling.onDemand,
    };
    const sp: PerScenario = {
      floor: h.floor.spot,
      expected: h.expected.spot,
      ceiling: h.ceiling.spot,
    };
    const all: PerScenario = {
      floor: od.floor + sp.floor,
      expected: od.expected + sp.expected,
      ceiling: od.ceiling + sp.ceiling,
    };
    const basis = s.staging
      ? `staging: ${s.restingMin} tasks while off, ${s.stagingTasks} for ${a.stagingActiveHoursPerMonth} h/month while on (assumption), ${s.maxEver} all month in the ceiling (maxTasks: ${s.recordedActive ? "recorded" : "assumption stagingMaxTasks"})`
      : month && s.segments.some((seg) => hoursIn(seg.from, seg.to, month, s.zone) > 0)
        ? `${s.describe}; expected includes the windows of ${month}`
        : s.describe;
    const { arch } = s.task;
    const vcpu = vcpus(s.task.cpuUnits);
    const gb = memoryGb(s.task.memoryMib);
    const size = `${vcpu} vCPU / ${gb} GB a task; ${basis}`;
    const k = arch === "ARM64" ? "arm" : "x86";
    const any = (q: PerScenario) => q.expected > 0 || q.ceiling > 0;
    if (any(od)) {
      out.add(
        s.record,
        `Fargate vCPU (${arch}, on-demand)`,
        `fargate.${k}.vcpuHour`,
        scale(od, vcpu),
        { assumed: size },
      );
      out.add(
        s.record,
        `Fargate memory (${arch}, on-demand)`,
        `fargate.${k}.gbHour`,
        scale(od, gb),
        { assumed: size },
      );
    }
    if (any(sp)) {
      const assumed = `${size}; Spot at ${spot.usd} x on-demand (assumption)`;
      out.add(s.record, `Fargate vCPU (${arch}, Spot)`, `fargate.${k}.vcpuHour`, scale(sp, vcpu), {
        assumed,
        factor: spotFactor,
      });
      out.add(s.record, `Fargate memory (${arch}, Spot)`, `fargate.${k}.gbHour`, scale(sp, gb), {
        assumed,
        factor: spotFactor,
      });
    }
    if (any(all) && s.task.ephemeralGbAboveFree > 0) {
      out.add(
        s.record,
        "Fargate ephemeral storage above 20 GB",
        "fargate.ephemeralGbHour",
        scale(all, s.task.ephemeralGbAboveFree),
        {
          assumed: `${s.task.ephemeralGbAboveFree} GB a task above the free 20 GB`,
        },
      );
    }
    if (any(all) && s.publicIp) {
      out.add(s.record, "Public IPv4 of each task (assignPublicIp)", "publicIpv4.hour", all, {
        assumed: "one address per running task",
      });
    }
  }
}

function priceDatabase(
  out: Lines,
  r: ResourceRecord,
  a: CostAssumptions,
  problems: string[],
): void {
  const i = r.inputs;
  const cls = str(i.instanceClass);
  if (!cls) {
    problems.push(`RDS instance ${r.name}: instance class not known; not priced`);
    return;
  }
  const engineInput = str(i.engine);
  const engine = engineInput === undefined ? undefined : PRICED_DB_ENGINES[engineInput];
  if (engine === undefined) {
    const which =
      engineInput === undefined
        ? "engine not known (restored from a snapshot, or an unknown value)"
        : `engine ${JSON.stringify(engineInput)} has no price in the table (priced: ${Object.values(PRICED_DB_ENGINES).join(", ")})`;
    problems.push(`RDS instance ${r.name}: ${which}; its instance and storage are not priced`);
    return;
  }
  const multiAz = i.multiAz === true;
  const k = multiAz ? RDS_MULTI_AZ_FACTOR : 1;
  const az = multiAz ? `Multi-AZ (x${RDS_MULTI_AZ_FACTOR})` : "single-AZ";
  out.add(r, `RDS ${engine} ${cls}`, { rdsClass: cls }, HOURS_PER_MONTH * k, { assumed: az });
  const storage = num(i.allocatedStorage);
  const type = str(i.storageType) ?? "gp2";
  if (storage === undefined) {
    problems.push(`RDS instance ${r.name}: allocated storage not known; its storage is not priced`);
  } else {
    out.add(r, `RDS storage (${type})`, "rds.gp3GbMonth", storage * k, {
      assumed: `${storage} GB, ${az}`,
    });
    const iops = num(i.iops);
    if (type === "gp3" && iops !== undefined && iops > 3000) {
      out.add(r, "RDS gp3 IOPS above 3,000", "rds.gp3IopsMonth", (iops - 3000) * k, {
        assumed: `${iops} IOPS`,
      });
    }
  }
  if (a.rdsBackupGbAboveFree > 0) {
    out.add(
      r,
      "RDS backup storage beyond the provisioned size",
      "rds.backupGbMonth",
      a.rdsBackupGbAboveFree,
      { assumed: `${a.rdsBackupGbAboveFree} GB (assumption rdsBackupGbAboveFree)` },
    );
  }
  managedSecretLine(out, r);
}

/** The Secrets Manager secret RDS creates for a managed master password, all month. */
function managedSecretLine(out: Lines, r: ResourceRecord): void {
  if (r.inputs.manageMasterUserPassword === true) {
    out.add(
      r,
      "Secrets Manager secret (RDS-managed master password)",
      "secretsmanager.secretMonth",
      1,
      { assumed: "created by RDS" },
    );
  }
}

/**
 * Hours a month an Aurora Serverless v2 cluster that may pause is awake, per scenario. The IDE's
 * tasks hold connections while they run, so it is awake while a service of its environment runs
 * a task, plus the pause delay after each stretch of tasks; paused (no compute) otherwise.
 * - floor: paused all month, unless a service rests above 0 tasks (then awake all month);
 * - expected: the stretches of the expected month (exam windows from the scheduled actions, each
 *   with one pause delay), or staging's hours on plus one pause delay per session;
 * - ceiling: awake all month.
 */
export function awakeHours(
  services: readonly Pick<ServiceModel, "restingMin" | "segments" | "staging" | "zone">[],
  a: Pick<CostAssumptions, "stagingActiveHoursPerMonth" | "stagingSessionsPerMonth">,
  pauseHours: number,
  month: string | undefined,
): { hours: PerScenario; basis: string } {
  const M = HOURS_PER_MONTH;
  if (services.some((s) => s.restingMin > 0)) {
    return {
      hours: { floor: M, expected: M, ceiling: M },
      basis: "a service of its environment always runs a task, so it never pauses",
    };
  }
  let expected = 0;
  let basis: string;
  if (services.some((s) => s.staging)) {
    expected = a.stagingActiveHoursPerMonth + a.stagingSessionsPerMonth * pauseHours;
    basis = `awake while staging is on (${a.stagingActiveHoursPerMonth} h, assumption) plus ${a.stagingSessionsPerMonth} pause delays of ${fmtHours(pauseHours)} (assumption stagingSessionsPerMonth)`;
  } else {
    let stretches = 0;
    for (const s of services) {
      for (const seg of s.segments) {
        const h = month && seg.tasks > 0 ? hoursIn(seg.from, seg.to, month, s.zone) : 0;
        if (h > 0) {
          expected += h + pauseHours;
          stretches++;
        }
      }
    }
    basis =
      stretches > 0
        ? `awake while tasks run in ${month} (${stretches} scheduled stretch(es), each plus a pause delay of ${fmtHours(pauseHours)}), paused otherwise`
        : "paused: no task runs in the expected month";
  }
  return { hours: { floor: 0, expected: Math.min(expected, M), ceiling: M }, basis };
}

function fmtHours(h: number): string {
  return `${Number(h.toFixed(3))} h`;
}

/**
 * An Aurora cluster. Serverless v2 (the staging and exam default): ACU-hours at its maximum
 * capacity for the hours it is awake (an upper bound: Aurora bills what it uses between 0.5 ACU
 * and the maximum), none while paused; storage and I/O (Aurora Standard); its managed secret.
 */
function priceCluster(
  out: Lines,
  r: ResourceRecord,
  services: ServiceModel[],
  a: CostAssumptions,
  month: string | undefined,
  problems: string[],
): void {
  const i = r.inputs;
  const scaling = obj(i.serverlessv2ScalingConfiguration);
  const max = num(scaling?.maxCapacity);
  const min = num(scaling?.minCapacity) ?? 0;
  if (!scaling || max === undefined) {
    problems.push(
      `Aurora cluster ${r.name}: no Serverless v2 scaling configuration; provisioned Aurora instances are not in the price table, not priced`,
    );
    return;
  }
  const env = str(tagsOf(r).Environment)?.toLowerCase();
  const mine = services.filter(
    (s) => env === undefined || str(tagsOf(s.record).Environment)?.toLowerCase() === env,
  );
  const pauseSeconds = num(scaling.secondsUntilAutoPause) ?? 300;
  let awake: { hours: PerScenario; basis: string };
  if (min > 0) {
    const M = HOURS_PER_MONTH;
    awake = {
      hours: { floor: M, expected: M, ceiling: M },
      basis: `minimum ${min} ACU: never pauses`,
    };
  } else {
    awake = awakeHours(mine, a, pauseSeconds / 3600, month);
  }
  out.add(
    r,
    "Aurora Serverless v2 capacity",
    "aurora.serverlessV2AcuHour",
    scale(awake.hours, max),
    {
      assumed: `at its maximum ${max} ACU while awake (an upper bound), 0 while paused; ${awake.basis}; ${fmtHours(awake.hours.expected)} expected`,
    },
  );
  out.add(r, "Aurora storage (Standard)", "aurora.storageGbMonth", a.auroraStoredGb, {
    assumed: `${a.auroraStoredGb} GB (assumption auroraStoredGb)`,
  });
  out.add(
    r,
    "Aurora I/O requests (Standard)",
    "aurora.ioMillion",
    scale(awake.hours, a.auroraIoMillionsPerAwakeHour),
    {
      assumed: `${a.auroraIoMillionsPerAwakeHour} million per hour awake (assumption auroraIoMillionsPerAwakeHour)`,
    },
  );
  managedSecretLine(out, r);
}

/** A cluster instance: db.serverless is billed on its cluster; other classes are not priced. */
function priceClusterInstance(r: ResourceRecord, problems: string[]): void {
  const cls = str(r.inputs.instanceClass);
  if (cls !== "db.serverless") {
    problems.push(
      `Aurora cluster instance ${r.name}: class ${cls ?? "(not known)"} is not in the price table; not priced`,
    );
  }
}

function priceNetwork(
  out: Lines,
  r: ResourceRecord,
  a: CostAssumptions,
  records: ResourceRecord[],
): void {
  const i = r.inputs;
  const M = HOURS_PER_MONTH;
  const nat = (count: number, assumed: string, withIp: boolean) => {
    out.add(r, "NAT gateway", "nat.hour", count * M, { assumed });
    out.add(r, "NAT gateway data processed", "nat.gb", a.natGbPerMonth, {
      assumed: `${a.natGbPerMonth} GB a month through all gateways (assumption natGbPerMonth)`,
    });
    if (withIp)
      out.add(r, "Public IPv4 of each NAT gateway", "publicIpv4.hour", count * M, { assumed });
  };
  const endpoint = (label: string, azs: number, assumed: string) => {
    out.add(r, `Interface endpoint${label ? ` ${label}` : ""}`, "endpoint.azHour", azs * M, {
      assumed,
    });
    out.add(r, "Interface endpoint data processed", "endpoint.gb", a.endpointGbPerMonth, {
      assumed: `${a.endpointGbPerMonth} GB a month (assumption endpointGbPerMonth)`,
    });
  };
  if (r.type === T.vpc) {
    const azs = num(i.numberOfAvailabilityZones) ?? arr(i.availabilityZoneNames)?.length ?? 3;
    // The engine shows a deployed awsx Vpc with its children (NAT gateways, EIPs) as resources of
    // their own, priced there; only the opaque record of a preview is priced from its inputs.
    const childrenListed = records.some((x) => x.type === T.natGateway);
    if (!childrenListed && !Array.isArray(i.natGateways)) {
      let strategy = str(obj(i.natGateways)?.strategy);
      let why = "natGateways.strategy";
      if (strategy === undefined) {
        const specs = arr(i.subnetSpecs)?.map((s) => str(obj(s)?.type));
        strategy =
          specs === undefined || (specs.includes("Private") && specs.includes("Public"))
            ? "OnePerAz"
            : "None";
        why = "not set: the awsx default for its subnets";
      }
      const count = strategy === "Single" ? 1 : strategy === "OnePerAz" ? azs : 0;
      if (count > 0) nat(count, `${count} gateway(s): ${strategy} (${why}), ${azs} AZs`, true);
    }
    for (const spec of arr(i.vpcEndpointSpecs) ?? []) {
      const e = obj(spec) ?? {};
      if (str(e.vpcEndpointType) !== "Interface") continue;
      const n = arr(e.subnetIds)?.length ?? azs;
      endpoint(str(e.serviceName) ?? "", n, `${n} AZs`);
    }
  } else if (r.type === T.natGateway) {
    if (str(i.connectivityType) === "private") nat(1, "private NAT gateway, all month", false);
    else nat(1, "all month (its Elastic IP is priced on the EIP)", false);
  } else if (r.type === T.eip) {
    out.add(r, "Public IPv4 (Elastic IP)", "publicIpv4.hour", M, { assumed: "all month" });
  } else if (r.type === T.endpoint && (str(i.vpcEndpointType) ?? "Gateway") === "Interface") {
    const subnets = arr(i.subnetIds)?.length;
    endpoint(
      str(i.serviceName) ?? "",
      subnets ?? 2,
      subnets !== undefined ? `${subnets} AZs` : "subnets not known: 2 AZs assumed",
    );
  }
}

function priceLoadBalancer(
  out: Lines,
  r: ResourceRecord,
  a: CostAssumptions,
  problems: string[],
): void {
  const i = r.inputs;
  const type = str(i.loadBalancerType) ?? "application";
  if (type !== "application") {
    problems.push(`load balancer ${r.name}: type ${type} has no price in the table; not priced`);
    return;
  }
  const M = HOURS_PER_MONTH;
  out.add(r, "Application Load Balancer", "alb.hour", M, { assumed: "all month" });
  const lcu = albLcu(a);
  out.add(r, "Load balancer capacity units", "alb.lcuHour", lcu.perMonth, { assumed: lcu.text });
  if (i.internal !== true) {
    const subnets = arr(i.subnets)?.length ?? arr(i.subnetMappings)?.length;
    out.add(
      r,
      "Public IPv4 of the internet-facing load balancer",
      "publicIpv4.hour",
      (subnets ?? 2) * M,
      {
        assumed:
          subnets !== undefined
            ? `one per subnet (${subnets})`
            : "subnets not known: 2 assumed (the fewest an ALB takes)",
      },
    );
  }
}

function priceStorageAndMonitoring(
  out: Lines,
  r: ResourceRecord,
  a: CostAssumptions,
  problems: string[],
): void {
  const i = r.inputs;
  if (r.type === T.efs) {
    out.add(r, "EFS Standard storage", "efs.standardGbMonth", a.efsStoredGb, {
      assumed: `${a.efsStoredGb} GB stored (assumption efsStoredGb)`,
    });
    const mode = str(i.throughputMode) ?? "bursting";
    if (mode === "elastic") {
      out.add(r, "EFS Elastic throughput, reads", "efs.elasticReadGb", a.efsElasticReadGbPerMonth, {
        assumed: `${a.efsElasticReadGbPerMonth} GB a month (assumption efsElasticReadGbPerMonth)`,
      });
      out.add(
        r,
        "EFS Elastic throughput, writes",
        "efs.elasticWriteGb",
        a.efsElasticWriteGbPerMonth,
        {
          assumed: `${a.efsElasticWriteGbPerMonth} GB a month (assumption efsElasticWriteGbPerMonth)`,
        },
      );
    } else if (mode === "provisioned") {
      const mibps = num(i.provisionedThroughputInMibps);
      if (mibps === undefined) {
        problems.push(`file system ${r.name}: provisioned throughput not known; not priced`);
      } else {
        out.add(r, "EFS provisioned throughput", "efs.provisionedMibpsMonth", mibps, {
          assumed: `${mibps} MiB/s`,
        });
      }
    }
  } else if (r.type === T.alarm) {
    const period = num(i.period);
    const metrics = (arr(i.metricQueries) ?? []).filter((q) => obj(q)?.metric !== undefined).length;
    const high = period !== undefined && period < 60;
    out.add(
      r,
      high ? "CloudWatch alarm (high resolution)" : "CloudWatch alarm",
      high ? "cloudwatch.highResolutionAlarmMonth" : "cloudwatch.alarmMonth",
      Math.max(1, metrics),
      { assumed: metrics > 1 ? `${metrics} metrics in the alarm, each billed` : undefined },
    );
  } else if (r.type === T.dashboard) {
    out.add(r, "CloudWatch dashboard", "cloudwatch.dashboardMonth", 1, {
      assumed: a.freeTier
        ? "the account's 3 free dashboards: on the free-tier line"
        : "the account's 3 free dashboards not applied (assumption freeTier)",
    });
  } else if (r.type === T.logGroup) {
    const ingest = a.logGbIngestedPerGroupPerMonth;
    const retention = num(i.retentionInDays);
    const days = retention !== undefined && retention > 0 ? retention : 365;
    out.add(r, "CloudWatch Logs ingestion", "cloudwatch.logsIngestGb", ingest, {
      assumed: `${ingest} GB a month (assumption logGbIngestedPerGroupPerMonth)`,
    });
    out.add(
      r,
      "CloudWatch Logs storage",
      "cloudwatch.logsStorageGbMonth",
      (ingest * days) / (HOURS_PER_MONTH / 24),
      {
        assumed:
          retention !== undefined && retention > 0
            ? `${days} days of that ingestion retained`
            : "no retention: priced as one year retained (it grows without bound)",
      },
    );
  } else if (r.type === T.secret) {
    out.add(r, "Secrets Manager secret", "secretsmanager.secretMonth", 1);
  }
}

const HANDLED = new Set<string>([
  T.taskDefinition,
  T.service,
  T.target,
  T.scheduledAction,
  ...T.lb,
  T.vpc,
  T.natGateway,
  T.eip,
  T.endpoint,
  T.rds,
  T.efs,
  T.alarm,
  T.dashboard,
  T.logGroup,
  T.secret,
]);

function pricePlatform(
  out: Lines,
  records: ResourceRecord[],
  services: ServiceModel[],
  a: CostAssumptions,
  month: string | undefined,
  problems: string[],
): void {
  for (const r of records) {
    if (r.type === T.lb[0] || r.type === T.lb[1]) priceLoadBalancer(out, r, a, problems);
    else if ([T.vpc, T.natGateway, T.eip, T.endpoint].includes(r.type as never))
      priceNetwork(out, r, a, records);
    else if (r.type === T.rds) priceDatabase(out, r, a, problems);
    else if (r.type === T.cluster) priceCluster(out, r, services, a, month, problems);
    else if (r.type === T.clusterInstance) priceClusterInstance(r, problems);
    else if (HANDLED.has(r.type)) priceStorageAndMonitoring(out, r, a, problems);
    else if (!FREE.some((re) => re.test(r.type)) && (r.custom || r.type.startsWith("aws:"))) {
      problems.push(`${r.type} ${r.name}: the cost model has no price for this type; not priced`);
    }
  }
}

/** Readable names of the price groups, for the note about prices assumed from another region. */
function priceGroup(key: string): string {
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
function applyFreeTier(out: Lines, a: CostAssumptions): string {
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
const FREE_TIER_RECORD: ResourceRecord = {
  type: "free-tier",
  name: "account",
  urn: "free-tier",
  inputs: {},
  custom: false,
};

// ---------------------------------------------------------------------------------------------
// Text

/** `$1,234.56`; a credit (a free tier) `-$0.90`. */
export function usd(value: number): string {
  const text = Math.abs(value).toLocaleString("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${value < -0.005 ? "-" : ""}$${text}`;
}

/**
 * The estimate as text: the three totals; unless `summary`, a table of lines (each with what it
 * assumed on the line below), notes and assumptions; always what could not be priced.
 */
export function formatEstimate(
  e: CostEstimate,
  opts: { summary?: boolean; indent?: string } = {},
): string {
  const pad = opts.indent ?? "";
  const out: string[] = [
    `${pad}Monthly cost (${e.region}, ${e.hoursPerMonth} h a month): floor ${usd(e.floor)}, expected ${usd(e.expected)}, ceiling ${usd(e.ceiling)}`,
    `${pad}  expected: ${e.expectedBasis}`,
    `${pad}  per enrolled student: ${usd(e.perEnrolledStudent)} a month (expected / ${e.assumptions.enrolledStudents} enrolled, assumption enrolledStudents)`,
  ];
  const freeTier = e.notes.find((n) => n.startsWith("free tiers"));
  if (opts.summary && freeTier) out.push(`${pad}  ${freeTier}`);
  if (!opts.summary) {
    const rows = e.lines.map((l) => [
      `${l.resource}: ${l.item}`,
      `${fmtQty(l.quantity.expected)} ${l.unit}`,
      `${fmtPrice(l.unitPrice)}${l.assumedFrom ? "*" : ""}`,
      usd(l.monthly.floor),
      usd(l.monthly.expected),
      usd(l.monthly.ceiling),
    ]);
    const head = ["item", "quantity (expected)", "unit price", "floor", "expected", "ceiling"];
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
    const fmt = (r: string[]) =>
      `${pad}  ${r.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ")}`;
    out.push(fmt(head));
    e.lines.forEach((l, n) => {
      out.push(fmt(rows[n]));
      if (l.assumed) out.push(`${pad}      ${l.assumed}`);
    });
  }
  for (const u of e.unpriced) out.push(`${pad}  not priced: ${u}`);
  if (!opts.summary) {
    for (const n of e.notes) out.push(`${pad}  note: ${n}`);
    const assumed = Object.entries(e.assumptions)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    out.push(`${pad}  assumptions: ${assumed}`);
  }
  return out.join("\n");
}

function fmtQty(q: number): string {
  return Number.isInteger(q) ? String(q) : q.toFixed(2);
}

function fmtPrice(p: number): string {
  return `$${Number(p.toPrecision(4))}`;
}
