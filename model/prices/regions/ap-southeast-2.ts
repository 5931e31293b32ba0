import { region } from "../region";
import {
  calculatorEfsElastic,
  calculatorEndpointGbRow,
  costTree,
  costTreeBackup,
  costTreeCite,
  costTreeHighResAlarm,
  DASHBOARD_EVERY_REGION,
  FGCALC,
  IPV4_EVERY_REGION,
} from "../shared";

const SYDNEY_NOTES =
  "a public project's cost notes \"AWS Cost Estimates: Sydney pricing\" (read from aws.amazon.com/fargate/pricing; its x86 figures equal fgcalc's)";

/** A research document's appendix of Sydney list prices, each with its offer file and date. */
const SYDNEY_RESEARCH =
  "a public project's technology research (2026-10-03), appendix \"AWS Sydney (ap-southeast-2) list prices ... as published in the source files\": the Price List offer files .../<service>/current/ap-southeast-2/index.json and AWS's RDS PostgreSQL on-demand pricing feed";

// cloudcosttree's ap-southeast-2 block (costTreeCite): its Fargate, Neptune, EC2 and RDS rows match the Sydney sources above.

const SYDNEY_OCI =
  "a public project's OCI-vs-AWS cost table (2026-08-21) from ap-southeast-2 on-demand list prices (AmazonVPC .../current/ap-southeast-2/index.json)";

const SYDNEY_ESTIMATE =
  'a public project\'s cost estimate "based on the AWS pricing in the Sydney (ap-southeast-2) region as of March 2025"';

const SYDNEY_BILL =
  "a public project's cost review of an ap-southeast-2 account (2026-04-09): APS2-NatGateway-Hours 219.48 USD for March 2026 with five NAT gateways, which is 5 x 744 h x 0.059";

/** cloudcosttree's PostgreSQL rows for Sydney, `rds_instance_hourly_by_engine."postgres|"`. */
const SYDNEY_PG = costTreeCite(
  "ap-southeast-2",
  'rds_instance_hourly_by_engine."postgres|", single-AZ',
);

/** RDS backup storage beyond the free allocation, stored per GB-day in cloudcosttree's Sydney block. */
const SYDNEY_BACKUP = costTreeBackup("ap-southeast-2", 0.0031232876712328768);

/** ap-southeast-2's figures; every item without one is us-east-1's, marked. */
export const apSoutheast2 = region(
  "ap-southeast-2",
  {
    "fargate.x86.vcpuHour": [0.04856, `${FGCALC}: ap-southeast-2 normal.cpu; ${SYDNEY_NOTES}`],
    "fargate.x86.gbHour": [0.00532, `${FGCALC}: ap-southeast-2 normal.ram; ${SYDNEY_NOTES}`],
    "fargate.arm.vcpuHour": [0.03885, SYDNEY_NOTES],
    "fargate.arm.gbHour": [0.00426, SYDNEY_NOTES],
    "fargate.ephemeralGbHour": costTree(
      0.000133,
      "ap-southeast-2",
      "fargate_ephemeral_storage_gb_hourly",
    ),
    "alb.hour": [
      0.0252,
      `${SYDNEY_RESEARCH} (AWSELB: "$0.0252 per Application LoadBalancer-hour (or partial hour)"); ${costTreeCite("ap-southeast-2", "resource_hourly.alb")}; ${SYDNEY_ESTIMATE} ($0.0252 per hour)`,
      "2026-10",
    ],
    "alb.lcuHour": [
      0.008,
      `${SYDNEY_RESEARCH} (AWSELB: "$0.008 per used Application load balancer capacity unit-hour (or partial hour)"); ${costTreeCite("ap-southeast-2", "lcu_hourly_rate.alb")}`,
      "2026-10",
    ],
    "nat.hour": [
      0.059,
      `${costTreeCite("ap-southeast-2", "resource_hourly.nat_gateway")}; ${SYDNEY_ESTIMATE} ("$0.059 per NAT Gateway-hour"); ${SYDNEY_BILL}; ${SYDNEY_OCI} (its NAT row, A$65.18 a month, is (0.059 + 0.005 IPv4) x 730 h x 1.3951 AUD/USD)`,
      "2026-09",
    ],
    "nat.gb": [
      0.059,
      `${costTreeCite("ap-southeast-2", "nat_data_price_per_gb")}; ${SYDNEY_OCI} ("NAT data processing (US$0.059/GB)"); ${SYDNEY_ESTIMATE} ("$0.059 per GB")`,
      "2026-09",
    ],
    "publicIpv4.hour": IPV4_EVERY_REGION,
    "endpoint.azHour": [
      0.013,
      costTreeCite(
        "ap-southeast-2",
        "resource_hourly.vpc_endpoint_interface, per interface endpoint-hour; AWS bills that hour in each AZ the endpoint is in",
      ),
      "2026-09",
    ],
    "endpoint.gb": [
      0.01,
      `${calculatorEndpointGbRow("Asia Pacific (Sydney)", "88759X45TMYQG89Y.JRTCKXETXF.D7RZ6WCPVW", "0.0100000000")}; the same block's "Hourly charge for VPC Endpoints per Hrs" is 0.013, Sydney's endpoint hour above`,
      "2025-11",
    ],
    "rds.gp3GbMonth": [
      0.138,
      costTreeCite("ap-southeast-2", "rds_storage_single_az_per_gb_month.gp3; Multi-AZ 0.276"),
      "2026-09",
    ],
    "rds.gp3IopsMonth": costTree(
      0.024,
      "ap-southeast-2",
      "rds_gp3_iops_price_per_unit_monthly.single-az",
    ),
    "rds.backupGbMonth": SYDNEY_BACKUP,
    "rds.snapshotGbMonth": [
      SYDNEY_BACKUP[0],
      `${SYDNEY_BACKUP[1]} (the backup rate: manual snapshots bill as backup storage)`,
      SYDNEY_BACKUP[2],
    ],
    "aurora.serverlessV2AcuHour": [
      0.2,
      costTreeCite(
        "ap-southeast-2",
        "aurora_serverless_v2_acu_hourly, Aurora Standard; the I/O-Optimized rate is 0.26",
      ),
      "2026-09",
    ],
    "aurora.storageGbMonth": [
      0.11,
      costTreeCite(
        "ap-southeast-2",
        "usage_based_per_unit_rates.rds_cluster_storage, Aurora Standard; I/O-Optimized storage is 0.248",
      ),
      "2026-09",
    ],
    "efs.standardGbMonth": [
      0.36,
      costTreeCite(
        "ap-southeast-2",
        "efs_monthly_per_gb.standard; the file's 2026-07 version says the same",
      ),
      "2026-09",
    ],
    "efs.elasticReadGb": calculatorEfsElastic(
      "Asia Pacific (Sydney)",
      "Read",
      "2W3HPF5EMCVF77XK.JRTCKXETXF.6YS6EN2CT7",
      "0.0400000000",
    ),
    "efs.elasticWriteGb": calculatorEfsElastic(
      "Asia Pacific (Sydney)",
      "Write",
      "28ED426R7PDNT9TM.JRTCKXETXF.6YS6EN2CT7",
      "0.0700000000",
    ),
    "efs.provisionedMibpsMonth": costTree(
      7.2,
      "ap-southeast-2",
      "efs_provisioned_throughput_per_mibps_monthly",
    ),
    "cloudwatch.alarmMonth": [
      0.1,
      costTreeCite(
        "ap-southeast-2",
        "resource_hourly.cloudwatch_alarm, stored per alarm-hour as 0.00013698630136986303, which is 0.10 / 730",
      ),
      "2026-09",
    ],
    "cloudwatch.highResolutionAlarmMonth": costTreeHighResAlarm("ap-southeast-2"),
    "cloudwatch.dashboardMonth": DASHBOARD_EVERY_REGION,
    "cloudwatch.logsIngestGb": [
      0.67,
      `${SYDNEY_RESEARCH} (AmazonCloudWatch published 2026-09-22: "$0.67 per GB custom log data ingested in Standard log class - Asia Pacific (Sydney)"; the first tier); ${costTreeCite("ap-southeast-2", "usage_based_per_unit_rates.cloudwatch_log_group")}; ${SYDNEY_ESTIMATE} said $0.76 (older, not an offer file)`,
      "2026-09",
    ],
    "cloudwatch.logsStorageGbMonth": [
      0.033,
      `${SYDNEY_RESEARCH} (AmazonCloudWatch published 2026-09-22: "$0.033 per GB-mo of log storage"); ${costTreeCite("ap-southeast-2", "usage_based_per_unit_rates.cloudwatch_log_group_storage")}`,
      "2026-09",
    ],
    "secretsmanager.secretMonth": [
      0.4,
      `${SYDNEY_RESEARCH} (AWSSecretsManager published 2026-09-11: "$0.40 per Secret"); ${costTreeCite("ap-southeast-2", "resource_hourly.secretsmanager, 0.40 / 730 per secret-hour")}`,
      "2026-09",
    ],
  },
  {
    "db.t4g.micro": [0.025, SYDNEY_PG, "2026-09"],
    "db.t4g.small": [0.051, SYDNEY_PG, "2026-09"],
    "db.t4g.medium": [
      0.102,
      `${SYDNEY_RESEARCH} (RDS PostgreSQL on-demand feed 2026-10-01, Sydney: db.t4g.medium 0.102 Single-AZ, 0.203 Multi-AZ); ${SYDNEY_PG}`,
      "2026-10",
    ],
    "db.t3.micro": [0.028, `${SYDNEY_PG} (MySQL's row is 0.026)`, "2026-09"],
  },
);
