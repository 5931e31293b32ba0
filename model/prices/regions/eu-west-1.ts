import { region } from "../region";
import {
  costTree,
  costTreeCite,
  costTreeHighResAlarm,
  DASHBOARD_EVERY_REGION,
  IPV4_EVERY_REGION,
  JP_PAGE,
} from "../shared";

/** Price List API answers for eu-west-1 recorded in a public cost scanner's per-service audit. */
const IRELAND_AUDIT =
  "a public AWS cost scanner's per-service adapter audit (2026-05-01), AWS Price List API answers for eu-west-1";

const IRELAND_BILL =
  "a public project's architecture decision record (2026-08-04): Cost Explorer actuals for eu-west-1, July 2026, cost / quantity";

const IRELAND_ELB =
  'a public cost tool\'s ALB regression test, whose eu-west-1 rows match "the real AWSELB catalog" (.../AWSELB/current/eu-west-1/index.json, fetched 2026-07-03): LoadBalancerUsage 0.0252000000, LCUUsage 0.0080000000';

/** A committed rate file: one row per usage type, each with its SKU, offer-file version and URL. */
const IRELAND_RATES =
  'a public project\'s committed AWS Price List rate snapshot for eu-west-1 ("checked": "2026-10-04"; rows carry SKU, usage type, description and the .../<service>/<version>/eu-west-1/index.json they were read from)';

/** Cost Explorer for a 70-account organisation, May 2026, mostly eu-west-1 (reserved instances had lapsed). */
const IRELAND_ORG_BILL =
  "a public project's organisation cost analysis (Italian, 2026-06-10): Cost Explorer UnblendedCost and UsageQuantity for May 2026, on-demand after the RIs lapsed on 2026-04-30";

/** The pricing engine of the cost scanner whose audit IRELAND_AUDIT quotes (its comments cite its own Pricing API reads). */
const IRELAND_ENGINE =
  'the same public AWS cost scanner\'s pricing engine (Price List GetProducts lookups; rates in its comments "verified via the Pricing API", 2026-06)';

/** An AWS re:Post article that prices its worked example of Elastic throughput at Ireland's rates. */
const IRELAND_EFS_ELASTIC =
  'AWS re:Post article "How do I estimate Elastic Throughput mode costs for Amazon Elastic File System (Amazon EFS)?" (https://repost.aws/articles/ARLxw4PqmeQK6VVrpGL4-jzA): "Pricing varies by AWS Region. For this example, I\'ll use the \"eu-west-1\" region pricing: Reads: $0.03 per GB transferred, Writes: $0.07 per GB transferred"';

/** eu-west-1's figures; every item without one is us-east-1's, marked. */
export const euWest1 = region(
  "eu-west-1",
  {
    "fargate.x86.vcpuHour": [0.04048, `${JP_PAGE} (EU-Fargate-vCPU-Hours:perCPU)`],
    "fargate.x86.gbHour": [0.004445, `${JP_PAGE} (EU-Fargate-GB-Hours)`],
    "fargate.arm.vcpuHour": [0.03238, `${IRELAND_AUDIT} (AUDIT-10: ARM vCPU)`, "2026-05"],
    "fargate.ephemeralGbHour": costTree(
      0.000122,
      "eu-west-1",
      "fargate_ephemeral_storage_gb_hourly",
      "; by position: after the usage block whose inter-region map omits eu-west-1 and before the eu-west-2 header, beside Ireland's Fargate x86 pair 0.04048 / 0.004445",
    ),
    "alb.hour": [
      0.0252,
      `${IRELAND_BILL}: EU-LoadBalancerUsage $15.00 for 595 hr (0.02521), the record's 730-hour figure $18.40; ${IRELAND_ELB}`,
      "2026-08",
    ],
    "alb.lcuHour": [
      0.008,
      `${IRELAND_ELB} (EU-LCUUsage); a public blog post's Elastic Beanstalk bill in EU (Ireland) (2022-03): "$0.008 per used Application load balancer capacity unit-hour (or partial hour) - 0.026 LCU-Hrs" beside "$0.0252 per Application LoadBalancer-hour"; ${costTreeCite("eu-west-1", "lcu_hourly_rate.alb 0.008")}`,
      "2026-07",
    ],
    "fargate.arm.gbHour": [0.00356, `${IRELAND_AUDIT} (AUDIT-10: ARM memory)`, "2026-05"],
    "nat.hour": [
      0.048,
      `${IRELAND_AUDIT} (AUDIT-05: "$0.048 per NAT Gateway Hour", SKU KFNSSCHWD43WZK2R); a public Go project's test snapshot of the eu-west-1 EU-NatGateway-Hours row`,
      "2026-05",
    ],
    "nat.gb": [
      0.048,
      `${IRELAND_AUDIT} (AUDIT-05: "$0.048 per GB Data Processed by NAT Gateways"); the same Go test snapshot (EU-NatGateway-Bytes)`,
      "2026-05",
    ],
    "publicIpv4.hour": IPV4_EVERY_REGION,
    "endpoint.azHour": [
      0.011,
      `${IRELAND_AUDIT} (AUDIT-05: "$0.011 per VPC Endpoint Hour", SKU H37WJ97MHYGDXG2A)`,
      "2026-05",
    ],
    "endpoint.gb": [0.01, `${IRELAND_AUDIT} (AUDIT-05: $0.01/GB for the first PB)`, "2026-05"],
    "rds.gp3GbMonth": [
      0.127,
      `${IRELAND_AUDIT} (AUDIT-03: RDS "General Purpose-GP3" Single-AZ storage)`,
      "2026-05",
    ],
    "rds.gp3IopsMonth": costTree(
      0.022,
      "eu-west-1",
      "rds_gp3_iops_price_per_unit_monthly.single-az",
    ),
    "rds.backupGbMonth": [
      0.095,
      `${IRELAND_AUDIT} (AUDIT-03: Storage Snapshot, MySQL/PostgreSQL/MariaDB)`,
      "2026-05",
    ],
    "rds.snapshotGbMonth": [
      0.095,
      `${IRELAND_AUDIT} (AUDIT-03: Storage Snapshot, PostgreSQL; snapshots bill as backup storage)`,
      "2026-05",
    ],
    "aurora.serverlessV2AcuHour": [
      0.14,
      `${IRELAND_ENGINE}: "AWS publishes the Aurora Serverless v2 ACU rate as <region>-Aurora:ServerlessV2Usage (unit \"ACU-Hr\", e.g. EU-Aurora:ServerlessV2Usage @ $0.14)"; a public Go project's test fixture (flagged) prices eu-west-1's EU-Aurora:ServerlessV2Usage at 0.14 beside us-east-1's 0.12 (a TypeScript fixture's 0.15 for that usage type is a placeholder beside us-east-1 figures)`,
      "2026-06",
    ],
    "aurora.storageGbMonth": [
      0.11,
      costTreeCite(
        "eu-west-1",
        "usage_based_per_unit_rates.rds_cluster_storage 0.11 (Aurora Standard; rds_cluster_storage_iopt1 0.248 beside it)",
      ),
      "2026-09",
    ],
    "aurora.ioMillion": [
      0.22,
      `${IRELAND_ENGINE}: "Aurora Standard-tier per-request I/O rate, $/1M requests. Live (Pricing API 2026-06, usagetype suffix Aurora:StorageIOUsage, unit \"IOs\"): $0.20/M us-east-1, $0.22/M eu-central-1 / eu-west-1"`,
      "2026-06",
    ],
    "efs.standardGbMonth": [
      0.33,
      `${IRELAND_AUDIT} (AUDIT-11: "USD $0.33 per GB-Mo for Standard storage (EU)", EU-TimedStorage-ByteHrs)`,
      "2026-05",
    ],
    "efs.elasticReadGb": [0.03, IRELAND_EFS_ELASTIC],
    "efs.elasticWriteGb": [0.07, IRELAND_EFS_ELASTIC],
    "efs.provisionedMibpsMonth": costTree(
      6.6,
      "eu-west-1",
      "efs_provisioned_throughput_per_mibps_monthly",
    ),
    "cloudwatch.highResolutionAlarmMonth": costTreeHighResAlarm(
      "eu-west-1",
      "; the block by position: 187,000 characters before the usage block whose inter-region map omits eu-west-1, its alb 0.0252, nat_gateway 0.048 and EFS standard 0.33 Ireland's own figures",
    ),
    "cloudwatch.dashboardMonth": DASHBOARD_EVERY_REGION,
    "cloudwatch.logsIngestGb": [
      0.57,
      `${IRELAND_AUDIT} (AUDIT-13: "$0.57 per GB custom log data ingested", SKU KJBTQPDHW2H92B8Y, effective 2026-03-01)`,
      "2026-05",
    ],
    "cloudwatch.alarmMonth": [
      0.1,
      `${IRELAND_RATES}: EU-CW:AlarmMonitorUsage, "$0.10 per alarm metric month (standard resolution) - EU (Ireland)", SKU GDMKAEDCSYJAKBZQ`,
      "2026-10",
    ],
    "cloudwatch.logsStorageGbMonth": [
      0.03,
      `${IRELAND_RATES}: EU-TimedStorage-ByteHrs (AmazonCloudWatch), "$0.03 per GB-mo of log storage - EU (Ireland)", SKU M93YPPU987S2T6U9`,
      "2026-10",
    ],
    "secretsmanager.secretMonth": [
      0.4,
      `${IRELAND_RATES}: EU-AWSSecretsManager-Secrets, "$0.40 per Secret", SKU 7XGGDB26HD68ED7A`,
      "2026-10",
    ],
    "secretsmanager.per10kCalls": [
      0.05,
      `${IRELAND_RATES}: EU-AWSSecretsManager-APIRequests, "$0.05 per 10000 API Requests" (0.000005 per request), SKU EGBHGCHDFAQWM4B6`,
      "2026-10",
    ],
  },
  {
    "db.t4g.micro": [
      0.017,
      `${IRELAND_BILL}: EU-InstanceUsage:db.t4g.micro (PostgreSQL) $10.09 for 593 hr (0.01702), the record's 730-hour figure $12.41`,
      "2026-08",
    ],
    "db.t4g.small": [
      0.035,
      `${costTreeCite("eu-west-1", 'rds_instance_hourly_by_engine "postgres|" db.t4g.small 0.035')}; ${IRELAND_ORG_BILL}: EU-InstanceUsage:db.t4g.small 151.06 USD for 4,316 h (0.0350)`,
      "2026-09",
    ],
    "db.t4g.medium": [
      0.069,
      `${costTreeCite("eu-west-1", '"postgres|" db.t4g.medium 0.069')}; ${IRELAND_ORG_BILL}: EU-InstanceUsage:db.t4g.medium 132.06 USD for 1,914 h (0.0690)`,
      "2026-09",
    ],
    "db.t3.micro": [
      0.02,
      costTreeCite("eu-west-1", '"postgres|" db.t3.micro 0.02 (no second source was found)'),
      "2026-09",
    ],
  },
);
