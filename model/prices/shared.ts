/** Sources that more than one region's figures cite. */
import { Found } from "./types";

export const JP_PAGE =
  "AWS Fargate pricing page (Japanese edition), which prices US East (N. Virginia), US East (Ohio), US West (Oregon) and EU (Ireland) as one group";

/** On-demand Fargate Linux/x86 per region, "extracted from the official AWS Fargate documentation". */
export const FGCALC = "theuves/fgcalc src/utils/data.js (Fargate on-demand Linux/x86 by region)";

/** AWS's public IPv4 charge is one rate in every region (announced 2023-07, billed from 2024-02-01). */
export const IPV4_EVERY_REGION: Found = [
  0.005,
  'https://www.techpartner.news/news/aws-to-charge-for-ipv4-addresses-598672 (AWS: US$0.005 per address-hour "in all AWS regions"); https://www.haufe-akademie.de/en/skill-it/blog/aws-gebuehren-ipv4-adressen ("all AWS regions ... without exception")',
];

/**
 * The price data file that the PyPI package cloudcosttree 0.2.26 downloads at first run, as kept in
 * its repository (one block per region; figures from the AWS Price List). Cite it with the region
 * block and key a figure was read from.
 */
export const CLOUDCOSTTREE =
  'cloudcosttree\'s price data file (PyPI cloudcosttree 0.2.26 downloads it at run time): rulssss/cloudcosttree data/prices.json at commit 06086999, metadata "source": "aws-price-list-api", "updated": "2026-09-08"';

/** The older, compact version of that file (the same keys for fewer services). */
export const CLOUDCOSTTREE_JUL =
  'cloudcosttree\'s price data file, older compact version: rulssss/cloudcosttree data/prices.json at commit 66de04a8, metadata "source": "aws-price-list-api", "updated": "2026-07-07"';

/**
 * CloudWatch dashboards are one account-wide product, not a regional one: their usage types
 * carry no region prefix (`DashboardsUsageHour`, `DashboardsUsageHour-Basic`, where alarms bill
 * as `<region>-CW:AlarmMonitorUsage`), and the Price List lists them with `location=Any`.
 */
export const DASHBOARD_EVERY_REGION: Found = [
  3.0,
  'a public project\'s cost authority note (Sydney, 2026-10): "CloudWatch dashboard products are account-global: the observed catalog declares location=Any, an empty region code, DashboardsUsageHour or its Basic variant, and Dashboards units at USD 3 per dashboard per month"; https://aws.amazon.com/jp/premiumsupport/knowledge-center/cloudwatch-understand-and-reduce-charges/ (usage types: "<region>-CW:AlarmMonitorUsage" but "DashboardsUsageHour(-Basic)", no region); a public London price sheet read from the eu-west-2 price list: dashboards "not present in the London price-list file"',
  "2026-10",
];

/**
 * One of the AWS Pricing Calculator's metered-unit catalogs
 * (`calculator.aws/pricing/2.0/meteredUnitMaps/<service>/USD/current/<service>.json`) as a public
 * project keeps a copy of it (lamngockhuong/aws-price `lib/data/pricing/<service>.json`): a
 * manifest (`esIndex`, `hawkFilePublicationDate`), then one block per region display name, each
 * row `{rateCode, price, RegionlessRateCode}` under its Price List description. `name` is how the
 * source string names the service; the result is the catalog's description, for `calculatorRow`.
 */
function calculatorCatalog(name: string, service: string, esIndex: string, published: string) {
  return `the AWS Pricing Calculator's ${name} catalog (meteredUnitMaps/${service}/USD/current/${service}.json; manifest "esIndex": "${esIndex}", "hawkFilePublicationDate": "${published}") as a public project keeps it (lamngockhuong/aws-price lib/data/pricing/${service}.json)`;
}

/** The Amazon VPC catalog, published 2025-11-04. */
const CALCULATOR_VPC = calculatorCatalog(
  "VPC",
  "vpc",
  "plc-vpc-usd-20251104012650",
  "2025-11-04T01:26:50Z",
);

/** The Amazon EFS catalog, published 2025-09-25. */
const CALCULATOR_EFS = calculatorCatalog(
  "EFS",
  "efs",
  "plc-efs-usd-20250925214139",
  "2025-09-25T21:41:39Z",
);

/**
 * A row of a cached calculator catalog, as a source string: `row` (its name as stored) in the
 * region `block` (a display name such as "US East (Ohio)"), `note` right after the name, then its
 * rate code and its `price` as stored (e.g. "0.0100000000").
 */
function calculatorRow(
  catalog: string,
  block: string,
  row: string,
  rateCode: string,
  price: string,
  note = "",
): string {
  return `${catalog}, block "${block}": "${row}"${note}, rateCode ${rateCode}, price "${price}"`;
}

/**
 * The VPC catalog's row for interface endpoint data processed in the region `block`: the first
 * tier, 0 to 1,048,576 GB (1 PB) a month, with its rate code and its `price` per GB as stored.
 */
export function calculatorEndpointGbRow(block: string, rateCode: string, price: string): string {
  return calculatorRow(
    CALCULATOR_VPC,
    block,
    "Charge for per GB data processed by VPC Endpoints per GB from 0 to 1048576",
    rateCode,
    price,
    " (the first tier)",
  );
}

/**
 * EFS Elastic throughput in the EFS catalog's region `block`: its row "EFS Storage Requests Read
 * per GB" (`access` "Read", US dollars per GB read) or "... Write per GB" ("Write", per GB
 * written), with its rate code and `price` as stored (e.g. "0.0700000000"); the figure is that
 * price. The rows are Elastic throughput's (not Infrequent Access or Archive requests, which have
 * rows of their own): in every region whose Elastic throughput rates come from another source the
 * two rows equal them, us-east-1 and us-east-2 0.03 / 0.06, us-west-2's read 0.03, eu-west-1 and
 * ap-south-1 0.03 / 0.07, eu-central-1 and ap-northeast-1 0.04 / 0.07 (read / written).
 */
export function calculatorEfsElastic(
  block: string,
  access: "Read" | "Write",
  rateCode: string,
  price: string,
): Found {
  return [
    Number(price),
    calculatorRow(
      CALCULATOR_EFS,
      block,
      `EFS Storage Requests ${access} per GB`,
      rateCode,
      price,
      ` (Elastic throughput ${access === "Read" ? "reads" : "writes"}: the catalog's read and write rows equal the Elastic throughput rates other sources give in us-east-1, us-east-2, eu-west-1, eu-central-1, ap-south-1 and ap-northeast-1, and us-west-2's read)`,
    ),
    "2025-09",
  ];
}

/**
 * Where a figure was read in cloudcosttree's price data file, the one spelling of that source:
 * `<file>, block "<region>" (<what>)`, `what` the key (and the value as stored, or a remark);
 * `file` CLOUDCOSTTREE (default) or CLOUDCOSTTREE_JUL.
 */
export function costTreeCite(region: string, what: string, file = CLOUDCOSTTREE): string {
  return `${file}, block "${region}" (${what})`;
}

/** A figure read in cloudcosttree's price data file: `key` of its block for `region`, as stored. */
export function costTree(usd: number, region: string, key: string, note = ""): Found {
  return [usd, costTreeCite(region, `${key}${note}`), "2026-09"];
}

/**
 * The file stores a high-resolution alarm as an hourly rate, the monthly fee over 730 hours:
 * 0.000410958904109589 x 730 = 0.30 a month. `note` says how the block was placed when the
 * region was read by its position in the file rather than from a header.
 */
export function costTreeHighResAlarm(region: string, note = ""): Found {
  return costTree(
    0.3,
    region,
    "resource_hourly.cloudwatch_alarm_highres",
    ` = 0.000410958904109589 per alarm-hour, $0.30 a month over its 730 hours${note}`,
  );
}

/**
 * The file's 2026-09-08 version stores RDS backup storage beyond the free allocation per GB-day,
 * as the GB-month rate x 12 / 365: key `rds_backup_retention_price_per_gb_day` reads
 * 0.003452054794520548 in ca-central-1, 0.0033863013698630135 in eu-central-1 and
 * 0.0032876712328767125 in eu-west-2, which are 0.105, 0.103 and 0.10 a GB-month, the rates those
 * regions' own sources give (0.0031232876712328768 = 0.095 in us-east-2, us-west-2, eu-west-1 and
 * ap-northeast-1, as theirs). The older 2026-07 version's figures under this key fit no known rate
 * and are not used. `perGbDay` is the figure as read in `region`'s block; the result is US dollars
 * per GB-month (x 365 / 12, to 6 decimals).
 */
export function costTreeBackup(region: string, perGbDay: number): Found {
  return costTree(
    Number(((perGbDay * 365) / 12).toFixed(6)),
    region,
    "rds_backup_retention_price_per_gb_day",
    ` = ${perGbDay} per GB-day, the GB-month rate x 12 / 365 in every block checked against another source`,
  );
}
