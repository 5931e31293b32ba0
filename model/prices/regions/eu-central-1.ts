import { region } from "../region";
import {
  CLOUDCOSTTREE_JUL,
  costTree,
  costTreeCite,
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

const FRANKFURT_ALB = `a public FinOps tool's test fixture (flagged), a FOCUS billing line for eu-central-1, 2024-09: "$0.027 per Application LoadBalancer-hour", ListUnitPrice 0.027, SKU UZQQFKE5Z4MCF9D5; a public demo cost report (Cost Explorer, eu-central-1, one ALB): EUC1-LoadBalancerUsage 19.44 USD for June 2026 (720 h x 0.027); ${FRANKFURT_RESEARCH}: "ALB $19.7" a month (730 h x 0.027); ${costTreeCite("eu-central-1", "resource_hourly.alb 0.027", CLOUDCOSTTREE_JUL)}`;

const FRANKFURT_PRIVATELINK =
  "a public project's cost ledger (2026-09-22): Price List API, AmazonVPC, productFamily VpcEndpoint, endpointType PrivateLink, eu-central-1";

const FRANKFURT_SNAPSHOT =
  "a public project's price-snapshot README (spot checks against the AWS Pricing Calculator and pricing pages, 2026-08-10)";

const FRANKFURT_HOSTING_ADR =
  'a public project\'s hosting decision record (2026-09-25), "AWS EFS prices, Frankfurt" read from .../AmazonEFS/current/eu-central-1/index.json (published 2026-09-11)';

const FRANKFURT_EFS_ELASTIC = `${FRANKFURT_HOSTING_ADR}: "the Elastic throughput mode adds $0.04 per GB read and $0.07 per GB written"`;

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
    "alb.hour": [0.027, FRANKFURT_ALB, "2026-06"],
    "alb.lcuHour": [
      0.008,
      costTreeCite("eu-central-1", "lcu_hourly_rate.alb 0.008 (no second source was found)"),
      "2026-09",
    ],
    "nat.hour": [
      0.052,
      `${FRANKFURT_PLAN} (EUC1-NatGateway-Hours); ${FRANKFURT_TARIFFS}: "NAT, ore e dati | 0,052 / zona-ora; 0,052 / GB elaborato"; ${FRANKFURT_RESEARCH}: "$0.052/h" (AmazonEC2 eu-central-1)`,
    ],
    "nat.gb": [
      0.052,
      `${FRANKFURT_TARIFFS}: "0,052 / GB elaborato"; ${FRANKFURT_RESEARCH}: "plus $0.052/GB processed" (AmazonEC2 eu-central-1)`,
    ],
    "publicIpv4.hour": IPV4_EVERY_REGION,
    "endpoint.azHour": [
      0.012,
      `${FRANKFURT_PRIVATELINK}: "the same family prices EUC1-VpcEndpoint-Hours at $0.012/h", which the project also read from its own CUR`,
      "2026-09",
    ],
    "endpoint.gb": [
      0.01,
      `${FRANKFURT_PRIVATELINK}: EUC1-VpcEndpoint-Bytes "$0.01/GB", first tier (up to 1 PB a month)`,
      "2026-09",
    ],
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
    "efs.standardGbMonth": [
      0.36,
      `${FRANKFURT_HOSTING_ADR}: "EFS Standard storage is $0.36 per GB-month"; ${costTreeCite("eu-central-1", "efs_monthly_per_gb.standard 0.36", CLOUDCOSTTREE_JUL)}`,
      "2026-09",
    ],
    "efs.elasticReadGb": [0.04, FRANKFURT_EFS_ELASTIC, "2026-09"],
    "efs.elasticWriteGb": [0.07, FRANKFURT_EFS_ELASTIC, "2026-09"],
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
    "db.t4g.medium": [
      0.074,
      `${costTreeCite("eu-central-1", 'rds_instance_hourly_by_engine "postgres|" db.t4g.medium 0.074 (beside db.t4g.micro 0.019 and db.t4g.small 0.037, as above)')}; ${FRANKFURT_RESEARCH} quotes its Multi-AZ hour at $0.149`,
      "2026-09",
    ],
    "db.t3.micro": [
      0.021,
      `${FRANKFURT_SNAPSHOT}: "RDS db.t3.micro PostgreSQL, Single-AZ | eu-central-1 | VJNEKAFRR6K9PXWQ | EUC1-InstanceUsage:db.t3.micro | Hrs | 0.021"; ${costTreeCite("eu-central-1", '"postgres|" db.t3.micro 0.021')}`,
      "2026-08",
    ],
  },
);
