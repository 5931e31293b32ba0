/**
 * The shipped stacks, run on mocks with their stack files (preview/program.ts), priced; and the
 * README's comparison table, which must be what `npm run compare-costs` writes.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { MIN_TASKS_DURING_EXAM } from "../../model/capacity";
import {
  ASSUMPTION_DESCRIPTIONS,
  CostEstimate,
  estimate,
  formatEstimate,
  servicesOf,
} from "../../model/cost";
import { PRICED_REGIONS, pricesFor, rdsInstancePrice } from "../../model/prices";
import {
  COMPARISON_NOW,
  compute,
  Configuration,
  END,
  planTotals,
  priceAll,
  replaceBetweenMarkers,
  seedConfigurations,
  stackConfigurations,
  START,
  table,
} from "../../scripts/compare-costs";

describe("cost of the shipped stacks", function () {
  this.timeout(600_000);
  let stacks: Configuration[];
  const byStack = new Map<string, CostEstimate>();

  before(async () => {
    stacks = await stackConfigurations();
    for (const c of stacks) byStack.set(c.name.replace("this project: ", ""), estimate(c.records));
  });

  it("prices every shipped stack with floor <= expected <= ceiling and nothing unpriced", () => {
    assert.deepEqual([...byStack.keys()], ["prod", "staging", "exam"]);
    for (const [stack, e] of byStack) {
      assert.ok(
        e.floor <= e.expected + 1e-9,
        `${stack}: floor ${e.floor} > expected ${e.expected}`,
      );
      assert.ok(e.expected <= e.ceiling + 1e-9, `${stack}: expected > ceiling ${e.ceiling}`);
      assert.deepEqual(e.unpriced, [], stack);
      assert.equal(e.region, "us-east-2", stack);
    }
  });

  it("prices prod in every listed region from that region's table, naming what was borrowed", () => {
    const prod = stacks.find((c) => c.name === "this project: prod")!;
    const floors: Record<string, string> = {};
    for (const region of PRICED_REGIONS) {
      const e = estimate(prod.records, { region });
      const t = pricesFor(region);
      assert.equal(e.region, region);
      assert.deepEqual(e.unpriced, [], region);
      // Every line at this region's unit price; the floor is the sum of quantity x unit price.
      let floor = 0;
      for (const l of e.lines) {
        const price = l.priceKey.startsWith("rds.instance.")
          ? rdsInstancePrice(t, l.priceKey.slice("rds.instance.".length))
          : t.items[l.priceKey as keyof typeof t.items];
        assert.equal(l.unitPrice, price.usd, `${region} ${l.priceKey}`);
        assert.equal(l.assumedFrom, price.assumedFrom, `${region} ${l.priceKey}`);
        floor += l.quantity.floor * price.usd;
      }
      assert.ok(Math.abs(e.floor - floor) < 1e-9, region);
      const borrowed = e.notes.find((n) => n.startsWith(`no ${region} source`));
      assert.equal(
        borrowed !== undefined,
        e.lines.some((l) => l.assumedFrom),
        region,
      );
      floors[region] = e.floor.toFixed(2);
    }
    // Fargate x86 vCPU for the one 0.5 vCPU task: 730 h x 0.5 vCPU at each region's price.
    const task = (region: string) =>
      estimate(prod.records, { region }).lines.filter((l) => l.item.startsWith("Fargate vCPU"))[0]
        .monthly.floor;
    assert.ok(Math.abs(task("eu-west-2") - 730 * 0.5 * 0.04656) < 1e-9);
    assert.ok(Math.abs(task("ap-northeast-1") - 730 * 0.5 * 0.05056) < 1e-9);
    assert.ok(Math.abs(task("ca-central-1") - 730 * 0.5 * 0.04456) < 1e-9);
    // London has its own figures for everything prod uses (dashboards: the global rate): no line
    // at us-east-1's prices, so no count of them in the headline and no note naming them.
    const london = formatEstimate(estimate(prod.records, { region: "eu-west-2" }));
    assert.match(london, /^Monthly cost \(eu-west-2, 730 h a month\): floor/);
    assert.doesNotMatch(london, /us-east-1's prices|no eu-west-2 source/);
    // Staging priced in Sydney borrows one price, Aurora I/O (no Sydney source was found): the
    // headline counts its lines at us-east-1's prices, the note names the item in words.
    const staging = stacks.find((c) => c.name === "this project: staging")!;
    const stagingSydney = estimate(staging.records, { region: "ap-southeast-2" });
    assert.deepEqual(
      stagingSydney.lines.filter((l) => l.assumedFrom === "us-east-1").map((l) => l.priceKey),
      ["aurora.ioMillion"],
    );
    const stagingText = formatEstimate(stagingSydney);
    assert.match(
      stagingText,
      new RegExp(
        `^Monthly cost \\(ap-southeast-2, 730 h a month; 1 of ${stagingSydney.lines.length} priced lines at us-east-1's prices, marked \\*\\): floor`,
      ),
    );
    assert.match(
      stagingText,
      /note: no ap-southeast-2 source was found for Aurora I\/O requests: those prices are assumed equal to us-east-1's \(marked \*\)/,
    );
    // Sydney's own figures: all that prod uses (the dashboard at the global rate), EFS reads and
    // writes included (the Pricing Calculator's EFS catalog).
    const sydney = estimate(prod.records, { region: "ap-southeast-2" });
    assert.deepEqual(
      [...new Set(sydney.lines.filter((l) => !l.assumedFrom).map((l) => l.priceKey))],
      [
        "fargate.x86.vcpuHour",
        "fargate.x86.gbHour",
        "publicIpv4.hour",
        "cloudwatch.logsIngestGb",
        "cloudwatch.logsStorageGbMonth",
        "efs.standardGbMonth",
        "efs.elasticReadGb",
        "efs.elasticWriteGb",
        "alb.hour",
        "alb.lcuHour",
        "rds.instance.db.t4g.small",
        "rds.gp3GbMonth",
        "secretsmanager.secretMonth",
        "cloudwatch.alarmMonth",
        "cloudwatch.dashboardMonth",
      ],
    );
    assert.deepEqual(
      sydney.lines.filter((l) => l.assumedFrom),
      [],
    );
    assert.ok(Math.abs(task("ap-southeast-2") - 730 * 0.5 * 0.04856) < 1e-9);
    // Mumbai differs from us-east-1 by its Fargate task (0.5 vCPU, 2 GB), load balancer hour,
    // db.t4g.small hour, 20 GB of gp3, 10 GB of EFS Standard, 5 GB written to EFS and 1 GB of
    // logs ingested (its LCU, EFS read, alarm, secret and log storage rates equal us-east-1's:
    // 0.008, 0.03, 0.10, 0.40, 0.03).
    const floorIn = (region: string) => estimate(prod.records, { region }).floor;
    assert.ok(
      Math.abs(
        floorIn("ap-south-1") -
          floorIn("us-east-1") -
          730 * (0.5 * (0.04256 - 0.04048) + 2 * (0.004655 - 0.004445) + 0.0239 - 0.0225) -
          730 * (0.042 - 0.032) -
          20 * (0.131 - 0.115) -
          10 * (0.33 - 0.3) -
          5 * (0.07 - 0.06) -
          1 * (0.67 - 0.5),
      ) < 1e-9,
    );
    assert.notEqual(floors["eu-west-2"], floors["us-east-1"]);
  });

  it("prod: one 0.5 vCPU / 2 GB task at the floor, sixteen at the ceiling, the platform all month", () => {
    const e = byStack.get("prod")!;
    const prod = stacks.find((c) => c.name === "this project: prod")!;
    const [service] = servicesOf(prod.records);
    assert.deepEqual(
      [service.cpuUnits, service.memoryMib, service.floorTasks, service.maxTasks],
      [512, 2048, 1, 16],
    );
    assert.equal(service.cpuTargetPercent, 60);
    const fargate = (s: "floor" | "ceiling") =>
      e.lines.filter((l) => l.item.startsWith("Fargate")).reduce((sum, l) => sum + l.monthly[s], 0);
    // 730 h x (0.5 x $0.04048 + 2 x $0.004445) = $21.2649 a task.
    assert.ok(Math.abs(fargate("floor") - 21.2649) < 1e-6);
    assert.ok(Math.abs(fargate("ceiling") - 16 * 21.2649) < 1e-6);
    for (const item of [
      "Application Load Balancer",
      "Load balancer capacity units",
      "EFS Standard storage",
      "CloudWatch dashboard",
    ]) {
      assert.ok(
        e.lines.some((l) => l.item === item),
        `prod prices ${item}`,
      );
    }
    assert.ok(e.lines.some((l) => l.item.startsWith("RDS PostgreSQL db.t4g.small")));
    assert.equal(e.expected, e.floor); // prod has no scheduled windows
  });

  it("exam: nothing between exams, the final's 6 tasks in June (its busiest month), 10 at the ceiling", () => {
    const e = byStack.get("exam")!;
    const exam = stacks.find((c) => c.name === "this project: exam")!;
    const [service] = servicesOf(exam.records);
    // Pulumi.exam.yaml: midsem 120 students (4 tasks) in March, final 180 (6 tasks) in June,
    // 13:00-16:00 America/Chicago = 18:00-21:00Z, from 60 min before to 30 min after.
    assert.deepEqual([service.floorTasks, service.peakTasks, service.maxTasks], [0, 6, 10]);
    assert.equal(e.expectedMonth, "2027-06");
    const vcpu = e.lines.find((l) => l.item === "Fargate vCPU (X86_64, on-demand)")!;
    assert.deepEqual(vcpu.quantity, { floor: 0, expected: 4.5 * 6, ceiling: 730 * 10 });
    // Its own database pauses between exams: awake from the final's scale-up (17:00Z) to its
    // scale-down (21:30Z), 4.5 h, plus the 5-minute pause delay; at its maximum of 4 ACU
    // (10 tasks x 25 connections = 250 > 0.8 x 189 at 1 ACU, <= 0.8 x 823 at 4 ACU).
    const acu = e.lines.find((l) => l.item === "Aurora Serverless v2 capacity")!;
    assert.ok(Math.abs(acu.quantity.expected - (4.5 + 5 / 60) * 4) < 1e-9);
    assert.deepEqual([acu.quantity.floor, acu.quantity.ceiling], [0, 730 * 4]);
    assert.equal(e.lines.filter((l) => l.item.startsWith("RDS PostgreSQL")).length, 0);
    // Two tasks in two zones at least during an exam: the planner's floor and the subnets.
    assert.ok(service.peakTasks >= MIN_TASKS_DURING_EXAM);
  });

  it("staging (switched off): no tasks in the floor, 10 hours of one Spot task expected, maxTasks in the ceiling", () => {
    const e = byStack.get("staging")!;
    const vcpu = e.lines.find((l) => l.item === "Fargate vCPU (X86_64, Spot)")!;
    // The ceiling is one rule, on or off: all month at maxTasks (2, the config default).
    assert.deepEqual(vcpu.quantity, { floor: 0, expected: 10 * 0.5, ceiling: 730 * 2 * 0.5 });
    // Its database: paused while off; awake its 10 hours on plus 10 pause delays, at 1 ACU.
    const acu = e.lines.find((l) => l.item === "Aurora Serverless v2 capacity")!;
    assert.deepEqual(acu.monthly.floor, 0);
    assert.ok(Math.abs(acu.quantity.expected - (10 + 10 / 12)) < 1e-9);
  });

  it("sums the seeds' plans and ours in one run, with the ratios of total and compute", () => {
    const configs = [...seedConfigurations(), ...stacks];
    const plans = planTotals(priceAll(configs));
    const named = (name: string) => estimate(configs.find((c) => c.name === name)!.records);
    const ours = ["prod", "staging", "exam"].map((s) => byStack.get(s)!);
    const oursTotal = ours.reduce((t, e) => t + e.expected, 0);
    const oursCompute = ours.reduce((t, e) => t + compute(e), 0);
    const optimized = [
      named("seed 000: optimized production"),
      named("seed 001: exam service as found"),
    ];
    const optTotal = optimized.reduce((t, e) => t + e.expected, 0);
    const optimizedPlan = plans.find((p) => p.name === "seeds' optimized plan")!;
    assert.ok(Math.abs(optimizedPlan.total - optTotal) < 1e-9);
    assert.ok(Math.abs(optimizedPlan.ratio - oursTotal / optTotal) < 1e-12);
    // Compute: the Fargate lines only. Seed 000 optimized's 1 task + seed 001's always-on task.
    assert.ok(Math.abs(optimizedPlan.compute - 2 * 730 * (0.04048 + 2 * 0.004445) - 0.25) < 0.01);
    assert.ok(Math.abs(optimizedPlan.computeRatio - oursCompute / optimizedPlan.compute) < 1e-12);
    assert.deepEqual(
      plans.map((p) => p.name),
      ["seeds' current plan", "seeds' optimized plan", "this project"],
    );
    assert.equal(plans[2].ratio, 1);
    // The seeds' tasks carry a public IPv4 address each, as ours do (one rule).
    const seedIp = named("seed 001: exam service as found").lines.find(
      (l) => l.priceKey === "publicIpv4.hour",
    )!;
    assert.deepEqual(seedIp.quantity, { floor: 730, expected: 730, ceiling: 730 });
  });

  it("the README's cost comparison is what npm run compare-costs writes", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const body = table([...seedConfigurations(), ...stacks]);
    assert.ok(readme.includes(START) && readme.includes(END), "README has the markers");
    assert.equal(
      replaceBetweenMarkers(readme, body),
      readme,
      "README.md's cost comparison is stale: run npm run compare-costs",
    );
    assert.match(body, /this project: prod/);
    // Every cost assumption is documented in the README's "What it costs" section.
    const section = readme.slice(readme.indexOf("## What it costs"));
    for (const key of Object.keys(ASSUMPTION_DESCRIPTIONS)) {
      assert.ok(section.includes(`\`${key}\``), `README documents the assumption ${key}`);
    }
    assert.equal(COMPARISON_NOW.toISOString(), "2026-11-01T00:00:00.000Z");
  });
});
