import { region } from "../region";
import { costTree, costTreeHighResAlarm, DASHBOARD_EVERY_REGION } from "../shared";

const CANADA_FIXTURE =
  "a public project's recorded AWS Price List offer for ca-central-1 (test fixture)";

const CANADA_VPC =
  "a public project's design note quoting the Canada (Central) Amazon VPC price list (publication 2026-07-24T15:42:25Z, .../AmazonVPC/current/ca-central-1/index.json)";

const CANADA_RDS =
  "a public project's production-readiness plan (2026-09-19), \"rates retrieved directly from AWS's regional price lists\" (.../AmazonRDS/current/ca-central-1/index.json, published 2026-09-11 to 17)";

const CANADA_CW =
  'a public project\'s monthly estimate with "official unit prices" from the CloudWatch regional price index .../AmazonCloudWatch/current/ca-central-1/index.json';

/** ca-central-1's figures; every item without one is us-east-1's, marked. */
export const caCentral1 = region(
  "ca-central-1",
  {
    "fargate.x86.vcpuHour": [0.04456, `${CANADA_FIXTURE}: CAN1-Fargate-vCPU-Hours:perCPU`],
    "fargate.x86.gbHour": [0.004865, `${CANADA_FIXTURE}: CAN1-Fargate-GB-Hours`],
    "fargate.ephemeralGbHour": costTree(
      0.000122,
      "ca-central-1",
      "fargate_ephemeral_storage_gb_hourly",
    ),
    "alb.hour": [0.02475, `${CANADA_FIXTURE}: CAN1-LoadBalancerUsage`],
    "alb.lcuHour": [0.0088, `${CANADA_FIXTURE}: CAN1-LCUUsage`],
    "publicIpv4.hour": [0.005, `${CANADA_FIXTURE}: CAN1-PublicIPv4:InUseAddress`],
    "rds.gp3IopsMonth": costTree(
      0.022,
      "ca-central-1",
      "rds_gp3_iops_price_per_unit_monthly.single-az",
    ),
    "aurora.serverlessV2AcuHour": [0.14, `${CANADA_FIXTURE}: CAN1-Aurora:ServerlessV2Usage`],
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
      `${CANADA_RDS}: "RDS gp3 storage | 20 GiB x $0.127/GiB-month"`,
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
      `${CANADA_CW}: "About 0.355 GiB/month x $0.55/GB" (log data ingested)`,
    ],
  },
  {
    "db.t4g.micro": [
      0.018,
      `${CANADA_RDS}: "PostgreSQL db.t4g.micro | 730 x $0.018/hour"; a second public project's README from the same ca-central-1 RDS price list (db.t4g.micro $13.14 a month)`,
      "2026-09",
    ],
  },
);
