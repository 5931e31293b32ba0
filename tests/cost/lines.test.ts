/**
 * Each priced line of the platform by its quantity and its unit price (read from the price
 * table, so a price change moves both sides), on both sides of every threshold: gp3 IOPS above
 * 3,000, Multi-AZ, the RDS-managed secret, backups beyond the free size, public IPv4 per subnet,
 * log retention, high-resolution alarms, EFS modes, NAT strategies, interface endpoints.
 */
import { strict as assert } from "assert";
import { CostEstimate, estimate, formatEstimate } from "../../model/cost";
import { HOURS_PER_MONTH, PriceKey, pricesFor } from "../../model/prices";
import { ResourceRecord } from "../../model/records";
import {
  auroraClusterRecord,
  databaseRecord,
  providerRecord,
  serviceRecords,
} from "../../model/synthetic";

const REGION = "us-east-2";
const P = providerRecord(REGION);
const PRICE = pricesFor(REGION).items;
const M = HOURS_PER_MONTH;

/** A record of `type` with these inputs. */
const rec = (type: string, name: string, inputs: Record<string, unknown>): ResourceRecord => ({
  type,
  name,
  urn: `urn:pulumi:test::pythonide::${type}::${name}`,
  inputs,
  custom: true,
});

/** The lines of one resource as [item, priceKey, floor quantity, ceiling quantity]. */
function lines(e: CostEstimate, resource: string): [string, string, number, number][] {
  return e.lines
    .filter((l) => l.resource === resource)
    .map((l) => {
      // Every line is its quantity times the table's unit price.
      if (!l.priceKey.startsWith("rds.instance.")) {
        assert.equal(l.unitPrice, PRICE[l.priceKey as PriceKey].usd, l.priceKey);
      }
      for (const s of ["floor", "expected", "ceiling"] as const) {
        assert.ok(Math.abs(l.monthly[s] - l.quantity[s] * l.unitPrice) < 1e-9, `${l.item} ${s}`);
      }
      return [l.item, l.priceKey, round(l.quantity.floor), round(l.quantity.ceiling)];
    });
}
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const priced = (...records: ResourceRecord[]) => estimate([P, ...records]);
const withInputs = (r: ResourceRecord, inputs: Record<string, unknown>): ResourceRecord => ({
  ...r,
  inputs: { ...r.inputs, ...inputs },
});

describe("cost lines: the database", () => {
  const db = databaseRecord("db", { instanceClass: "db.t4g.small", storageGb: 100 });

  it("prices gp3 IOPS only above 3,000, by the IOPS above it", () => {
    assert.deepEqual(
      lines(priced(withInputs(db, { iops: 3000 })), "db").map((l) => l[0]),
      [
        "RDS PostgreSQL db.t4g.small",
        "RDS storage (gp3)",
        "Secrets Manager secret (RDS-managed master password)",
      ],
    );
    assert.deepEqual(lines(priced(withInputs(db, { iops: 3001 })), "db")[2], [
      "RDS gp3 IOPS above 3,000",
      "rds.gp3IopsMonth",
      1,
      1,
    ]);
    assert.deepEqual(lines(priced(withInputs(db, { iops: 12000 })), "db")[2], [
      "RDS gp3 IOPS above 3,000",
      "rds.gp3IopsMonth",
      9000,
      9000,
    ]);
  });

  it("does not price IOPS on gp2 storage, and takes gp2 when no storage type is given", () => {
    const gp2 = lines(priced(withInputs(db, { storageType: undefined, iops: 12000 })), "db");
    assert.deepEqual(gp2[1], ["RDS storage (gp2)", "rds.gp3GbMonth", 100, 100]);
    assert.equal(gp2.length, 3);
  });

  it("doubles the instance hours, storage and IOPS of a Multi-AZ database, not its secret", () => {
    const multi = lines(priced(withInputs(db, { multiAz: true, iops: 4000 })), "db");
    assert.deepEqual(multi, [
      ["RDS PostgreSQL db.t4g.small", "rds.instance.db.t4g.small", 2 * M, 2 * M],
      ["RDS storage (gp3)", "rds.gp3GbMonth", 200, 200],
      ["RDS gp3 IOPS above 3,000", "rds.gp3IopsMonth", 2000, 2000],
      ["Secrets Manager secret (RDS-managed master password)", "secretsmanager.secretMonth", 1, 1],
    ]);
  });

  it("prices the managed-password secret only when RDS manages the password", () => {
    const own = databaseRecord("db", { instanceClass: "db.t4g.small", managedSecret: false });
    assert.deepEqual(
      lines(priced(own), "db").map((l) => l[0]),
      ["RDS PostgreSQL db.t4g.small", "RDS storage (gp3)"],
    );
  });

  it("prices backup storage beyond the free size only when the assumption sets some", () => {
    const e = estimate([P, db], { rdsBackupGbAboveFree: 50 });
    assert.deepEqual(lines(e, "db")[2], [
      "RDS backup storage beyond the provisioned size",
      "rds.backupGbMonth",
      50,
      50,
    ]);
  });

  it("names what it cannot price: no instance class, no storage size", () => {
    const e = priced(
      withInputs(db, { instanceClass: undefined }),
      withInputs(databaseRecord("db2", { instanceClass: "db.t4g.micro" }), {
        allocatedStorage: undefined,
      }),
    );
    assert.deepEqual(lines(e, "db"), []);
    assert.deepEqual(
      lines(e, "db2").map((l) => l[0]),
      ["RDS PostgreSQL db.t4g.micro", "Secrets Manager secret (RDS-managed master password)"],
    );
    assert.deepEqual(e.unpriced, [
      "RDS instance db: instance class not known; not priced",
      "RDS instance db2: allocated storage not known; its storage is not priced",
    ]);
  });
});

describe("cost lines: the load balancer", () => {
  const alb = (inputs: Record<string, unknown>) =>
    rec("aws:lb/loadBalancer:LoadBalancer", "alb", { loadBalancerType: "application", ...inputs });

  it("prices one public IPv4 per subnet of an internet-facing load balancer, none when internal", () => {
    const ips = (inputs: Record<string, unknown>) =>
      lines(priced(alb(inputs)), "alb").filter((l) => l[1] === "publicIpv4.hour");
    assert.deepEqual(ips({ subnets: ["a", "b", "c"] }), [
      ["Public IPv4 of the internet-facing load balancer", "publicIpv4.hour", 3 * M, 3 * M],
    ]);
    assert.deepEqual(ips({ subnetMappings: [{}, {}, {}, {}] })[0][2], 4 * M);
    assert.deepEqual(ips({})[0][2], 2 * M);
    assert.deepEqual(ips({ internal: true, subnets: ["a", "b"] }), []);
  });

  it("prices the hours and the LCUs from the assumption", () => {
    const e = estimate([P, alb({ internal: true })], { albLcuPerHour: 0.5 });
    assert.deepEqual(lines(e, "alb"), [
      ["Application Load Balancer", "alb.hour", M, M],
      ["Load balancer capacity units", "alb.lcuHour", 0.5 * M, 0.5 * M],
    ]);
  });

  it("does not price a network load balancer, and says so", () => {
    const e = priced(alb({ loadBalancerType: "network" }));
    assert.deepEqual(lines(e, "alb"), []);
    assert.deepEqual(e.unpriced, [
      "load balancer alb: type network has no price in the table; not priced",
    ]);
  });
});

describe("cost lines: storage and monitoring", () => {
  it("prices log storage for the retention, and a year when logs never expire", () => {
    const ingest = estimate([P]).assumptions.logGbIngestedPerGroupPerMonth;
    const storage = (retentionInDays: unknown) =>
      lines(
        priced(rec("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays })),
        "logs",
      )[1];
    assert.deepEqual(storage(30), [
      "CloudWatch Logs storage",
      "cloudwatch.logsStorageGbMonth",
      round((ingest * 30) / (M / 24)),
      round((ingest * 30) / (M / 24)),
    ]);
    assert.deepEqual(storage(0)[2], round((ingest * 365) / (M / 24)));
    assert.deepEqual(storage(undefined)[2], round((ingest * 365) / (M / 24)));
  });

  it("prices an alarm below a 60-second period as high resolution, and each metric of a query alarm", () => {
    const alarm = (inputs: Record<string, unknown>) =>
      lines(priced(rec("aws:cloudwatch/metricAlarm:MetricAlarm", "al", inputs)), "al")[0];
    assert.deepEqual(alarm({ period: 10 }), [
      "CloudWatch alarm (high resolution)",
      "cloudwatch.highResolutionAlarmMonth",
      1,
      1,
    ]);
    assert.deepEqual(alarm({ period: 60 }), ["CloudWatch alarm", "cloudwatch.alarmMonth", 1, 1]);
    const metric = { metric: { metricName: "CPUUtilization" } };
    assert.deepEqual(
      alarm({ metricQueries: [metric, metric, { expression: "m1+m2" }, metric] })[2],
      3,
    );
  });

  it("prices the two alarms AWS creates for each target-tracking policy, none for step scaling", () => {
    const policy = (policyType: unknown) =>
      lines(priced(rec("aws:appautoscaling/policy:Policy", "pol", { policyType })), "pol");
    assert.deepEqual(policy("TargetTrackingScaling"), [
      ["CloudWatch alarms of target tracking", "cloudwatch.alarmMonth", 2, 2],
    ]);
    assert.deepEqual(policy("StepScaling"), []);
    assert.deepEqual(policy(undefined), []);
    const e = priced(rec("aws:appautoscaling/policy:Policy", "pol", { policyType: "StepScaling" }));
    assert.deepEqual(e.unpriced, []);
  });

  it("prices EFS throughput by mode", () => {
    const efs = (inputs: Record<string, unknown>) =>
      lines(priced(rec("aws:efs/fileSystem:FileSystem", "fs", inputs)), "fs").map((l) => l[1]);
    assert.deepEqual(efs({}), ["efs.standardGbMonth"]);
    assert.deepEqual(efs({ throughputMode: "elastic" }), [
      "efs.standardGbMonth",
      "efs.elasticReadGb",
      "efs.elasticWriteGb",
    ]);
    const provisioned = priced(
      rec("aws:efs/fileSystem:FileSystem", "fs", {
        throughputMode: "provisioned",
        provisionedThroughputInMibps: 64,
      }),
    );
    assert.deepEqual(lines(provisioned, "fs")[1], [
      "EFS provisioned throughput",
      "efs.provisionedMibpsMonth",
      64,
      64,
    ]);
    const unknownMibps = priced(
      rec("aws:efs/fileSystem:FileSystem", "fs", { throughputMode: "provisioned" }),
    );
    assert.deepEqual(unknownMibps.unpriced, [
      "file system fs: provisioned throughput not known; not priced",
    ]);
  });

  it("prices a dashboard and a secret at one each a month", () => {
    const e = priced(
      rec("aws:cloudwatch/dashboard:Dashboard", "dash", {}),
      rec("aws:secretsmanager/secret:Secret", "cookie", {}),
    );
    assert.deepEqual(lines(e, "dash"), [
      ["CloudWatch dashboard", "cloudwatch.dashboardMonth", 1, 1],
    ]);
    assert.deepEqual(lines(e, "cookie"), [
      ["Secrets Manager secret", "secretsmanager.secretMonth", 1, 1],
    ]);
  });
});

describe("cost lines: the network", () => {
  const vpc = (inputs: Record<string, unknown>, ...more: ResourceRecord[]) =>
    lines(priced(rec("awsx:ec2:Vpc", "vpc", inputs), ...more), "vpc");
  const natHours = (l: [string, string, number, number][]) =>
    l.filter((x) => x[1] === "nat.hour").map((x) => x[2]);

  it("prices NAT gateways by the awsx strategy and the number of zones", () => {
    assert.deepEqual(natHours(vpc({ natGateways: { strategy: "Single" } })), [M]);
    assert.deepEqual(
      natHours(vpc({ natGateways: { strategy: "OnePerAz" }, numberOfAvailabilityZones: 2 })),
      [2 * M],
    );
    assert.deepEqual(natHours(vpc({ natGateways: { strategy: "None" } })), []);
    assert.deepEqual(
      natHours(
        vpc({ availabilityZoneNames: ["a", "b", "c", "d"], natGateways: { strategy: "OnePerAz" } }),
      ),
      [4 * M],
    );
  });

  it("takes awsx's default: one NAT per zone with private and public subnets, none with public only", () => {
    assert.deepEqual(natHours(vpc({})), [3 * M]);
    assert.deepEqual(natHours(vpc({ subnetSpecs: [{ type: "Public" }, { type: "Private" }] })), [
      3 * M,
    ]);
    assert.deepEqual(natHours(vpc({ subnetSpecs: [{ type: "Public" }] })), []);
  });

  it("prices each NAT gateway's public IPv4 with the VPC, not when the gateways are listed", () => {
    const own = vpc({ natGateways: { strategy: "Single" } });
    assert.deepEqual(
      own.filter((l) => l[1] === "publicIpv4.hour"),
      [["Public IPv4 of each NAT gateway", "publicIpv4.hour", M, M]],
    );
    const listed = vpc(
      { natGateways: { strategy: "Single" } },
      rec("aws:ec2/natGateway:NatGateway", "nat", {}),
    );
    assert.deepEqual(listed, []);
  });

  it("prices interface endpoints per zone, and gateway endpoints not at all", () => {
    const e = priced(
      rec("aws:ec2/vpcEndpoint:VpcEndpoint", "ecr", {
        vpcEndpointType: "Interface",
        serviceName: "com.amazonaws.us-east-2.ecr.api",
        subnetIds: ["a", "b", "c"],
      }),
      rec("aws:ec2/vpcEndpoint:VpcEndpoint", "logs", { vpcEndpointType: "Interface" }),
      rec("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", { serviceName: "com.amazonaws.us-east-2.s3" }),
    );
    assert.deepEqual(lines(e, "ecr")[0], [
      "Interface endpoint com.amazonaws.us-east-2.ecr.api",
      "endpoint.azHour",
      3 * M,
      3 * M,
    ]);
    assert.deepEqual(lines(e, "logs")[0], ["Interface endpoint", "endpoint.azHour", 2 * M, 2 * M]);
    assert.deepEqual(lines(e, "s3"), []);
  });

  it("prices a listed NAT gateway, and its Elastic IP on the EIP", () => {
    const e = priced(
      rec("aws:ec2/natGateway:NatGateway", "nat", {}),
      rec("aws:ec2/natGateway:NatGateway", "private-nat", { connectivityType: "private" }),
      rec("aws:ec2/eip:Eip", "nat-ip", {}),
    );
    assert.deepEqual(
      lines(e, "nat").map((l) => l[1]),
      ["nat.hour", "nat.gb"],
    );
    assert.deepEqual(
      lines(e, "private-nat").map((l) => l[1]),
      ["nat.hour", "nat.gb"],
    );
    assert.deepEqual(lines(e, "nat-ip"), [["Public IPv4 (Elastic IP)", "publicIpv4.hour", M, M]]);
  });
});

describe("cost lines: scheduled actions in any order", () => {
  it("prices the same windows whatever order the scale-up and scale-down come in", () => {
    const records = [
      P,
      ...serviceRecords({
        name: "exam",
        cpu: 1024,
        memory: 2048,
        minTasks: 0,
        maxTasks: 10,
        windows: [
          {
            name: "a",
            from: new Date("2027-03-16T13:00Z"),
            to: new Date("2027-03-16T16:00Z"),
            tasks: 4,
          },
          {
            name: "b",
            from: new Date("2027-03-18T13:00Z"),
            to: new Date("2027-03-18T14:00Z"),
            tasks: 2,
          },
        ],
      }),
    ];
    const forward = estimate(records);
    const backward = estimate([...records].reverse());
    const vcpu = (e: CostEstimate) =>
      e.lines.find((l) => l.resource === "exam" && l.item.startsWith("Fargate vCPU"))!.quantity;
    assert.deepEqual(vcpu(forward), { floor: 0, expected: 3 * 4 + 1 * 2, ceiling: 10 * M });
    assert.deepEqual(vcpu(backward), vcpu(forward));
  });
});

describe("cost lines: what each quantity assumes, in words", () => {
  it("explains each line of a platform", () => {
    const db = databaseRecord("db", {
      instanceClass: "db.t4g.small",
      storageGb: 100,
      multiAz: true,
    });
    const e = estimate(
      [
        P,
        withInputs(db, { iops: 4000 }),
        rec("aws:lb/loadBalancer:LoadBalancer", "alb", {
          loadBalancerType: "application",
          subnets: ["a", "b", "c"],
        }),
        rec("aws:lb/loadBalancer:LoadBalancer", "alb2", { loadBalancerType: "application" }),
        rec("awsx:ec2:Vpc", "vpc", {
          natGateways: { strategy: "Single" },
          vpcEndpointSpecs: [
            { vpcEndpointType: "Interface", serviceName: "ecr", subnetIds: ["a"] },
            { vpcEndpointType: "Gateway", serviceName: "s3" },
            { vpcEndpointType: "Interface" },
          ],
        }),
        rec("aws:ec2/natGateway:NatGateway", "pnat", { connectivityType: "private" }),
        rec("aws:ec2/eip:Eip", "eip", {}),
        rec("aws:ec2/vpcEndpoint:VpcEndpoint", "logs", { vpcEndpointType: "Interface" }),
        rec("aws:efs/fileSystem:FileSystem", "fs", { throughputMode: "elastic" }),
        rec("aws:efs/fileSystem:FileSystem", "fs2", {
          throughputMode: "provisioned",
          provisionedThroughputInMibps: 8,
        }),
        rec("aws:cloudwatch/metricAlarm:MetricAlarm", "al", {
          metricQueries: [{ metric: {} }, { metric: {} }],
        }),
        rec("aws:cloudwatch/metricAlarm:MetricAlarm", "al1", { period: 300 }),
        rec("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 30 }),
        rec("aws:cloudwatch/logGroup:LogGroup", "lg0", {}),
        ...serviceRecords({
          name: "ide",
          cpu: 512,
          memory: 1024,
          minTasks: 1,
          maxTasks: 3,
          publicIp: true,
        }),
      ],
      {
        rdsBackupGbAboveFree: 5,
        albLcuPerHour: 1,
        natGbPerMonth: 10,
        endpointGbPerMonth: 1,
        efsStoredGb: 10,
        efsElasticReadGbPerMonth: 10,
        efsElasticWriteGbPerMonth: 5,
        logGbIngestedPerGroupPerMonth: 1,
      },
    );
    assert.deepEqual(
      e.lines.map((l) => [l.resource, l.item, l.assumed ?? null]),
      [
        [
          "ide",
          "Fargate vCPU (X86_64, on-demand)",
          "0.5 vCPU / 1 GB a task; 1 to 3 tasks (autoscaling)",
        ],
        [
          "ide",
          "Fargate memory (X86_64, on-demand)",
          "0.5 vCPU / 1 GB a task; 1 to 3 tasks (autoscaling)",
        ],
        ["ide", "Public IPv4 of each task (assignPublicIp)", "one address per running task"],
        ["db", "RDS PostgreSQL db.t4g.small", "Multi-AZ (x2)"],
        ["db", "RDS storage (gp3)", "100 GB, Multi-AZ (x2)"],
        ["db", "RDS gp3 IOPS above 3,000", "4000 IOPS"],
        [
          "db",
          "RDS backup storage beyond the provisioned size",
          "5 GB (assumption rdsBackupGbAboveFree)",
        ],
        ["db", "Secrets Manager secret (RDS-managed master password)", "created by RDS"],
        ["alb", "Application Load Balancer", "all month"],
        ["alb", "Load balancer capacity units", "1 LCU every hour (assumption albLcuPerHour)"],
        ["alb", "Public IPv4 of the internet-facing load balancer", "one per subnet (3)"],
        ["alb2", "Application Load Balancer", "all month"],
        ["alb2", "Load balancer capacity units", "1 LCU every hour (assumption albLcuPerHour)"],
        [
          "alb2",
          "Public IPv4 of the internet-facing load balancer",
          "subnets not known: 2 assumed (the fewest an ALB takes)",
        ],
        ["vpc", "Interface endpoint ecr", "1 AZs"],
        [
          "vpc",
          "Interface endpoint data processed",
          "1 GB a month (assumption endpointGbPerMonth)",
        ],
        ["vpc", "Interface endpoint", "3 AZs"],
        [
          "vpc",
          "Interface endpoint data processed",
          "1 GB a month (assumption endpointGbPerMonth)",
        ],
        ["pnat", "NAT gateway", "private NAT gateway, all month"],
        [
          "pnat",
          "NAT gateway data processed",
          "10 GB a month through all gateways (assumption natGbPerMonth)",
        ],
        ["eip", "Public IPv4 (Elastic IP)", "all month"],
        ["logs", "Interface endpoint", "subnets not known: 2 AZs assumed"],
        [
          "logs",
          "Interface endpoint data processed",
          "1 GB a month (assumption endpointGbPerMonth)",
        ],
        ["fs", "EFS Standard storage", "10 GB stored (assumption efsStoredGb)"],
        [
          "fs",
          "EFS Elastic throughput, reads",
          "10 GB a month (assumption efsElasticReadGbPerMonth)",
        ],
        [
          "fs",
          "EFS Elastic throughput, writes",
          "5 GB a month (assumption efsElasticWriteGbPerMonth)",
        ],
        ["fs2", "EFS Standard storage", "10 GB stored (assumption efsStoredGb)"],
        ["fs2", "EFS provisioned throughput", "8 MiB/s"],
        ["al", "CloudWatch alarm", "2 metrics in the alarm, each billed"],
        ["al1", "CloudWatch alarm", null],
        [
          "lg",
          "CloudWatch Logs ingestion",
          "1 GB a month (assumption logGbIngestedPerGroupPerMonth)",
        ],
        ["lg", "CloudWatch Logs storage", "30 days of that ingestion retained"],
        [
          "lg0",
          "CloudWatch Logs ingestion",
          "1 GB a month (assumption logGbIngestedPerGroupPerMonth)",
        ],
        [
          "lg0",
          "CloudWatch Logs storage",
          "no retention: priced as one year retained (it grows without bound)",
        ],
      ],
    );
  });

  it("explains a staging service's hours and its database that pauses itself", () => {
    const e = estimate(
      [
        P,
        ...serviceRecords({
          name: "ide",
          cpu: 512,
          memory: 1024,
          minTasks: 0,
          maxTasks: 3,
          environment: "staging",
        }),
        auroraClusterRecord("ide-db", { maxAcu: 1, environment: "staging" }),
      ],
      { stagingActiveHoursPerMonth: 10, stagingActiveTasks: 1, stagingSessionsPerMonth: 4 },
    );
    const why = (item: string) => e.lines.find((l) => l.item === item)?.assumed;
    assert.equal(
      why("Aurora Serverless v2 capacity"),
      "at its maximum 1 ACU while awake (an upper bound), 0 while paused; awake while staging is on, 10 h (assumption stagingActiveHoursPerMonth), plus 4 pause delays of 0.083 h (assumption stagingSessionsPerMonth); 10.333 h expected",
    );
    assert.equal(
      why("Aurora I/O requests (Standard)"),
      "0.1 million per hour awake (assumption auroraIoMillionsPerAwakeHour)",
    );
    assert.equal(why("Aurora storage (Standard)"), "1 GB (assumption auroraStoredGb)");
  });
});

describe("cost lines: the text of an estimate", () => {
  it("lays out one row per line under a header, numbers right-aligned, then notes and assumptions", () => {
    const e = estimate([
      P,
      ...serviceRecords({ name: "ide", cpu: 512, memory: 1024, minTasks: 1, maxTasks: 3 }),
    ]);
    const text = formatEstimate(e, { indent: "" }).split("\n");
    assert.match(
      text[0],
      /^Monthly cost \(us-east-2, 730 h a month\): floor \$[\d.]+, expected \$[\d.]+, ceiling \$[\d.]+$/,
    );
    assert.equal(text[1], "  expected: same as the floor (no scheduled windows this month)");
    assert.match(
      text[text.findIndex((l) => l.startsWith("  item "))],
      /^ {2}item +quantity \(expected\) +unit price +floor +expected +ceiling$/,
    );
    const h = text.findIndex((l) => l.startsWith("  item "));
    assert.ok(h >= 2, text.join("\n"));
    const rows = [text[h + 1], text[h + 3]];
    for (const row of rows) assert.equal(row.length, text[h].length, row);
    assert.match(
      text[h + 1],
      /^ {2}ide: Fargate vCPU \(X86_64, on-demand\) +365 vCPU-hour +\$[\d.]+ +\$[\d.]+ +\$[\d.]+ +\$[\d.]+$/,
    );
    assert.equal(text[h + 2], "      0.5 vCPU / 1 GB a task; 1 to 3 tasks (autoscaling)");
    assert.ok(
      text.slice(h + 5, -1).every((l) => l.startsWith("  note: ")),
      text.join("\n"),
    );
    assert.match(text[text.length - 1], /^ {2}assumptions: \w+=[^,]+(, \w+=[^,]+)*$/);
    assert.match(text[text.length - 1], /, natGbPerMonth=\d+,/);
    assert.doesNotMatch(text[text.length - 1], /region=|expectedMonth=/);
  });
});
