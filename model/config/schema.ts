/**
 * The stack-config schema: every setting of every stack, declared once, with its type, unit,
 * range or allowed values, the stacks that accept it, its default per stack, whether it is
 * secret and its description. Everything else derives from this table: the reader's checks
 * (./read.ts through ./checks.ts `settingProblem`), the component argument checks
 * (components/validate.ts `ArgsChecker.setting`), `Pulumi.yaml` and the README's settings table
 * (scripts/pulumi-yaml.ts), and the tests on the stack files' comments. No Pulumi imports.
 */
import { DB_AUTO_PAUSE_MINUTES, DB_CONNECTIONS_PER_TASK } from "../capacity";
import { CPU_ARCHITECTURES, FARGATE_CPU_UNITS } from "../fargate";
import { AURORA_AUTO_PAUSE_SECONDS, AURORA_MAX_ACU, DB_CLASSES } from "../rds";

export const PROJECT = "pythonide";
export const STACKS = ["prod", "staging", "exam"] as const;
export type StackName = (typeof STACKS)[number];

export const CAPACITY_STRATEGIES = ["on-demand", "spot", "spot-with-base"] as const;
export type CapacityStrategy = (typeof CAPACITY_STRATEGIES)[number];
export const NAT_STRATEGIES = ["none", "single", "one-per-az"] as const;
export type NatStrategy = (typeof NAT_STRATEGIES)[number];
export const EFS_THROUGHPUT_MODES = ["bursting", "elastic", "provisioned"] as const;
export type EfsThroughputMode = (typeof EFS_THROUGHPUT_MODES)[number];
/** serverless: Aurora PostgreSQL Serverless v2 that pauses itself; instance: an RDS instance. */
export const DB_KINDS = ["serverless", "instance"] as const;
export type DbKind = (typeof DB_KINDS)[number];

/** Retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

/** A setting's value as the schema declares defaults: text, whole number, flag or list. */
export type Value = string | number | boolean | string[];
/** One value per stack; a stack left out has none. */
export type PerStack<T> = Partial<Record<StackName, T>>;
/** Inclusive bounds of a whole-number setting. */
export interface Range {
  min: number;
  max: number;
}

export interface KeySpec {
  type: "string" | "integer" | "boolean" | "array";
  /** Stacks that accept the key. */
  stacks: readonly StackName[];
  description: string;
  /** Unit of a number (`MiB`, `tasks`, `%`), shown in the README. */
  unit?: string;
  /** Whole numbers: the inclusive range, or one per stack where stacks differ. */
  range?: Range | PerStack<Range>;
  /** The only values accepted (checked after the range). */
  values?: readonly (string | number)[];
  /** How the error names `values` ("a retention CloudWatch accepts"); default "one of". */
  valuesAre?: string;
  /** Text: the fewest characters accepted. */
  minLength?: number;
  /** Default per stack; a key with no default for a stack is optional there unless `required`. */
  default?: PerStack<Value>;
  /** Must be given (in the listed stacks). */
  required?: boolean;
  /** Must be set with `pulumi config set --secret`. */
  secret?: boolean;
}

const ALL = STACKS;
const PROD = ["prod"] as const;
const STAGING = ["staging"] as const;
const EXAM = ["exam"] as const;
const SHARED = ["staging", "exam"] as const;
const same = (v: Value): PerStack<Value> => ({ prod: v, staging: v, exam: v });

/** The schema: every setting, once. */
export const SCHEMA: Readonly<Record<string, KeySpec>> = {
  domain: {
    type: "string",
    stacks: ALL,
    required: true,
    description:
      "Base host name of the IDE (prod serves it; staging and exam serve staging.<domain> and exam.<domain>).",
  },
  image: {
    type: "string",
    stacks: ALL,
    required: true,
    description:
      "Container image reference, registry/repository:tag or @sha256:digest (pin a tag in prod and exam).",
  },
  taskCpu: {
    type: "integer",
    unit: "CPU units",
    range: { min: 256, max: 16384 },
    stacks: ALL,
    default: { prod: 512, staging: 512, exam: 1024 },
    description: `Task CPU units (1024 = 1 vCPU): ${FARGATE_CPU_UNITS.join(", ")}.`,
  },
  taskMemory: {
    type: "integer",
    unit: "MiB",
    range: { min: 512, max: 122880 },
    stacks: ALL,
    default: { prod: 2048, staging: 1024, exam: 2048 },
    description: "Task memory; must be a size Fargate offers with taskCpu.",
  },
  cpuArchitecture: {
    type: "string",
    values: CPU_ARCHITECTURES,
    stacks: ALL,
    default: same("X86_64"),
    description:
      "CPU architecture of the tasks: ARM64 is Graviton, about 20% cheaper (the image must be built for arm64).",
  },
  minTasks: {
    type: "integer",
    unit: "tasks",
    range: { prod: { min: 1, max: 100 }, exam: { min: 0, max: 100 } },
    stacks: ["prod", "exam"],
    default: { prod: 1, exam: 0 },
    description: "Autoscaling floor. In exam: the idle floor between exams (windows raise it).",
  },
  desiredTasks: {
    type: "integer",
    unit: "tasks",
    range: { min: 1, max: 100 },
    stacks: PROD,
    default: { prod: 1 },
    description:
      "Tasks at creation, between minTasks and maxTasks (autoscaling owns it afterwards).",
  },
  maxTasks: {
    type: "integer",
    unit: "tasks",
    range: { min: 1, max: 100 },
    stacks: ALL,
    default: { prod: 16, staging: 2, exam: 10 },
    description: "Autoscaling ceiling: the most tasks the service may run (and pay for).",
  },
  capacityProvider: {
    type: "string",
    values: CAPACITY_STRATEGIES,
    stacks: ALL,
    default: { prod: "on-demand", staging: "spot", exam: "on-demand" },
    description:
      "on-demand (FARGATE), spot (FARGATE_SPOT, may be interrupted) or spot-with-base (onDemandBase on-demand tasks, Spot above).",
  },
  onDemandBase: {
    type: "integer",
    unit: "tasks",
    range: { min: 0, max: 100 },
    stacks: ALL,
    default: same(1),
    description: "With spot-with-base: tasks that always run on-demand.",
  },
  spotWeight: {
    type: "integer",
    unit: "tasks per on-demand task",
    range: { min: 1, max: 100 },
    stacks: ALL,
    default: same(4),
    description: "With spot-with-base: Spot tasks started per on-demand task above the base.",
  },
  cpuTargetPercent: {
    type: "integer",
    unit: "%",
    range: { min: 10, max: 90 },
    stacks: ALL,
    default: same(60),
    description: "Average CPU the service is scaled to hold (target tracking).",
  },
  memoryTargetPercent: {
    type: "integer",
    unit: "%",
    range: { min: 10, max: 90 },
    stacks: ALL,
    default: same(70),
    description: "Average memory the service is scaled to hold (target tracking).",
  },
  maxConcurrentExecutions: {
    type: "integer",
    unit: "programs",
    range: { min: 1, max: 1000 },
    stacks: ALL,
    default: { prod: 20, staging: 20, exam: 60 },
    description: "MAX_CONCURRENT_EXECUTIONS: student programs one task runs at once.",
  },
  executionTimeoutSeconds: {
    type: "integer",
    unit: "seconds",
    range: { min: 1, max: 3600 },
    stacks: ALL,
    default: { prod: 60, staging: 60, exam: 30 },
    description: "EXECUTION_TIMEOUT: seconds a student program may run.",
  },
  memoryLimitMb: {
    type: "integer",
    unit: "MB",
    range: { min: 16, max: 16384 },
    stacks: ALL,
    default: { prod: 256, staging: 256, exam: 128 },
    description: "MEMORY_LIMIT_MB: memory one student program may use.",
  },
  tornadoProcesses: {
    type: "integer",
    unit: "processes",
    range: { min: 1, max: 64 },
    stacks: ALL,
    default: same(1),
    description: "TORNADO_PROCESSES: server processes per task (seed 002 measured 1 as fastest).",
  },
  logRetentionDays: {
    type: "integer",
    unit: "days",
    values: LOG_RETENTION_DAYS,
    valuesAre: "a retention CloudWatch accepts:",
    stacks: ALL,
    default: { prod: 30, staging: 7, exam: 90 },
    description: "CloudWatch Logs retention.",
  },
  alarmEmail: {
    type: "string",
    stacks: ALL,
    description: "Email address subscribed to the stack's alarm topic (no subscription if unset).",
  },
  cookieSecret: {
    type: "string",
    minLength: 32,
    stacks: ALL,
    secret: true,
    description:
      "Tornado cookie secret. Set it with pulumi config set --secret cookieSecret; stored in Secrets Manager. On a deployed stack a change writes a new secret version (the secret and its ARN stay).",
  },
  dbKind: {
    type: "string",
    values: DB_KINDS,
    stacks: SHARED,
    default: { staging: "serverless", exam: "serverless" },
    description:
      "serverless: Aurora PostgreSQL Serverless v2 from 0 ACU, paused (no compute billed) while no task runs; instance: an always-on RDS PostgreSQL instance (dbInstanceClass). prod always runs an instance.",
  },
  dbMaxCapacityAcu: {
    type: "integer",
    unit: "ACUs",
    range: { min: 1, max: AURORA_MAX_ACU },
    stacks: SHARED,
    description:
      "With dbKind serverless: the most capacity the database scales to. Default: the capacity planner's, the smallest whose connection limit holds maxTasks x dbConnectionsPerTask below the alarm (model/capacity.ts serverlessMaxAcu).",
  },
  dbAutoPauseMinutes: {
    type: "integer",
    unit: "minutes",
    range: {
      min: AURORA_AUTO_PAUSE_SECONDS.min / 60,
      max: AURORA_AUTO_PAUSE_SECONDS.max / 60,
    },
    stacks: SHARED,
    default: { staging: DB_AUTO_PAUSE_MINUTES, exam: DB_AUTO_PAUSE_MINUTES },
    description:
      "With dbKind serverless: minutes without a connection before the database pauses (the tasks hold connections while they run).",
  },
  dbConnectionsPerTask: {
    type: "integer",
    unit: "connections",
    range: { min: 1, max: 1000 },
    stacks: SHARED,
    default: { staging: DB_CONNECTIONS_PER_TASK, exam: DB_CONNECTIONS_PER_TASK },
    description:
      "Database connections one task's pool holds at most (seed 001: 25); sizes dbMaxCapacityAcu.",
  },
  dbInstanceClass: {
    type: "string",
    values: Object.keys(DB_CLASSES),
    stacks: ALL,
    default: { prod: "db.t4g.small", staging: "db.t4g.micro", exam: "db.t4g.small" },
    description: `RDS PostgreSQL instance class (prod; staging and exam with dbKind instance): ${Object.keys(DB_CLASSES).join(", ")}.`,
  },
  dbAllocatedStorageGb: {
    type: "integer",
    unit: "GB",
    range: { min: 20, max: 1000 },
    stacks: ALL,
    default: same(20),
    description:
      "Database storage (gp3) of an instance; Aurora storage grows with the data by itself, so a stack with dbKind serverless that sets it is refused.",
  },
  dbBackupRetentionDays: {
    type: "integer",
    unit: "days",
    range: { min: 1, max: 35 },
    stacks: ALL,
    default: { prod: 7, staging: 1, exam: 14 },
    description: "Days of automated backups.",
  },
  deletionProtection: {
    type: "boolean",
    stacks: ALL,
    default: { prod: true, staging: false, exam: true },
    description: "Protect the database from deletion (and keep a final snapshot when deleted).",
  },
  dbMultiAz: {
    type: "boolean",
    stacks: ALL,
    default: same(false),
    description:
      "Run the database instance Multi-AZ (doubles its price); instances only: a stack with dbKind serverless that sets it is refused (a project-wide true there is a warning).",
  },
  timeZone: {
    type: "string",
    stacks: ALL,
    default: same("UTC"),
    description:
      "Canonical IANA time zone (Area/Location such as America/Chicago, or UTC; no abbreviations) for times written without an offset (exam windows, activeUntil).",
  },
  availabilityZones: {
    type: "integer",
    unit: "zones",
    range: { min: 2, max: 4 },
    stacks: PROD,
    default: { prod: 2 },
    description:
      "Availability zones the network spans (the load balancer needs 2). On a deployed stack, 2 <-> 3 or 4 re-lays out every subnet, so the EFS mount targets move (replaced: refused by npm start -- --against), and going back to 2 also replaces the load balancer (a new DNS name); 3 <-> 4 adds or removes a zone.",
  },
  vpcCidr: {
    type: "string",
    stacks: PROD,
    default: { prod: "10.0.0.0/16" },
    description:
      "IPv4 CIDR of the VPC, a private range from /16 to /22. On a deployed stack a change replaces the VPC and everything in it (refused by npm start -- --against).",
  },
  natStrategy: {
    type: "string",
    values: NAT_STRATEGIES,
    stacks: PROD,
    default: { prod: "none" },
    description:
      "none (tasks in public subnets, inbound only from the load balancer), single or one-per-az NAT gateways. On a deployed stack a change moves the tasks and replaces the EFS mount targets, delete-first: the file system is unreachable for minutes (refused by npm start -- --against without --allow-replace).",
  },
  certificateArn: {
    type: "string",
    stacks: PROD,
    required: true,
    description: "ACM certificate ARN for the HTTPS listener (covering domain and *.domain).",
  },
  efsThroughputMode: {
    type: "string",
    values: EFS_THROUGHPUT_MODES,
    stacks: PROD,
    default: { prod: "elastic" },
    description: "EFS throughput mode (provisioned needs efsProvisionedMibps).",
  },
  efsProvisionedMibps: {
    type: "integer",
    unit: "MiB/s",
    range: { min: 1, max: 1024 },
    stacks: PROD,
    description: "EFS provisioned throughput (only with efsThroughputMode provisioned).",
  },
  platformStack: {
    type: "string",
    stacks: SHARED,
    required: true,
    description:
      "Fully qualified name of the prod stack to read the platform from (org/project/stack).",
  },
  active: {
    type: "boolean",
    stacks: STAGING,
    default: { staging: false },
    description: "Switch staging on (needs activeUntil); it switches itself off at activeUntil.",
  },
  activeUntil: {
    type: "string",
    stacks: STAGING,
    description:
      "When an active staging switches itself off: YYYY-MM-DDTHH:MM (in timeZone) or with Z/offset.",
  },
  maxActiveHours: {
    type: "integer",
    unit: "hours",
    range: { min: 1, max: 168 },
    stacks: STAGING,
    default: { staging: 12 },
    description: "How far ahead activeUntil may be.",
  },
  activeTasks: {
    type: "integer",
    unit: "tasks",
    range: { min: 1, max: 100 },
    stacks: STAGING,
    default: { staging: 1 },
    description: "Tasks while staging is active (its floor; maxTasks is the ceiling).",
  },
  examWindows: {
    type: "array",
    stacks: EXAM,
    default: { exam: [] },
    description:
      'Exams, each "<name> <start>/<end> <students> [time zone]", e.g. "midsem 2026-03-10T09:00/2026-03-10T11:00 120". Windows may overlap (several courses at once): capacity is planned for their students together.',
  },
  leadMinutes: {
    type: "integer",
    unit: "minutes",
    range: { min: 15, max: 1440 },
    stacks: EXAM,
    default: { exam: 60 },
    description: "Minutes before an exam starts that its capacity is in place.",
  },
  graceMinutes: {
    type: "integer",
    unit: "minutes",
    range: { min: 0, max: 1440 },
    stacks: EXAM,
    default: { exam: 30 },
    description: "Minutes after an exam ends before capacity returns to the idle floor.",
  },
  studentsPerTask: {
    type: "integer",
    unit: "students",
    range: { min: 1, max: 10000 },
    stacks: EXAM,
    description:
      "Students one task serves at cpuTargetPercent. Default: derived from taskCpu and seed 001's measurement (34 students = 65% of 1 vCPU).",
  },
};

/** The schema's default of `key` in `stack`; an error when the schema declares none. */
export function schemaDefault(key: string, stack: StackName): Value {
  const d = SCHEMA[key]?.default?.[stack];
  if (d === undefined)
    throw new Error(`model/config/schema.ts SCHEMA declares no ${stack} default for ${key}`);
  return d;
}

/** The value of `default` to declare in Pulumi.yaml: only a default every stack shares. */
export function sharedDefault(spec: KeySpec): Value | undefined {
  // A stack without a default stringifies to undefined, so it never equals the first.
  const values = spec.stacks.map((s) => spec.default?.[s]);
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) && spec.stacks.length === STACKS.length
    ? values[0]
    : undefined;
}

/** The spec of a setting; an error naming the key when the schema has none. */
export function specOf(key: string): KeySpec {
  const spec = SCHEMA[key];
  if (!spec) throw new Error(`model/config/schema.ts SCHEMA declares no setting ${key}`);
  return spec;
}

/**
 * The range of a whole-number setting in `stack`; without a stack, the widest range any of its
 * stacks accepts (what a component, which serves every stack, checks).
 */
export function rangeOf(key: string, stack?: StackName): Range | undefined {
  const range = specOf(key).range;
  if (range === undefined || "min" in range) return range as Range | undefined;
  const perStack = range as PerStack<Range>;
  if (stack !== undefined) return perStack[stack];
  const all = Object.values(perStack) as Range[];
  return { min: Math.min(...all.map((r) => r.min)), max: Math.max(...all.map((r) => r.max)) };
}

/** What a setting accepts, as the README and Pulumi.yaml show it ("10-90 %", "X86_64, ARM64"). */
export function validText(key: string): string {
  const spec = specOf(key);
  const unit = spec.unit ? ` ${spec.unit}` : "";
  if (spec.values) return `${spec.values.join(", ")}${unit}`;
  if (spec.range && !("min" in spec.range)) {
    const perStack = spec.range as PerStack<Range>;
    return (
      spec.stacks.map((s) => `${s}: ${perStack[s]!.min}-${perStack[s]!.max}`).join(", ") + unit
    );
  }
  const r = spec.range as Range | undefined;
  if (r) return `${r.min}-${r.max}${unit}`;
  if (spec.minLength) return `at least ${spec.minLength} characters`;
  if (spec.type === "boolean") return "true, false";
  return "";
}
