/**
 * Reading a region's prices from the AWS Price List Query API's answers (GetProducts), without
 * calling AWS: the caller passes a `query` function (preview/live-prices.ts wraps
 * `@aws-sdk/client-pricing`; tests pass recorded responses).
 *
 * Shape (AWS Billing user guide, "Reading the service price list file"; the SDK's
 * GetProductsResponse): `PriceList` is a list of JSON strings, one product each:
 * `{ product: { sku, productFamily, attributes: { regionCode, usagetype, ... } },
 *    terms: { OnDemand: { <offer>: { priceDimensions: { <rate>: { unit, beginRange,
 *    pricePerUnit: { USD: "0.0404800000" } } } } } } }`.
 *
 * Each item is asked for by service code and regionCode (plus a few exact attributes; a global
 * product such as CloudWatch dashboards without regionCode), and the product is picked by its
 * usage type, whose region prefix (`EUW2-`, `USE1-`, none) varies:
 * `Fargate-vCPU-Hours:perCPU` matches `EUW2-Fargate-vCPU-Hours:perCPU` but not
 * `EUW2-SpotUsage-Fargate-...` or `EUW2-Fargate-ARM-...`. Two different prices for one item is
 * an error naming both SKUs, never a guess. No Pulumi or AWS SDK imports.
 */
import { PRICE_KEYS, Price, PriceKey, RegionPrices } from "./prices";

/** A GetProducts filter (the API's `Filter`, TERM_MATCH only). */
export interface PriceListFilter {
  Type: "TERM_MATCH";
  Field: string;
  Value: string;
}

/** One GetProducts question: a service and its filters (regionCode is added per region). */
export interface PriceListQuery {
  serviceCode: string;
  filters: PriceListFilter[];
}

/** Asks GetProducts (every page) and returns its `PriceList` strings. */
export type QueryPriceList = (q: PriceListQuery) => Promise<string[]>;

/** How one item of the table is read from the Price List. */
interface ItemQuery {
  serviceCode: string;
  /** Exact attributes besides regionCode. */
  attributes?: Record<string, string>;
  /**
   * Priced once for every region (location "Any", no regionCode, no region prefix on the usage
   * type): asked without the regionCode filter.
   */
  global?: true;
  /** The usage type without its region prefix. */
  usagetype: string;
  /** The table's unit is this many of the Price List's (10,000 API calls, a million I/Os). */
  multiplier?: number;
}

const term = (Field: string, Value: string): PriceListFilter => ({
  Type: "TERM_MATCH",
  Field,
  Value,
});

/**
 * The items read live: every price of the table. Only the Spot factor (an assumption, not a
 * price) keeps the table's figure, and says so.
 */
export const ITEM_QUERIES: Readonly<Partial<Record<PriceKey, ItemQuery>>> = {
  "fargate.x86.vcpuHour": { serviceCode: "AmazonECS", usagetype: "Fargate-vCPU-Hours:perCPU" },
  "fargate.x86.gbHour": { serviceCode: "AmazonECS", usagetype: "Fargate-GB-Hours" },
  "fargate.arm.vcpuHour": { serviceCode: "AmazonECS", usagetype: "Fargate-ARM-vCPU-Hours:perCPU" },
  "fargate.arm.gbHour": { serviceCode: "AmazonECS", usagetype: "Fargate-ARM-GB-Hours" },
  "fargate.ephemeralGbHour": {
    serviceCode: "AmazonECS",
    usagetype: "Fargate-EphemeralStorage-GB-Hours",
  },
  "alb.hour": {
    serviceCode: "AWSELB",
    attributes: { productFamily: "Load Balancer-Application" },
    usagetype: "LoadBalancerUsage",
  },
  "alb.lcuHour": {
    serviceCode: "AWSELB",
    attributes: { productFamily: "Load Balancer-Application" },
    usagetype: "LCUUsage",
  },
  "nat.hour": {
    serviceCode: "AmazonEC2",
    attributes: { productFamily: "NAT Gateway" },
    usagetype: "NatGateway-Hours",
  },
  "nat.gb": {
    serviceCode: "AmazonEC2",
    attributes: { productFamily: "NAT Gateway" },
    usagetype: "NatGateway-Bytes",
  },
  "publicIpv4.hour": { serviceCode: "AmazonVPC", usagetype: "PublicIPv4:InUseAddress" },
  "endpoint.azHour": { serviceCode: "AmazonVPC", usagetype: "VpcEndpoint-Hours" },
  "endpoint.gb": { serviceCode: "AmazonVPC", usagetype: "VpcEndpoint-Bytes" },
  "rds.gp3GbMonth": {
    serviceCode: "AmazonRDS",
    attributes: { databaseEngine: "PostgreSQL", deploymentOption: "Single-AZ" },
    usagetype: "RDS:GP3-Storage",
  },
  // gp3 IOPS above the baseline, single-AZ: infracost internal/resources/aws/db_instance.go
  // (productFamily "Provisioned IOPS", deploymentOption, groupDescription "RDS Provisioned GP3
  // IOPS", databaseEngine "Any", usagetype ...RDS:GP3-PIOPS; the Multi-AZ row is
  // RDS:Multi-AZ-GP3-PIOPS, and io1's RDS:PIOPS shares the family). Priced per IOPS-month.
  "rds.gp3IopsMonth": {
    serviceCode: "AmazonRDS",
    attributes: {
      productFamily: "Provisioned IOPS",
      deploymentOption: "Single-AZ",
      groupDescription: "RDS Provisioned GP3 IOPS",
      databaseEngine: "Any",
    },
    usagetype: "RDS:GP3-PIOPS",
  },
  "rds.backupGbMonth": { serviceCode: "AmazonRDS", usagetype: "RDS:ChargedBackupUsage" },
  "rds.snapshotGbMonth": { serviceCode: "AmazonRDS", usagetype: "RDS:ChargedBackupUsage" },
  // Aurora PostgreSQL Serverless v2 on Aurora Standard storage. Attribute values and usage types
  // as public GetProducts code filters them (e.g. productFamily "ServerlessV2" with databaseEngine
  // "Aurora PostgreSQL" and usagetype Aurora:ServerlessV2Usage; Aurora:StorageUsage on volumeType
  // "General Purpose-Aurora"; Aurora:StorageIOUsage in "System Operation", priced per I/O). The
  // I/O-Optimized rows (Aurora:ServerlessV2IOOptimizedUsage, Aurora:IO-OptimizedStorageUsage) are
  // other usage types, never taken for these.
  "aurora.serverlessV2AcuHour": {
    serviceCode: "AmazonRDS",
    attributes: { productFamily: "ServerlessV2", databaseEngine: "Aurora PostgreSQL" },
    usagetype: "Aurora:ServerlessV2Usage",
  },
  "aurora.storageGbMonth": {
    serviceCode: "AmazonRDS",
    attributes: { productFamily: "Database Storage", volumeType: "General Purpose-Aurora" },
    usagetype: "Aurora:StorageUsage",
  },
  "aurora.ioMillion": {
    serviceCode: "AmazonRDS",
    attributes: { productFamily: "System Operation" },
    usagetype: "Aurora:StorageIOUsage",
    multiplier: 1_000_000,
  },
  // EFS Standard storage (regional file systems): infracost internal/resources/aws/
  // efs_file_system.go (productFamily "Storage", usagetype ...-TimedStorage-ByteHrs; One Zone is
  // TimedStorage-Z-ByteHrs, Infrequent Access IATimedStorage-ByteHrs, both in the same family).
  "efs.standardGbMonth": {
    serviceCode: "AmazonEFS",
    attributes: { productFamily: "Storage" },
    usagetype: "TimedStorage-ByteHrs",
  },
  // Elastic throughput, per GB read and per GB written: one usage type, <prefix>-ETDataAccess-Bytes
  // (AWS EFS user guide, "Understanding billing and usage reports for Amazon EFS"), with two
  // products told apart by accessType Read / Write (a public AWS Pricing Calculator module's EFS
  // notes, verified with GetProducts in us-east-2; infracost efs_file_system.go filters the
  // Infrequent Access requests by the same accessType attribute). IADataAccess-Bytes and
  // ArchiveDataAccess-Bytes carry accessType too and are other usage types.
  "efs.elasticReadGb": {
    serviceCode: "AmazonEFS",
    attributes: { accessType: "Read" },
    usagetype: "ETDataAccess-Bytes",
  },
  "efs.elasticWriteGb": {
    serviceCode: "AmazonEFS",
    attributes: { accessType: "Write" },
    usagetype: "ETDataAccess-Bytes",
  },
  // Provisioned throughput: infracost efs_file_system.go (productFamily "Provisioned Throughput",
  // usagetype ...ProvisionedTP-MiBpsHrs). The family also holds the $0 IncludedTP-MiBpsHrs row
  // (the throughput Standard storage earns), another usage type. Priced per MiBps-month.
  "efs.provisionedMibpsMonth": {
    serviceCode: "AmazonEFS",
    attributes: { productFamily: "Provisioned Throughput" },
    usagetype: "ProvisionedTP-MiBpsHrs",
  },
  "cloudwatch.alarmMonth": { serviceCode: "AmazonCloudWatch", usagetype: "CW:AlarmMonitorUsage" },
  // High-resolution metric alarms: productFamily "Alarm" as infracost
  // internal/resources/aws/cloudwatch_metric_alarm.go asks it; usagetype CW:HighResAlarmMonitorUsage
  // (AWS CloudWatch user guide, "Analyzing, optimizing, and reducing CloudWatch costs": High
  // resolution (metric alarm); the standard alarm's CW:AlarmMonitorUsage is another usage type).
  "cloudwatch.highResolutionAlarmMonth": {
    serviceCode: "AmazonCloudWatch",
    attributes: { productFamily: "Alarm" },
    usagetype: "CW:HighResAlarmMonitorUsage",
  },
  // Dashboards: infracost internal/resources/aws/cloudwatch_dashboard.go asks productFamily
  // "Dashboard" with usagetype DashboardsUsageHour and no region. The product is global: location
  // "Any", an empty regionCode, no usage-type prefix (a public project's notes of the catalog it
  // read: $3 a dashboard-month), so it is asked by location "Any" without regionCode. The
  // DashboardsUsageHour-Basic row (50 metrics or fewer; CloudWatch user guide, same page as above)
  // and the Global- free-tier rows are other usage types.
  "cloudwatch.dashboardMonth": {
    serviceCode: "AmazonCloudWatch",
    attributes: { productFamily: "Dashboard", location: "Any", usagetype: "DashboardsUsageHour" },
    usagetype: "DashboardsUsageHour",
    global: true,
  },
  "cloudwatch.logsIngestGb": { serviceCode: "AmazonCloudWatch", usagetype: "DataProcessing-Bytes" },
  "cloudwatch.logsStorageGbMonth": {
    serviceCode: "AmazonCloudWatch",
    usagetype: "TimedStorage-ByteHrs",
  },
  "secretsmanager.secretMonth": {
    serviceCode: "AWSSecretsManager",
    usagetype: "AWSSecretsManager-Secrets",
  },
  "secretsmanager.per10kCalls": {
    serviceCode: "AWSSecretsManager",
    usagetype: "AWSSecretsManagerAPIRequest",
    multiplier: 10_000,
  },
};

/** The query for one single-AZ PostgreSQL instance class. */
function rdsQuery(instanceClass: string): ItemQuery {
  return {
    serviceCode: "AmazonRDS",
    attributes: {
      productFamily: "Database Instance",
      databaseEngine: "PostgreSQL",
      deploymentOption: "Single-AZ",
      instanceType: instanceClass,
    },
    usagetype: `InstanceUsage:${instanceClass}`,
  };
}

/** The GetProducts question for `q` in `region` (no regionCode for a global product). */
export function queryFor(q: ItemQuery, region: string): PriceListQuery {
  return {
    serviceCode: q.serviceCode,
    filters: [
      ...(q.global ? [] : [term("regionCode", region)]),
      ...Object.entries(q.attributes ?? {}).map(([k, v]) => term(k, v)),
    ],
  };
}

interface Product {
  sku: string;
  usagetype: string;
  usd: number;
}

/**
 * The on-demand USD prices of a GetProducts answer: per product, its first price dimension
 * (the lowest tier: `beginRange` "0" when tiered). Entries that are not JSON are an error.
 */
export function parsePriceList(priceList: string[]): Product[] {
  return priceList.flatMap((text, n) => {
    let doc: {
      product?: { sku?: string; attributes?: Record<string, string> };
      terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, unknown> }> };
    };
    try {
      doc = JSON.parse(text);
    } catch {
      throw new Error(`PriceList entry ${n} is not JSON`);
    }
    const sku = doc.product?.sku ?? `#${n}`;
    const usagetype = doc.product?.attributes?.usagetype ?? "";
    const dims = Object.values(doc.terms?.OnDemand ?? {}).flatMap((t) =>
      Object.values(t.priceDimensions ?? {}),
    ) as { beginRange?: string; pricePerUnit?: { USD?: string } }[];
    const first = dims.find((d) => (d.beginRange ?? "0") === "0") ?? dims[0];
    const usd = Number(first?.pricePerUnit?.USD);
    return first && Number.isFinite(usd) ? [{ sku, usagetype, usd }] : [];
  });
}

/** `EUW2-Fargate-GB-Hours` or `Fargate-GB-Hours` for `Fargate-GB-Hours`, nothing else. */
function usageMatches(usagetype: string, wanted: string): boolean {
  if (usagetype === wanted) return true;
  const dash = usagetype.indexOf("-");
  return (
    dash > 0 && /^[A-Z0-9]+$/.test(usagetype.slice(0, dash)) && usagetype.slice(dash + 1) === wanted
  );
}

/** The one price of `wanted` among `products`; undefined when absent, an error when ambiguous. */
export function pickPrice(products: Product[], wanted: string, what: string): Product | undefined {
  const hits = products.filter((p) => usageMatches(p.usagetype, wanted));
  const prices = [...new Set(hits.map((p) => p.usd))];
  if (prices.length > 1) {
    throw new Error(
      `the Price List has ${prices.length} prices for ${what} (usage type ${wanted}): ${hits.map((h) => `${h.sku} ${h.usd}`).join(", ")}`,
    );
  }
  return hits[0];
}

/**
 * A region's prices from the Price List: every item of ITEM_QUERIES and every RDS class of
 * `table` read live (source: the API, the usage type and SKU, the date `today`); items the
 * Price List has no product for, and items not queried, keep `table`'s figure and say so.
 * One GetProducts question per distinct (service, filters).
 */
export async function livePrices(
  table: RegionPrices,
  query: QueryPriceList,
  today: string,
): Promise<{ prices: RegionPrices; read: string[]; kept: string[] }> {
  const region = table.region;
  const answers = new Map<string, Promise<Product[]>>();
  const ask = (q: ItemQuery) => {
    const pq = queryFor(q, region);
    const key = JSON.stringify(pq);
    if (!answers.has(key)) answers.set(key, query(pq).then(parsePriceList));
    return answers.get(key)!;
  };
  const read: string[] = [];
  const kept: string[] = [];
  const live = async (name: string, q: ItemQuery | undefined, base: Price): Promise<Price> => {
    if (!q) {
      kept.push(name);
      return base;
    }
    const hit = pickPrice(await ask(q), q.usagetype, `${name} in ${region}`);
    if (!hit) {
      kept.push(name);
      return base;
    }
    read.push(name);
    return {
      usd: Number((hit.usd * (q.multiplier ?? 1)).toPrecision(10)),
      unit: base.unit,
      source: `AWS Price List Query API, ${q.serviceCode} ${hit.usagetype} (SKU ${hit.sku})`,
      date: today,
    };
  };
  const items = {} as Record<PriceKey, Price>;
  for (const key of PRICE_KEYS) items[key] = await live(key, ITEM_QUERIES[key], table.items[key]);
  const rdsInstanceHour: Record<string, Price> = {};
  for (const [cls, base] of Object.entries(table.rdsInstanceHour)) {
    rdsInstanceHour[cls] = await live(`rds.instance.${cls}`, rdsQuery(cls), base);
  }
  return { prices: { region, items, rdsInstanceHour }, read, kept };
}
