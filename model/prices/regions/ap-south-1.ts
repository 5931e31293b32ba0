import { region } from "../region";
import {
  calculatorEndpointGbRow,
  CLOUDCOSTTREE_JUL,
  costTree,
  costTreeCite,
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

const MUMBAI_INVENTORY =
  'a public project\'s inventory of its ap-south-1 production account against its August 2026 bill ("Prices are ap-south-1 list prices", each back-solved from the bill)';

const MUMBAI_DEMO =
  'a public project\'s ADRs for an ap-south-1 demo environment ("ap-south-1 list prices, 2026-10-03")';

const MUMBAI_PRICE_LIST =
  "a public project's references: AWS Price List API, AmazonCloudWatch/current/ap-south-1 offer file";

/** A price sheet whose AWS section was read from the ap-south-1 Price List files, each row citing its file. */
const MUMBAI_TOOL_SHEET =
  'a public project\'s sheet of tool and cloud prices (checked 21 September 2026), section "AWS Mumbai (ap-south-1), On-Demand, Linux": "Read from the official AWS Price List files published 11–17 Sep 2026"';

/** A storage comparison that prices EFS Elastic throughput at Mumbai's rates (not the Price List itself). */
const MUMBAI_EFS_ELASTIC =
  'a public project\'s storage cost comparison for 50 GB of Maven artifacts ("Analysis based on AWS pricing for Asia Pacific (Mumbai) region as of March 2026"), EFS "Multi-AZ with Elastic Throughput": "Read Operations: $0.03 per GB transferred", "Write Operations: $0.07 per GB transferred" (its EFS storage row, $0.33/GB-month, and S3 row, $0.025, are Mumbai\'s own figures)';

const MUMBAI_COST_SCRIPT =
  'a public project\'s cost script, "ap-south-1 (Mumbai) list prices read from the AWS Price List API on 17 Sep 2026"';

const MUMBAI_MATCHING =
  'a public project\'s matching-system cost comparison (2026-04-24), "The estimates in this document use the Mumbai regional feed, not `us-east-1`" (Sources: "Mumbai Aurora price feed: .../offers/v1.0/aws/AmazonRDS/current/ap-south-1/index.json")';

/** ap-south-1's figures; every item without one is us-east-1's, marked. */
export const apSouth1 = region(
  "ap-south-1",
  {
    "fargate.x86.vcpuHour": [0.04256, `${FGCALC}: ap-south-1 normal.cpu`],
    "fargate.x86.gbHour": [0.004655, `${FGCALC}: ap-south-1 normal.ram`],
    "fargate.arm.vcpuHour": [
      0.02383,
      `${MUMBAI_BILL}: APS3-Fargate-ARM-vCPU-Hours $0.02383; ${MUMBAI_DEMO}: "in Mumbai ARM vCPU is $0.02383/h against $0.04256/h for x86"; ${costTreeCite("ap-south-1", "fargate_arm_vcpu_hourly 0.02383")}; well under the 80% of x86 that ARM costs in the other priced regions, so worth a recheck against the AmazonECS ap-south-1 offer file`,
      "2026-09",
    ],
    "fargate.arm.gbHour": [
      0.00261,
      `${costTreeCite("ap-south-1", `fargate_arm_gb_hourly 0.00261 (${MUMBAI_DEMO} prices a 0.5 vCPU / 1 GB ARM task at "$0.0145 each" per hour, which it and the vCPU rate give)`)}; the same recheck as the ARM vCPU rate`,
      "2026-09",
    ],
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
    "nat.gb": [
      0.056,
      `${MUMBAI_BILL}: "through the NAT gateway | 36 MB × $0.056/GB"; ${MUMBAI_INVENTORY}: "NAT data processing | $0.056 /GB"; ${costTreeCite("ap-south-1", "nat_data_price_per_gb 0.056")}`,
      "2026-09",
    ],
    "publicIpv4.hour": IPV4_EVERY_REGION,
    "endpoint.azHour": [
      0.013,
      `${MUMBAI_INVENTORY}: "Interface endpoints in ap-south-1 are $0.013 per endpoint-AZ-hour (AWS Price List API, usage type APS3-VpcEndpoint-Hours)"; ${MUMBAI_DEMO}: "$0.013/h per endpoint per AZ in Mumbai"; ${costTreeCite("ap-south-1", "vpce_interface 0.013", CLOUDCOSTTREE_JUL)}`,
      "2026-08",
    ],
    "endpoint.gb": [
      0.01,
      `${MUMBAI_TOOL_SHEET}: "VPC endpoint data processed | Amazon VPC | US$0.01 | ₹0.85 | per GB", its source "AWS Price List API, AmazonVPC, ap-south-1 (published 17 Sep 2026)" (the sheet names no tier); ${calculatorEndpointGbRow("Asia Pacific (Mumbai)", "KTBKXTWD4BQ95TXA.JRTCKXETXF.D7RZ6WCPVW", "0.0100000000")}`,
      "2026-09",
    ],
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
    "aurora.serverlessV2AcuHour": [
      0.18,
      costTreeCite(
        "ap-south-1",
        "aurora_serverless_v2_acu_hourly 0.18 (Aurora Standard: the _io_optimized key beside it is 0.24; the same key reads 0.15 in the file's ap-northeast-1 part, the Aurora PostgreSQL Standard rate a Tokyo article gives)",
      ),
      "2026-09",
    ],
    "aurora.storageGbMonth": [
      0.11,
      costTreeCite(
        "ap-south-1",
        "usage_based_per_unit_rates.rds_cluster_storage 0.11 per GB-month (Aurora Standard; rds_cluster_storage_iopt1 is 0.248)",
      ),
      "2026-09",
    ],
    "aurora.ioMillion": [
      0.22,
      `${MUMBAI_MATCHING}: "Aurora Standard I/O, Mumbai: $0.22 per 1 million I/O requests" (its Mumbai Serverless v2 $0.18 per ACU-hour and storage $0.11 per GB-month are the figures above)`,
      "2026-04",
    ],
    "efs.standardGbMonth": [
      0.33,
      costTreeCite("ap-south-1", "efs_monthly_per_gb.standard 0.33", CLOUDCOSTTREE_JUL),
      "2026-07",
    ],
    "efs.elasticReadGb": [0.03, MUMBAI_EFS_ELASTIC, "2026-03"],
    "efs.elasticWriteGb": [0.07, MUMBAI_EFS_ELASTIC, "2026-03"],
    "cloudwatch.alarmMonth": [
      0.1,
      `${MUMBAI_INVENTORY}: standard-resolution alarms "$0.10 each beyond 10 free" (11 billable = the bill's $1.10)`,
      "2026-08",
    ],
    "cloudwatch.logsIngestGb": [
      0.67,
      `${MUMBAI_PRICE_LIST}: "$0.67 per GB custom logs, Standard class"; ${MUMBAI_COST_SCRIPT}: AmazonCloudWatch APS3-DataProcessing-Bytes 0.67; ${MUMBAI_DEMO}: "Logs cost $0.67 per GB ingested in Mumbai"; ${costTreeCite("ap-south-1", "cloudwatch_log_group 0.67 (another project's inventory write-up says $0.57/GB, without a usage type: the Price List figure is preferred)")}`,
      "2026-09",
    ],
    "cloudwatch.logsStorageGbMonth": [
      0.03,
      costTreeCite(
        "ap-south-1",
        "usage_based_per_unit_rates.cloudwatch_log_group_storage 0.03 per GB-month",
      ),
      "2026-09",
    ],
    "secretsmanager.secretMonth": [
      0.4,
      `${MUMBAI_DEMO}: "7 secrets ($0.40/month each, prorated)"`,
      "2026-10",
    ],
    "secretsmanager.per10kCalls": [
      0.05,
      `${MUMBAI_TOOL_SHEET}: "Secrets Manager | AWS Secrets Manager | US$0.40 | ₹34 | per secret per month | Plus US$0.05 per 10,000 API calls", its source "AWS Price List API, AWSSecretsManager, ap-south-1 (published 11 Sep 2026)"`,
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
    "db.t3.micro": [
      0.026,
      costTreeCite(
        "ap-south-1",
        `rds_instance_hourly_by_engine "postgres|" db.t3.micro 0.026 (its db.t4g rows there, 0.021 / 0.042 / 0.084, are the AmazonRDS price list's above)`,
      ),
      "2026-09",
    ],
  },
);
