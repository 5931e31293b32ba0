import { Found, Price, PRICE_KEYS, PriceKey, READ, RegionPrices } from "./types";
import { US_EAST_1_ITEMS, US_EAST_1_RDS } from "./usEast1";

/**
 * A region's table: the figures found for it, and every other item carried as us-east-1's with
 * `assumedFrom` set, so the estimate names them. Never a silent borrow.
 */
export function region(
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
