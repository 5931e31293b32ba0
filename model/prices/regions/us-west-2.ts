import { region } from "../region";
import {
  calculatorEfsElastic,
  CLOUDCOSTTREE_JUL,
  costTree,
  costTreeCite,
  costTreeHighResAlarm,
  DASHBOARD_EVERY_REGION,
  IPV4_EVERY_REGION,
  JP_PAGE,
} from "../shared";

/** AWS's us-west-2 price lists as a public cost model recorded them, rate code by rate code. */
const OREGON_CATALOG =
  "a public project's cost model whose rates are read from AWS's US West (Oregon) price lists (AWSSecretsManager us-west-2 version 20260911124610, AmazonCloudWatch us-west-2 version 20260918142158), each with its rate code";

const OREGON_ELB =
  'a public project\'s README estimate "checked against the public us-west-2 AWS price lists on 2026-09-10" (AWSELB us-west-2 offer: ALB base $0.0225/hour, LCUs $0.008/LCU-hour)';

const OREGON_RDS =
  "a public project's rate audit, Oregon rates checked against the AmazonRDS us-west-2 offer file (published 2026-08-18), SKU by SKU";

/** GetProducts answers for location "US West (Oregon)", as a public spend report printed them. */
const OREGON_SPEND =
  'a public project\'s spend report (SPEND.md, generated 2026-06-01), "Raw rates used | AWS Price List result" for location US West (Oregon)';

const OREGON_VPC =
  "a public project's cost analysis (Vietnamese), AWS Pricing API answers for location US West (Oregon)";

/** A guide's us-west-2 price references, each with the date it was checked. */
const OREGON_GUIDE = "a public guide's pricing references (us-west-2, on-demand)";

/** The cost model of the project whose rate audit OREGON_RDS is (same offer, same publication). */
const OREGON_RDS_MODEL =
  'a public project\'s cost model, Single-AZ PostgreSQL on-demand rates "read from the us-west-2 Price List API region file" (AmazonRDS us-west-2 offer published 2026-08-18), each with its SKU';

/** Hand-written Price List answers in another project's unit tests: a fixture, and flagged as one. */
const OREGON_EFS_FIXTURE =
  'a public project\'s unit-test fixture of Price List answers ("Prices as AWS publishes them"; test fixture, not a recorded offer): EFS "General Purpose" 0.30 USD per GB-Mo, usage type USW2-TimedStorage-ByteHrs, priced for us-west-2';
const OREGON_EFS =
  'a public project\'s hosting design, "Option 6 — EFS": "Elastic Throughput reads | $0.03/GB [V, same]", verified like its storage row "[V, Price List API `AmazonEFS`, us-west-2]"';

/** us-west-2's figures; every item without one is us-east-1's, marked. */
export const usWest2 = region(
  "us-west-2",
  {
    "fargate.x86.vcpuHour": [0.04048, `${JP_PAGE} (USW2-Fargate-vCPU-Hours:perCPU)`],
    "fargate.x86.gbHour": [0.004445, `${JP_PAGE} (USW2-Fargate-GB-Hours)`],
    "fargate.arm.vcpuHour": [
      0.03238,
      `${OREGON_SPEND}: "Fargate ARM vCPU | USD 0.032380 / hours" (USW2-Fargate-ARM-vCPU-Hours:perCPU)`,
      "2026-06",
    ],
    "fargate.arm.gbHour": [
      0.00356,
      `${OREGON_SPEND}: "Fargate ARM GB | USD 0.003560 / hours" (USW2-Fargate-ARM-GB-Hours)`,
      "2026-06",
    ],
    "fargate.ephemeralGbHour": [
      0.000111,
      'a public deployment tool\'s cost-estimate tutorial (Defang docs, "Estimating AWS Deployment Costs"): "$1.62 14600 GB-Hours ... AmazonECS USW2-Fargate-EphemeralStorage-GB-Hours", cost / quantity = $0.000111 per GB-hour to the three figures a cent-rounded line gives',
    ],
    "alb.hour": [0.0225, `${OREGON_ELB} (USW2-LoadBalancerUsage)`, "2026-09"],
    "alb.lcuHour": [0.008, `${OREGON_ELB} (USW2-LCUUsage)`, "2026-09"],
    "nat.hour": [
      0.045,
      `${OREGON_VPC}, AmazonEC2 group NGW:NatGateway: "USW2-NatGateway-Hours | $0.045 / NAT Gateway-hour"; Defang's cost-estimation docs (example estimate: "$32.85  730 Hours ... AmazonEC2 USW2-NatGateway-Hours"); ${OREGON_GUIDE}: "NAT gateway ... $0.045/h" (checked 2026-10-01)`,
    ],
    "nat.gb": [0.045, `${OREGON_VPC}: "USW2-NatGateway-Bytes | $0.045 / GB processed"`],
    "publicIpv4.hour": IPV4_EVERY_REGION,
    "endpoint.azHour": [
      0.01,
      `${OREGON_VPC}, AmazonVPC group VPCE:VpcEndpoint: "USW2-VpcEndpoint-Hours | $0.010 / endpoint-AZ-hour"; ${OREGON_GUIDE}: "$0.01/h per endpoint-AZ (usage type USW2-VpcEndpoint-Hours, AWS Pricing API)" (checked 2026-10-06)`,
      "2026-10",
    ],
    "endpoint.gb": [
      0.01,
      `${OREGON_VPC}: "USW2-VpcEndpoint-Bytes | $0.010 / GB processed" for the first PB a month; ${OREGON_GUIDE}: "$0.01 per GB processed" (checked 2026-10-06)`,
      "2026-10",
    ],
    "efs.standardGbMonth": [
      0.3,
      `${costTreeCite("us-west-2", "efs_monthly_per_gb.standard 0.3", CLOUDCOSTTREE_JUL)}; ${OREGON_EFS_FIXTURE}; AWS's EFS pricing page gives US West (Oregon) the same effective storage price as US East (N. Virginia), USD 0.08 per GB-month with 80% in Standard-IA (https://aws.amazon.com/cn/efs/pricing/)`,
      "2026-07",
    ],
    "rds.gp3IopsMonth": costTree(
      0.02,
      "us-west-2",
      "rds_gp3_iops_price_per_unit_monthly.single-az",
    ),
    "efs.elasticReadGb": [0.03, OREGON_EFS],
    "efs.elasticWriteGb": calculatorEfsElastic(
      "US West (Oregon)",
      "Write",
      "JEKCKKT3HNWRF4DZ.JRTCKXETXF.6YS6EN2CT7",
      "0.0600000000",
    ),
    "efs.provisionedMibpsMonth": costTree(
      6,
      "us-west-2",
      "efs_provisioned_throughput_per_mibps_monthly",
    ),
    "cloudwatch.alarmMonth": [
      0.1,
      `${OREGON_CATALOG}: standard-resolution alarm, rate code SJTFAZNHSW2WVZB2.JRTCKXETXF.6YS6EN2CT7, 0.1000000000 USD per Alarms`,
      "2026-09",
    ],
    "cloudwatch.highResolutionAlarmMonth": costTreeHighResAlarm(
      "us-west-2",
      "; the block by position: 197,000 characters before the usage block whose inter-region map omits us-west-2, its alb 0.0225 and rds 0.016 Oregon's own figures",
    ),
    "cloudwatch.dashboardMonth": DASHBOARD_EVERY_REGION,
    "cloudwatch.logsIngestGb": [
      0.5,
      `${OREGON_CATALOG}: custom log data ingested (Standard log class), rate code CWY7X4MZ4F3MP5SD.JRTCKXETXF.6YS6EN2CT7, 0.5000000000 USD per GB`,
      "2026-09",
    ],
    "cloudwatch.logsStorageGbMonth": [
      0.03,
      `${OREGON_CATALOG}: log storage, rate code MN45SJANDTCPR9QA.JRTCKXETXF.6YS6EN2CT7, 0.0300000000 USD per GB-Mo`,
      "2026-09",
    ],
    "secretsmanager.secretMonth": [
      0.4,
      `${OREGON_CATALOG}: rate code DWJP9S4V3HP98UNC.JRTCKXETXF.6YS6EN2CT7, 0.4000000000 USD per Secrets`,
      "2026-09",
    ],
    "secretsmanager.per10kCalls": [
      0.05,
      `${OREGON_CATALOG}: rate code AEBQHWFEG8Q4Y7AT.JRTCKXETXF.6YS6EN2CT7, 0.0000050000 USD per API request x 10,000`,
      "2026-09",
    ],
    "rds.gp3GbMonth": [
      0.115,
      `${OREGON_RDS}: "RDS gp3 | $0.115/GB-month | SKU W2B5U7TQ8BTUD7C8"`,
      "2026-08",
    ],
    "rds.backupGbMonth": [
      0.095,
      `${OREGON_RDS}: "RDS excess backup | $0.095/GB-month | SKU PAHDKG6EF4XSHYXC"`,
      "2026-08",
    ],
    "rds.snapshotGbMonth": [
      0.095,
      `${OREGON_RDS} (the backup rate: snapshots bill as backup storage)`,
      "2026-08",
    ],
    "aurora.serverlessV2AcuHour": [
      0.12,
      `${OREGON_RDS}: "Aurora Serverless v2 compute | $0.12/ACU-hour | SKU QR6MZKHMCWCPDAAM"`,
      "2026-08",
    ],
    "aurora.storageGbMonth": [
      0.1,
      `${OREGON_RDS}: "Aurora standard storage | $0.10/GB-month | SKU XN6AM4AHVSYQ6BFC"`,
      "2026-08",
    ],
    "aurora.ioMillion": [
      0.2,
      `${OREGON_RDS}: "Aurora standard I/O | $0.20/million requests | SKU FP5XU5WFCUVXQXF5"`,
      "2026-08",
    ],
  },
  {
    "db.t4g.micro": [
      0.016,
      `${OREGON_RDS}: "RDS PostgreSQL db.t4g.micro | $0.016/instance-hour | SKU CT79XNCJJGH56FA8"`,
      "2026-08",
    ],
    "db.t4g.small": [
      0.032,
      `${OREGON_RDS_MODEL}: "db.t4g.small" 0.032, SKU VNDRBDV7GJ67Z9MK; ${OREGON_SPEND}: "RDS db.t4g.small PostgreSQL | USD 0.032000 / Hrs"`,
      "2026-08",
    ],
    "db.t4g.medium": [
      0.065,
      `${OREGON_RDS_MODEL}: "db.t4g.medium" 0.065, SKU N2BHMKBGM78G338C`,
      "2026-08",
    ],
    "db.t3.micro": [
      0.018,
      `${costTreeCite("us-west-2", 'rds_instance_hourly_by_engine "postgres|" db.t3.micro 0.018; the block found by position: the map lies ahead of the usage rates, at about character 10.49M, whose inter-region map leaves out us-west-2')}; its db.t4g.micro/small/medium, 0.016/0.032/0.065, are the Oregon SKUs above`,
      "2026-09",
    ],
  },
);
