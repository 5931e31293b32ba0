/** us-east-1, the base figures: every other region names the items it has no source for as us-east-1's. */
import { Price, PRICES_DATE, PriceKey } from "./types";

const D = PRICES_DATE;
const FARGATE_PAGE = "AWS Fargate pricing page; infracost test fixtures; seed 004";
const FARGATE_ARM = "AWS Fargate pricing page (via Vantage's Fargate pricing article)";
const ELB = "infracost fixtures; AWS ELB pricing page; seed 004";
const INFRACOST = "infracost fixtures";

const p = (usd: number, unit: string, source: string): Price => ({ usd, unit, source, date: D });

export const US_EAST_1_ITEMS: Record<PriceKey, Price> = {
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

export const US_EAST_1_RDS: Record<string, Price> = {
  "db.t4g.micro": p(0.016, "instance-hour", "RDS pricing summaries (us-east-1)"),
  "db.t4g.small": p(0.032, "instance-hour", "RDS pricing summaries (us-east-1)"),
  "db.t4g.medium": p(0.065, "instance-hour", "RDS pricing summaries (us-east-1)"),
  "db.t3.micro": p(
    0.018,
    "instance-hour",
    "public cost fixtures (PostgreSQL; 0.017 is the MySQL rate)",
  ),
};
