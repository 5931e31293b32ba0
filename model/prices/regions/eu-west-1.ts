import { region } from "../region";
import {
  costTree,
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
    "alb.lcuHour": [0.008, `${IRELAND_ELB} (EU-LCUUsage)`, "2026-07"],
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
    "efs.standardGbMonth": [
      0.33,
      `${IRELAND_AUDIT} (AUDIT-11: "USD $0.33 per GB-Mo for Standard storage (EU)", EU-TimedStorage-ByteHrs)`,
      "2026-05",
    ],
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
  },
  {
    "db.t4g.micro": [
      0.017,
      `${IRELAND_BILL}: EU-InstanceUsage:db.t4g.micro (PostgreSQL) $10.09 for 593 hr (0.01702), the record's 730-hour figure $12.41`,
      "2026-08",
    ],
  },
);
