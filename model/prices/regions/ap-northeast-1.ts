import { region } from "../region";
import {
  CLOUDCOSTTREE_JUL,
  costTree,
  costTreeCite,
  costTreeHighResAlarm,
  DASHBOARD_EVERY_REGION,
  IPV4_EVERY_REGION,
} from "../shared";

const TOKYO_FIXTURE =
  "a public project's recorded GetProducts documents for ap-northeast-1 (test fixture)";

const TOKYO_AURORA =
  "https://kenzo0107.github.io/2025/11/30/2025-12-01-aws-aurora-rds-cluster-instance-vs-serverless-v2 (ap-northeast-1, 2025-12-01: Aurora PostgreSQL Serverless v2, Aurora Standard 0.15 USD per ACU-hour; I/O-Optimized 0.20)";

const TOKYO_EFS =
  "https://www.gritbeaver.com/aws-storage-types/ (Tokyo region: EFS Standard USD 0.36 per GB-month)";

const TOKYO_BULK =
  'a public project\'s notes of AWS Price List bulk offers read for ap-northeast-1 on 2026-09-11 (AWSSecretsManager: "$0.40 per Secret", "$0.05 per 10000 API Requests")';

const TOKYO_OFFER =
  'a public project\'s notes "verified against the Price List API on 2026-08-27" from the offer files .../current/ap-northeast-1/index.json';

const TOKYO_JSON =
  "a public project's source table of the Tokyo offer files (AWSELB ap-northeast-1 published 2026-09-11, AmazonRDS ap-northeast-1 published 2026-09-17), with SKUs";

const TOKYO_RDS_SMALL =
  'a public project\'s official-sources table (2026-09-09): AmazonRDS ap-northeast-1, "PostgreSQL ... small Single-AZ 0.05"';

const TOKYO_CW_CLI =
  'a public project\'s quote sheet of AWS Price List API answers for "Asia Pacific (Tokyo)" (queried 2026-07-20, effective 2026-07-01)';

const TOKYO_CW_ARTICLE =
  'https://awsi.click/en/articles/cloudwatch-logs-cost-structure-surprise/ ("$0.76 per GB in ap-northeast-1", storage "$0.033 per GB per month")';

const TOKYO_VPC =
  'a public project\'s cost estimate for ap-northeast-1, unit prices "checked on the AWS pricing pages and the AWS Price List API" on 2026-09-25';
const TOKYO_EFS_ADR =
  'a public project\'s architecture decision record, "Unit prices for ap-northeast-1 (Pricing API, read 2026-09-17)": "Elastic reads | $0.04 / GB", "Elastic writes | $0.07 / GB", "Provisioned Throughput | $7.20 / MiBps-month"; its Cost Explorer line APN1-ETDataAccess-Bytes 235.206 GB / $9.4655 (mostly reads) agrees';

const TOKYO_AURORA_LIST =
  'a public project\'s architecture notes, Tokyo unit prices "checked with the AWS Price List API on 2026-09-28" (.../AmazonRDS/current/ap-northeast-1/index.json)';

/** ap-northeast-1's figures; every item without one is us-east-1's, marked. */
export const apNortheast1 = region(
  "ap-northeast-1",
  {
    "fargate.x86.vcpuHour": [0.05056, `${TOKYO_FIXTURE}: APN1-Fargate-vCPU-Hours:perCPU`],
    "fargate.x86.gbHour": [0.00553, `${TOKYO_FIXTURE}: APN1-Fargate-GB-Hours`],
    "fargate.arm.vcpuHour": [
      0.04045,
      `${TOKYO_OFFER}: "Fargate ARM: $0.04045/vCPU-h + $0.00442/GB-h (APN1-Fargate-ARM-*)"`,
      "2026-08",
    ],
    "fargate.arm.gbHour": [
      0.00442,
      `${TOKYO_FIXTURE}: APN1-Fargate-ARM-GB-Hours; ${TOKYO_OFFER} (the same $0.00442)`,
    ],
    "fargate.ephemeralGbHour": [
      0.000133,
      `${TOKYO_FIXTURE}: APN1-Fargate-EphemeralStorage-GB-Hours`,
    ],
    "alb.hour": [
      0.0243,
      `${TOKYO_OFFER}: "ALB: $0.0243/hora (APN1-LoadBalancerUsage, per Application LoadBalancer-hour)"; ${TOKYO_JSON}: "Application / AWS Region: $0.0243/h (98ZU8QNDMR4AS8FJ)"`,
      "2026-08",
    ],
    "alb.lcuHour": [
      0.008,
      `${TOKYO_OFFER}: "LCU: $0.008/LCU-hora (APN1-LCUUsage)"; ${TOKYO_JSON}: "$0.008/LCU-h (F2UQT6CZGM7BTWS8)"`,
      "2026-08",
    ],
    "nat.hour": [
      0.062,
      `${TOKYO_VPC}: APN1-NatGateway-Hours "USD 0.062 / hour"; a second public project's notes price APN1-NatGateway-Hours "at a list price of $0.062/h"; ${costTreeCite("ap-northeast-1", "nat_gateway 0.062", CLOUDCOSTTREE_JUL)}`,
      "2026-09",
    ],
    "nat.gb": [
      0.062,
      `${TOKYO_VPC}: APN1-NatGateway-Bytes "USD 0.062 / GB"; ${costTreeCite("ap-northeast-1", "nat_data_price_per_gb 0.062")}`,
      "2026-09",
    ],
    "publicIpv4.hour": IPV4_EVERY_REGION,
    "endpoint.azHour": [
      0.014,
      `${TOKYO_VPC}: APN1-VpcEndpoint-Hours "USD 0.014" per endpoint-hour (one AZ); ${costTreeCite("ap-northeast-1", "vpce_interface 0.014", CLOUDCOSTTREE_JUL)}`,
      "2026-09",
    ],
    "endpoint.gb": [
      0.01,
      `${TOKYO_VPC}: interface endpoint data processed, "first 1 PB / month: USD 0.01 / GB" (the first tier)`,
      "2026-09",
    ],
    "rds.gp3GbMonth": [0.138, `${TOKYO_JSON}: "gp3 $0.138/GB-month (YM9AR73XYRPUSCN3)"`, "2026-09"],
    "rds.gp3IopsMonth": costTree(
      0.024,
      "ap-northeast-1",
      "rds_gp3_iops_price_per_unit_monthly.single-az",
    ),
    "rds.backupGbMonth": [
      0.095,
      `${TOKYO_JSON}: "backup $0.095/GB-month (8EP35HPTSYF38J3V)"`,
      "2026-09",
    ],
    "rds.snapshotGbMonth": [
      0.095,
      `${TOKYO_JSON} (the backup rate: snapshots bill as backup storage)`,
      "2026-09",
    ],
    "aurora.serverlessV2AcuHour": [0.15, TOKYO_AURORA, "2025-12"],
    "aurora.storageGbMonth": [
      0.12,
      `${TOKYO_AURORA_LIST}: "Standard 0.12 USD" per GB-month of storage`,
      "2026-09",
    ],
    "aurora.ioMillion": [
      0.24,
      `${TOKYO_AURORA_LIST}: "Standard の I/O 100 万回 0.24 USD"`,
      "2026-09",
    ],
    "efs.standardGbMonth": [0.36, TOKYO_EFS],
    "cloudwatch.alarmMonth": [
      0.1,
      `${TOKYO_JSON}, and AmazonCloudWatch ap-northeast-1 published 2026-09-18: standard alarm "$0.10/metric-month (FBMB6TVC844YGZ3J)"; ${TOKYO_CW_CLI}: APN1-CW:AlarmMonitorUsage "US$0.10 / alarm-month"`,
      "2026-09",
    ],
    "cloudwatch.logsIngestGb": [
      0.76,
      `${TOKYO_JSON}, and AmazonCloudWatch ap-northeast-1 published 2026-09-18: Standard logs ingestion "$0.76/GB"; ${TOKYO_CW_CLI}: APN1-DataProcessing-Bytes "US$0.76 / GB"; ${TOKYO_CW_ARTICLE}; ${costTreeCite("ap-northeast-1", "cloudwatch_log_group 0.76")}`,
      "2026-09",
    ],
    "cloudwatch.logsStorageGbMonth": [
      0.033,
      `${TOKYO_JSON}, and AmazonCloudWatch ap-northeast-1 published 2026-09-18: logs storage "$0.033/GB-month"; ${TOKYO_CW_CLI}: APN1-TimedStorage-ByteHrs "US$0.033 / GB-month"; ${TOKYO_CW_ARTICLE}; ${costTreeCite("ap-northeast-1", "cloudwatch_log_group_storage 0.033")}`,
      "2026-09",
    ],
    "efs.elasticReadGb": [0.04, TOKYO_EFS_ADR, "2026-09"],
    "efs.elasticWriteGb": [0.07, TOKYO_EFS_ADR, "2026-09"],
    "efs.provisionedMibpsMonth": [7.2, TOKYO_EFS_ADR, "2026-09"],
    "cloudwatch.highResolutionAlarmMonth": costTreeHighResAlarm("ap-northeast-1"),
    "cloudwatch.dashboardMonth": DASHBOARD_EVERY_REGION,
    "secretsmanager.secretMonth": [0.4, TOKYO_BULK, "2026-09"],
    "secretsmanager.per10kCalls": [0.05, TOKYO_BULK, "2026-09"],
  },
  {
    "db.t4g.micro": [
      0.025,
      `${TOKYO_JSON}: RDS PostgreSQL "db.t4g.micro Single-AZ $0.025/h (YXENKSJFV9BXQF4N)"`,
      "2026-09",
    ],
    "db.t4g.small": [0.05, TOKYO_RDS_SMALL, "2026-09"],
    "db.t4g.medium": [
      0.101,
      costTreeCite(
        "ap-northeast-1",
        'rds_instance_hourly_by_engine "postgres|" db.t4g.medium 0.101 (its db.t4g.micro and small rows there, 0.025 and 0.05, are the Tokyo price list figures above)',
      ),
      "2026-09",
    ],
    "db.t3.micro": [
      0.028,
      costTreeCite("ap-northeast-1", 'rds_instance_hourly_by_engine "postgres|" db.t3.micro 0.028'),
      "2026-09",
    ],
  },
);
