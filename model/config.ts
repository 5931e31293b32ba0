/**
 * The stack-config schema and its validation. Every setting of every stack is declared here
 * once, with its type, the stacks that accept it, its default per stack and its description;
 * `Pulumi.yaml`'s `config:` block is generated from this table (scripts/pulumi-yaml.ts) and a
 * test keeps the two equal. No Pulumi imports: index.ts hands in the raw values.
 */
import { examTasks, studentsPerTask } from "./capacity";
import { CPU_ARCHITECTURES, CpuArchitecture, fargateSizeProblem } from "./fargate";
import { DB_CLASSES } from "./rds";
import { isTimeZone, parseZonedTime, utcMinute } from "./time";

export const PROJECT = "pythonide";
export const STACKS = ["prod", "staging", "exam"] as const;
export type StackName = (typeof STACKS)[number];

export const CAPACITY_STRATEGIES = ["on-demand", "spot", "spot-with-base"] as const;
export type CapacityStrategy = (typeof CAPACITY_STRATEGIES)[number];
export const NAT_STRATEGIES = ["none", "single", "one-per-az"] as const;
export type NatStrategy = (typeof NAT_STRATEGIES)[number];
export const EFS_THROUGHPUT_MODES = ["bursting", "elastic", "provisioned"] as const;
export type EfsThroughputMode = (typeof EFS_THROUGHPUT_MODES)[number];
export const STAGING_DB_MODES = ["on-demand", "always-on"] as const;
export type StagingDbMode = (typeof STAGING_DB_MODES)[number];

/** Retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

/** One raw config value as the engine hands it over: text, and whether it was set as a secret. */
export interface RawValue {
  value: string;
  secret: boolean;
}
/** Every config value of a stack, keyed `namespace:key` (`pythonide:taskCpu`, `aws:region`). */
export type RawConfig = Record<string, RawValue>;

export interface ServiceConfig {
  /** Container image reference. */
  image: string;
  /** Task CPU units (1024 = 1 vCPU). */
  cpu: number;
  /** Task memory, MiB. */
  memory: number;
  architecture: CpuArchitecture;
  /** Autoscaling floor. */
  minTasks: number;
  /** Tasks at creation (ignored afterwards: autoscaling owns the count). */
  desiredTasks: number;
  /** Autoscaling ceiling. */
  maxTasks: number;
  capacity: { strategy: CapacityStrategy; onDemandBase: number; spotWeight: number };
  cpuTargetPercent: number;
  memoryTargetPercent: number;
  app: {
    maxConcurrentExecutions: number;
    executionTimeoutSeconds: number;
    memoryLimitMb: number;
    tornadoProcesses: number;
  };
  logRetentionDays: number;
  /** Tornado cookie secret; only ever set from a secret config value. */
  cookieSecret?: string;
}

export interface DatabaseConfig {
  instanceClass: string;
  allocatedStorageGb: number;
  backupRetentionDays: number;
  deletionProtection: boolean;
  multiAz: boolean;
}

export interface PlatformConfig {
  availabilityZones: number;
  vpcCidr: string;
  natStrategy: NatStrategy;
  certificateArn: string;
  efsThroughputMode: EfsThroughputMode;
  /** MiB/s, only with the provisioned mode. */
  efsProvisionedMibps?: number;
}

export interface StagingConfig {
  /** Whether staging runs now: switched on and not yet expired. */
  active: boolean;
  /** When staging switches itself off (only while active). */
  activeUntil?: Date;
  maxActiveHours: number;
  activeTasks: number;
  dbMode: StagingDbMode;
}

export interface ExamWindow {
  name: string;
  start: Date;
  end: Date;
  students: number;
  timeZone: string;
  /** Tasks the capacity planner gives this window. */
  tasks: number;
}

export interface ExamConfig {
  /** Windows still ahead (or running) at validation time, in start order. */
  windows: ExamWindow[];
  /** Windows already over: skipped with a warning. */
  skipped: ExamWindow[];
  leadMinutes: number;
  graceMinutes: number;
  studentsPerTask: number;
}

export interface StackConfig {
  stack: StackName;
  region: string;
  /** The base domain from config. */
  domain: string;
  /** The host this stack serves: the domain for prod, `staging.` / `exam.` + domain otherwise. */
  host: string;
  alarmEmail?: string;
  timeZone: string;
  service: ServiceConfig;
  database: DatabaseConfig;
  /** prod only: the shared platform. */
  platform?: PlatformConfig;
  /** staging and exam: the prod stack whose outputs they read. */
  platformStack?: string;
  staging?: StagingConfig;
  exam?: ExamConfig;
  /** Things worth telling the user that are not errors. */
  warnings: string[];
}

type Value = string | number | boolean | string[];
type PerStack<T> = Partial<Record<StackName, T>>;

export interface KeySpec {
  type: "string" | "integer" | "boolean" | "array";
  /** Stacks that accept the key. */
  stacks: readonly StackName[];
  description: string;
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
    stacks: ALL,
    default: { prod: 1024, staging: 512, exam: 1024 },
    description: "Task CPU units (1024 = 1 vCPU): 256, 512, 1024, 2048, 4096, 8192 or 16384.",
  },
  taskMemory: {
    type: "integer",
    stacks: ALL,
    default: { prod: 2048, staging: 1024, exam: 2048 },
    description: "Task memory in MiB; must be a size Fargate offers with taskCpu.",
  },
  cpuArchitecture: {
    type: "string",
    stacks: ALL,
    default: same("X86_64"),
    description:
      "X86_64 or ARM64 (Graviton, about 20% cheaper; the image must be built for arm64).",
  },
  minTasks: {
    type: "integer",
    stacks: ["prod", "exam"],
    default: { prod: 1, exam: 0 },
    description: "Autoscaling floor. In exam: the idle floor between exams (windows raise it).",
  },
  desiredTasks: {
    type: "integer",
    stacks: PROD,
    default: { prod: 1 },
    description:
      "Tasks at creation, between minTasks and maxTasks (autoscaling owns it afterwards).",
  },
  maxTasks: {
    type: "integer",
    stacks: ALL,
    default: { prod: 8, staging: 2, exam: 10 },
    description: "Autoscaling ceiling: the most tasks the service may run (and pay for).",
  },
  capacityProvider: {
    type: "string",
    stacks: ALL,
    default: { prod: "on-demand", staging: "spot", exam: "on-demand" },
    description:
      "on-demand (FARGATE), spot (FARGATE_SPOT, may be interrupted) or spot-with-base (onDemandBase on-demand tasks, Spot above).",
  },
  onDemandBase: {
    type: "integer",
    stacks: ALL,
    default: same(1),
    description: "With spot-with-base: tasks that always run on-demand.",
  },
  spotWeight: {
    type: "integer",
    stacks: ALL,
    default: same(4),
    description: "With spot-with-base: Spot tasks started per on-demand task above the base.",
  },
  cpuTargetPercent: {
    type: "integer",
    stacks: ALL,
    default: same(60),
    description: "Average CPU the service is scaled to hold (target tracking), 10-90.",
  },
  memoryTargetPercent: {
    type: "integer",
    stacks: ALL,
    default: same(70),
    description: "Average memory the service is scaled to hold (target tracking), 10-90.",
  },
  maxConcurrentExecutions: {
    type: "integer",
    stacks: ALL,
    default: { prod: 20, staging: 20, exam: 60 },
    description: "MAX_CONCURRENT_EXECUTIONS: student programs one task runs at once.",
  },
  executionTimeoutSeconds: {
    type: "integer",
    stacks: ALL,
    default: { prod: 60, staging: 60, exam: 30 },
    description: "EXECUTION_TIMEOUT: seconds a student program may run.",
  },
  memoryLimitMb: {
    type: "integer",
    stacks: ALL,
    default: { prod: 256, staging: 256, exam: 128 },
    description: "MEMORY_LIMIT_MB: memory one student program may use.",
  },
  tornadoProcesses: {
    type: "integer",
    stacks: ALL,
    default: same(1),
    description: "TORNADO_PROCESSES: server processes per task (seed 002 measured 1 as fastest).",
  },
  logRetentionDays: {
    type: "integer",
    stacks: ALL,
    default: { prod: 30, staging: 7, exam: 90 },
    description: "CloudWatch Logs retention in days (a value CloudWatch accepts).",
  },
  alarmEmail: {
    type: "string",
    stacks: ALL,
    description: "Email address subscribed to the stack's alarm topic (no subscription if unset).",
  },
  cookieSecret: {
    type: "string",
    stacks: ALL,
    secret: true,
    description:
      "Tornado cookie secret (32+ characters). Secret: pulumi config set --secret cookieSecret. Stored in Secrets Manager.",
  },
  dbInstanceClass: {
    type: "string",
    stacks: ALL,
    default: { prod: "db.t4g.small", staging: "db.t4g.micro", exam: "db.t4g.small" },
    description: `RDS PostgreSQL instance class: ${Object.keys(DB_CLASSES).join(", ")}.`,
  },
  dbAllocatedStorageGb: {
    type: "integer",
    stacks: ALL,
    default: same(20),
    description: "Database storage in GB (gp3), 20-1000.",
  },
  dbBackupRetentionDays: {
    type: "integer",
    stacks: ALL,
    default: { prod: 7, staging: 1, exam: 14 },
    description: "Days of automated backups, 1-35.",
  },
  deletionProtection: {
    type: "boolean",
    stacks: ALL,
    default: { prod: true, staging: false, exam: true },
    description: "Protect the database from deletion (and keep a final snapshot).",
  },
  dbMultiAz: {
    type: "boolean",
    stacks: ALL,
    default: same(false),
    description: "Run the database Multi-AZ (doubles its price).",
  },
  timeZone: {
    type: "string",
    stacks: ALL,
    default: same("UTC"),
    description: "IANA time zone for times written without an offset (exam windows, activeUntil).",
  },
  availabilityZones: {
    type: "integer",
    stacks: PROD,
    default: { prod: 2 },
    description: "Availability zones the network spans, 2-4 (the load balancer needs 2).",
  },
  vpcCidr: {
    type: "string",
    stacks: PROD,
    default: { prod: "10.0.0.0/16" },
    description: "IPv4 CIDR of the VPC, a private range from /16 to /22.",
  },
  natStrategy: {
    type: "string",
    stacks: PROD,
    default: { prod: "none" },
    description:
      "none (tasks in public subnets, inbound only from the load balancer), single or one-per-az NAT gateways.",
  },
  certificateArn: {
    type: "string",
    stacks: PROD,
    required: true,
    description: "ACM certificate ARN for the HTTPS listener (covering domain and *.domain).",
  },
  efsThroughputMode: {
    type: "string",
    stacks: PROD,
    default: { prod: "elastic" },
    description: "EFS throughput: bursting, elastic or provisioned (with efsProvisionedMibps).",
  },
  efsProvisionedMibps: {
    type: "integer",
    stacks: PROD,
    description:
      "EFS provisioned throughput in MiB/s, 1-1024 (only with efsThroughputMode provisioned).",
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
    stacks: STAGING,
    default: { staging: 12 },
    description: "How far ahead activeUntil may be, in hours, 1-168.",
  },
  activeTasks: {
    type: "integer",
    stacks: STAGING,
    default: { staging: 1 },
    description: "Tasks while staging is active (its floor; maxTasks is the ceiling).",
  },
  dbMode: {
    type: "string",
    stacks: STAGING,
    default: { staging: "on-demand" },
    description:
      "on-demand (the database exists only while active, restored from its last snapshot) or always-on.",
  },
  examWindows: {
    type: "array",
    stacks: EXAM,
    default: { exam: [] },
    description:
      'Exams, each "<name> <start>/<end> <students> [time zone]", e.g. "midsem 2026-03-10T09:00/2026-03-10T11:00 120".',
  },
  leadMinutes: {
    type: "integer",
    stacks: EXAM,
    default: { exam: 60 },
    description: "Minutes before an exam starts that its capacity is in place, 15-1440.",
  },
  graceMinutes: {
    type: "integer",
    stacks: EXAM,
    default: { exam: 30 },
    description: "Minutes after an exam ends before capacity returns to the idle floor, 0-1440.",
  },
  studentsPerTask: {
    type: "integer",
    stacks: EXAM,
    description:
      "Students one task serves at cpuTargetPercent. Default: derived from taskCpu and seed 001's measurement (34 students = 65% of 1 vCPU).",
  },
};

/** Keys whose names say they carry a credential: refused with a pointer to the managed secret. */
const CREDENTIAL_KEY = /(password|passwd|databaseurl|dburl|connectionstring)/i;

export class ConfigError extends Error {
  constructor(
    readonly stack: string,
    readonly problems: string[],
  ) {
    super(
      `Invalid configuration for stack "${stack}" (Pulumi.${stack}.yaml):\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

const IMAGE =
  /^(?:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ACM_ARN = /^arn:aws(?:-[a-z]+)*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;
const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/;
const STACK_REF = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const WINDOW_NAME = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** True when `host` is a DNS host name of two or more labels. */
export function isHostName(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split(".");
  return (
    labels.length >= 2 &&
    labels.every((l) => HOST_LABEL.test(l)) &&
    !/^\d+$/.test(labels[labels.length - 1])
  );
}

/** True when `text` looks like an email address. */
export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** True when `arn` is an ACM certificate ARN. */
export function isAcmCertificateArn(arn: string): boolean {
  return ACM_ARN.test(arn);
}

/** True when `name` is a fully qualified stack name, org/project/stack. */
export function isStackReference(name: string): boolean {
  return STACK_REF.test(name);
}

/** True when `image` is a well-formed container image reference. */
export function isImageReference(image: string): boolean {
  return image.length <= 255 && IMAGE.test(image);
}

function isPrivateCidr(cidr: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return false;
  const [a, b, c, d, bits] = m.slice(1).map(Number);
  if ([a, b, c, d].some((o) => o > 255) || bits < 16 || bits > 22) return false;
  const addr = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  if (addr % 2 ** (32 - bits) !== 0) return false;
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** Collects problems while reading one stack's values, so the user sees all of them at once. */
class Reader {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];

  constructor(
    readonly stack: StackName,
    private readonly raw: RawConfig,
  ) {}

  /** `pythonide:key`, as the user writes it in the stack file. */
  k(key: string): string {
    return `${PROJECT}:${key}`;
  }

  /** How a value is shown in a message: secrets never are. */
  shown(key: string, value: string): string {
    if (SCHEMA[key]?.secret || this.raw[this.k(key)]?.secret) return "[secret]";
    return JSON.stringify(value);
  }

  fail(key: string, value: string | undefined, what: string): undefined {
    const v = value === undefined ? "" : ` is ${this.shown(key, value)}:`;
    this.problems.push(`${this.k(key)}${v} ${what}`.replace(/: *$/, ""));
    return undefined;
  }

  given(key: string): boolean {
    return this.raw[this.k(key)] !== undefined;
  }

  /** The raw text of a key, or its default (as text) for this stack. */
  text(key: string): string | undefined {
    const spec = SCHEMA[key];
    const raw = this.raw[this.k(key)];
    if (raw !== undefined) return raw.value;
    const d = spec.default?.[this.stack];
    if (d === undefined) {
      if (spec.required) this.fail(key, undefined, `is required: ${spec.description}`);
      return undefined;
    }
    return Array.isArray(d) ? JSON.stringify(d) : String(d);
  }

  str(key: string): string | undefined {
    return this.text(key);
  }

  oneOf<T extends string>(key: string, options: readonly T[]): T | undefined {
    const v = this.text(key);
    if (v === undefined) return undefined;
    if (!(options as readonly string[]).includes(v)) {
      return this.fail(key, v, `must be one of ${options.join(", ")}`);
    }
    return v as T;
  }

  int(key: string, min: number, max: number): number | undefined {
    const v = this.text(key);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v.trim()))
      return this.fail(key, v, `must be a whole number from ${min} to ${max}`);
    const n = Number(v);
    if (n < min || n > max)
      return this.fail(key, v, `must be a whole number from ${min} to ${max}`);
    return n;
  }

  bool(key: string): boolean | undefined {
    const v = this.text(key);
    if (v === undefined) return undefined;
    if (v !== "true" && v !== "false") return this.fail(key, v, "must be true or false");
    return v === "true";
  }

  list(key: string): string[] | undefined {
    const v = this.text(key);
    if (v === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((e) => typeof e === "string")) {
      return this.fail(key, v, "must be a list of strings");
    }
    return parsed;
  }
}

/**
 * Reads and checks every setting of one stack. Throws ConfigError listing every problem; nothing
 * is registered before this returns.
 * @param stack the stack name (prod, staging or exam)
 * @param raw all config values of the stack, `namespace:key` -> value
 * @param now the clock: exam windows and staging expiry are judged against it
 */
export function parseStackConfig(stack: string, raw: RawConfig, now: Date): StackConfig {
  if (!(STACKS as readonly string[]).includes(stack)) {
    throw new ConfigError(stack, [
      `the stack name "${stack}" is not one this program composes: use ${STACKS.join(", ")}`,
    ]);
  }
  const r = new Reader(stack as StackName, raw);
  checkKeys(r, raw);

  const region = raw["aws:region"]?.value;
  if (region === undefined) r.problems.push("aws:region is required: the AWS region to deploy to");
  else if (!REGION.test(region)) {
    r.problems.push(
      `aws:region is ${JSON.stringify(region)}: must be an AWS region such as us-east-2`,
    );
  }

  const domain = r.str("domain");
  if (domain !== undefined && !isHostName(domain)) {
    r.fail(
      "domain",
      domain,
      "must be a host name such as ide.example.edu (lower-case labels of letters, digits and hyphens)",
    );
  }
  const timeZone = r.str("timeZone") ?? "UTC";
  if (!isTimeZone(timeZone))
    r.fail("timeZone", timeZone, "must be an IANA time zone such as UTC or Australia/Sydney");

  const alarmEmail = r.str("alarmEmail");
  if (alarmEmail !== undefined && !isEmail(alarmEmail))
    r.fail("alarmEmail", alarmEmail, "must be an email address");

  const service = readService(r);
  const database = readDatabase(r);
  const config: StackConfig = {
    stack: r.stack,
    region: region ?? "",
    domain: domain ?? "",
    host: r.stack === "prod" ? (domain ?? "") : `${r.stack}.${domain ?? ""}`,
    alarmEmail,
    timeZone,
    service,
    database,
    warnings: r.warnings,
  };
  if (r.stack === "prod") config.platform = readPlatform(r);
  else {
    config.platformStack = r.str("platformStack");
    if (config.platformStack !== undefined && !isStackReference(config.platformStack)) {
      r.fail(
        "platformStack",
        config.platformStack,
        "must be a fully qualified stack name, org/project/stack (for example acme/pythonide/prod)",
      );
    }
  }
  if (r.stack === "staging") config.staging = readStaging(r, service, timeZone, now);
  if (r.stack === "exam") config.exam = readExam(r, service, timeZone, now);

  if (r.problems.length > 0) throw new ConfigError(stack, r.problems);
  return config;
}

function checkKeys(r: Reader, raw: RawConfig): void {
  for (const full of Object.keys(raw).sort()) {
    const [ns, key] = full.includes(":")
      ? [full.slice(0, full.indexOf(":")), full.slice(full.indexOf(":") + 1)]
      : ["", full];
    if (ns !== PROJECT) continue;
    const spec = SCHEMA[key];
    const value = raw[full];
    if (!spec) {
      if (CREDENTIAL_KEY.test(key)) {
        r.problems.push(
          `${full} is not a setting: database credentials are never configured; RDS manages the master password in Secrets Manager and tasks receive it as a container secret. Remove the key`,
        );
        continue;
      }
      const near = Object.keys(SCHEMA)
        .map((k) => [k, editDistance(key.toLowerCase(), k.toLowerCase())] as const)
        .sort((a, b) => a[1] - b[1])[0];
      const hint =
        near && near[1] <= 3
          ? `did you mean ${PROJECT}:${near[0]}?`
          : `known keys are listed in Pulumi.yaml`;
      r.problems.push(`${full} is not a setting of this program: ${hint}`);
      continue;
    }
    if (!spec.stacks.includes(r.stack)) {
      r.problems.push(
        `${full} does not apply to the ${r.stack} stack: it is a setting of ${spec.stacks.join(" and ")}`,
      );
      continue;
    }
    if (spec.secret && !value.secret) {
      r.problems.push(
        `${full} is given in plaintext: it must be a secret; run pulumi config set --secret ${key} (and remove the plaintext value)`,
      );
    }
  }
}

function readService(r: Reader): ServiceConfig {
  const image = r.str("image");
  if (image !== undefined && !isImageReference(image)) {
    r.fail(
      "image",
      image,
      "must be an image reference such as registry.example.com/pythonide:1.4.2 (lower-case repository, optional tag or @sha256 digest)",
    );
  }
  const cpu = r.int("taskCpu", 256, 16384);
  const memory = r.int("taskMemory", 512, 122880);
  if (cpu !== undefined && memory !== undefined) {
    const problem = fargateSizeProblem(cpu, memory);
    if (problem) {
      const key = problem.startsWith("CPU") ? "taskCpu" : "taskMemory";
      r.fail(key, String(key === "taskCpu" ? cpu : memory), `not a Fargate size: ${problem}`);
    }
  }
  const architecture = r.oneOf("cpuArchitecture", CPU_ARCHITECTURES);
  const strategy = r.oneOf("capacityProvider", CAPACITY_STRATEGIES);
  const onDemandBase = r.int("onDemandBase", 0, 100);
  const spotWeight = r.int("spotWeight", 1, 100);
  const maxTasks = r.int("maxTasks", 1, 100);
  let minTasks = 0;
  let desiredTasks = 0;
  if (r.stack === "prod") {
    minTasks = r.int("minTasks", 1, 100) ?? 1;
    desiredTasks = r.int("desiredTasks", 1, 100) ?? minTasks;
    if (maxTasks !== undefined) {
      if (minTasks > desiredTasks || desiredTasks > maxTasks) {
        r.problems.push(
          `${r.k("minTasks")} ${minTasks}, ${r.k("desiredTasks")} ${desiredTasks} and ${r.k("maxTasks")} ${maxTasks} must satisfy minTasks <= desiredTasks <= maxTasks`,
        );
      } else if (maxTasks === minTasks) {
        r.fail(
          "maxTasks",
          String(maxTasks),
          `must be greater than minTasks (${minTasks}) so autoscaling can add tasks`,
        );
      }
    }
  } else if (r.stack === "exam") {
    minTasks = r.int("minTasks", 0, 100) ?? 0;
    desiredTasks = minTasks;
    if (maxTasks !== undefined && minTasks >= maxTasks) {
      r.fail("minTasks", String(minTasks), `the idle floor must be below maxTasks (${maxTasks})`);
    }
  }
  if (
    strategy === "spot-with-base" &&
    onDemandBase !== undefined &&
    maxTasks !== undefined &&
    onDemandBase > maxTasks
  ) {
    r.fail("onDemandBase", String(onDemandBase), `must not exceed maxTasks (${maxTasks})`);
  }
  if (r.stack === "exam" && strategy === "spot") {
    r.fail(
      "capacityProvider",
      "spot",
      "Spot tasks can be interrupted during an exam; use on-demand, or spot-with-base with onDemandBase of at least 2",
    );
  }
  if (
    r.stack === "exam" &&
    strategy === "spot-with-base" &&
    onDemandBase !== undefined &&
    onDemandBase < 2
  ) {
    r.fail(
      "onDemandBase",
      String(onDemandBase),
      "must be at least 2 in exam so an exam never rests on Spot tasks alone",
    );
  }
  const logRetentionDays = r.int("logRetentionDays", 1, 3653);
  if (logRetentionDays !== undefined && !LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    r.fail(
      "logRetentionDays",
      String(logRetentionDays),
      `must be a retention CloudWatch accepts: ${LOG_RETENTION_DAYS.join(", ")}`,
    );
  }
  const cookieSecret = r.str("cookieSecret");
  if (cookieSecret !== undefined && cookieSecret.length < 32) {
    r.fail("cookieSecret", cookieSecret, "must be at least 32 characters");
  }
  return {
    image: image ?? "",
    cpu: cpu ?? 0,
    memory: memory ?? 0,
    architecture: architecture ?? "X86_64",
    minTasks,
    desiredTasks,
    maxTasks: maxTasks ?? 0,
    capacity: {
      strategy: strategy ?? "on-demand",
      onDemandBase: onDemandBase ?? 0,
      spotWeight: spotWeight ?? 1,
    },
    cpuTargetPercent: r.int("cpuTargetPercent", 10, 90) ?? 0,
    memoryTargetPercent: r.int("memoryTargetPercent", 10, 90) ?? 0,
    app: {
      maxConcurrentExecutions: r.int("maxConcurrentExecutions", 1, 1000) ?? 0,
      executionTimeoutSeconds: r.int("executionTimeoutSeconds", 1, 3600) ?? 0,
      memoryLimitMb: r.int("memoryLimitMb", 16, 16384) ?? 0,
      tornadoProcesses: r.int("tornadoProcesses", 1, 64) ?? 0,
    },
    logRetentionDays: logRetentionDays ?? 0,
    cookieSecret,
  };
}

function readDatabase(r: Reader): DatabaseConfig {
  const backupRetentionDays = r.int("dbBackupRetentionDays", 1, 35);
  return {
    instanceClass: r.oneOf("dbInstanceClass", Object.keys(DB_CLASSES)) ?? "",
    allocatedStorageGb: r.int("dbAllocatedStorageGb", 20, 1000) ?? 0,
    backupRetentionDays: backupRetentionDays ?? 0,
    deletionProtection: r.bool("deletionProtection") ?? false,
    multiAz: r.bool("dbMultiAz") ?? false,
  };
}

function readPlatform(r: Reader): PlatformConfig {
  const vpcCidr = r.str("vpcCidr") ?? "";
  if (!isPrivateCidr(vpcCidr)) {
    r.fail(
      "vpcCidr",
      vpcCidr,
      "must be a private IPv4 range (10/8, 172.16/12 or 192.168/16) from /16 to /22, such as 10.0.0.0/16",
    );
  }
  const certificateArn = r.str("certificateArn");
  if (certificateArn !== undefined && !isAcmCertificateArn(certificateArn)) {
    r.fail(
      "certificateArn",
      certificateArn,
      "must be an ACM certificate ARN, arn:aws:acm:<region>:<account>:certificate/<id>",
    );
  }
  const efsThroughputMode = r.oneOf("efsThroughputMode", EFS_THROUGHPUT_MODES);
  const efsProvisionedMibps = r.int("efsProvisionedMibps", 1, 1024);
  if (efsThroughputMode === "provisioned" && !r.given("efsProvisionedMibps")) {
    r.problems.push(
      `${r.k("efsProvisionedMibps")} is required when efsThroughputMode is provisioned: MiB/s from 1 to 1024`,
    );
  }
  if (
    efsThroughputMode !== undefined &&
    efsThroughputMode !== "provisioned" &&
    r.given("efsProvisionedMibps")
  ) {
    r.fail(
      "efsProvisionedMibps",
      String(efsProvisionedMibps ?? r.text("efsProvisionedMibps")),
      `only applies when efsThroughputMode is provisioned (it is ${efsThroughputMode})`,
    );
  }
  return {
    availabilityZones: r.int("availabilityZones", 2, 4) ?? 2,
    vpcCidr,
    natStrategy: r.oneOf("natStrategy", NAT_STRATEGIES) ?? "none",
    certificateArn: certificateArn ?? "",
    efsThroughputMode: efsThroughputMode ?? "elastic",
    efsProvisionedMibps: efsThroughputMode === "provisioned" ? efsProvisionedMibps : undefined,
  };
}

function readStaging(
  r: Reader,
  service: ServiceConfig,
  timeZone: string,
  now: Date,
): StagingConfig {
  const switchedOn = r.bool("active") ?? false;
  const maxActiveHours = r.int("maxActiveHours", 1, 168) ?? 12;
  const activeTasks = r.int("activeTasks", 1, 100) ?? 1;
  const dbMode = r.oneOf("dbMode", STAGING_DB_MODES) ?? "on-demand";
  if (activeTasks > service.maxTasks && service.maxTasks > 0) {
    r.fail("activeTasks", String(activeTasks), `must not exceed maxTasks (${service.maxTasks})`);
  }
  const untilText = r.str("activeUntil");
  let activeUntil: Date | undefined;
  if (untilText !== undefined) {
    activeUntil = parseZonedTime(untilText, timeZone);
    if (!activeUntil) {
      r.fail(
        "activeUntil",
        untilText,
        `must be a time YYYY-MM-DDTHH:MM (in ${timeZone}) or with Z or an offset, such as 2026-03-10T18:00`,
      );
    }
  }
  let active = false;
  if (switchedOn) {
    if (untilText === undefined) {
      r.problems.push(
        `${r.k("active")} is true but ${r.k("activeUntil")} is not set: an active staging needs an expiry within ${maxActiveHours} hours (maxActiveHours), so a forgotten staging switches itself off`,
      );
    } else if (activeUntil) {
      const hoursAhead = (activeUntil.getTime() - now.getTime()) / 3_600_000;
      if (hoursAhead > maxActiveHours) {
        r.fail(
          "activeUntil",
          untilText,
          `is ${hoursAhead.toFixed(1)} hours ahead; staging may be active for at most ${maxActiveHours} hours (maxActiveHours): use a time before ${utcMinute(new Date(now.getTime() + maxActiveHours * 3_600_000))}Z`,
        );
      } else if (hoursAhead <= 0) {
        r.warnings.push(
          `staging expired at ${utcMinute(activeUntil)}Z and stays off; set a new ${r.k("activeUntil")} to switch it on again`,
        );
      } else {
        active = true;
      }
    }
  }
  service.minTasks = active ? activeTasks : 0;
  service.maxTasks = active ? Math.max(service.maxTasks, activeTasks) : 0;
  service.desiredTasks = 0;
  return {
    active,
    activeUntil: active ? activeUntil : undefined,
    maxActiveHours,
    activeTasks,
    dbMode,
  };
}

function readExam(r: Reader, service: ServiceConfig, timeZone: string, now: Date): ExamConfig {
  const leadMinutes = r.int("leadMinutes", 15, 1440) ?? 60;
  const graceMinutes = r.int("graceMinutes", 0, 1440) ?? 30;
  // Without a valid taskCpu or cpuTargetPercent (reported on its own key) there is no figure to
  // plan tasks with, so windows are then checked for everything but their task count.
  const derived =
    service.cpu > 0 && service.cpuTargetPercent > 0
      ? studentsPerTask(service.cpu, service.cpuTargetPercent)
      : undefined;
  const perTask = r.given("studentsPerTask")
    ? (r.int("studentsPerTask", 1, 10000) ?? derived)
    : derived;
  const entries = r.list("examWindows") ?? [];
  const windows: ExamWindow[] = [];
  const names = new Set<string>();
  entries.forEach((entry, i): void => {
    const key = `examWindows[${i}]`;
    const fail = (what: string): void => {
      r.problems.push(`${r.k(key)} is ${JSON.stringify(entry)}: ${what}`);
    };
    const parts = entry.trim().split(/\s+/);
    const format = `write "<name> <start>/<end> <students> [time zone]", such as "midsem 2026-03-10T09:00/2026-03-10T11:00 120"`;
    if (parts.length < 3 || parts.length > 4) return fail(format);
    const [name, interval, studentsText, zone = timeZone] = parts;
    if (!WINDOW_NAME.test(name))
      return fail(`the name "${name}" must be lower-case letters, digits and hyphens (at most 32)`);
    if (names.has(name))
      return fail(`the name "${name}" is used by an earlier window; names must be unique`);
    names.add(name);
    if (!isTimeZone(zone)) {
      // A bad stack-wide timeZone is reported once, on its own key.
      if (parts.length === 4) fail(`"${zone}" is not an IANA time zone such as Australia/Sydney`);
      return;
    }
    const [startText, endText, extra] = interval.split("/");
    if (endText === undefined || extra !== undefined) return fail(format);
    const start = parseZonedTime(startText, zone);
    if (!start) return fail(`the start "${startText}" is not a time YYYY-MM-DDTHH:MM`);
    const end = parseZonedTime(endText, zone);
    if (!end) return fail(`the end "${endText}" is not a time YYYY-MM-DDTHH:MM`);
    if (end.getTime() <= start.getTime())
      return fail(`the end ${endText} is not after its start ${startText}`);
    if (end.getTime() - start.getTime() > 24 * 3_600_000)
      return fail(`the window is longer than 24 hours; split it into one window per exam`);
    if (!/^\d+$/.test(studentsText) || Number(studentsText) < 1 || Number(studentsText) > 100000) {
      return fail(`the student count "${studentsText}" must be a whole number from 1 to 100000`);
    }
    const students = Number(studentsText);
    if (perTask === undefined) return;
    const tasks = examTasks(students, perTask);
    if (service.maxTasks > 0 && tasks > service.maxTasks) {
      return fail(
        `needs ${tasks} tasks for ${students} students at ${perTask} students per task, but maxTasks is ${service.maxTasks}: raise ${r.k("maxTasks")} to at least ${tasks}, or use larger tasks`,
      );
    }
    windows.push({ name, start, end, students, timeZone: zone, tasks });
  });
  const sorted = [...windows].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (b.start.getTime() < a.end.getTime()) {
      r.problems.push(
        `${r.k("examWindows")}: "${a.name}" (${utcMinute(a.start)}Z-${utcMinute(a.end)}Z) and "${b.name}" (${utcMinute(b.start)}Z-${utcMinute(b.end)}Z) overlap; merge them into one window with the total number of students`,
      );
    }
  }
  const ahead = sorted.filter((w) => w.end.getTime() > now.getTime());
  const skipped = sorted.filter((w) => w.end.getTime() <= now.getTime());
  for (const w of skipped) {
    r.warnings.push(
      `exam window "${w.name}" ended at ${utcMinute(w.end)}Z, before now (${utcMinute(now)}Z): skipped`,
    );
  }
  return { windows: ahead, skipped, leadMinutes, graceMinutes, studentsPerTask: perTask ?? 0 };
}

/** The schema's default of `key` in `stack`; an error when the schema declares none. */
export function schemaDefault(key: string, stack: StackName): Value {
  const d = SCHEMA[key]?.default?.[stack];
  if (d === undefined)
    throw new Error(`model/config.ts SCHEMA declares no ${stack} default for ${key}`);
  return d;
}

/** The value of `default` to declare in Pulumi.yaml: only a default every stack shares. */
export function sharedDefault(spec: KeySpec): Value | undefined {
  const values = spec.stacks.map((s) => spec.default?.[s]);
  if (values.some((v) => v === undefined)) return undefined;
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) && spec.stacks.length === STACKS.length
    ? values[0]
    : undefined;
}
