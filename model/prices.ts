/**
 * AWS list prices the cost model uses (USD, Linux, on-demand), each with where it was read and
 * when. The figures are the ones gathered in `../shared/PRICES.md` (2026-11); re-check them
 * against the AWS Price List before relying on a figure for money.
 *
 * us-east-2 (the seeds' region) matched us-east-1 wherever a us-east-2 source was found (Fargate,
 * load balancer, NAT gateway, public IPv4, CloudWatch Logs). Every other us-east-2 row is carried
 * as "assumed equal to us-east-1", and estimates say so in their notes.
 *
 * No Pulumi imports: components, the policy pack and the scripts all read this table.
 */
import { DB_CLASSES } from "./rds";

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

const D = PRICES_DATE;
const FARGATE_PAGE = "AWS Fargate pricing page; infracost test fixtures; seed 004";
const FARGATE_ARM = "AWS Fargate pricing page (via Vantage's Fargate pricing article)";
const ELB = "infracost fixtures; AWS ELB pricing page; seed 004";
const INFRACOST = "infracost fixtures";

const p = (usd: number, unit: string, source: string): Price => ({ usd, unit, source, date: D });

const US_EAST_1_ITEMS: Record<PriceKey, Price> = {
  "fargate.x86.vcpuHour": p(0.04048, "vCPU-hour", FARGATE_PAGE),
  "fargate.x86.gbHour": p(0.004445, "GB-hour", FARGATE_PAGE),
  "fargate.arm.vcpuHour": p(0.03238, "vCPU-hour", FARGATE_ARM),
  "fargate.arm.gbHour": p(0.00356, "GB-hour", FARGATE_ARM),
  "fargate.ephemeralGbHour": p(
    0.000111,
    "GB-hour above the free 20 GB",
    "Vantage's Fargate pricing article",
  ),
  "fargate.spotFactor": p(
    0.3,
    "x on-demand",
    'ASSUMPTION: no per-unit Spot list price found (AWS says "up to 70% off"); seed 004 uses 0.3 x on-demand',
  ),
  "alb.hour": p(0.0225, "ALB-hour", ELB),
  "alb.lcuHour": p(0.008, "LCU-hour", ELB),
  "nat.hour": p(0.045, "gateway-hour", "infracost fixtures; AWS VPC pricing example"),
  "nat.gb": p(0.045, "GB processed", "infracost fixtures; AWS VPC pricing example"),
  "publicIpv4.hour": p(
    0.005,
    "IP-hour",
    "infracost fixtures; AWS announcement (every public IPv4 billed since 2024-02-01)",
  ),
  "endpoint.azHour": p(0.01, "AZ-hour", "AWS PrivateLink pricing page"),
  "endpoint.gb": p(0.01, "GB processed (first PB)", "AWS PrivateLink pricing page"),
  "rds.gp3GbMonth": p(0.115, "GB-month", INFRACOST),
  "rds.gp3IopsMonth": p(0.02, "IOPS-month above 3,000", INFRACOST),
  "rds.backupGbMonth": p(0.095, "GB-month beyond the provisioned size", INFRACOST),
  "rds.snapshotGbMonth": p(
    0.095,
    "GB-month of manual snapshot",
    "infracost fixtures (same rate as backup storage)",
  ),
  "aurora.serverlessV2AcuHour": p(
    0.12,
    "ACU-hour",
    "AWS Aurora pricing page (Serverless v2, Aurora Standard, billed per ACU-second; 1 ACU is about 2 GiB) as quoted for us-east-1 by public pricing summaries (c3x.dev, factualminds.com 2026-06, awsnegotiations.com 2026-05: $0.12); infracost's Serverless v1 fixture is $0.06, half of it",
  ),
  "aurora.storageGbMonth": p(
    0.1,
    "GB-month",
    "infracost fixtures (aws_rds_cluster golden test: Storage $0.10 per GB); AWS Aurora pricing page (Aurora Standard)",
  ),
  "aurora.ioMillion": p(
    0.2,
    "million I/O requests",
    "infracost fixtures (aws_rds_cluster golden test: I/O $0.20 per 1M requests); AWS Aurora pricing page (Aurora Standard)",
  ),
  "efs.standardGbMonth": p(0.3, "GB-month", "infracost fixtures; AWS EFS price table"),
  "efs.elasticReadGb": p(0.03, "GB read", "AWS EFS price table"),
  "efs.elasticWriteGb": p(0.06, "GB written", "AWS EFS price table"),
  "efs.provisionedMibpsMonth": p(6.0, "MiB/s-month", INFRACOST),
  "cloudwatch.alarmMonth": p(0.1, "alarm-month", INFRACOST),
  "cloudwatch.highResolutionAlarmMonth": p(0.3, "alarm-month", INFRACOST),
  "cloudwatch.dashboardMonth": p(3.0, "dashboard-month", INFRACOST),
  "cloudwatch.logsIngestGb": p(0.5, "GB ingested", INFRACOST),
  "cloudwatch.logsStorageGbMonth": p(0.03, "GB-month stored", INFRACOST),
  "secretsmanager.secretMonth": p(0.4, "secret-month", INFRACOST),
  "secretsmanager.per10kCalls": p(0.05, "10,000 API calls", INFRACOST),
};

const US_EAST_1_RDS: Record<string, Price> = {
  "db.t4g.micro": p(0.016, "instance-hour", "RDS pricing summaries (us-east-1)"),
  "db.t4g.small": p(0.032, "instance-hour", "RDS pricing summaries (us-east-1)"),
  "db.t4g.medium": p(0.065, "instance-hour", "RDS pricing summaries (us-east-1)"),
  "db.t3.micro": p(
    0.018,
    "instance-hour",
    "public cost fixtures (PostgreSQL; 0.017 is the MySQL rate)",
  ),
};

/** Items for which a us-east-2 source was found (and matched us-east-1). */
const US_EAST_2_CHECKED: ReadonlySet<PriceKey> = new Set<PriceKey>([
  "fargate.x86.vcpuHour",
  "fargate.x86.gbHour",
  "fargate.arm.vcpuHour",
  "fargate.arm.gbHour",
  "alb.hour",
  "alb.lcuHour",
  "nat.hour",
  "nat.gb",
  "publicIpv4.hour",
  "cloudwatch.logsIngestGb",
  "cloudwatch.logsStorageGbMonth",
]);

function usEast2(): RegionPrices {
  const items = {} as Record<PriceKey, Price>;
  for (const key of PRICE_KEYS) {
    const base = US_EAST_1_ITEMS[key];
    items[key] = US_EAST_2_CHECKED.has(key)
      ? { ...base, source: `${base.source}; us-east-2 checked, equal to us-east-1` }
      : { ...base, assumedFrom: "us-east-1" };
  }
  const rds: Record<string, Price> = {};
  for (const [cls, price] of Object.entries(US_EAST_1_RDS)) {
    rds[cls] = { ...price, assumedFrom: "us-east-1" };
  }
  return { region: "us-east-2", items, rdsInstanceHour: rds };
}

const TABLE: Readonly<Record<string, RegionPrices>> = {
  "us-east-1": { region: "us-east-1", items: US_EAST_1_ITEMS, rdsInstanceHour: US_EAST_1_RDS },
  "us-east-2": usEast2(),
};

/** Regions the table prices. */
export const PRICED_REGIONS: readonly string[] = Object.keys(TABLE);

/** The prices of `region`; an unknown region is an error naming it, never a zero. */
export function pricesFor(region: string): RegionPrices {
  const prices = TABLE[region];
  if (!prices) {
    throw new Error(
      `no prices for region "${region}": the cost model prices ${PRICED_REGIONS.join(", ")} (add the region's figures to model/prices.ts)`,
    );
  }
  return prices;
}

/** The hourly price of one single-AZ RDS instance of `instanceClass` in `prices`' region. */
export function rdsInstancePrice(prices: RegionPrices, instanceClass: string): Price {
  const price = prices.rdsInstanceHour[instanceClass];
  if (!price) {
    throw new Error(
      `no price for RDS instance class "${instanceClass}" in ${prices.region}: priced classes are ${Object.keys(prices.rdsInstanceHour).join(", ")}`,
    );
  }
  return price;
}

/** RDS Multi-AZ doubles the instance and the storage (infracost fixtures). */
export const RDS_MULTI_AZ_FACTOR = 2;

/** Classes the stacks may use (model/rds.ts) that some region does not price: should be none. */
export function unpricedDbClasses(): string[] {
  return Object.values(TABLE).flatMap((t) =>
    Object.keys(DB_CLASSES)
      .filter((c) => !t.rdsInstanceHour[c])
      .map((c) => `${t.region}:${c}`),
  );
}
