import { region } from "../region";
import {
  costTree,
  costTreeHighResAlarm,
  DASHBOARD_EVERY_REGION,
  FGCALC,
  IPV4_EVERY_REGION,
} from "../shared";

const MUMBAI_BILL =
  "a public project's cost write-up, cost / quantity of its ap-south-1 bill lines (2026-09-16 bill; on-demand hourly rates)";

const MUMBAI_RDS =
  "a public project's fact check of the AWS Price List bulk CSV AmazonRDS/ap-south-1 (published 2026-09-03, effective 2026-09-01), on-demand PostgreSQL rows";

const MUMBAI_BOOK =
  "a public course book's price sheet from AWS's ap-south-1 price list files (AmazonRDS published 2026-09-24, checked 2026-09-29)";

const MUMBAI_ESTIMATE =
  'a public project\'s AWS cost estimate ("The following rates are for Asia Pacific (Mumbai) region")';

/** ap-south-1's figures; every item without one is us-east-1's, marked. */
export const apSouth1 = region(
  "ap-south-1",
  {
    "fargate.x86.vcpuHour": [0.04256, `${FGCALC}: ap-south-1 normal.cpu`],
    "fargate.x86.gbHour": [0.004655, `${FGCALC}: ap-south-1 normal.ram`],
    "fargate.ephemeralGbHour": costTree(
      0.000127,
      "ap-south-1",
      "fargate_ephemeral_storage_gb_hourly",
    ),
    "alb.hour": [
      0.0239,
      `${MUMBAI_BILL}: APS3-LoadBalancerUsage; ${MUMBAI_ESTIMATE}: "$0.0239 per Application Load Balancer-hour"`,
    ],
    "alb.lcuHour": [0.008, `${MUMBAI_ESTIMATE}: "$0.008 per LCU-hour (or partial hour)"`],
    "nat.hour": [0.056, `${MUMBAI_BILL}: APS3-NatGateway-Hours`],
    "publicIpv4.hour": IPV4_EVERY_REGION,
    "rds.gp3GbMonth": [
      0.131,
      `${MUMBAI_RDS}: "20 GB gp3 at $0.131/GB-month"; ${MUMBAI_BOOK}: "RDS gp3 storage | $0.131 per GB-month"`,
      "2026-09",
    ],
    "rds.gp3IopsMonth": costTree(
      0.023,
      "ap-south-1",
      "rds_gp3_iops_price_per_unit_monthly.single-az",
    ),
    "rds.backupGbMonth": [
      0.095,
      `${MUMBAI_RDS}: "backup storage beyond the free allocation (= provisioned storage) is $0.095/GB-mo"; ${MUMBAI_BOOK}: "RDS backup storage beyond the provisioned size | $0.095 per GB-month"`,
      "2026-09",
    ],
    "rds.snapshotGbMonth": [
      0.095,
      `${MUMBAI_RDS} (the backup rate: snapshots bill as backup storage)`,
      "2026-09",
    ],
    "efs.provisionedMibpsMonth": costTree(
      6.6,
      "ap-south-1",
      "efs_provisioned_throughput_per_mibps_monthly",
    ),
    "cloudwatch.highResolutionAlarmMonth": costTreeHighResAlarm("ap-south-1"),
    "cloudwatch.dashboardMonth": DASHBOARD_EVERY_REGION,
  },
  {
    "db.t4g.micro": [0.021, `${MUMBAI_RDS}: db.t4g.micro Single-AZ $0.021/hr`, "2026-09"],
    "db.t4g.small": [
      0.042,
      `${MUMBAI_RDS}: "$0.042 per RDS db.t4g.small Single-AZ instance hour running PostgreSQL" (SKU YA9RJG9UAYJKR7G8)`,
      "2026-09",
    ],
    "db.t4g.medium": [0.084, `${MUMBAI_RDS}: db.t4g.medium $0.084/hr`, "2026-09"],
  },
);
