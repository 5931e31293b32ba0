/**
 * A priced line: a quantity per scenario at a price-table entry's unit price (or an RDS class's),
 * with its source; each price key in words, and the lines priced at another region's figures.
 * No Pulumi imports.
 */
import { PriceKey, rdsInstancePrice, RegionPrices } from "../prices";
import { ResourceRecord } from "../records";
import { Borrowed, CostLine, PerScenario } from "./types";

/** Where a line's price comes from: a key of the table, or an RDS class. */
export type PriceRef = PriceKey | { rdsClass: string };

/** What a line adds to its quantity and price. */
export interface AddOptions {
  /** What was assumed to get the quantity. */
  assumed?: string;
  /** Multiplies the unit price (the Spot factor). */
  factor?: { value: number; source: string };
}

/** The lines of one estimate, priced from one region's table. */
export class Lines {
  readonly lines: CostLine[] = [];
  constructor(readonly prices: RegionPrices) {}

  add(
    r: ResourceRecord,
    item: string,
    ref: PriceRef,
    quantity: number | PerScenario,
    opts: AddOptions = {},
  ): void {
    const price =
      typeof ref === "string"
        ? this.prices.items[ref]
        : rdsInstancePrice(this.prices, ref.rdsClass);
    const q: PerScenario =
      typeof quantity === "number"
        ? { floor: quantity, expected: quantity, ceiling: quantity }
        : quantity;
    const unitPrice = price.usd * (opts.factor?.value ?? 1);
    const source = `${price.source} (${price.date})${opts.factor ? `; ${opts.factor.source}` : ""}`;
    this.lines.push({
      resource: r.name,
      type: r.type,
      item,
      unit: price.unit,
      unitPrice,
      quantity: q,
      monthly: {
        floor: q.floor * unitPrice,
        expected: q.expected * unitPrice,
        ceiling: q.ceiling * unitPrice,
      },
      assumed: opts.assumed,
      source,
      priceKey: typeof ref === "string" ? ref : `${RDS_INSTANCE}${ref.rdsClass}`,
      assumedFrom: price.assumedFrom,
    });
  }
}

/** A quantity per scenario times `k`. */
export const scale = (q: PerScenario, k: number): PerScenario => ({
  floor: q.floor * k,
  expected: q.expected * k,
  ceiling: q.ceiling * k,
});

/**
 * What each price is, in words, one name a price key (the grain at which a region's figure is
 * found or borrowed): the names the estimate's note about borrowed prices uses. Every key has one
 * (the type says so); an RDS class is `RDS <class> instance hours`.
 */
export const PRICE_NAMES: Readonly<Record<PriceKey, string>> = {
  "fargate.x86.vcpuHour": "Fargate vCPU (x86)",
  "fargate.x86.gbHour": "Fargate memory (x86)",
  "fargate.arm.vcpuHour": "Fargate vCPU (ARM)",
  "fargate.arm.gbHour": "Fargate memory (ARM)",
  "fargate.ephemeralGbHour": "Fargate ephemeral storage",
  "fargate.spotFactor": "the Fargate Spot factor",
  "alb.hour": "load balancer hours",
  "alb.lcuHour": "load balancer capacity units (LCU-hours)",
  "nat.hour": "NAT gateway hours",
  "nat.gb": "NAT gateway data processed",
  "publicIpv4.hour": "public IPv4 addresses",
  "endpoint.azHour": "interface endpoint hours",
  "endpoint.gb": "interface endpoint data processed",
  "rds.gp3GbMonth": "RDS gp3 storage",
  "rds.gp3IopsMonth": "RDS gp3 IOPS",
  "rds.backupGbMonth": "RDS backup storage",
  "rds.snapshotGbMonth": "RDS snapshot storage",
  "aurora.serverlessV2AcuHour": "Aurora Serverless v2 capacity (ACU-hours)",
  "aurora.storageGbMonth": "Aurora storage",
  "aurora.ioMillion": "Aurora I/O requests",
  "efs.standardGbMonth": "EFS Standard storage",
  "efs.elasticReadGb": "EFS Elastic throughput reads",
  "efs.elasticWriteGb": "EFS Elastic throughput writes",
  "efs.provisionedMibpsMonth": "EFS provisioned throughput",
  "cloudwatch.alarmMonth": "CloudWatch alarms",
  "cloudwatch.highResolutionAlarmMonth": "CloudWatch high-resolution alarms",
  "cloudwatch.dashboardMonth": "CloudWatch dashboards",
  "cloudwatch.logsIngestGb": "CloudWatch Logs ingestion",
  "cloudwatch.logsStorageGbMonth": "CloudWatch Logs storage",
  "secretsmanager.secretMonth": "Secrets Manager secrets",
  "secretsmanager.per10kCalls": "Secrets Manager API calls",
};

/** A line's price key (CostLine.priceKey) in words (PRICE_NAMES; `rds.instance.<class>`). */
export function priceName(key: string): string {
  if (key.startsWith(RDS_INSTANCE)) return `RDS ${key.slice(RDS_INSTANCE.length)} instance hours`;
  return (PRICE_NAMES as Record<string, string>)[key] ?? key;
}

/** The prefix of an RDS class's price key on a line. */
export const RDS_INSTANCE = "rds.instance.";

/**
 * The lines of an estimate priced at another region's figures (CostLine.assumedFrom): how many of
 * all, the region borrowed from, and what, in words (priceName), in the order the lines first
 * name them. Undefined when every line has the region's own price.
 */
export function borrowedOf(lines: readonly CostLine[]): Borrowed | undefined {
  const borrowed = lines.filter((l) => l.assumedFrom);
  if (borrowed.length === 0) return undefined;
  return {
    from: borrowed[0].assumedFrom!,
    lines: borrowed.length,
    of: lines.length,
    items: [...new Set(borrowed.map((l) => priceName(l.priceKey)))],
  };
}
