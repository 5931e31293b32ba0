import { region } from "../region";
import {
  costTree,
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

const OREGON_EFS =
  'a public project\'s hosting design, "Option 6 — EFS": "Elastic Throughput reads | $0.03/GB [V, same]", verified like its storage row "[V, Price List API `AmazonEFS`, us-west-2]"';

/** us-west-2's figures; every item without one is us-east-1's, marked. */
export const usWest2 = region(
  "us-west-2",
  {
    "fargate.x86.vcpuHour": [0.04048, `${JP_PAGE} (USW2-Fargate-vCPU-Hours:perCPU)`],
    "fargate.x86.gbHour": [0.004445, `${JP_PAGE} (USW2-Fargate-GB-Hours)`],
    "fargate.ephemeralGbHour": [
      0.000111,
      'a public deployment tool\'s cost-estimate tutorial (Defang docs, "Estimating AWS Deployment Costs"): "$1.62 14600 GB-Hours ... AmazonECS USW2-Fargate-EphemeralStorage-GB-Hours", cost / quantity = $0.000111 per GB-hour to the three figures a cent-rounded line gives',
    ],
    "alb.hour": [0.0225, `${OREGON_ELB} (USW2-LoadBalancerUsage)`, "2026-09"],
    "alb.lcuHour": [0.008, `${OREGON_ELB} (USW2-LCUUsage)`, "2026-09"],
    "publicIpv4.hour": IPV4_EVERY_REGION,
    "rds.gp3IopsMonth": costTree(
      0.02,
      "us-west-2",
      "rds_gp3_iops_price_per_unit_monthly.single-az",
    ),
    "efs.elasticReadGb": [0.03, OREGON_EFS],
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
  },
);
