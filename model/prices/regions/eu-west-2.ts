import { region } from "../region";
import { costTree, costTreeHighResAlarm, DASHBOARD_EVERY_REGION } from "../shared";

const LONDON_SHEET =
  "a public project's price sheet read from the AWS Price List for eu-west-2 (2026-09)";

const LONDON_FIXTURE =
  "a public price snapshot of the AWS Price List dated 2026-09-05 (test fixture, eu-west-2)";

/** eu-west-2's figures; every item without one is us-east-1's, marked. */
export const euWest2 = region(
  "eu-west-2",
  {
    "fargate.x86.vcpuHour": [0.04656, `${LONDON_SHEET}; ${LONDON_FIXTURE}`],
    "fargate.x86.gbHour": [0.00511, `${LONDON_SHEET}; ${LONDON_FIXTURE}`],
    "fargate.arm.vcpuHour": [0.03725, `${LONDON_SHEET}; ${LONDON_FIXTURE}`],
    "fargate.arm.gbHour": [0.00409, `${LONDON_SHEET}; ${LONDON_FIXTURE}`],
    "fargate.ephemeralGbHour": [0.000129, LONDON_SHEET],
    "alb.hour": [0.02646, `${LONDON_SHEET}; ${LONDON_FIXTURE}`],
    "alb.lcuHour": [0.0084, `${LONDON_SHEET}; ${LONDON_FIXTURE}`],
    "nat.hour": [0.05, `${LONDON_SHEET}; ${LONDON_FIXTURE}`],
    "nat.gb": [0.05, `${LONDON_SHEET}; ${LONDON_FIXTURE}`],
    "publicIpv4.hour": [0.005, LONDON_SHEET],
    "endpoint.azHour": [0.011, LONDON_SHEET],
    "endpoint.gb": [0.01, LONDON_SHEET],
    "rds.gp3GbMonth": [0.133, `${LONDON_SHEET} (the snapshot's fixture lists gp3 at 0.127)`],
    "rds.gp3IopsMonth": costTree(
      0.023,
      "eu-west-2",
      "rds_gp3_iops_price_per_unit_monthly.single-az",
    ),
    "rds.backupGbMonth": [0.1, LONDON_SHEET],
    "rds.snapshotGbMonth": [
      0.1,
      `${LONDON_SHEET} (the backup rate: snapshots bill as backup storage)`,
    ],
    "efs.provisionedMibpsMonth": costTree(
      6.6,
      "eu-west-2",
      "efs_provisioned_throughput_per_mibps_monthly",
    ),
    "cloudwatch.alarmMonth": [0.1, LONDON_SHEET],
    "cloudwatch.highResolutionAlarmMonth": costTreeHighResAlarm("eu-west-2"),
    "cloudwatch.dashboardMonth": DASHBOARD_EVERY_REGION,
    "cloudwatch.logsIngestGb": [0.5985, LONDON_SHEET],
    "cloudwatch.logsStorageGbMonth": [0.0315, LONDON_SHEET],
    "secretsmanager.secretMonth": [0.4, LONDON_SHEET],
    "secretsmanager.per10kCalls": [0.05, LONDON_SHEET],
  },
  {
    "db.t4g.micro": [0.018, `${LONDON_SHEET}; ${LONDON_FIXTURE}`],
    "db.t4g.small": [0.036, LONDON_SHEET],
    "db.t4g.medium": [0.072, LONDON_FIXTURE],
    "db.t3.micro": [0.021, LONDON_SHEET],
  },
);
