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
 * Layout: types.ts (the shape), usEast1.ts (the base figures), region.ts (a region's table from
 * the figures found for it), regions/<region>.ts (one file per region, its figures and the
 * sources they were read from), shared.ts (sources several regions cite).
 *
 * No Pulumi imports: components, the policy pack and the scripts all read this table.
 */
import { DB_CLASSES } from "../rds";
import { Price, RegionPrices } from "./types";
import { US_EAST_1_ITEMS, US_EAST_1_RDS } from "./usEast1";
import { usEast2Prices } from "./regions/us-east-2";
import { usWest2 } from "./regions/us-west-2";
import { caCentral1 } from "./regions/ca-central-1";
import { euWest1 } from "./regions/eu-west-1";
import { euWest2 } from "./regions/eu-west-2";
import { euCentral1 } from "./regions/eu-central-1";
import { apSouth1 } from "./regions/ap-south-1";
import { apSoutheast2 } from "./regions/ap-southeast-2";
import { apNortheast1 } from "./regions/ap-northeast-1";

export { HOURS_PER_MONTH, PRICES_DATE, PRICE_KEYS } from "./types";
export type { Price, PriceKey, RegionPrices } from "./types";

const TABLE: Readonly<Record<string, RegionPrices>> = {
  "us-east-1": { region: "us-east-1", items: US_EAST_1_ITEMS, rdsInstanceHour: US_EAST_1_RDS },
  "us-east-2": usEast2Prices,
  "us-west-2": usWest2,
  "ca-central-1": caCentral1,
  "eu-west-1": euWest1,
  "eu-west-2": euWest2,
  "eu-central-1": euCentral1,
  "ap-south-1": apSouth1,
  "ap-southeast-2": apSoutheast2,
  "ap-northeast-1": apNortheast1,
};

/** Regions the table prices. */
export const PRICED_REGIONS: readonly string[] = Object.keys(TABLE);

/** The prices of `region`; an unknown region is an error naming it, never a zero. */
export function pricesFor(region: string): RegionPrices {
  const prices = TABLE[region];
  if (!prices) {
    throw new Error(
      `no prices for region "${region}": the cost model prices ${PRICED_REGIONS.join(", ")} (add a file for the region to model/prices/regions/)`,
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
