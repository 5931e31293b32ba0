/** The shape of the price table (no figures here: usEast1.ts and regions/ hold them). */
/** Hours in a month, the convention infracost and AWS's calculator use. */
export const HOURS_PER_MONTH = 730;

/** When the figures were gathered. */
export const PRICES_DATE = "2026-11";

/** One figure of the table. */
export interface Price {
  /** US dollars per unit. */
  usd: number;
  /** What one unit is, for example `vCPU-hour`. */
  unit: string;
  /** Where the figure was read. */
  source: string;
  /** When it was read (YYYY-MM). */
  date: string;
  /** Set when no source for this region was found and the figure is another region's. */
  assumedFrom?: string;
}

/** The priced items, one key per figure. */
export const PRICE_KEYS = [
  "fargate.x86.vcpuHour",
  "fargate.x86.gbHour",
  "fargate.arm.vcpuHour",
  "fargate.arm.gbHour",
  "fargate.ephemeralGbHour",
  "fargate.spotFactor",
  "alb.hour",
  "alb.lcuHour",
  "nat.hour",
  "nat.gb",
  "publicIpv4.hour",
  "endpoint.azHour",
  "endpoint.gb",
  "rds.gp3GbMonth",
  "rds.gp3IopsMonth",
  "rds.backupGbMonth",
  "rds.snapshotGbMonth",
  "aurora.serverlessV2AcuHour",
  "aurora.storageGbMonth",
  "aurora.ioMillion",
  "efs.standardGbMonth",
  "efs.elasticReadGb",
  "efs.elasticWriteGb",
  "efs.provisionedMibpsMonth",
  "cloudwatch.alarmMonth",
  "cloudwatch.highResolutionAlarmMonth",
  "cloudwatch.dashboardMonth",
  "cloudwatch.logsIngestGb",
  "cloudwatch.logsStorageGbMonth",
  "secretsmanager.secretMonth",
  "secretsmanager.per10kCalls",
] as const;
export type PriceKey = (typeof PRICE_KEYS)[number];

/** The prices of one region: every item, and an hourly price per RDS class. */
export interface RegionPrices {
  region: string;
  items: Readonly<Record<PriceKey, Price>>;
  /** RDS PostgreSQL single-AZ on-demand, per instance-hour, by class. */
  rdsInstanceHour: Readonly<Record<string, Price>>;
}

/** When the regional figures below were read (2026-12) or dated by their source. */
export const READ = "2026-12";

/** One figure found for a region: US dollars, where it was read, and its date (default READ). */
export type Found = [usd: number, source: string, date?: string];
