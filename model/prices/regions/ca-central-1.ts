import { region } from "../region";
import {
  calculatorEfsElastic,
  CLOUDCOSTTREE_JUL,
  costTree,
  costTreeCite,
  costTreeHighResAlarm,
  DASHBOARD_EVERY_REGION,
} from "../shared";

const CANADA_FIXTURE =
  "a public project's recorded AWS Price List offer for ca-central-1 (test fixture)";

const CANADA_VPC =
  "a public project's design note quoting the Canada (Central) Amazon VPC price list (publication 2026-07-24T15:42:25Z, .../AmazonVPC/current/ca-central-1/index.json)";

const CANADA_RDS =
  "a public project's production-readiness plan (2026-09-19), \"rates retrieved directly from AWS's regional price lists\" (.../AmazonRDS/current/ca-central-1/index.json, published 2026-09-11 to 17)";

/** The same project's RDS rehearsal note, with the rates it read three days before the plan's. */
const CANADA_RDS_REHEARSAL =
  'a public project\'s RDS rehearsal note, "AWS Canada Central price-list rates retrieved September 16, 2026" (.../AmazonRDS/current/ca-central-1/index.json)';

const CANADA_CW =
  'a public project\'s monthly estimate with "official unit prices" from the CloudWatch regional price index .../AmazonCloudWatch/current/ca-central-1/index.json';

/** A bill, not a rate card: the on-demand value Cost Explorer put on Fargate ARM hours. */
const CANADA_ARM_BILL =
  "a public project's Fargate POC results for ca-central-1 (re-read 2026-10-09): Cost Explorer's SavingsPlanCoveredUsage (the on-demand-equivalent value) for CAN1-Fargate-ARM-vCPU-Hours:perCPU and CAN1-Fargate-ARM-GB-Hours equals vCPU-hours x $0.03565 + GB-hours x $0.00389, the rates the document states, on both billed days (2026-10-07: 1.5666666651 x 0.03565 + 3.1333333349 x 0.00389 = $0.0680403, billed $0.0680403302; both days ran 2 GB per vCPU, so the bill checks the pair, not each rate alone)";

const CANADA_SECRETS =
  'a public project\'s credential bootstrap script, which reads the AWSSecretsManager ca-central-1 offer (.../AWSSecretsManager/current/ca-central-1/index.json) and stops ("CREDENTIAL_PRICING_DIMENSIONS_CHANGED") unless it has a 0.4 USD secret dimension and a 0.000005 USD API dimension (perSecretMonthUsd 0.4, perApiCallUsd 0.000005)';

/** A decision note's unit-rate tables, read from the feeds behind AWS's public pricing pages. */
const CANADA_AURORA_FEED =
  'a public project\'s RDS-vs-Aurora decision note (2026-09-16), "All figures pulled on 2026-09-16 from the live pricing feed that backs the public AWS pricing pages" (b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/rds/USD/current/rds-aurora-storage.json, "publication date 2026-09-11")';

// cloudcosttree's ca-central-1 block (costTreeCite): its inter-region map lists every region but ca-central-1.

/** ca-central-1's figures; every item without one is us-east-1's, marked. */
export const caCentral1 = region(
  "ca-central-1",
  {
    "fargate.x86.vcpuHour": [0.04456, `${CANADA_FIXTURE}: CAN1-Fargate-vCPU-Hours:perCPU`],
    "fargate.x86.gbHour": [0.004865, `${CANADA_FIXTURE}: CAN1-Fargate-GB-Hours`],
    "fargate.arm.vcpuHour": [
      0.03565,
      `${CANADA_ARM_BILL}; ${costTreeCite("ca-central-1", "fargate_arm_vcpu_hourly 0.03565")}`,
      "2026-10",
    ],
    "fargate.arm.gbHour": [
      0.00389,
      `${CANADA_ARM_BILL}; ${costTreeCite("ca-central-1", "fargate_arm_gb_hourly 0.00389")}`,
      "2026-10",
    ],
    "fargate.ephemeralGbHour": costTree(
      0.000122,
      "ca-central-1",
      "fargate_ephemeral_storage_gb_hourly",
    ),
    "alb.hour": [0.02475, `${CANADA_FIXTURE}: CAN1-LoadBalancerUsage`],
    "alb.lcuHour": [0.0088, `${CANADA_FIXTURE}: CAN1-LCUUsage`],
    "nat.hour": [
      0.05,
      `${CANADA_VPC}, the same note: "the current Canada (Central) EC2 price list prices both its hour and processed GB at USD 0.05" (.../AmazonEC2/current/ca-central-1/index.json); https://cloudpipelines.pages.dev/guides/aws-nat-gateway-pricing-2026/ (Canada (Central) "~$0.05" an hour); ${costTreeCite("ca-central-1", "resource_hourly.nat_gateway 0.05")}`,
      "2026-07",
    ],
    "nat.gb": [
      0.05,
      `${CANADA_VPC}, the same note: the EC2 price list "prices both its hour and processed GB at USD 0.05" (AmazonEC2 ca-central-1); https://cloudpipelines.pages.dev/guides/aws-nat-gateway-pricing-2026/ (Canada (Central) "~$0.05" per GB processed); ${costTreeCite("ca-central-1", "nat_data_price_per_gb 0.05")}`,
      "2026-07",
    ],
    "publicIpv4.hour": [0.005, `${CANADA_FIXTURE}: CAN1-PublicIPv4:InUseAddress`],
    "rds.gp3IopsMonth": costTree(
      0.022,
      "ca-central-1",
      "rds_gp3_iops_price_per_unit_monthly.single-az",
    ),
    "endpoint.azHour": [
      0.011,
      `${CANADA_VPC}: SKU YZK8AEXHY7HJD36A, "USD 0.011 per endpoint-hour"`,
      "2026-07",
    ],
    "endpoint.gb": [
      0.01,
      `${CANADA_VPC}: SKU 3W497TYXJM5N3NE7, "USD 0.01/GB" for the first PB`,
      "2026-07",
    ],
    "rds.gp3GbMonth": [
      0.127,
      `${CANADA_RDS}: "RDS gp3 storage | 20 GiB x $0.127/GiB-month"; ${CANADA_RDS_REHEARSAL}: "gp3 storage | $0.127 per GB-month"`,
      "2026-09",
    ],
    "rds.backupGbMonth": [
      0.105,
      `${CANADA_RDS_REHEARSAL}: "Backup storage exceeding included allocation | $0.105 per GB-month"`,
      "2026-09",
    ],
    "rds.snapshotGbMonth": [
      0.105,
      `${CANADA_RDS_REHEARSAL} (the backup rate: "Amazon RDS automated backup and manual snapshots contribute to the consumption of the backup storage", https://aws.amazon.com/blogs/database/demystifying-amazon-rds-backup-storage-costs/)`,
      "2026-09",
    ],
    "aurora.serverlessV2AcuHour": [
      0.14,
      `${CANADA_FIXTURE}: CAN1-Aurora:ServerlessV2Usage; ${costTreeCite("ca-central-1", "aurora_serverless_v2_acu_hourly 0.14 (Aurora Standard; the I/O-Optimized key beside it is 0.19), as the package survey read it")}`,
      "2026-09",
    ],
    "aurora.storageGbMonth": [
      0.11,
      costTreeCite(
        "ca-central-1",
        "usage_based_per_unit_rates.rds_cluster_storage 0.11 per GB-month (Aurora Standard; the I/O-Optimized key beside it is 0.248)",
      ),
      "2026-09",
    ],
    "aurora.ioMillion": [
      0.22,
      `${CANADA_AURORA_FEED}: table "Aurora I/O, $ per million", row "Aurora I/O operations", column ca-central-1 "$0.22" (its eu-west-1 $0.22 and eu-west-2 $0.20 agree with those regions' figures here, as does its ca-central-1 Aurora Standard storage, $0.110)`,
      "2026-09",
    ],
    "efs.standardGbMonth": [
      0.33,
      `${costTreeCite("ca-central-1", "efs_monthly_per_gb.standard 0.33")}; the same in ${CLOUDCOSTTREE_JUL}`,
      "2026-09",
    ],
    "efs.elasticReadGb": calculatorEfsElastic(
      "Canada (Central)",
      "Read",
      "TSXZGJJJYZ7WJSAV.JRTCKXETXF.6YS6EN2CT7",
      "0.0300000000",
    ),
    "efs.elasticWriteGb": calculatorEfsElastic(
      "Canada (Central)",
      "Write",
      "S8FTKEB6RX6V7XJV.JRTCKXETXF.6YS6EN2CT7",
      "0.0700000000",
    ),
    "cloudwatch.alarmMonth": [
      0.1,
      costTreeCite(
        "ca-central-1",
        "resource_hourly.cloudwatch_alarm 0.00013698630136986303, which is the file's monthly alarm fee over 730 hours (0.1 / 730), so 0.10 per alarm-month",
      ),
      "2026-09",
    ],
    "efs.provisionedMibpsMonth": costTree(
      6.6,
      "ca-central-1",
      "efs_provisioned_throughput_per_mibps_monthly",
    ),
    "cloudwatch.highResolutionAlarmMonth": costTreeHighResAlarm("ca-central-1"),
    "cloudwatch.dashboardMonth": DASHBOARD_EVERY_REGION,
    "cloudwatch.logsIngestGb": [
      0.55,
      `${CANADA_CW}: "About 0.355 GiB/month x $0.55/GB" (log data ingested); ${costTreeCite("ca-central-1", "usage_based_per_unit_rates.cloudwatch_log_group 0.55")}`,
    ],
    "cloudwatch.logsStorageGbMonth": [
      0.033,
      costTreeCite(
        "ca-central-1",
        "usage_based_per_unit_rates.cloudwatch_log_group_storage 0.033 per GB-month",
      ),
      "2026-09",
    ],
    "secretsmanager.secretMonth": [
      0.4,
      `${CANADA_SECRETS}; ${CANADA_RDS}: "Database secrets | Three credentials x $0.40/secret-month"; ${costTreeCite("ca-central-1", "resource_hourly.secretsmanager 0.0005479452054794521 (0.40 / 730)")}`,
      "2026-09",
    ],
    "secretsmanager.per10kCalls": [
      0.05,
      `${CANADA_SECRETS}: 0.000005 USD per API request x 10,000`,
    ],
  },
  {
    "db.t4g.micro": [
      0.018,
      `${CANADA_RDS}: "PostgreSQL db.t4g.micro | 730 x $0.018/hour"; ${CANADA_RDS_REHEARSAL}: "PostgreSQL db.t4g.micro, Single-AZ | $0.018 per instance-hour"; a second public project's README from the same ca-central-1 RDS price list (db.t4g.micro $13.14 a month); ${costTreeCite("ca-central-1", '"postgres|" db.t4g.micro 0.018')}`,
      "2026-09",
    ],
    "db.t4g.small": [
      0.035,
      costTreeCite("ca-central-1", 'rds_instance_hourly_by_engine "postgres|" db.t4g.small 0.035'),
      "2026-09",
    ],
    "db.t4g.medium": [
      0.07,
      costTreeCite("ca-central-1", 'rds_instance_hourly_by_engine "postgres|" db.t4g.medium 0.07'),
      "2026-09",
    ],
    "db.t3.micro": [
      0.02,
      costTreeCite(
        "ca-central-1",
        `rds_instance_hourly_by_engine "postgres|" db.t3.micro 0.02 (0.019 is the file's engine-less, MySQL-like figure)`,
      ),
      "2026-09",
    ],
  },
);
