import { region } from "../region";
import {
  costTree,
  costTreeHighResAlarm,
  DASHBOARD_EVERY_REGION,
  IPV4_EVERY_REGION,
} from "../shared";

const FRANKFURT_CARD =
  "a public rate card taken from the AWS Price List, effective 2026-07-07 (EUC1 usage types)";

const FRANKFURT_PLAN =
  'a public project\'s demo cost plan: "Le tariffe Aurora/Proxy di riferimento a Francoforte sono 0,14 e 0,018 USD/ACU-ora; NAT costa 0,052 USD/ora", citing the AmazonRDS eu-central-1 offer file (.../AmazonRDS/current/eu-central-1/index.json) and the VPC pricing page';

const FRANKFURT_RESEARCH =
  'a public project\'s hosting research (2026-10-08): "AWS rates are for Frankfurt (eu-central-1) and come from the AWS Price List API files linked inline"';

const FRANKFURT_RDS_DE =
  "a public project's test plan quoting the AWS Price List, RDS eu-central-1 (published 2026-09-11, checked 2026-09-13)";

const FRANKFURT_TARIFFS =
  "a public project's cost design (Italian), tariffs read from the AmazonRDS eu-central-1 offer file and AWS's public NAT gateway table";

/** eu-central-1's figures; every item without one is us-east-1's, marked. */
export const euCentral1 = region(
  "eu-central-1",
  {
    "fargate.x86.vcpuHour": [0.04656, `${FRANKFURT_CARD}: EUC1-Fargate-vCPU-Hours:perCPU`],
    "fargate.x86.gbHour": [0.00511, `${FRANKFURT_CARD}: EUC1-Fargate-GB-Hours`],
    "fargate.arm.vcpuHour": [
      0.03725,
      `${FRANKFURT_RESEARCH}: "ARM $0.03725 and $0.00409" (AmazonECS eu-central-1)`,
      "2026-10",
    ],
    "fargate.arm.gbHour": [
      0.00409,
      `${FRANKFURT_RESEARCH}: "ARM $0.03725 and $0.00409" (AmazonECS eu-central-1)`,
      "2026-10",
    ],
    "fargate.ephemeralGbHour": costTree(
      0.000132,
      "eu-central-1",
      "fargate_ephemeral_storage_gb_hourly",
    ),
    "nat.hour": [
      0.052,
      `${FRANKFURT_PLAN} (EUC1-NatGateway-Hours); ${FRANKFURT_TARIFFS}: "NAT, ore e dati | 0,052 / zona-ora; 0,052 / GB elaborato"; ${FRANKFURT_RESEARCH}: "$0.052/h" (AmazonEC2 eu-central-1)`,
    ],
    "nat.gb": [
      0.052,
      `${FRANKFURT_TARIFFS}: "0,052 / GB elaborato"; ${FRANKFURT_RESEARCH}: "plus $0.052/GB processed" (AmazonEC2 eu-central-1)`,
    ],
    "publicIpv4.hour": IPV4_EVERY_REGION,
    "rds.gp3GbMonth": [
      0.137,
      `${FRANKFURT_RDS_DE}: "gp3 | 0,137 pro GB-Monat", storage SKU JN8MTUNBMV3GFTFY; ${FRANKFURT_RESEARCH}: "20 GB gp3 at $0.137"`,
      "2026-09",
    ],
    "rds.gp3IopsMonth": costTree(
      0.024,
      "eu-central-1",
      "rds_gp3_iops_price_per_unit_monthly.single-az",
    ),
    "rds.backupGbMonth": [
      0.103,
      `${FRANKFURT_RESEARCH}: "Storage beyond the free allocation costs $0.103/GB-month" (AmazonRDS eu-central-1)`,
      "2026-10",
    ],
    "rds.snapshotGbMonth": [
      0.103,
      `${FRANKFURT_RESEARCH} (the backup rate: snapshots bill as backup storage)`,
      "2026-10",
    ],
    "aurora.serverlessV2AcuHour": [
      0.14,
      `${FRANKFURT_PLAN} (EUC1-Aurora:ServerlessV2Usage); ${FRANKFURT_TARIFFS}: "Aurora Standard Serverless v2 | 0,14 / ACU-ora"`,
    ],
    "aurora.storageGbMonth": [
      0.119,
      `${FRANKFURT_TARIFFS}: "Storage Aurora / I/O | 0,119 / GB-mese"; ${FRANKFURT_RESEARCH}: "$0.119/GB-month"`,
    ],
    "aurora.ioMillion": [
      0.22,
      `${FRANKFURT_TARIFFS}: "0,22 / milione I/O"; ${FRANKFURT_RESEARCH}: "$0.22 per million I/Os"`,
    ],
    "efs.provisionedMibpsMonth": costTree(
      7.2,
      "eu-central-1",
      "efs_provisioned_throughput_per_mibps_monthly",
    ),
    "cloudwatch.alarmMonth": [
      0.1,
      `${FRANKFURT_RESEARCH}: "alarms $0.10/alarm-month" (AmazonCloudWatch eu-central-1)`,
      "2026-10",
    ],
    "cloudwatch.highResolutionAlarmMonth": costTreeHighResAlarm("eu-central-1"),
    "cloudwatch.dashboardMonth": DASHBOARD_EVERY_REGION,
    "cloudwatch.logsIngestGb": [
      0.63,
      `${FRANKFURT_RESEARCH}: "Frankfurt ingest is $0.63/GB" (AmazonCloudWatch eu-central-1)`,
      "2026-10",
    ],
    "cloudwatch.logsStorageGbMonth": [
      0.0324,
      `${FRANKFURT_RESEARCH}: "storage $0.0324/GB-month" (AmazonCloudWatch eu-central-1)`,
      "2026-10",
    ],
    "secretsmanager.secretMonth": [
      0.4,
      `${FRANKFURT_RESEARCH}: "$0.40 per secret per month" (AWSSecretsManager eu-central-1)`,
      "2026-10",
    ],
    "secretsmanager.per10kCalls": [
      0.05,
      `${FRANKFURT_RESEARCH}: "plus $0.05 per 10k API calls" (AWSSecretsManager eu-central-1)`,
      "2026-10",
    ],
  },
  {
    "db.t4g.micro": [
      0.019,
      `${FRANKFURT_RDS_DE}: "PostgreSQL db.t4g.micro, Single-AZ | 0,019 pro Stunde", compute SKU Q2VA4XH2YFYXPGX4; ${FRANKFURT_RESEARCH}: "$0.019"`,
      "2026-09",
    ],
    "db.t4g.small": [
      0.037,
      `${FRANKFURT_RESEARCH}: "RDS db.t4g.small (2 GB), Single-AZ | $0.037" (AmazonRDS eu-central-1, PostgreSQL)`,
      "2026-10",
    ],
  },
);
