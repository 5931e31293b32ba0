import { region } from "../region";
import {
  calculatorEfsElastic,
  CLOUDCOSTTREE_JUL,
  costTree,
  costTreeCite,
  costTreeHighResAlarm,
  DASHBOARD_EVERY_REGION,
} from "../shared";

const LONDON_SHEET =
  "a public project's price sheet read from the AWS Price List for eu-west-2 (2026-09)";

const LONDON_FIXTURE =
  "a public price snapshot of the AWS Price List dated 2026-09-05 (test fixture, eu-west-2)";

/** The Aurora row of the same sheet, in its later edition (research date 2026-10-06). */
const LONDON_AURORA = `${LONDON_SHEET}, later edition (research date 2026-10-06, AmazonRDS eu-west-2 offer file published 2026-10-06): "Aurora PostgreSQL | $0.14 per ACU-hour Serverless v2 (Standard), $0.19 I/O-Optimized; $0.10 per GB-month storage; $0.20 per 1M I/O" (EUW2-Aurora:ServerlessV2Usage, EUW2-Aurora:StorageUsage, EUW2-Aurora:StorageIOUsage)`;

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
    "aurora.serverlessV2AcuHour": [
      0.14,
      `${LONDON_AURORA} (no second source was found)`,
      "2026-10",
    ],
    "aurora.storageGbMonth": [
      0.1,
      `${LONDON_AURORA}; ${costTreeCite("eu-west-2", "usage_based_per_unit_rates.rds_cluster_storage 0.1 (rds_cluster_storage_iopt1 0.225 beside it)")}`,
      "2026-10",
    ],
    "aurora.ioMillion": [0.2, `${LONDON_AURORA} (no second source was found)`, "2026-10"],
    "efs.standardGbMonth": [
      0.33,
      costTreeCite(
        "eu-west-2",
        "efs_monthly_per_gb.standard 0.33 (no second source was found)",
        CLOUDCOSTTREE_JUL,
      ),
      "2026-07",
    ],
    "efs.elasticReadGb": calculatorEfsElastic(
      "EU (London)",
      "Read",
      "KU3VJMBWQ4BDW6XS.JRTCKXETXF.6YS6EN2CT7",
      "0.0300000000",
    ),
    "efs.elasticWriteGb": calculatorEfsElastic(
      "EU (London)",
      "Write",
      "4F8QFEJ4KT5Q856J.JRTCKXETXF.6YS6EN2CT7",
      "0.0700000000",
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
