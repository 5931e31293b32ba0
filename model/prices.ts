/**
 * AWS list prices the cost model uses (USD, Linux, on-demand), each with where it was read and
 * when. The figures are the ones gathered in `../shared/PRICES.md` (2026-11); re-check them
 * against the AWS Price List before relying on a figure for money.
 *
 * us-east-2 (the seeds' region) matched us-east-1 wherever a us-east-2 source was found (Fargate,
 * load balancer, NAT gateway, public IPv4, CloudWatch Logs, Secrets Manager). The other regions carry the figures
 * found for them (README "Prices by region" lists which); every item without a source for its
 * region is carried as "assumed equal to us-east-1" (`assumedFrom`), and estimates say so in
 * their notes and mark the line. `--live-prices` (model/pricelist.ts) replaces the table with
 * the AWS Price List's figures for the region.
 *
 * No Pulumi imports: components, the policy pack and the scripts all read this table.
 */
import { DB_CLASSES } from "./rds";

/** Hours in a month, the convention infracost and AWS's calculator use. */
export const HOURS_PER_MONTH = 730;

/** When the figures were gathered. */
export const PRICES_DATE = "2026-11";

/** One figure of the table. */
export interface Price {
  /** US dollars per unit. */
  usd: number;
  /** What one unit is, for example `vCPU-hour`. */
  unit: string;
  /** Where the figure was read. */
  source: string;
  /** When it was read (YYYY-MM). */
  date: string;
  /** Set when no source for this region was found and the figure is another region's. */
  assumedFrom?: string;
}

/** The priced items, one key per figure. */
export const PRICE_KEYS = [
  "fargate.x86.vcpuHour",
  "fargate.x86.gbHour",
  "fargate.arm.vcpuHour",
  "fargate.arm.gbHour",
  "fargate.ephemeralGbHour",
  "fargate.spotFactor",
  "alb.hour",
  "alb.lcuHour",
  "nat.hour",
  "nat.gb",
  "publicIpv4.hour",
  "endpoint.azHour",
  "endpoint.gb",
  "rds.gp3GbMonth",
  "rds.gp3IopsMonth",
  "rds.backupGbMonth",
  "rds.snapshotGbMonth",
  "aurora.serverlessV2AcuHour",
  "aurora.storageGbMonth",
  "aurora.ioMillion",
  "efs.standardGbMonth",
  "efs.elasticReadGb",
  "efs.elasticWriteGb",
  "efs.provisionedMibpsMonth",
  "cloudwatch.alarmMonth",
  "cloudwatch.highResolutionAlarmMonth",
  "cloudwatch.dashboardMonth",
  "cloudwatch.logsIngestGb",
  "cloudwatch.logsStorageGbMonth",
  "secretsmanager.secretMonth",
  "secretsmanager.per10kCalls",
] as const;
export type PriceKey = (typeof PRICE_KEYS)[number];

/** The prices of one region: every item, and an hourly price per RDS class. */
export interface RegionPrices {
  region: string;
  items: Readonly<Record<PriceKey, Price>>;
  /** RDS PostgreSQL single-AZ on-demand, per instance-hour, by class. */
  rdsInstanceHour: Readonly<Record<string, Price>>;
}

const D = PRICES_DATE;
const FARGATE_PAGE = "AWS Fargate pricing page; infracost test fixtures; seed 004";
const FARGATE_ARM = "AWS Fargate pricing page (via Vantage's Fargate pricing article)";
const ELB = "infracost fixtures; AWS ELB pricing page; seed 004";
const INFRACOST = "infracost fixtures";

const p = (usd: number, unit: string, source: string): Price => ({ usd, unit, source, date: D });

const US_EAST_1_ITEMS: Record<PriceKey, Price> = {
  "fargate.x86.vcpuHour": p(0.04048, "vCPU-hour", FARGATE_PAGE),
  "fargate.x86.gbHour": p(0.004445, "GB-hour", FARGATE_PAGE),
  "fargate.arm.vcpuHour": p(0.03238, "vCPU-hour", FARGATE_ARM),
  "fargate.arm.gbHour": p(0.00356, "GB-hour", FARGATE_ARM),
  "fargate.ephemeralGbHour": p(
    0.000111,
    "GB-hour above the free 20 GB",
    "Vantage's Fargate pricing article",
  ),
  "fargate.spotFactor": p(
    0.3,
    "x on-demand",
    'ASSUMPTION: no per-unit Spot list price found (AWS says "up to 70% off"); seed 004 uses 0.3 x on-demand',
  ),
  "alb.hour": p(0.0225, "ALB-hour", ELB),
  "alb.lcuHour": p(0.008, "LCU-hour", ELB),
  "nat.hour": p(0.045, "gateway-hour", "infracost fixtures; AWS VPC pricing example"),
  "nat.gb": p(0.045, "GB processed", "infracost fixtures; AWS VPC pricing example"),
  "publicIpv4.hour": p(
    0.005,
    "IP-hour",
    "infracost fixtures; AWS announcement (every public IPv4 billed since 2024-02-01)",
  ),
  "endpoint.azHour": p(0.01, "AZ-hour", "AWS PrivateLink pricing page"),
  "endpoint.gb": p(0.01, "GB processed (first PB)", "AWS PrivateLink pricing page"),
  "rds.gp3GbMonth": p(0.115, "GB-month", INFRACOST),
  "rds.gp3IopsMonth": p(0.02, "IOPS-month above 3,000", INFRACOST),
  "rds.backupGbMonth": p(0.095, "GB-month beyond the provisioned size", INFRACOST),
  "rds.snapshotGbMonth": p(
    0.095,
    "GB-month of manual snapshot",
    "infracost fixtures (same rate as backup storage)",
  ),
  "aurora.serverlessV2AcuHour": p(
    0.12,
    "ACU-hour",
    "AWS Aurora pricing page (Serverless v2, Aurora Standard, billed per ACU-second; 1 ACU is about 2 GiB) as quoted for us-east-1 by public pricing summaries (c3x.dev, factualminds.com 2026-06, awsnegotiations.com 2026-05: $0.12); infracost's Serverless v1 fixture is $0.06, half of it",
  ),
  "aurora.storageGbMonth": p(
    0.1,
    "GB-month",
    "infracost fixtures (aws_rds_cluster golden test: Storage $0.10 per GB); AWS Aurora pricing page (Aurora Standard)",
  ),
  "aurora.ioMillion": p(
    0.2,
    "million I/O requests",
    "infracost fixtures (aws_rds_cluster golden test: I/O $0.20 per 1M requests); AWS Aurora pricing page (Aurora Standard)",
  ),
  "efs.standardGbMonth": p(0.3, "GB-month", "infracost fixtures; AWS EFS price table"),
  "efs.elasticReadGb": p(0.03, "GB read", "AWS EFS price table"),
  "efs.elasticWriteGb": p(0.06, "GB written", "AWS EFS price table"),
  "efs.provisionedMibpsMonth": p(6.0, "MiB/s-month", INFRACOST),
  "cloudwatch.alarmMonth": p(0.1, "alarm-month", INFRACOST),
  "cloudwatch.highResolutionAlarmMonth": p(0.3, "alarm-month", INFRACOST),
  "cloudwatch.dashboardMonth": p(3.0, "dashboard-month", INFRACOST),
  "cloudwatch.logsIngestGb": p(0.5, "GB ingested", INFRACOST),
  "cloudwatch.logsStorageGbMonth": p(0.03, "GB-month stored", INFRACOST),
  "secretsmanager.secretMonth": p(0.4, "secret-month", INFRACOST),
  "secretsmanager.per10kCalls": p(0.05, "10,000 API calls", INFRACOST),
};

const US_EAST_1_RDS: Record<string, Price> = {
  "db.t4g.micro": p(0.016, "instance-hour", "RDS pricing summaries (us-east-1)"),
  "db.t4g.small": p(0.032, "instance-hour", "RDS pricing summaries (us-east-1)"),
  "db.t4g.medium": p(0.065, "instance-hour", "RDS pricing summaries (us-east-1)"),
  "db.t3.micro": p(
    0.018,
    "instance-hour",
    "public cost fixtures (PostgreSQL; 0.017 is the MySQL rate)",
  ),
};

/** Items for which a us-east-2 source was found (and matched us-east-1). */
const US_EAST_2_CHECKED: ReadonlySet<PriceKey> = new Set<PriceKey>([
  "fargate.x86.vcpuHour",
  "fargate.x86.gbHour",
  "fargate.arm.vcpuHour",
  "fargate.arm.gbHour",
  "alb.hour",
  "alb.lcuHour",
  "nat.hour",
  "nat.gb",
  "publicIpv4.hour",
  "cloudwatch.logsIngestGb",
  "cloudwatch.logsStorageGbMonth",
]);

/** When the regional figures below were read (2026-12) or dated by their source. */
const READ = "2026-12";

/** One figure found for a region: US dollars, where it was read, and its date (default READ). */
type Found = [usd: number, source: string, date?: string];

/**
 * A region's table: the figures found for it, and every other item carried as us-east-1's with
 * `assumedFrom` set, so the estimate names them. Never a silent borrow.
 */
function region(
  name: string,
  found: Partial<Record<PriceKey, Found>>,
  rds: Partial<Record<string, Found>> = {},
): RegionPrices {
  const take = (base: Price, f: Found | undefined): Price =>
    f
      ? { ...base, usd: f[0], source: f[1], date: f[2] ?? READ }
      : { ...base, assumedFrom: "us-east-1" };
  const items = {} as Record<PriceKey, Price>;
  for (const key of PRICE_KEYS) items[key] = take(US_EAST_1_ITEMS[key], found[key]);
  // The Spot factor is an assumption everywhere, not a price: it is never "borrowed".
  items["fargate.spotFactor"] = US_EAST_1_ITEMS["fargate.spotFactor"];
  const rdsInstanceHour: Record<string, Price> = {};
  for (const [cls, base] of Object.entries(US_EAST_1_RDS)) {
    rdsInstanceHour[cls] = take(base, rds[cls]);
  }
  return { region: name, items, rdsInstanceHour };
}

function usEast2(): RegionPrices {
  const found: Partial<Record<PriceKey, Found>> = {};
  for (const key of US_EAST_2_CHECKED) {
    const base = US_EAST_1_ITEMS[key];
    found[key] = [base.usd, `${base.source}; us-east-2 checked, equal to us-east-1`, base.date];
  }
  const secrets =
    "a public AWS Pricing Calculator skill's Secrets Manager notes: GetProducts AWSSecretsManager for regionCode=us-east-2 ($0.40 per Secret; $5e-06 per API request, $0.05 per 10000 API Requests), verified against the live API 2026-05-09";
  found["secretsmanager.secretMonth"] = [0.4, secrets, "2026-05"];
  found["secretsmanager.per10kCalls"] = [0.05, secrets, "2026-05"];
  // Ohio's RDS price list (.../AmazonRDS/current/us-east-2/index.json) as two public projects
  // quoted it: a cost table (PostgreSQL db.t4g.micro, gp3, backups) and a Portuguese run-cost
  // note with regional sources (the same three, snapshots at the backup rate); a third for Aurora.
  const ohioRds =
    'a public project\'s cost table from the "Ohio RDS catalog" (.../AmazonRDS/current/us-east-2/index.json)';
  const ohioNote =
    "a public project's run-cost note (Portuguese) whose regional sources are the us-east-2 ECS, RDS, ECR, Secrets Manager and CloudWatch price lists";
  const ohioAurora =
    'a public project\'s cost plan citing the Ohio RDS catalog (.../AmazonRDS/current/us-east-2/index.csv): "Aurora Standard v2 | $0.12/ACU-hour; $0.10/GB-month storage and $0.20/million I/O requests"';
  found["rds.gp3GbMonth"] = [
    0.115,
    `${ohioRds}: "Same catalog: 20 x $0.115/GiB-month"; ${ohioNote}: "RDS gp3 | US$ 0,115/GB-mes"`,
  ];
  found["rds.backupGbMonth"] = [
    0.095,
    `${ohioRds}: "RDS backups ... $0.095/GiB-month"; ${ohioNote}: "Snapshot PostgreSQL cobravel | US$ 0,095/GB-mes"`,
  ];
  found["rds.snapshotGbMonth"] = [
    0.095,
    `${ohioNote}: "Snapshot PostgreSQL cobravel | US$ 0,095/GB-mes"`,
  ];
  found["aurora.serverlessV2AcuHour"] = [0.12, ohioAurora];
  found["aurora.storageGbMonth"] = [0.1, ohioAurora];
  found["aurora.ioMillion"] = [0.2, ohioAurora];
  return region("us-east-2", found, {
    "db.t4g.micro": [
      0.016,
      `${ohioRds}: "db.t4g.micro Single-AZ PostgreSQL, 730 x $0.016/hour"; ${ohioNote}: "RDS PostgreSQL db.t4g.micro Single-AZ | US$ 0,016/h"`,
    ],
  });
}

// Sources of the regional figures (read with the search tools, 2026-12). Each names the AWS
// Price List usage type the figure belongs to, so `--live-prices` can confirm it.
const JP_PAGE =
  "AWS Fargate pricing page (Japanese edition), which prices US East (N. Virginia), US East (Ohio), US West (Oregon) and EU (Ireland) as one group";
const LONDON_SHEET =
  "a public project's price sheet read from the AWS Price List for eu-west-2 (2026-09)";
const LONDON_FIXTURE =
  "a public price snapshot of the AWS Price List dated 2026-09-05 (test fixture, eu-west-2)";
const CANADA_FIXTURE =
  "a public project's recorded AWS Price List offer for ca-central-1 (test fixture)";
const FRANKFURT_CARD =
  "a public rate card taken from the AWS Price List, effective 2026-07-07 (EUC1 usage types)";
const MUMBAI_BILL =
  "a public project's cost write-up, cost / quantity of its ap-south-1 bill lines (2026-09-16 bill; on-demand hourly rates)";
const TOKYO_FIXTURE =
  "a public project's recorded GetProducts documents for ap-northeast-1 (test fixture)";
/** On-demand Fargate Linux/x86 per region, "extracted from the official AWS Fargate documentation". */
const FGCALC = "theuves/fgcalc src/utils/data.js (Fargate on-demand Linux/x86 by region)";
/** AWS's public IPv4 charge is one rate in every region (announced 2023-07, billed from 2024-02-01). */
const IPV4_EVERY_REGION: Found = [
  0.005,
  'https://www.techpartner.news/news/aws-to-charge-for-ipv4-addresses-598672 (AWS: US$0.005 per address-hour "in all AWS regions"); https://www.haufe-akademie.de/en/skill-it/blog/aws-gebuehren-ipv4-adressen ("all AWS regions ... without exception")',
];
const TOKYO_AURORA =
  "https://kenzo0107.github.io/2025/11/30/2025-12-01-aws-aurora-rds-cluster-instance-vs-serverless-v2 (ap-northeast-1, 2025-12-01: Aurora PostgreSQL Serverless v2, Aurora Standard 0.15 USD per ACU-hour; I/O-Optimized 0.20)";
const TOKYO_EFS =
  "https://www.gritbeaver.com/aws-storage-types/ (Tokyo region: EFS Standard USD 0.36 per GB-month)";
const TOKYO_BULK =
  'a public project\'s notes of AWS Price List bulk offers read for ap-northeast-1 on 2026-09-11 (AWSSecretsManager: "$0.40 per Secret", "$0.05 per 10000 API Requests")';
/** Price List API answers for eu-west-1 recorded in a public cost scanner's per-service audit. */
const IRELAND_AUDIT =
  "a public AWS cost scanner's per-service adapter audit (2026-05-01), AWS Price List API answers for eu-west-1";
/** AWS's us-west-2 price lists as a public cost model recorded them, rate code by rate code. */
const OREGON_CATALOG =
  "a public project's cost model whose rates are read from AWS's US West (Oregon) price lists (AWSSecretsManager us-west-2 version 20260911124610, AmazonCloudWatch us-west-2 version 20260918142158), each with its rate code";
const OREGON_ELB =
  'a public project\'s README estimate "checked against the public us-west-2 AWS price lists on 2026-09-10" (AWSELB us-west-2 offer: ALB base $0.0225/hour, LCUs $0.008/LCU-hour)';
const TOKYO_OFFER =
  'a public project\'s notes "verified against the Price List API on 2026-08-27" from the offer files .../current/ap-northeast-1/index.json';
const IRELAND_BILL =
  "a public project's architecture decision record (2026-08-04): Cost Explorer actuals for eu-west-1, July 2026, cost / quantity";
const MUMBAI_RDS =
  "a public project's fact check of the AWS Price List bulk CSV AmazonRDS/ap-south-1 (published 2026-09-03, effective 2026-09-01), on-demand PostgreSQL rows";
const MUMBAI_BOOK =
  "a public course book's price sheet from AWS's ap-south-1 price list files (AmazonRDS published 2026-09-24, checked 2026-09-29)";
const MUMBAI_ESTIMATE =
  'a public project\'s AWS cost estimate ("The following rates are for Asia Pacific (Mumbai) region")';
const FRANKFURT_PLAN =
  'a public project\'s demo cost plan: "Le tariffe Aurora/Proxy di riferimento a Francoforte sono 0,14 e 0,018 USD/ACU-ora; NAT costa 0,052 USD/ora", citing the AmazonRDS eu-central-1 offer file (.../AmazonRDS/current/eu-central-1/index.json) and the VPC pricing page';
const CANADA_VPC =
  "a public project's design note quoting the Canada (Central) Amazon VPC price list (publication 2026-07-24T15:42:25Z, .../AmazonVPC/current/ca-central-1/index.json)";
const CANADA_RDS =
  "a public project's production-readiness plan (2026-09-19), \"rates retrieved directly from AWS's regional price lists\" (.../AmazonRDS/current/ca-central-1/index.json, published 2026-09-11 to 17)";
const CANADA_CW =
  'a public project\'s monthly estimate with "official unit prices" from the CloudWatch regional price index .../AmazonCloudWatch/current/ca-central-1/index.json';
const IRELAND_ELB =
  'a public cost tool\'s ALB regression test, whose eu-west-1 rows match "the real AWSELB catalog" (.../AWSELB/current/eu-west-1/index.json, fetched 2026-07-03): LoadBalancerUsage 0.0252000000, LCUUsage 0.0080000000';
const FRANKFURT_RESEARCH =
  'a public project\'s hosting research (2026-10-08): "AWS rates are for Frankfurt (eu-central-1) and come from the AWS Price List API files linked inline"';
const FRANKFURT_RDS_DE =
  "a public project's test plan quoting the AWS Price List, RDS eu-central-1 (published 2026-09-11, checked 2026-09-13)";
const FRANKFURT_TARIFFS =
  "a public project's cost design (Italian), tariffs read from the AmazonRDS eu-central-1 offer file and AWS's public NAT gateway table";
const OREGON_RDS =
  "a public project's rate audit, Oregon rates checked against the AmazonRDS us-west-2 offer file (published 2026-08-18), SKU by SKU";
const TOKYO_JSON =
  "a public project's source table of the Tokyo offer files (AWSELB ap-northeast-1 published 2026-09-11, AmazonRDS ap-northeast-1 published 2026-09-17), with SKUs";
const TOKYO_RDS_SMALL =
  'a public project\'s official-sources table (2026-09-09): AmazonRDS ap-northeast-1, "PostgreSQL ... small Single-AZ 0.05"';
const TOKYO_AURORA_LIST =
  'a public project\'s architecture notes, Tokyo unit prices "checked with the AWS Price List API on 2026-09-28" (.../AmazonRDS/current/ap-northeast-1/index.json)';
const SYDNEY_NOTES =
  "a public project's cost notes \"AWS Cost Estimates: Sydney pricing\" (read from aws.amazon.com/fargate/pricing; its x86 figures equal fgcalc's)";

const TABLE: Readonly<Record<string, RegionPrices>> = {
  "us-east-1": { region: "us-east-1", items: US_EAST_1_ITEMS, rdsInstanceHour: US_EAST_1_RDS },
  "us-east-2": usEast2(),
  "us-west-2": region(
    "us-west-2",
    {
      "fargate.x86.vcpuHour": [0.04048, `${JP_PAGE} (USW2-Fargate-vCPU-Hours:perCPU)`],
      "fargate.x86.gbHour": [0.004445, `${JP_PAGE} (USW2-Fargate-GB-Hours)`],
      "alb.hour": [0.0225, `${OREGON_ELB} (USW2-LoadBalancerUsage)`, "2026-09"],
      "alb.lcuHour": [0.008, `${OREGON_ELB} (USW2-LCUUsage)`, "2026-09"],
      "publicIpv4.hour": IPV4_EVERY_REGION,
      "cloudwatch.alarmMonth": [
        0.1,
        `${OREGON_CATALOG}: standard-resolution alarm, rate code SJTFAZNHSW2WVZB2.JRTCKXETXF.6YS6EN2CT7, 0.1000000000 USD per Alarms`,
        "2026-09",
      ],
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
  ),
  "ca-central-1": region(
    "ca-central-1",
    {
      "fargate.x86.vcpuHour": [0.04456, `${CANADA_FIXTURE}: CAN1-Fargate-vCPU-Hours:perCPU`],
      "fargate.x86.gbHour": [0.004865, `${CANADA_FIXTURE}: CAN1-Fargate-GB-Hours`],
      "alb.hour": [0.02475, `${CANADA_FIXTURE}: CAN1-LoadBalancerUsage`],
      "alb.lcuHour": [0.0088, `${CANADA_FIXTURE}: CAN1-LCUUsage`],
      "publicIpv4.hour": [0.005, `${CANADA_FIXTURE}: CAN1-PublicIPv4:InUseAddress`],
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
  ),
  "eu-west-1": region(
    "eu-west-1",
    {
      "fargate.x86.vcpuHour": [0.04048, `${JP_PAGE} (EU-Fargate-vCPU-Hours:perCPU)`],
      "fargate.x86.gbHour": [0.004445, `${JP_PAGE} (EU-Fargate-GB-Hours)`],
      "fargate.arm.vcpuHour": [0.03238, `${IRELAND_AUDIT} (AUDIT-10: ARM vCPU)`, "2026-05"],
      "alb.hour": [
        0.0252,
        `${IRELAND_BILL}: EU-LoadBalancerUsage $15.00 for 595 hr (0.02521), the record's 730-hour figure $18.40; ${IRELAND_ELB}`,
        "2026-08",
      ],
      "alb.lcuHour": [0.008, `${IRELAND_ELB} (EU-LCUUsage)`, "2026-07"],
      "fargate.arm.gbHour": [0.00356, `${IRELAND_AUDIT} (AUDIT-10: ARM memory)`, "2026-05"],
      "nat.hour": [
        0.048,
        `${IRELAND_AUDIT} (AUDIT-05: "$0.048 per NAT Gateway Hour", SKU KFNSSCHWD43WZK2R); a public Go project's test snapshot of the eu-west-1 EU-NatGateway-Hours row`,
        "2026-05",
      ],
      "nat.gb": [
        0.048,
        `${IRELAND_AUDIT} (AUDIT-05: "$0.048 per GB Data Processed by NAT Gateways"); the same Go test snapshot (EU-NatGateway-Bytes)`,
        "2026-05",
      ],
      "publicIpv4.hour": IPV4_EVERY_REGION,
      "endpoint.azHour": [
        0.011,
        `${IRELAND_AUDIT} (AUDIT-05: "$0.011 per VPC Endpoint Hour", SKU H37WJ97MHYGDXG2A)`,
        "2026-05",
      ],
      "endpoint.gb": [0.01, `${IRELAND_AUDIT} (AUDIT-05: $0.01/GB for the first PB)`, "2026-05"],
      "rds.gp3GbMonth": [
        0.127,
        `${IRELAND_AUDIT} (AUDIT-03: RDS "General Purpose-GP3" Single-AZ storage)`,
        "2026-05",
      ],
      "rds.backupGbMonth": [
        0.095,
        `${IRELAND_AUDIT} (AUDIT-03: Storage Snapshot, MySQL/PostgreSQL/MariaDB)`,
        "2026-05",
      ],
      "rds.snapshotGbMonth": [
        0.095,
        `${IRELAND_AUDIT} (AUDIT-03: Storage Snapshot, PostgreSQL; snapshots bill as backup storage)`,
        "2026-05",
      ],
      "efs.standardGbMonth": [
        0.33,
        `${IRELAND_AUDIT} (AUDIT-11: "USD $0.33 per GB-Mo for Standard storage (EU)", EU-TimedStorage-ByteHrs)`,
        "2026-05",
      ],
      "cloudwatch.logsIngestGb": [
        0.57,
        `${IRELAND_AUDIT} (AUDIT-13: "$0.57 per GB custom log data ingested", SKU KJBTQPDHW2H92B8Y, effective 2026-03-01)`,
        "2026-05",
      ],
    },
    {
      "db.t4g.micro": [
        0.017,
        `${IRELAND_BILL}: EU-InstanceUsage:db.t4g.micro (PostgreSQL) $10.09 for 593 hr (0.01702), the record's 730-hour figure $12.41`,
        "2026-08",
      ],
    },
  ),
  "eu-west-2": region(
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
      "rds.backupGbMonth": [0.1, LONDON_SHEET],
      "rds.snapshotGbMonth": [
        0.1,
        `${LONDON_SHEET} (the backup rate: snapshots bill as backup storage)`,
      ],
      "cloudwatch.alarmMonth": [0.1, LONDON_SHEET],
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
  ),
  "eu-central-1": region(
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
      "cloudwatch.alarmMonth": [
        0.1,
        `${FRANKFURT_RESEARCH}: "alarms $0.10/alarm-month" (AmazonCloudWatch eu-central-1)`,
        "2026-10",
      ],
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
  ),
  "ap-south-1": region(
    "ap-south-1",
    {
      "fargate.x86.vcpuHour": [0.04256, `${FGCALC}: ap-south-1 normal.cpu`],
      "fargate.x86.gbHour": [0.004655, `${FGCALC}: ap-south-1 normal.ram`],
      "alb.hour": [
        0.0239,
        `${MUMBAI_BILL}: APS3-LoadBalancerUsage; ${MUMBAI_ESTIMATE}: "$0.0239 per Application Load Balancer-hour"`,
      ],
      "alb.lcuHour": [0.008, `${MUMBAI_ESTIMATE}: "$0.008 per LCU-hour (or partial hour)"`],
      "nat.hour": [0.056, `${MUMBAI_BILL}: APS3-NatGateway-Hours`],
      "publicIpv4.hour": IPV4_EVERY_REGION,
      "rds.gp3GbMonth": [
        0.131,
        `${MUMBAI_RDS}: "20 GB gp3 at $0.131/GB-month"; ${MUMBAI_BOOK}: "RDS gp3 storage | $0.131 per GB-month"`,
        "2026-09",
      ],
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
    },
    {
      "db.t4g.micro": [0.021, `${MUMBAI_RDS}: db.t4g.micro Single-AZ $0.021/hr`, "2026-09"],
      "db.t4g.small": [
        0.042,
        `${MUMBAI_RDS}: "$0.042 per RDS db.t4g.small Single-AZ instance hour running PostgreSQL" (SKU YA9RJG9UAYJKR7G8)`,
        "2026-09",
      ],
      "db.t4g.medium": [0.084, `${MUMBAI_RDS}: db.t4g.medium $0.084/hr`, "2026-09"],
    },
  ),
  "ap-southeast-2": region("ap-southeast-2", {
    "fargate.x86.vcpuHour": [0.04856, `${FGCALC}: ap-southeast-2 normal.cpu; ${SYDNEY_NOTES}`],
    "fargate.x86.gbHour": [0.00532, `${FGCALC}: ap-southeast-2 normal.ram; ${SYDNEY_NOTES}`],
    "fargate.arm.vcpuHour": [0.03885, SYDNEY_NOTES],
    "fargate.arm.gbHour": [0.00426, SYDNEY_NOTES],
    "publicIpv4.hour": IPV4_EVERY_REGION,
  }),
  "ap-northeast-1": region(
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
      "rds.gp3GbMonth": [
        0.138,
        `${TOKYO_JSON}: "gp3 $0.138/GB-month (YM9AR73XYRPUSCN3)"`,
        "2026-09",
      ],
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
      "publicIpv4.hour": IPV4_EVERY_REGION,
      "aurora.serverlessV2AcuHour": [0.15, TOKYO_AURORA, "2025-12"],
      "efs.standardGbMonth": [0.36, TOKYO_EFS],
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
    },
  ),
};

/** Regions the table prices. */
export const PRICED_REGIONS: readonly string[] = Object.keys(TABLE);

/** The prices of `region`; an unknown region is an error naming it, never a zero. */
export function pricesFor(region: string): RegionPrices {
  const prices = TABLE[region];
  if (!prices) {
    throw new Error(
      `no prices for region "${region}": the cost model prices ${PRICED_REGIONS.join(", ")} (add the region's figures to model/prices.ts)`,
    );
  }
  return prices;
}

/** The hourly price of one single-AZ RDS instance of `instanceClass` in `prices`' region. */
export function rdsInstancePrice(prices: RegionPrices, instanceClass: string): Price {
  const price = prices.rdsInstanceHour[instanceClass];
  if (!price) {
    throw new Error(
      `no price for RDS instance class "${instanceClass}" in ${prices.region}: priced classes are ${Object.keys(prices.rdsInstanceHour).join(", ")}`,
    );
  }
  return price;
}

/** RDS Multi-AZ doubles the instance and the storage (infracost fixtures). */
export const RDS_MULTI_AZ_FACTOR = 2;

/** Classes the stacks may use (model/rds.ts) that some region does not price: should be none. */
export function unpricedDbClasses(): string[] {
  return Object.values(TABLE).flatMap((t) =>
    Object.keys(DB_CLASSES)
      .filter((c) => !t.rdsInstanceHour[c])
      .map((c) => `${t.region}:${c}`),
  );
}
