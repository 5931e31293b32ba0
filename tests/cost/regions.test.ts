/**
 * One priced stack per listed region: the shipped prod stack, run on mocks with its stack file,
 * priced in each region of model/prices/. The expected floor is computed here from prod's
 * quantities (written out below, from the stack file and the cost assumptions) times that
 * region's own figures, so a figure changed in the table, a line lost or a quantity changed
 * fails here; and the lines carried as us-east-1's are exactly those the table marks.
 */
import { strict as assert } from "assert";
import { estimate } from "../../model/cost";
import { PriceKey, PRICED_REGIONS, pricesFor, rdsInstancePrice } from "../../model/prices";
import { Configuration, stackConfigurations } from "../../scripts/compare-costs";

/**
 * Prod's floor month, by priced item: one 0.5 vCPU / 2 GB x86 task all month with a public
 * address, an internet-facing load balancer in two zones (two addresses) at 24 LCU-hours,
 * a db.t4g.small with 20 GB gp3, EFS 10 GB stored / 10 GB read / 5 GB written, one secret,
 * nine alarms of its own and two for each of its two target-tracking policies, one dashboard,
 * one log group (1 GB a month kept 30 days).
 */
const PROD_FLOOR: readonly [PriceKey | "db.t4g.small", number][] = [
  ["fargate.x86.vcpuHour", 730 * 0.5],
  ["fargate.x86.gbHour", 730 * 2],
  ["publicIpv4.hour", 730 * (1 + 2)],
  ["alb.hour", 730],
  ["alb.lcuHour", 24],
  ["db.t4g.small", 730],
  ["rds.gp3GbMonth", 20],
  ["efs.standardGbMonth", 10],
  ["efs.elasticReadGb", 10],
  ["efs.elasticWriteGb", 5],
  ["secretsmanager.secretMonth", 1],
  ["cloudwatch.alarmMonth", 9 + 2 * 2],
  ["cloudwatch.dashboardMonth", 1],
  ["cloudwatch.logsIngestGb", 1],
  ["cloudwatch.logsStorageGbMonth", (1 * 30) / (730 / 24)],
];

describe("the prod stack priced in each listed region", function () {
  this.timeout(600_000);
  let prod: Configuration;

  before(async () => {
    prod = (await stackConfigurations()).find((c) => c.name === "this project: prod")!;
  });

  // The ten regions (their list is asserted in prices.test.ts).
  for (const region of PRICED_REGIONS) {
    it(`${region}: the floor is prod's quantities at ${region}'s figures, borrowed lines named`, () => {
      const t = pricesFor(region);
      const price = (key: PriceKey | "db.t4g.small") =>
        key === "db.t4g.small" ? rdsInstancePrice(t, key) : t.items[key];
      const expected = PROD_FLOOR.reduce((sum, [key, qty]) => sum + qty * price(key).usd, 0);
      const e = estimate(prod.records, { region });
      assert.equal(e.region, region);
      assert.deepEqual(e.unpriced, []);
      assert.ok(Math.abs(e.floor - expected) < 1e-9, `${region}: ${e.floor} != ${expected}`);
      const borrowed = PROD_FLOOR.filter(([key]) => price(key).assumedFrom).map(([key]) =>
        key === "db.t4g.small" ? "rds.instance.db.t4g.small" : key,
      );
      assert.deepEqual(
        [...new Set(e.lines.filter((l) => l.assumedFrom === "us-east-1").map((l) => l.priceKey))]
          .slice()
          .sort(),
        borrowed.slice().sort(),
      );
    });
  }

  it("Sydney's floor by hand: its own figures for everything prod uses (the dashboard at the global rate); nothing borrowed", () => {
    const e = estimate(prod.records, { region: "ap-southeast-2" });
    // Fargate, public IPv4, ALB hour and LCU, db.t4g.small and 20 GB gp3, 10 GB of EFS, 10 GB
    // read at $0.04 and 5 GB written at $0.07 (Elastic throughput, the Pricing Calculator's EFS
    // catalog), the secret, 13 alarms, log ingestion and storage.
    const own =
      365 * 0.04856 +
      1460 * 0.00532 +
      2190 * 0.005 +
      730 * 0.0252 +
      24 * 0.008 +
      730 * 0.051 +
      20 * 0.138 +
      10 * 0.36 +
      10 * 0.04 +
      5 * 0.07 +
      0.4 +
      13 * 0.1 +
      1 * 0.67 +
      0.033 * (30 / (730 / 24));
    // The dashboard at the global rate (model/prices/shared.ts).
    const global = 3;
    assert.equal(e.floor.toFixed(2), (own + global).toFixed(2));
    // 104.62 while EFS reads and writes were us-east-1's $0.03 / $0.06: + 10 x 0.01 + 5 x 0.01.
    assert.equal(e.floor.toFixed(2), "104.77");
    assert.deepEqual(
      e.lines.filter((l) => l.assumedFrom === "us-east-1").map((l) => l.priceKey),
      [],
    );
  });

  it("Mumbai's floor by hand: its own compute, load balancer, RDS rows, EFS storage, reads and writes, alarms, logs and secret; nothing borrowed", () => {
    const e = estimate(prod.records, { region: "ap-south-1" });
    // Fargate, public IPv4, ALB hour and LCU, db.t4g.small (AmazonRDS ap-south-1), 20 GB gp3,
    // 10 GB of EFS Standard at $0.33, 10 GB read at $0.03 and 5 GB written at $0.07 (Elastic
    // throughput), the secret, 13 alarms, 1 GB of logs ingested at $0.67 and their storage at
    // $0.03 a GB-month.
    const own =
      365 * 0.04256 +
      1460 * 0.004655 +
      2190 * 0.005 +
      730 * 0.0239 +
      24 * 0.008 +
      730 * 0.042 +
      20 * 0.131 +
      10 * 0.33 +
      10 * 0.03 +
      5 * 0.07 +
      0.4 +
      13 * 0.1 +
      0.67 +
      0.03 * (30 / (730 / 24));
    // The dashboard at the global rate (a source of its own).
    const global = 3;
    assert.equal(e.floor.toFixed(2), (own + global).toFixed(2));
    assert.equal(e.floor.toFixed(2), "93.55");
    assert.deepEqual(
      e.lines.filter((l) => l.assumedFrom === "us-east-1").map((l) => l.priceKey),
      [],
    );
  });
});
