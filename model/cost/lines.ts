/**
 * A priced line: a quantity per scenario at a price-table entry's unit price (or an RDS class's),
 * with its source. No Pulumi imports.
 */
import { PriceKey, rdsInstancePrice, RegionPrices } from "../prices";
import { ResourceRecord } from "../records";
import { CostLine, PerScenario } from "./types";

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
      priceKey: typeof ref === "string" ? ref : `rds.instance.${ref.rdsClass}`,
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
