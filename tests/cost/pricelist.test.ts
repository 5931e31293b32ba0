import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { GetProductsCommand } from "@aws-sdk/client-pricing";
import { ITEM_QUERIES, parsePriceList, pickPrice } from "../../model/pricelist";
import { PRICE_KEYS, pricesFor } from "../../model/prices";
import { liveRegionPrices, PricingSender, queryWith } from "../../preview/live-prices";

/**
 * Recorded GetProducts answers (tests/fixtures/pricelist/<region>.json, in the API's documented
 * shape; each file's description says where its figures come from). The fake client does what
 * the Price List Query API does with them: keeps the products whose attributes match every
 * TERM_MATCH filter, and pages them two at a time with NextToken. Nothing here calls AWS.
 */
function recorded(region: string): { products: Record<string, string[]> } {
  return JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "fixtures", "pricelist", `${region}.json`), "utf8"),
  );
}

class RecordedPricing implements PricingSender {
  readonly calls: { ServiceCode?: string; Filters?: unknown; NextToken?: string }[] = [];
  constructor(private readonly recording = recorded("eu-west-2")) {}
  async send(command: GetProductsCommand) {
    const input = command.input;
    this.calls.push({
      ServiceCode: input.ServiceCode,
      Filters: input.Filters,
      NextToken: input.NextToken,
    });
    const matching = (this.recording.products[input.ServiceCode ?? ""] ?? []).filter((text) => {
      const attrs = {
        ...JSON.parse(text).product.attributes,
        productFamily: JSON.parse(text).product.productFamily,
      };
      return (input.Filters ?? []).every((f) => attrs[f.Field!] === f.Value);
    });
    const start = Number(input.NextToken ?? 0);
    const next = start + 2 < matching.length ? String(start + 2) : undefined;
    return { PriceList: matching.slice(start, start + 2), NextToken: next };
  }
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "live-prices-"));
}

describe("--live-prices: the AWS Price List, from recorded responses", () => {
  it("parses the recorded eu-west-2 answers to the same figures as the table", async () => {
    const client = new RecordedPricing();
    const live = await liveRegionPrices("eu-west-2", {
      client,
      cacheDir: tempDir(),
      now: new Date("2026-12-05T00:00:00Z"),
    });
    const table = pricesFor("eu-west-2");
    assert.equal(live.cached, false);
    for (const key of live.read.filter((k) => !k.startsWith("rds.instance."))) {
      const k = key as (typeof PRICE_KEYS)[number];
      assert.equal(live.prices.items[k].usd, table.items[k].usd, key);
      assert.equal(live.prices.items[k].date, "2026-12-05");
      assert.match(live.prices.items[k].source, /^AWS Price List Query API, /);
    }
    for (const cls of Object.keys(table.rdsInstanceHour)) {
      assert.equal(live.prices.rdsInstanceHour[cls].usd, table.rdsInstanceHour[cls].usd, cls);
    }
    // Every item queried was found in the recorded answers, and every RDS class.
    assert.deepEqual(live.read, [
      ...PRICE_KEYS.filter((k) => ITEM_QUERIES[k] !== undefined),
      ...Object.keys(table.rdsInstanceHour).map((c) => `rds.instance.${c}`),
    ]);
    assert.equal(live.read.length, 30 + 4);
    // Every price is asked; only the Spot factor, an assumption, is kept from the table.
    assert.deepEqual(live.kept, ["fargate.spotFactor"]);
    assert.equal(live.prices.items["fargate.spotFactor"], table.items["fargate.spotFactor"]);
    // The exact SKU and usage type behind a figure; the Spot, ARM and Windows rows were not it.
    assert.equal(
      live.prices.items["fargate.x86.vcpuHour"].source,
      "AWS Price List Query API, AmazonECS EUW2-Fargate-vCPU-Hours:perCPU (SKU EUW2FIX0001)",
    );
    // Aurora Serverless v2: the PostgreSQL ACU-hour of Aurora Standard, not the I/O-Optimized row
    // ($0.16), Aurora MySQL's ($0.13 in the recording) or us-east-1's; storage by its volume type
    // (not I/O-Optimized's $0.225); I/O priced per request x 1,000,000. London's own in the table
    // too (a public price sheet read from the eu-west-2 RDS offer file), so neither is marked.
    assert.equal(
      live.prices.items["aurora.serverlessV2AcuHour"].source,
      "AWS Price List Query API, AmazonRDS EUW2-Aurora:ServerlessV2Usage (SKU EUW2FIX0041)",
    );
    assert.equal(live.prices.items["aurora.serverlessV2AcuHour"].usd, 0.14);
    assert.equal(
      live.prices.items["aurora.storageGbMonth"].source,
      "AWS Price List Query API, AmazonRDS EUW2-Aurora:StorageUsage (SKU EUW2FIX0044)",
    );
    assert.equal(live.prices.items["aurora.ioMillion"].usd, 0.2);
    assert.equal(live.prices.items["aurora.ioMillion"].unit, "million I/O requests");
    for (const key of ["aurora.serverlessV2AcuHour", "aurora.storageGbMonth", "aurora.ioMillion"]) {
      assert.equal(table.items[key as (typeof PRICE_KEYS)[number]].assumedFrom, undefined);
      assert.equal(live.prices.items[key as (typeof PRICE_KEYS)[number]].assumedFrom, undefined);
    }
    // The seven the table borrows for London (us-east-1's figures), read live, so no longer
    // marked borrowed: each from its own product, never the neighbour in its family (Multi-AZ or
    // io1 IOPS, One Zone or Infrequent Access storage, the IA reads, the $0 included throughput,
    // the standard alarm, the Basic or Global- dashboard). Their figures are the table's (above).
    for (const [key, product] of Object.entries({
      "rds.gp3IopsMonth": "AmazonRDS EUW2-RDS:GP3-PIOPS (SKU EUW2FIX0048)",
      "efs.standardGbMonth": "AmazonEFS EUW2-TimedStorage-ByteHrs (SKU EUW2FIX0051)",
      "efs.elasticReadGb": "AmazonEFS EUW2-ETDataAccess-Bytes (SKU EUW2FIX0054)",
      "efs.elasticWriteGb": "AmazonEFS EUW2-ETDataAccess-Bytes (SKU EUW2FIX0055)",
      "efs.provisionedMibpsMonth": "AmazonEFS EUW2-ProvisionedTP-MiBpsHrs (SKU EUW2FIX0057)",
      "cloudwatch.highResolutionAlarmMonth":
        "AmazonCloudWatch EUW2-CW:HighResAlarmMonitorUsage (SKU EUW2FIX0059)",
      "cloudwatch.dashboardMonth": "AmazonCloudWatch DashboardsUsageHour (SKU GLBLFIX0060)",
    })) {
      const k = key as (typeof PRICE_KEYS)[number];
      assert.equal(live.prices.items[k].source, `AWS Price List Query API, ${product}`);
      assert.equal(live.prices.items[k].assumedFrom, undefined, k);
    }
    // Tiered: the first tier. Per request x 10,000.
    assert.equal(live.prices.items["endpoint.gb"].usd, 0.01);
    assert.equal(live.prices.items["secretsmanager.per10kCalls"].usd, 0.05);
  });

  it("parses recorded eu-west-1 facts (real SKUs from AWS's eu-west-1 price lists) to the table's eu-west-1 figures", async () => {
    const live = await liveRegionPrices("eu-west-1", {
      client: new RecordedPricing(recorded("eu-west-1")),
      cacheDir: tempDir(),
      now: new Date("2026-12-05T00:00:00Z"),
    });
    const table = pricesFor("eu-west-1");
    const skus: Record<string, [string, string]> = {
      "alb.hour": ["AWSELB EU-LoadBalancerUsage", "T29JAP5UEZ7HXAM7"],
      "alb.lcuHour": ["AWSELB EU-LCUUsage", "YE8QE7GMG9794PDX"],
      "nat.hour": ["AmazonEC2 EU-NatGateway-Hours", "KFNSSCHWD43WZK2R"],
      "nat.gb": ["AmazonEC2 EU-NatGateway-Bytes", "DTH8595YVPFXV226"],
      "publicIpv4.hour": ["AmazonVPC EU-PublicIPv4:InUseAddress", "CNZ4XSXPRJXGA4ZF"],
      "endpoint.azHour": ["AmazonVPC EU-VpcEndpoint-Hours", "H37WJ97MHYGDXG2A"],
      "rds.gp3GbMonth": ["AmazonRDS EU-RDS:GP3-Storage", "S32D6FQC3879C222"],
      "cloudwatch.logsIngestGb": ["AmazonCloudWatch EU-DataProcessing-Bytes", "KJBTQPDHW2H92B8Y"],
    };
    // Read: exactly the recorded items, in the table's order, and the one recorded RDS class (the
    // Multi-AZ db.t4g.medium and Multi-AZ gp3 rows are left alone).
    assert.deepEqual(live.read, [
      ...PRICE_KEYS.filter((k) => k in skus),
      "rds.instance.db.t4g.micro",
    ]);
    for (const [key, [usage, sku]] of Object.entries(skus)) {
      const k = key as (typeof PRICE_KEYS)[number];
      assert.equal(table.items[k].assumedFrom, undefined, `${k}: the table's own eu-west-1 figure`);
      assert.equal(live.prices.items[k].usd, table.items[k].usd, k);
      assert.equal(live.prices.items[k].source, `AWS Price List Query API, ${usage} (SKU ${sku})`);
    }
    assert.equal(live.prices.rdsInstanceHour["db.t4g.micro"].usd, 0.017);
    assert.equal(
      live.prices.rdsInstanceHour["db.t4g.micro"].usd,
      table.rdsInstanceHour["db.t4g.micro"].usd,
    );
    assert.equal(
      live.prices.rdsInstanceHour["db.t4g.micro"].source,
      "AWS Price List Query API, AmazonRDS EU-InstanceUsage:db.t4g.micro (SKU M4GMEFVGGWNKH9B6)",
    );
    // What the recording has no product for keeps the table's figure, named as kept.
    assert.deepEqual(live.kept, [
      ...PRICE_KEYS.filter((k) => !(k in skus)),
      ...["db.t4g.small", "db.t4g.medium", "db.t3.micro"].map((c) => `rds.instance.${c}`),
    ]);
    assert.deepEqual(live.prices.items["efs.standardGbMonth"], table.items["efs.standardGbMonth"]);
  });

  it("asks GetProducts with the region and exact attributes, one question per filter set, every page", async () => {
    const client = new RecordedPricing();
    const query = queryWith(client);
    const all = await query({
      serviceCode: "AmazonECS",
      filters: [{ Type: "TERM_MATCH", Field: "regionCode", Value: "eu-west-2" }],
    });
    assert.equal(all.length, 7); // the us-east-1 product is filtered out
    assert.deepEqual(
      client.calls.map((c) => c.NextToken),
      [undefined, "2", "4", "6"],
    );
    const live = new RecordedPricing();
    await liveRegionPrices("eu-west-2", { client: live, cacheDir: tempDir() });
    const first = (code: string) =>
      live.calls.filter((c) => c.ServiceCode === code && c.NextToken === undefined);
    assert.deepEqual(
      first("AWSELB").map((c) => c.Filters),
      [
        [
          { Type: "TERM_MATCH", Field: "regionCode", Value: "eu-west-2" },
          { Type: "TERM_MATCH", Field: "productFamily", Value: "Load Balancer-Application" },
        ],
      ],
    );
    // One question per RDS class, with engine and single-AZ, besides storage, backups and gp3
    // IOPS, and Aurora's three (capacity, storage, I/O), each with its own attributes.
    assert.equal(first("AmazonRDS").length, 4 + 3 + 3);
    assert.deepEqual(
      first("AmazonRDS")
        .map((c) => c.Filters as { Field: string; Value: string }[])
        .filter((f) => f.some((x) => /Aurora|ServerlessV2|System Operation/.test(x.Value)))
        .map((f) => f.map((x) => `${x.Field}=${x.Value}`).join(" ")),
      [
        "regionCode=eu-west-2 productFamily=ServerlessV2 databaseEngine=Aurora PostgreSQL",
        "regionCode=eu-west-2 productFamily=Database Storage volumeType=General Purpose-Aurora",
        "regionCode=eu-west-2 productFamily=System Operation",
      ],
    );
    // EFS: storage, reads, writes, provisioned throughput. CloudWatch: the region's alarms and
    // logs, its high-resolution alarms, and the dashboards, which are global: no regionCode.
    const filters = (code: string) =>
      first(code).map((c) =>
        (c.Filters as { Field: string; Value: string }[])
          .map((x) => `${x.Field}=${x.Value}`)
          .join(" "),
      );
    assert.deepEqual(filters("AmazonEFS"), [
      "regionCode=eu-west-2 productFamily=Storage",
      "regionCode=eu-west-2 accessType=Read",
      "regionCode=eu-west-2 accessType=Write",
      "regionCode=eu-west-2 productFamily=Provisioned Throughput",
    ]);
    assert.deepEqual(filters("AmazonCloudWatch"), [
      "regionCode=eu-west-2",
      "regionCode=eu-west-2 productFamily=Alarm",
      "productFamily=Dashboard location=Any usagetype=DashboardsUsageHour",
    ]);
    assert.ok(
      filters("AmazonRDS").includes(
        "regionCode=eu-west-2 productFamily=Provisioned IOPS deploymentOption=Single-AZ groupDescription=RDS Provisioned GP3 IOPS databaseEngine=Any",
      ),
    );
  });

  it("reuses the cache for 7 days and asks nothing", async () => {
    const dir = tempDir();
    const now = new Date("2026-12-05T00:00:00Z");
    await liveRegionPrices("eu-west-2", { client: new RecordedPricing(), cacheDir: dir, now });
    const refuse: PricingSender = {
      send: async () => {
        throw new Error("must not be called");
      },
    };
    const again = await liveRegionPrices("eu-west-2", {
      client: refuse,
      cacheDir: dir,
      now: new Date("2026-12-11T00:00:00Z"),
    });
    assert.equal(again.cached, true);
    assert.equal(again.prices.items["alb.lcuHour"].usd, 0.0084);
    await assert.rejects(
      liveRegionPrices("eu-west-2", {
        client: refuse,
        cacheDir: dir,
        now: new Date("2026-12-13T00:00:00Z"),
      }),
      /must not be called/,
    );
  });

  it("without credentials, says to configure them or drop --live-prices (no silent fallback)", async () => {
    const noCredentials: PricingSender = {
      send: async () => {
        throw Object.assign(new Error("Could not load credentials from any providers"), {
          name: "CredentialsProviderError",
        });
      },
    };
    await assert.rejects(
      liveRegionPrices("eu-west-2", { client: noCredentials, cacheDir: tempDir() }),
      (err: Error) =>
        err.message ===
        "--live-prices needs AWS credentials allowed pricing:GetProducts (Could not load credentials from any providers): configure them (AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) or drop --live-prices to price from model/prices/",
    );
  });

  it("refuses an unknown region, ambiguous prices and entries that are not JSON", async () => {
    await assert.rejects(
      liveRegionPrices("eu-west-9", { client: new RecordedPricing(), cacheDir: tempDir() }),
      /no prices for region "eu-west-9"/,
    );
    const two = parsePriceList(
      ["0.1", "0.2"].map((usd, i) =>
        JSON.stringify({
          product: { sku: `S${i}`, attributes: { usagetype: "EUW2-LCUUsage" } },
          terms: { OnDemand: { t: { priceDimensions: { d: { pricePerUnit: { USD: usd } } } } } },
        }),
      ),
    );
    assert.throws(
      () => pickPrice(two, "LCUUsage", "alb.lcuHour in eu-west-2"),
      /the Price List has 2 prices for alb.lcuHour in eu-west-2 \(usage type LCUUsage\): S0 0.1, S1 0.2/,
    );
    assert.equal(pickPrice(two, "TS-LCUUsage", "x"), undefined);
    assert.throws(() => parsePriceList(["{not json"]), /PriceList entry 0 is not JSON/);
  });
});
