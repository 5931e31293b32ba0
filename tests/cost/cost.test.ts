import { strict as assert } from "assert";
import {
  accountFreeTier,
  CostEstimate,
  CostLine,
  estimate,
  formatEstimate,
  resolveAssumptions,
  servicesOf,
  usd,
} from "../../model/cost";
import { fmtPrice } from "../../model/cost/format";
import { region } from "../../model/prices/region";
import { ResourceRecord } from "../../model/records";
import {
  alarmRecords,
  auroraClusterRecord,
  dashboardRecord,
  databaseRecord,
  fileSystemRecord,
  loadBalancerRecord,
  logGroupRecord,
  providerRecord,
  secretRecord,
  serviceRecords,
  ServiceSpec,
  vpcRecord,
} from "../../model/synthetic";

const P = providerRecord("us-east-2");
const near = (actual: number, expected: number, what = "") =>
  assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} is not ${expected}`);

/** The one line of `resource` whose item is `item`, else the one that starts with it. */
function line(e: CostEstimate, resource: string, item: string): CostLine {
  const mine = e.lines.filter((l) => l.resource === resource);
  const exact = mine.filter((l) => l.item === item);
  const found = exact.length > 0 ? exact : mine.filter((l) => l.item.startsWith(item));
  assert.equal(found.length, 1, `${resource} "${item}": ${found.length} lines`);
  return found[0];
}

const fargate = (e: CostEstimate, s: "floor" | "expected" | "ceiling") =>
  e.lines.filter((l) => l.item.startsWith("Fargate")).reduce((sum, l) => sum + l.monthly[s], 0);

function ordered(e: CostEstimate): void {
  assert.ok(e.floor <= e.expected + 1e-9, `floor ${e.floor} <= expected ${e.expected}`);
  assert.ok(e.expected <= e.ceiling + 1e-9, `expected ${e.expected} <= ceiling ${e.ceiling}`);
}

const chat = (capacity: ServiceSpec["capacity"]): ResourceRecord[] => [
  P,
  ...serviceRecords({ name: "chat", cpu: 512, memory: 1024, minTasks: 1, maxTasks: 3, capacity }),
];

describe("cost estimate: Fargate arithmetic", () => {
  it("reproduces seed 004: 0.5 vCPU + 1 GB on-demand is $14.77 + $3.24 a month, an ALB $16.43", () => {
    const e = estimate([
      ...chat([{ capacityProvider: "FARGATE", weight: 1 }]),
      loadBalancerRecord("alb"),
    ]);
    const vcpu = line(e, "chat", "Fargate vCPU (X86_64, on-demand)");
    const mem = line(e, "chat", "Fargate memory (X86_64, on-demand)");
    near(vcpu.monthly.floor, 0.04048 * 0.5 * 730, "vCPU"); // 14.7752
    near(mem.monthly.floor, 0.004445 * 1 * 730, "memory"); // 3.24485
    assert.equal(Math.floor(vcpu.monthly.floor * 100) / 100, 14.77); // the seed truncates
    assert.equal(usd(mem.monthly.floor), "$3.24");
    const alb = line(e, "alb", "Application Load Balancer");
    near(alb.monthly.floor, 16.425);
    assert.equal(usd(alb.monthly.floor), "$16.43");
    assert.equal(vcpu.unit, "vCPU-hour");
    assert.equal(vcpu.quantity.floor, 365);
    assert.equal(vcpu.unitPrice, 0.04048);
    // 1 task at the floor, 3 at the ceiling.
    near(vcpu.monthly.ceiling, 3 * 14.7752);
    assert.match(vcpu.source, /AWS Fargate pricing page.*\(2026-11\)/);
    ordered(e);
  });

  it("prices one 1 vCPU / 2 GB task at $36.04 a month, not seed 000's $15", () => {
    const e = estimate([
      P,
      ...serviceRecords({ name: "ide", cpu: 1024, memory: 2048, minTasks: 1, autoscaling: false }),
    ]);
    near(fargate(e, "floor"), 36.0401);
    assert.equal(usd(e.floor), "$36.04");
    assert.equal(e.floor, e.ceiling); // a fixed count: no autoscaling range
  });

  it("prices Spot at 0.3 x on-demand (seed 004 strategy 2: $4.43 + $0.97)", () => {
    const od = estimate(chat([{ capacityProvider: "FARGATE", weight: 1 }]));
    const spot = estimate(chat([{ capacityProvider: "FARGATE_SPOT", base: 1, weight: 100 }]));
    const v = line(spot, "chat", "Fargate vCPU (X86_64, Spot)");
    const m = line(spot, "chat", "Fargate memory (X86_64, Spot)");
    assert.equal(usd(v.monthly.floor), "$4.43");
    assert.equal(usd(m.monthly.floor), "$0.97");
    near(v.unitPrice, 0.04048 * 0.3);
    assert.match(v.assumed!, /Spot at 0\.3 x on-demand \(assumption\)/);
    assert.match(v.source, /ASSUMPTION/);
    for (const s of ["floor", "expected", "ceiling"] as const) {
      near(fargate(spot, s), 0.3 * fargate(od, s), s);
      assert.ok(spot[s] < od[s], `Spot ${s} ${spot[s]} < on-demand ${od[s]}`);
    }
    assert.equal(spot.lines.filter((l) => l.item.includes("on-demand")).length, 0);
  });

  it("puts an on-demand base first and splits the rest by weight (seed 004 strategy 3)", () => {
    const e = estimate(
      chat([
        { capacityProvider: "FARGATE", base: 1, weight: 1 },
        { capacityProvider: "FARGATE_SPOT", weight: 4 },
      ]),
    );
    const od = line(e, "chat", "Fargate vCPU (X86_64, on-demand)");
    const spot = line(e, "chat", "Fargate vCPU (X86_64, Spot)");
    // Floor 1 task: the base, on-demand. Ceiling 3: 1 + 2 x 1/5 on-demand, 2 x 4/5 on Spot.
    near(od.quantity.floor, 365);
    near(spot.quantity.floor, 0);
    near(od.quantity.ceiling, 1.4 * 730 * 0.5);
    near(spot.quantity.ceiling, 1.6 * 730 * 0.5);
  });

  it("prices ARM64 below x86_64 for the same task", () => {
    const task = (arch: "X86_64" | "ARM64") =>
      estimate([
        P,
        ...serviceRecords({
          name: "ide",
          cpu: 1024,
          memory: 2048,
          minTasks: 1,
          architecture: arch,
        }),
      ]);
    const arm = task("ARM64");
    near(fargate(arm, "floor"), (0.03238 + 2 * 0.00356) * 730); // 28.835
    assert.ok(arm.floor < task("X86_64").floor);
    line(arm, "ide", "Fargate vCPU (ARM64, on-demand)");
  });

  it("prices a public IPv4 address per running task when tasks get one", () => {
    const e = estimate([
      P,
      ...serviceRecords({
        name: "ide",
        cpu: 1024,
        memory: 2048,
        minTasks: 1,
        maxTasks: 3,
        publicIp: true,
      }),
    ]);
    const ip = line(e, "ide", "Public IPv4 of each task");
    near(ip.monthly.floor, 3.65);
    near(ip.monthly.ceiling, 10.95);
  });
});

describe("cost estimate: schedules", () => {
  const examService = (windows: ServiceSpec["windows"]) => [
    P,
    ...serviceRecords({
      name: "exam",
      cpu: 1024,
      memory: 2048,
      minTasks: 0,
      maxTasks: 10,
      windows,
    }),
  ];
  const windows = [
    {
      name: "mid",
      from: new Date("2027-03-16T13:00Z"),
      to: new Date("2027-03-16T16:30Z"),
      tasks: 4,
    },
    {
      name: "fin",
      from: new Date("2027-06-08T17:00Z"),
      to: new Date("2027-06-08T21:30Z"),
      tasks: 6,
    },
  ];

  it("floor at the idle minimum, expected with the busiest month's windows, ceiling at the maximum", () => {
    const e = estimate(examService(windows));
    assert.equal(e.expectedMonth, "2027-06");
    assert.match(
      e.expectedBasis,
      /the scheduled windows of 2027-06 \(the busiest month among them\)/,
    );
    const vcpu = line(e, "exam", "Fargate vCPU (X86_64, on-demand)");
    assert.equal(vcpu.quantity.floor, 0);
    near(vcpu.quantity.expected, 4.5 * 6); // 4.5 h x 6 tasks x 1 vCPU
    near(vcpu.quantity.ceiling, 730 * 10);
    near(e.expected, 27 * (0.04048 + 2 * 0.004445));
    near(e.ceiling, 7300 * (0.04048 + 2 * 0.004445));
    ordered(e);
  });

  it("prices another month when asked (assumption expectedMonth)", () => {
    const e = estimate(examService(windows), { expectedMonth: "2027-03" });
    assert.equal(e.expectedMonth, "2027-03");
    near(line(e, "exam", "Fargate vCPU").quantity.expected, 3.5 * 4);
    assert.match(e.expectedBasis, /2027-03 \(the month asked for\)/);
    const none = estimate(examService(windows), { expectedMonth: "2027-05" });
    assert.equal(none.expected, none.floor);
  });

  it("splits a window across months and counts months in the schedule's time zone", () => {
    const crossing = [
      {
        name: "late",
        from: new Date("2027-03-31T22:00Z"),
        to: new Date("2027-04-01T03:00Z"),
        tasks: 2,
      },
    ];
    const utc = estimate(examService(crossing));
    assert.equal(utc.expectedMonth, "2027-04"); // 3 h of 2 tasks in April, 2 h in March
    near(line(utc, "exam", "Fargate vCPU").quantity.expected, 6);
    // The same instants written in Chicago time: all of it is on March 31 there.
    const records = examService(crossing).map((r) =>
      r.type === "aws:appautoscaling/scheduledAction:ScheduledAction"
        ? {
            ...r,
            inputs: {
              ...r.inputs,
              timezone: "America/Chicago",
              schedule: r.name.endsWith("scale-up")
                ? "at(2027-03-31T17:00:00)"
                : "at(2027-03-31T22:00:00)",
            },
          }
        : r,
    );
    const chicago = estimate(records);
    assert.equal(chicago.expectedMonth, "2027-03");
    near(line(chicago, "exam", "Fargate vCPU").quantity.expected, 10);
  });

  it("counts a month raised throughout as 730 hours, never above the ceiling", () => {
    const e = estimate(
      examService([
        {
          name: "term",
          from: new Date("2027-02-15T00:00Z"),
          to: new Date("2027-05-15T00:00Z"),
          tasks: 10,
        },
      ]),
    );
    assert.equal(e.expectedMonth, "2027-03"); // 744 hours raised, the longest month
    near(e.expected, e.ceiling);
  });

  it("counts a window already under way from now until its scale-down when told the time", () => {
    const records = examService([windows[0]]).filter((r) => !r.name.endsWith("scale-up"));
    const target = records.find((r) => r.type === "aws:appautoscaling/target:Target")!;
    target.inputs.minCapacity = 4; // raised now, lowered at 16:30
    const e = estimate(records, {}, { now: new Date("2027-03-16T14:30Z") });
    assert.equal(e.expectedMonth, "2027-03");
    near(line(e, "exam", "Fargate vCPU").quantity.expected, 2 * 4);
    assert.equal(line(e, "exam", "Fargate vCPU").quantity.floor, 0); // rests at 0
  });

  it("staging switched off: nothing in the floor, its active hours expected, on all month in the ceiling", () => {
    const e = estimate([
      P,
      ...serviceRecords({
        name: "staging-service",
        cpu: 512,
        memory: 1024,
        minTasks: 0,
        maxTasks: 0,
        environment: "staging",
        capacity: { strategy: "spot" },
      }),
    ]);
    const vcpu = line(e, "staging-service", "Fargate vCPU (X86_64, Spot)");
    // 10 h of 1 task; the ceiling: on all month at stagingMaxTasks (2, the config default) x 0.5 vCPU.
    assert.deepEqual(vcpu.quantity, { floor: 0, expected: 5, ceiling: 730 }); // 10 h, 730 h x 2 x 0.5
    // No database among the records: none is priced (its own records say what it is).
    assert.equal(e.lines.filter((l) => l.type.startsWith("aws:rds/")).length, 0);
    assert.equal(
      e.expectedBasis,
      "the floor plus staging on for 10 hours a month (no scheduled windows)",
    );
    assert.deepEqual(e.unpriced, []);
    ordered(e);
    const longer = estimate(
      [
        P,
        ...serviceRecords({
          name: "s",
          cpu: 512,
          memory: 1024,
          minTasks: 0,
          environment: "staging",
        }),
      ],
      { stagingActiveHoursPerMonth: 40, stagingActiveTasks: 2 },
    );
    assert.equal(line(longer, "s", "Fargate vCPU").quantity.expected, 40 * 2 * 0.5);
  });

  it("staging switched on: its minimum until the expiry action", () => {
    const records = [
      P,
      ...serviceRecords({
        name: "staging-service",
        cpu: 512,
        memory: 1024,
        minTasks: 2,
        maxTasks: 3,
        environment: "staging",
        windows: [],
      }),
      {
        type: "aws:appautoscaling/scheduledAction:ScheduledAction",
        name: "switch-off",
        urn: "urn:pulumi:staging::pythonide::x::switch-off",
        custom: true,
        inputs: {
          resourceId: "service/pythonide-cluster/staging-service",
          scalableDimension: "ecs:service:DesiredCount",
          schedule: "at(2026-11-20T18:00:00)",
          scalableTargetAction: { minCapacity: 0, maxCapacity: 0 },
        },
      } as ResourceRecord,
      databaseRecord("staging-db", { instanceClass: "db.t4g.micro", environment: "staging" }),
    ];
    const e = estimate(records);
    const vcpu = line(e, "staging-service", "Fargate vCPU");
    assert.deepEqual(vcpu.quantity, { floor: 0, expected: 10 * 2 * 0.5, ceiling: 3 * 730 * 0.5 });
    // An RDS instance (dbKind instance) runs all month, whether staging is on or off.
    const db = line(e, "staging-db", "RDS PostgreSQL db.t4g.micro");
    assert.deepEqual(db.quantity, { floor: 730, expected: 730, ceiling: 730 });
    near(db.monthly.expected, 11.68);
    assert.equal(servicesOf(records)[0].peakTasks, 2);
    ordered(e);
  });
});

describe("cost estimate: a database that pauses itself (Aurora Serverless v2)", () => {
  const staging = (minTasks: number) => [
    P,
    ...serviceRecords({
      name: "staging-service",
      cpu: 512,
      memory: 1024,
      minTasks,
      maxTasks: 2,
      environment: "staging",
      capacity: { strategy: "spot" },
    }),
    auroraClusterRecord("staging-db", { maxAcu: 1, environment: "staging" }),
  ];

  it("staging: paused in the floor; its 10 hours on plus 10 five-minute pause delays expected", () => {
    const e = estimate(staging(0));
    const acu = line(e, "staging-db", "Aurora Serverless v2 capacity");
    // Hand-computed: 10 h + 10 sessions x 300 s = 10 + 10/12 = 10.8333 h, at 1 ACU.
    near(acu.quantity.expected, 10 + 10 / 12, "ACU-hours");
    assert.deepEqual([acu.quantity.floor, acu.quantity.ceiling], [0, 730]);
    near(acu.monthly.expected, (10 + 10 / 12) * 0.12, "dollars");
    assert.equal(acu.priceKey, "aurora.serverlessV2AcuHour");
    const io = line(e, "staging-db", "Aurora I/O requests (Standard)");
    near(io.quantity.expected, (10 + 10 / 12) * 0.1, "million I/O");
    const storage = line(e, "staging-db", "Aurora storage (Standard)");
    assert.deepEqual(storage.quantity, { floor: 1, expected: 1, ceiling: 1 });
    near(storage.monthly.floor, 0.1);
    near(line(e, "staging-db", "Secrets Manager secret").monthly.floor, 0.4);
    assert.deepEqual(e.unpriced, []);
    ordered(e);
    // Fewer, longer sessions: fewer pause delays.
    const three = estimate(staging(0), { stagingSessionsPerMonth: 3 });
    near(line(three, "staging-db", "Aurora Serverless v2").quantity.expected, 10 + 3 / 12);
  });

  it("a service that always runs a task keeps it awake all month; a minimum above 0 never pauses", () => {
    const awake = estimate(staging(1));
    const acu = line(awake, "staging-db", "Aurora Serverless v2 capacity");
    assert.deepEqual(acu.quantity, { floor: 730, expected: 730, ceiling: 730 });
    const floored = estimate([
      P,
      auroraClusterRecord("db", { maxAcu: 2, minAcu: 0.5, environment: "exam" }),
    ]);
    assert.deepEqual(line(floored, "db", "Aurora Serverless v2").quantity, {
      floor: 1460,
      expected: 1460,
      ceiling: 1460,
    });
  });

  it("exam windows: awake while the window's tasks run plus one pause delay, in the expected month", () => {
    const records = [
      P,
      ...serviceRecords({
        name: "exam-service",
        cpu: 1024,
        memory: 2048,
        minTasks: 0,
        maxTasks: 10,
        environment: "exam",
        windows: [
          {
            name: "final",
            from: new Date("2027-06-08T17:00:00Z"),
            to: new Date("2027-06-08T21:30:00Z"),
            tasks: 6,
          },
          {
            name: "midsem",
            from: new Date("2027-03-16T13:00:00Z"),
            to: new Date("2027-03-16T16:30:00Z"),
            tasks: 4,
          },
        ],
      }),
      auroraClusterRecord("exam-db", { maxAcu: 4, environment: "exam" }),
    ];
    const e = estimate(records);
    assert.equal(e.expectedMonth, "2027-06");
    // Hand-computed: 17:00Z-21:30Z = 4.5 h, + 300 s = 4.5833 h, x 4 ACU = 18.333 ACU-hours.
    const acu = line(e, "exam-db", "Aurora Serverless v2 capacity");
    near(acu.quantity.expected, (4.5 + 5 / 60) * 4);
    near(acu.monthly.expected, (4.5 + 5 / 60) * 4 * 0.12); // $2.20
    assert.equal(acu.quantity.floor, 0);
    const march = estimate(records, { expectedMonth: "2027-03" });
    near(line(march, "exam-db", "Aurora Serverless v2").quantity.expected, (3.5 + 5 / 60) * 4);
    const none = estimate(records, { expectedMonth: "2027-01" });
    assert.equal(line(none, "exam-db", "Aurora Serverless v2").quantity.expected, 0);
  });

  it("lists a cluster without a Serverless v2 configuration, and a provisioned writer, as not priced", () => {
    const cluster = auroraClusterRecord("db", { maxAcu: 1 });
    const provisioned = {
      ...cluster,
      inputs: { ...cluster.inputs, serverlessv2ScalingConfiguration: undefined },
    };
    const writer = {
      ...cluster,
      type: "aws:rds/clusterInstance:ClusterInstance",
      name: "db-writer",
      inputs: { instanceClass: "db.r6g.large" },
    };
    const e = estimate([P, provisioned, writer]);
    assert.deepEqual(e.unpriced, [
      "Aurora cluster db: no Serverless v2 scaling configuration; provisioned Aurora instances are not in the price table, not priced",
      "Aurora cluster instance db-writer: class db.r6g.large is not in the price table; not priced",
    ]);
  });
});

describe("cost estimate: platform items", () => {
  it("prices NAT gateways from the awsx Vpc's strategy, with their public addresses", () => {
    const nat = (strategy: "None" | "Single" | "OnePerAz") =>
      estimate([P, vpcRecord("vpc", { nat: strategy, azs: 2 })]);
    assert.equal(nat("None").lines.length, 0);
    near(line(nat("Single"), "vpc", "NAT gateway").monthly.floor, 32.85);
    const two = nat("OnePerAz");
    near(line(two, "vpc", "NAT gateway").monthly.floor, 65.7);
    near(line(two, "vpc", "NAT gateway data processed").monthly.floor, 10 * 0.045);
    near(line(two, "vpc", "Public IPv4 of each NAT gateway").monthly.floor, 7.3);
    // No strategy: awsx's default for public + private subnets is one per AZ (3 AZs by default).
    const dflt = estimate([P, { ...vpcRecord("vpc", { nat: "None" }), inputs: {} }]);
    near(line(dflt, "vpc", "NAT gateway").monthly.floor, 3 * 32.85);
    assert.match(line(dflt, "vpc", "NAT gateway").assumed!, /awsx default/);
    // A deployed VPC's NAT gateways are their own resources: priced there, not twice.
    const deployed = estimate([
      P,
      vpcRecord("vpc", { nat: "Single" }),
      { type: "aws:ec2/natGateway:NatGateway", name: "nat-1", urn: "u1", custom: true, inputs: {} },
      { type: "aws:ec2/eip:Eip", name: "eip-1", urn: "u2", custom: true, inputs: {} },
    ]);
    assert.deepEqual(
      deployed.lines.map((l) => `${l.resource}: ${l.item}`),
      [
        "nat-1: NAT gateway",
        "nat-1: NAT gateway data processed",
        "eip-1: Public IPv4 (Elastic IP)",
      ],
    );
  });

  it("prices an internet-facing ALB's hours, LCUs and public addresses; internal ones without addresses", () => {
    const e = estimate([P, loadBalancerRecord("alb", { azs: 3 })], { albLcuPerHour: 2 });
    near(line(e, "alb", "Load balancer capacity units").monthly.floor, 2 * 730 * 0.008);
    assert.match(line(e, "alb", "Load balancer capacity units").assumed!, /2 LCU every hour/);
    near(line(e, "alb", "Public IPv4").monthly.floor, 3 * 3.65);
    const internal = estimate([P, loadBalancerRecord("alb", { internal: true })]);
    assert.equal(internal.lines.length, 2);
  });

  it("prices RDS by engine: a MySQL instance is listed as not priced, never as PostgreSQL", () => {
    const mysql = databaseRecord("shop-db", { instanceClass: "db.t3.micro", storageGb: 20 });
    mysql.inputs.engine = "mysql";
    const restored = databaseRecord("restored-db", {
      instanceClass: "db.t4g.micro",
      storageGb: 20,
    });
    delete restored.inputs.engine;
    const e = estimate([P, mysql, restored]);
    assert.deepEqual(e.lines, []);
    assert.deepEqual(e.unpriced, [
      'RDS instance shop-db: engine "mysql" has no price in the table (priced: PostgreSQL); its instance and storage are not priced',
      "RDS instance restored-db: engine not known (restored from a snapshot, or an unknown value); its instance and storage are not priced",
    ]);
  });

  it("doubles a Multi-AZ database and its storage, and prices its managed secret", () => {
    const e = estimate([
      P,
      databaseRecord("db", { instanceClass: "db.t4g.small", storageGb: 20, multiAz: true }),
    ]);
    near(line(e, "db", "RDS PostgreSQL db.t4g.small").monthly.floor, 2 * 0.032 * 730); // 46.72
    near(line(e, "db", "RDS storage (gp3)").monthly.floor, 2 * 20 * 0.115);
    near(line(e, "db", "Secrets Manager secret (RDS-managed").monthly.floor, 0.4);
    // The instance, Secrets Manager and gp3 storage have us-east-2 sources (model/prices/).
    assert.equal(line(e, "db", "RDS PostgreSQL").assumedFrom, undefined);
    assert.equal(line(e, "db", "Secrets Manager secret (RDS-managed").assumedFrom, undefined);
    assert.equal(line(e, "db", "RDS storage (gp3)").assumedFrom, undefined);
    assert.ok(!e.notes.some((n) => /source was found for RDS/.test(n)), e.notes.join("\n"));
    // A region table with no figure of its own (every region now has an RDS source): the line
    // is us-east-1's, and the note names it.
    const oregon = estimate(
      [providerRecord("us-west-2"), databaseRecord("db", { instanceClass: "db.t4g.small" })],
      {},
      { prices: { "us-west-2": region("us-west-2", {}) } },
    );
    assert.equal(line(oregon, "db", "RDS PostgreSQL").assumedFrom, "us-east-1");
    assert.ok(
      oregon.notes.some((n) =>
        /no us-west-2 source was found for RDS db\.t4g\.small instance hours, /.test(n),
      ),
      oregon.notes.join("\n"),
    );
  });

  it("prices EFS storage by assumption and its throughput by mode", () => {
    const fs = (mode: "bursting" | "elastic" | "provisioned") =>
      estimate([P, fileSystemRecord("efs", { mode, mibps: 2 })]);
    near(fs("bursting").floor, 10 * 0.3);
    near(fs("elastic").floor, 10 * 0.3 + 10 * 0.03 + 5 * 0.06);
    near(fs("provisioned").floor, 10 * 0.3 + 2 * 6);
    near(
      estimate([P, fileSystemRecord("efs", { mode: "bursting" })], { efsStoredGb: 50 }).floor,
      15,
    );
  });

  it("prices alarms, dashboards, logs by ingestion and retention, and secrets", () => {
    const e = estimate([
      P,
      ...alarmRecords("ide", 3),
      dashboardRecord("dash"),
      logGroupRecord("logs", 30),
      secretRecord("cookie"),
    ]);
    near(e.floor, 3 * 0.1 + 3 + 0.5 + (30 / (730 / 24)) * 0.03 + 0.4);
    assert.match(line(e, "dash", "CloudWatch dashboard").assumed!, /3 free dashboards not applied/);
  });

  it("prices the same whether a deployed stack or a preview is shown, and ignores free resources", () => {
    const e = estimate([
      P,
      { type: "aws:iam/role:Role", name: "role", urn: "u", custom: true, inputs: {} },
      { type: "aws:lb/targetGroup:TargetGroup", name: "tg", urn: "u", custom: true, inputs: {} },
      { type: "pythonide:components:IdeService", name: "ide", urn: "u", custom: false, inputs: {} },
    ]);
    assert.equal(e.lines.length, 0);
    assert.deepEqual(e.unpriced, []);
  });
});

describe("cost estimate: what it cannot price", () => {
  it("lists unknown values and unmatched resources instead of pricing them at zero", () => {
    const records = [
      P,
      ...serviceRecords({ name: "ide", cpu: 1024, memory: 2048, minTasks: 1 }),
      {
        type: "aws:appautoscaling/target:Target",
        name: "stray",
        urn: "u",
        custom: true,
        inputs: {
          serviceNamespace: "ecs",
          resourceId: "service/other/nothing",
          minCapacity: 1,
          maxCapacity: 2,
        },
      },
      {
        type: "aws:elasticache/cluster:Cluster",
        name: "cache",
        urn: "u",
        custom: true,
        inputs: {},
      },
    ] as ResourceRecord[];
    delete records.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")!.inputs.cpu;
    const e = estimate(records);
    assert.deepEqual(e.unpriced, [
      'task definition ide-task: cpu undefined / memory "2048" not known, so its tasks are not priced',
      'scalable target stray: "service/other/nothing" matches no ECS service among the resources; not priced',
      "aws:elasticache/cluster:Cluster cache: the cost model has no price for this type; not priced",
    ]);
    assert.match(formatEstimate(e), /not priced: aws:elasticache\/cluster:Cluster cache/);
  });

  it("leaves out tasks that are not on Fargate and schedules it cannot place in time", () => {
    const records = [
      P,
      ...serviceRecords({
        name: "ide",
        cpu: 1024,
        memory: 2048,
        minTasks: 2,
        maxTasks: 4,
        capacity: [
          { capacityProvider: "FARGATE", base: 1, weight: 1 },
          { capacityProvider: "my-ec2-asg" as "FARGATE", weight: 1 },
        ],
      }),
      {
        type: "aws:appautoscaling/scheduledAction:ScheduledAction",
        name: "nightly",
        urn: "u",
        custom: true,
        inputs: {
          resourceId: "service/pythonide-cluster/ide",
          schedule: "cron(0 18 * * ? *)",
          scalableTargetAction: { minCapacity: 1, maxCapacity: 6 },
        },
      },
      {
        type: "aws:appautoscaling/scheduledAction:ScheduledAction",
        name: "mars",
        urn: "u",
        custom: true,
        inputs: {
          resourceId: "service/pythonide-cluster/ide",
          schedule: "at(2027-01-01T00:00:00)",
          timezone: "Mars/Olympus",
          scalableTargetAction: { minCapacity: 3 },
        },
      },
    ] as ResourceRecord[];
    const e = estimate(records);
    assert.deepEqual(e.unpriced, [
      'service ide: tasks on capacity provider "my-ec2-asg" are not Fargate; they are not priced',
      'scheduled action nightly: schedule "cron(0 18 * * ? *)" is not a one-time at(...) schedule; only its maximum counts (in the ceiling)',
      'scheduled action mars: cannot read the time in "at(2027-01-01T00:00:00)" (Mars/Olympus); not priced',
    ]);
    const od = line(e, "ide", "Fargate vCPU (X86_64, on-demand)");
    // Floor 2: the base 1 on Fargate, the other half of the rest on EC2. Ceiling: the cron's 6.
    assert.deepEqual(od.quantity, { floor: 1.5 * 730, expected: 1.5 * 730, ceiling: 3.5 * 730 });
  });

  it("fails on an unknown instance class or region, naming it", () => {
    assert.throws(
      () => estimate([P, databaseRecord("db", { instanceClass: "db.r5.large" })]),
      /no price for RDS instance class "db\.r5\.large" in us-east-2/,
    );
    assert.throws(
      () => estimate([providerRecord("eu-west-9"), secretRecord("s")]),
      /no prices for region "eu-west-9"/,
    );
    assert.throws(() => estimate([secretRecord("s")]), /cannot tell which region to price/);
  });

  it("reads the region from the provider, the configured region, or an ARN", () => {
    const svc = serviceRecords({
      name: "ide",
      cpu: 1024,
      memory: 2048,
      minTasks: 1,
      region: "us-east-1",
    });
    assert.equal(estimate(svc).region, "us-east-1"); // from the ARNs
    assert.equal(estimate(svc, {}, { defaultRegion: "us-east-2" }).region, "us-east-2");
    assert.equal(estimate([providerRecord("us-east-1"), secretRecord("s")]).region, "us-east-1");
    assert.equal(estimate([secretRecord("s")], { region: "us-east-2" }).region, "us-east-2");
  });

  it("refuses impossible assumptions, naming them", () => {
    assert.throws(
      () => resolveAssumptions({ albLcuPerHour: -1 }),
      /cost assumption albLcuPerHour is -1: must be a number >= 0/,
    );
    assert.throws(
      () => resolveAssumptions({ stagingActiveHoursPerMonth: 800 }),
      /stagingActiveHoursPerMonth is 800: a month has 730 hours/,
    );
    assert.throws(() => resolveAssumptions({ lcu: 1 } as never), /unknown cost assumption "lcu"/);
    assert.throws(
      () => resolveAssumptions({ expectedMonth: "June" }),
      /expectedMonth is "June": must be YYYY-MM/,
    );
  });
});

describe("cost estimate: text", () => {
  it("prints the totals, a line per item with what it assumed, and the assumptions", () => {
    const e = estimate([
      ...chat([{ capacityProvider: "FARGATE", weight: 1 }]),
      loadBalancerRecord("alb"),
    ]);
    const text = formatEstimate(e);
    assert.match(
      text,
      /^Monthly cost \(us-east-2, 730 h a month\): floor \$41\.94, expected \$41\.94, ceiling \$77\.98$/m,
    );
    assert.match(
      text,
      /chat: Fargate vCPU \(X86_64, on-demand\) +365 vCPU-hour +\$0\.04048 +\$14\.78 +\$14\.78 +\$44\.33/,
    );
    // 60 students x 5 MB/h = 0.3 GB a class hour, the largest LCU dimension, x 80 class hours.
    assert.match(
      text,
      /alb: Load balancer capacity units +24 LCU-hour +\$0\.008 +\$0\.19 +\$0\.19 +\$0\.19$/m,
    );
    assert.match(text, /= 0\.3 LCU a class hour x 80 h \(assumptions classStudents/);
    assert.match(text, /assumptions: classStudents=60, classHoursPerMonth=80/);
    assert.match(text, /note: free tiers not applied \(assumption freeTier, --free-tier/);
    const summary = formatEstimate(e, { summary: true });
    assert.deepEqual(summary.split("\n").slice(1), [
      "  expected: same as the floor (no scheduled windows this month)",
      "  per enrolled student: $0.42 a month (expected / 100 enrolled, assumption enrolledStudents)",
      "  free tiers not applied (assumption freeTier, --free-tier: 10 alarms, 3 dashboards, 5 GB of logs per account); the 12-month tiers of new accounts (750 load balancer hours, 750 public IPv4 hours, an RDS micro) are not applied",
    ]);
  });
});

describe("cost estimate: free tiers, LCUs and students", () => {
  const account = [
    P,
    ...alarmRecords("ide", 12),
    dashboardRecord("a"),
    dashboardRecord("b"),
    logGroupRecord("logs", 30),
  ];

  it("applies the always-free CloudWatch tiers only on request, as priced lines", () => {
    const off = estimate(account);
    assert.ok(!off.lines.some((l) => l.resource === "account"));
    assert.match(off.notes.join("\n"), /free tiers not applied \(assumption freeTier/);
    const on = estimate(account, { freeTier: true });
    const free = on.lines.filter((l) => l.resource === "account");
    assert.deepEqual(
      free.map((l) => [l.item, l.quantity.expected, l.unitPrice, l.monthly.expected]),
      [
        ["CloudWatch free tier: 10 standard alarm metrics", -10, 0.1, -10 * 0.1],
        ["CloudWatch free tier: 3 dashboards", -2, 3, -2 * 3], // only the 2 the stack has
        ["CloudWatch free tier: 5 GB of logs ingested", -1, 0.5, -1 * 0.5], // it ingests 1 GB
      ],
    );
    // 12 alarms x $0.10 + 2 dashboards x $3 + 1 GB x $0.50 + 30 days of 1 GB at $0.03 = $7.741.
    near(off.expected, 12 * 0.1 + 2 * 3 + 0.5 + (30 / (730 / 24)) * 0.03);
    near(on.expected, 2 * 0.1 + (30 / (730 / 24)) * 0.03);
    assert.match(
      formatEstimate(on),
      /account: CloudWatch free tier: 3 dashboards +-2 dashboard-month +\$3\.00 +-\$6\.00 +-\$6\.00 +-\$6\.00$/m,
    );
    assert.match(
      on.notes.join("\n"),
      /free tiers applied per account, as if this stack were alone in it: 10 standard alarm metrics, 3 dashboards, 5 GB of logs ingested; the 12-month tiers/,
    );
  });

  it("stacks sharing an account share its free tiers: each takes what the earlier ones left", () => {
    const left = accountFreeTier();
    const first = estimate(account, { freeTier: true }, { freeTierLeft: left });
    const second = estimate(account, { freeTier: true }, { freeTierLeft: left });
    const credits = (e: CostEstimate) =>
      e.lines.filter((l) => l.resource === "account").map((l) => [l.item, l.quantity.expected]);
    // The first takes 10 of 10 alarms, 2 of 3 dashboards, 1 of 5 GB; the second what is left.
    assert.deepEqual(credits(first), [
      ["CloudWatch free tier: 10 standard alarm metrics", -10],
      ["CloudWatch free tier: 3 dashboards", -2],
      ["CloudWatch free tier: 5 GB of logs ingested", -1],
    ]);
    assert.deepEqual(credits(second), [
      ["CloudWatch free tier: 3 dashboards", -1],
      ["CloudWatch free tier: 5 GB of logs ingested", -1],
    ]);
    assert.deepEqual(left["cloudwatch.dashboardMonth"], { floor: 0, expected: 0, ceiling: 0 });
    assert.deepEqual(left["cloudwatch.logsIngestGb"], { floor: 3, expected: 3, ceiling: 3 });
    assert.match(
      second.notes.join("\n"),
      /^free tiers applied once for the account this run's stacks share; this stack's share \(expected month\): 1 of 3 dashboards, 1 of 5 GB of logs ingested; the 12-month tiers/m,
    );
    // 12 alarms x $0.10 + 1 dashboard x $3 + 0 GB + log storage.
    near(second.expected, 12 * 0.1 + 3 + (30 / (730 / 24)) * 0.03);
  });

  it("derives the LCU-hours from the workload, and albLcuPerHour overrides them", () => {
    const alb = [P, loadBalancerRecord("alb")];
    const lcu = (a = {}) => line(estimate(alb, a), "alb", "Load balancer capacity units");
    // 60 x 5 MB = 0.3 GB/h beats 60 x 120 / 3600 = 2 new connections/s (0.08 LCU): 0.3 x 80 h.
    near(lcu().quantity.expected, 0.3 * 80);
    // 600 requests/h each: 10/s = 0.4 LCU, now the largest.
    near(lcu({ requestsPerStudentHour: 600 }).quantity.expected, 0.4 * 80);
    near(lcu({ albLcuPerHour: 1 }).quantity.expected, 730);
    assert.equal(lcu({ albLcuPerHour: 1 }).assumed, "1 LCU every hour (assumption albLcuPerHour)");
    assert.throws(
      () => estimate(alb, { classStudents: -1 }),
      /cost assumption classStudents is -1: must be a number >= 0/,
    );
  });

  it("divides the expected month by the enrolled students", () => {
    const e = estimate([P, loadBalancerRecord("alb")], { enrolledStudents: 40 });
    near(e.perEnrolledStudent, e.expected / 40);
    assert.match(
      formatEstimate(e, { summary: true }),
      new RegExp(
        `per enrolled student: \\${usd(e.expected / 40)} a month \\(expected / 40 enrolled`,
      ),
    );
  });
});

describe("cost estimate: unit prices as printed", () => {
  it("four significant digits, and at least cents", () => {
    assert.deepEqual([0.04048, 0.004445, 0.2, 0.1, 3, 0.0252, 0.000111, 12.5].map(fmtPrice), [
      "$0.04048",
      "$0.004445",
      "$0.20",
      "$0.10",
      "$3.00",
      "$0.0252",
      "$0.000111",
      "$12.50",
    ]);
  });
});
