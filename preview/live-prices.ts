/**
 * `--live-prices`: a region's prices read from the AWS Price List Query API with the caller's
 * AWS credentials (`@aws-sdk/client-pricing`, GetProducts; the API answers from us-east-1), then
 * cached in `.cache/live-prices/<region>.json` (git-ignored) for CACHE_DAYS, so a second run
 * asks nothing. The parsing is model/pricelist.ts; tests pass recorded responses through a
 * client of their own and never call AWS.
 */
import * as fs from "fs";
import * as path from "path";
import {
  GetProductsCommand,
  GetProductsCommandOutput,
  PricingClient,
} from "@aws-sdk/client-pricing";
import { livePrices, PriceListQuery, QueryPriceList } from "../model/pricelist";
import { pricesFor, RegionPrices } from "../model/prices";

/** Where answers are cached (git-ignored). */
export const CACHE_DIR = path.join(__dirname, "..", ".cache", "live-prices");
/** A cached region is reused for this many days. */
export const CACHE_DAYS = 7;

/** What a Pricing client must do: send one GetProducts command. */
export interface PricingSender {
  send(
    command: GetProductsCommand,
  ): Promise<Pick<GetProductsCommandOutput, "PriceList" | "NextToken">>;
}

/** GetProducts through `client`, every page (NextToken), as model/pricelist.ts asks it. */
export function queryWith(client: PricingSender): QueryPriceList {
  return async (q: PriceListQuery) => {
    const out: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new GetProductsCommand({
          ServiceCode: q.serviceCode,
          Filters: q.filters,
          FormatVersion: "aws_v1",
          MaxResults: 100,
          NextToken,
        }),
      );
      out.push(...(page.PriceList ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return out;
  };
}

interface Cached {
  fetched: string;
  prices: RegionPrices;
  read: string[];
  kept: string[];
}

/**
 * The live prices of `region`: from the cache when younger than CACHE_DAYS, else asked through
 * `client` (default: a PricingClient in us-east-1 with the default credential chain) and cached.
 * An unknown region is the table's error; missing credentials are an error that says so.
 */
export async function liveRegionPrices(
  region: string,
  opts: { client?: PricingSender; cacheDir?: string; now?: Date } = {},
): Promise<Cached & { cached: boolean }> {
  const table = pricesFor(region);
  const now = opts.now ?? new Date();
  const dir = opts.cacheDir ?? CACHE_DIR;
  const file = path.join(dir, `${region}.json`);
  if (fs.existsSync(file)) {
    const cached = JSON.parse(fs.readFileSync(file, "utf8")) as Cached;
    if (now.getTime() - Date.parse(cached.fetched) < CACHE_DAYS * 86_400_000) {
      return { ...cached, cached: true };
    }
  }
  const client = opts.client ?? new PricingClient({ region: "us-east-1" });
  let result;
  try {
    result = await livePrices(table, queryWith(client), now.toISOString().slice(0, 10));
  } catch (err) {
    const e = err as Error;
    if (e.name === "CredentialsProviderError") {
      throw new Error(
        `--live-prices needs AWS credentials allowed pricing:GetProducts (${e.message}): configure them (AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) or drop --live-prices to price from model/prices/`,
      );
    }
    throw e;
  }
  const entry: Cached = { fetched: now.toISOString(), ...result };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(entry, null, 2)}\n`);
  return { ...entry, cached: false };
}

/** One line saying where the prices came from, for the CLIs. */
export function describeLive(region: string, live: Cached & { cached: boolean }): string {
  return `live prices for ${region}: ${live.read.length} figures from the AWS Price List (${live.cached ? `cached ${live.fetched}` : "fetched now"}); kept from model/prices/: ${live.kept.join(", ") || "none"}`;
}
