/**
 * The shapes of stack config: the raw values the engine hands the program, and the validated,
 * typed config the reader (./read.ts) returns and the stacks compose from. No Pulumi imports.
 */
import type { CpuArchitecture } from "../fargate";
import type { CapacityStrategy, DbKind, EfsThroughputMode, NatStrategy, StackName } from "./schema";

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

/** Aurora PostgreSQL Serverless v2 that pauses itself (staging and exam, `dbKind` serverless). */
export interface ServerlessDatabaseConfig {
  /** Most capacity, ACUs (planner default: model/capacity.ts serverlessMaxAcu). */
  maxCapacityAcu: number;
  /** Seconds without a connection before it pauses (300-86,400). */
  secondsUntilAutoPause: number;
}

export interface DatabaseConfig {
  /** `instance` (prod always) or `serverless` (the staging and exam default). */
  kind: DbKind;
  /** Instance class, storage and Multi-AZ: read for an instance only. */
  instanceClass: string;
  allocatedStorageGb: number;
  backupRetentionDays: number;
  deletionProtection: boolean;
  multiAz: boolean;
  /** Set when `kind` is serverless. */
  serverless?: ServerlessDatabaseConfig;
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
  /** Windows ahead or under way (grace not over) at validation time, in start order. */
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
