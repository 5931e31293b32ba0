import { strict as assert } from "assert";
import { DB_CLASSES } from "../../model/rds";
import {
  HOURS_PER_MONTH,
  PRICE_KEYS,
  PRICED_REGIONS,
  pricesFor,
  rdsInstancePrice,
  unpricedDbClasses,
} from "../../model/prices";

describe("price table", () => {
  it("prices the ten regions universities use, with a source and a date on every figure", () => {
    assert.deepEqual(PRICED_REGIONS, [
      "us-east-1",
      "us-east-2",
      "us-west-2",
      "ca-central-1",
      "eu-west-1",
      "eu-west-2",
      "eu-central-1",
      "ap-south-1",
      "ap-southeast-2",
      "ap-northeast-1",
    ]);
    for (const region of PRICED_REGIONS) {
      const t = pricesFor(region);
      assert.equal(t.region, region);
      assert.equal(Object.keys(t.items).length, PRICE_KEYS.length);
      for (const [key, p] of [...Object.entries(t.items), ...Object.entries(t.rdsInstanceHour)]) {
        assert.ok(p.usd > 0, `${region} ${key} has a price`);
        assert.ok(p.source.length > 10, `${region} ${key} has a source`);
        assert.match(p.date, /^\d{4}-\d{2}(-\d{2})?$/, `${region} ${key} has a date`);
        assert.ok(p.unit.length > 0, `${region} ${key} has a unit`);
        // A borrowed figure is us-east-1's own, never another guess.
        if (p.assumedFrom) {
          const base = pricesFor("us-east-1");
          const own = key.startsWith("db.")
            ? base.rdsInstanceHour[key]
            : base.items[key as keyof typeof base.items];
          assert.equal(p.usd, own.usd, `${region} ${key}`);
          assert.equal(p.assumedFrom, "us-east-1");
        }
      }
    }
    assert.equal(HOURS_PER_MONTH, 730);
  });

  it("carries the regional figures found, and marks every other one as us-east-1's", () => {
    const found = (region: string) =>
      PRICE_KEYS.filter((k) => pricesFor(region).items[k].assumedFrom === undefined);
    const usd = (region: string, key: (typeof PRICE_KEYS)[number]) =>
      pricesFor(region).items[key].usd;
    /** [usd, unit, assumedFrom] of each item, and of each RDS class, in `region`. */
    const priced = (region: string, keys: readonly (typeof PRICE_KEYS)[number][]) =>
      keys.map((k) => {
        const p = pricesFor(region).items[k];
        return [p.usd, p.unit, p.assumedFrom];
      });
    const rdsPriced = (region: string, classes: readonly string[]) =>
      classes.map((c) => {
        const p = rdsInstancePrice(pricesFor(region), c);
        return [p.usd, p.unit, p.assumedFrom];
      });
    /** [usd, assumedFrom] of each db.t4g class in `region`. */
    const t4g = (region: string) =>
      (["db.t4g.micro", "db.t4g.small", "db.t4g.medium"] as const).map((c) => {
        const p = rdsInstancePrice(pricesFor(region), c);
        return [p.usd, p.assumedFrom];
      });
    assert.equal(usd("eu-west-2", "fargate.x86.vcpuHour"), 0.04656);
    assert.equal(usd("eu-west-2", "fargate.x86.gbHour"), 0.00511);
    assert.equal(usd("eu-west-2", "alb.hour"), 0.02646);
    assert.equal(usd("eu-west-2", "alb.lcuHour"), 0.0084);
    assert.equal(usd("eu-west-2", "nat.hour"), 0.05);
    assert.equal(rdsInstancePrice(pricesFor("eu-west-2"), "db.t4g.micro").usd, 0.018);
    assert.equal(usd("ca-central-1", "fargate.x86.vcpuHour"), 0.04456);
    assert.equal(usd("ca-central-1", "alb.lcuHour"), 0.0088);
    assert.equal(usd("eu-central-1", "fargate.x86.vcpuHour"), 0.04656);
    assert.equal(usd("ap-northeast-1", "fargate.x86.vcpuHour"), 0.05056);
    assert.equal(usd("ap-northeast-1", "fargate.x86.gbHour"), 0.00553);
    assert.equal(usd("us-west-2", "fargate.x86.vcpuHour"), 0.04048);
    assert.equal(usd("eu-west-1", "fargate.x86.gbHour"), 0.004445);
    // Mumbai borrows nothing.
    assert.deepEqual(
      PRICE_KEYS.filter((k) => pricesFor("ap-south-1").items[k].assumedFrom),
      [],
    );
    // Mumbai's interface endpoint data (first tier) and Secrets Manager API calls: a price sheet
    // read from the AmazonVPC and AWSSecretsManager ap-south-1 price lists (2026-09), the endpoint
    // also from the Pricing Calculator's VPC catalog.
    assert.deepEqual(priced("ap-south-1", ["endpoint.gb", "secretsmanager.per10kCalls"]), [
      [0.01, "GB processed (first PB)", undefined],
      [0.05, "10,000 API calls", undefined],
    ]);
    assert.match(pricesFor("ap-south-1").items["endpoint.gb"].source, /AmazonVPC, ap-south-1/);
    assert.match(
      pricesFor("ap-south-1").items["secretsmanager.per10kCalls"].source,
      /AWSSecretsManager, ap-south-1/,
    );
    // Mumbai's EFS Elastic throughput, per GB read and per GB written (a storage comparison at
    // "AWS pricing for Asia Pacific (Mumbai)"): writes cost more than us-east-1's $0.06.
    assert.deepEqual(priced("ap-south-1", ["efs.elasticReadGb", "efs.elasticWriteGb"]), [
      [0.03, "GB read", undefined],
      [0.07, "GB written", undefined],
    ]);
    assert.match(
      pricesFor("ap-south-1").items["efs.elasticWriteGb"].source,
      /Asia Pacific \(Mumbai\)/,
    );
    // Mumbai's ARM Fargate, NAT data, endpoint hour (APS3-VpcEndpoint-Hours), Aurora Standard
    // (ACU, storage, I/O), EFS Standard, alarm, logs (AmazonCloudWatch ap-south-1) and secret, each
    // in its table unit.
    assert.deepEqual(
      priced("ap-south-1", [
        "fargate.arm.vcpuHour",
        "fargate.arm.gbHour",
        "nat.gb",
        "endpoint.azHour",
        "aurora.serverlessV2AcuHour",
        "aurora.storageGbMonth",
        "aurora.ioMillion",
        "efs.standardGbMonth",
        "cloudwatch.alarmMonth",
        "cloudwatch.logsIngestGb",
        "cloudwatch.logsStorageGbMonth",
        "secretsmanager.secretMonth",
      ]),
      [
        [0.02383, "vCPU-hour", undefined],
        [0.00261, "GB-hour", undefined],
        [0.056, "GB processed", undefined],
        [0.013, "AZ-hour", undefined],
        [0.18, "ACU-hour", undefined],
        [0.11, "GB-month", undefined],
        [0.22, "million I/O requests", undefined],
        [0.33, "GB-month", undefined],
        [0.1, "alarm-month", undefined],
        [0.67, "GB ingested", undefined],
        [0.03, "GB-month stored", undefined],
        [0.4, "secret-month", undefined],
      ],
    );
    assert.equal(usd("ap-south-1", "alb.hour"), 0.0239);
    assert.equal(usd("ap-south-1", "alb.lcuHour"), 0.008);
    // Mumbai's RDS PostgreSQL rows (AmazonRDS ap-south-1 price list, 2026-09; db.t3.micro from a
    // price file whose t4g rows are the same).
    assert.deepEqual(t4g("ap-south-1"), [
      [0.021, undefined],
      [0.042, undefined],
      [0.084, undefined],
    ]);
    assert.deepEqual(
      [rdsInstancePrice(pricesFor("ap-south-1"), "db.t3.micro")].map((p) => [p.usd, p.unit]),
      [[0.026, "instance-hour"]],
    );
    assert.deepEqual(
      (["rds.gp3GbMonth", "rds.backupGbMonth", "rds.snapshotGbMonth"] as const).map((k) =>
        usd("ap-south-1", k),
      ),
      [0.131, 0.095, 0.095],
    );
    assert.equal(usd("ap-south-1", "fargate.x86.vcpuHour"), 0.04256);
    assert.equal(usd("ap-south-1", "fargate.x86.gbHour"), 0.004655);
    // What was found per region (the Spot factor is an assumption everywhere, never borrowed).
    assert.deepEqual(found("ap-southeast-2"), [
      "fargate.x86.vcpuHour",
      "fargate.x86.gbHour",
      "fargate.arm.vcpuHour",
      "fargate.arm.gbHour",
      "fargate.ephemeralGbHour",
      "fargate.spotFactor",
      "alb.hour",
      "alb.lcuHour",
      "nat.hour",
      "nat.gb",
      "publicIpv4.hour",
      "endpoint.azHour",
      "endpoint.gb",
      "rds.gp3GbMonth",
      "rds.gp3IopsMonth",
      "rds.backupGbMonth",
      "rds.snapshotGbMonth",
      "aurora.serverlessV2AcuHour",
      "aurora.storageGbMonth",
      "efs.standardGbMonth",
      "efs.elasticReadGb",
      "efs.elasticWriteGb",
      "efs.provisionedMibpsMonth",
      "cloudwatch.alarmMonth",
      "cloudwatch.highResolutionAlarmMonth",
      "cloudwatch.dashboardMonth",
      "cloudwatch.logsIngestGb",
      "cloudwatch.logsStorageGbMonth",
      "secretsmanager.secretMonth",
    ]);
    assert.deepEqual(
      (
        [
          "fargate.x86.vcpuHour",
          "fargate.x86.gbHour",
          "fargate.arm.vcpuHour",
          "fargate.arm.gbHour",
        ] as const
      ).map((k) => usd("ap-southeast-2", k)),
      [0.04856, 0.00532, 0.03885, 0.00426],
    );
    // Sydney's own figures with their units (Price List offer files, cloudcosttree's Price List
    // data file, the Pricing Calculator's VPC catalog for endpoint data, a bill; 2025-03 to 2026-10).
    assert.deepEqual(
      (
        [
          "alb.hour",
          "alb.lcuHour",
          "nat.hour",
          "nat.gb",
          "endpoint.azHour",
          "endpoint.gb",
          "rds.gp3GbMonth",
          "aurora.serverlessV2AcuHour",
          "aurora.storageGbMonth",
          "efs.standardGbMonth",
          "cloudwatch.alarmMonth",
          "cloudwatch.logsIngestGb",
          "cloudwatch.logsStorageGbMonth",
          "secretsmanager.secretMonth",
        ] as const
      ).map((k) => [usd("ap-southeast-2", k), pricesFor("ap-southeast-2").items[k].unit]),
      [
        [0.0252, "ALB-hour"],
        [0.008, "LCU-hour"],
        [0.059, "gateway-hour"],
        [0.059, "GB processed"],
        [0.013, "AZ-hour"],
        [0.01, "GB processed (first PB)"],
        [0.138, "GB-month"],
        [0.2, "ACU-hour"],
        [0.11, "GB-month"],
        [0.36, "GB-month"],
        [0.1, "alarm-month"],
        [0.67, "GB ingested"],
        [0.033, "GB-month stored"],
        [0.4, "secret-month"],
      ],
    );
    // Sydney's RDS backup storage: the price file's 0.0031232876712328768 per GB-day is $0.095 a
    // GB-month (x 365 / 12); manual snapshots at the same rate.
    assert.deepEqual(priced("ap-southeast-2", ["rds.backupGbMonth", "rds.snapshotGbMonth"]), [
      [0.095, "GB-month beyond the provisioned size", undefined],
      [0.095, "GB-month of manual snapshot", undefined],
    ]);
    assert.match(
      pricesFor("ap-southeast-2").items["rds.backupGbMonth"].source,
      /rds_backup_retention_price_per_gb_day = 0\.0031232876712328768 per GB-day/,
    );
    // Sydney's RDS PostgreSQL single-AZ rows, per instance-hour; db.t3.micro is PostgreSQL's 0.028.
    assert.deepEqual(t4g("ap-southeast-2"), [
      [0.025, undefined],
      [0.051, undefined],
      [0.102, undefined],
    ]);
    const sydneyT3 = rdsInstancePrice(pricesFor("ap-southeast-2"), "db.t3.micro");
    assert.deepEqual(
      [sydneyT3.usd, sydneyT3.unit, sydneyT3.assumedFrom],
      [0.028, "instance-hour", undefined],
    );
    // Frankfurt: its Price List files as public projects and a package's price file quoted them;
    // nothing is borrowed. EFS Elastic throughput per GB read and written (AmazonEFS eu-central-1).
    assert.deepEqual(
      PRICE_KEYS.filter((k) => pricesFor("eu-central-1").items[k].assumedFrom),
      [],
    );
    assert.deepEqual(
      (["efs.elasticReadGb", "efs.elasticWriteGb"] as const).map((k) => [
        usd("eu-central-1", k),
        pricesFor("eu-central-1").items[k].unit,
      ]),
      [
        [0.04, "GB read"],
        [0.07, "GB written"],
      ],
    );
    assert.deepEqual(
      (
        [
          "fargate.arm.vcpuHour",
          "fargate.arm.gbHour",
          "nat.hour",
          "nat.gb",
          "rds.gp3GbMonth",
          "rds.backupGbMonth",
          "aurora.serverlessV2AcuHour",
          "aurora.storageGbMonth",
          "aurora.ioMillion",
          "cloudwatch.logsIngestGb",
          "cloudwatch.logsStorageGbMonth",
        ] as const
      ).map((k) => usd("eu-central-1", k)),
      [0.03725, 0.00409, 0.052, 0.052, 0.137, 0.103, 0.14, 0.119, 0.22, 0.63, 0.0324],
    );
    assert.deepEqual(t4g("eu-central-1"), [
      [0.019, undefined],
      [0.037, undefined],
      [0.074, undefined],
    ]);
    // Frankfurt's load balancer hour (FOCUS line, June 2026 bill) and LCU, interface endpoint hour
    // and first-tier GB (AmazonVPC Price List), EFS Standard (AmazonEFS offer file) and db.t3.micro
    // (PostgreSQL, Single-AZ), with units.
    assert.deepEqual(
      priced("eu-central-1", [
        "alb.hour",
        "alb.lcuHour",
        "endpoint.azHour",
        "endpoint.gb",
        "efs.standardGbMonth",
      ]),
      [
        [0.027, "ALB-hour", undefined],
        [0.008, "LCU-hour", undefined],
        [0.012, "AZ-hour", undefined],
        [0.01, "GB processed (first PB)", undefined],
        [0.36, "GB-month", undefined],
      ],
    );
    assert.deepEqual(rdsPriced("eu-central-1", ["db.t3.micro"]), [
      [0.021, "instance-hour", undefined],
    ]);
    // Oregon: load balancer from its AWSELB offer, RDS and Aurora rows by SKU, alarms, logs and
    // Secrets Manager by rate code, ARM Fargate from GetProducts, NAT and endpoints from the
    // Pricing API, EFS Standard from a package's price file and a unit-test fixture (flagged), EFS
    // Elastic throughput from a design's Price List reading and the Pricing Calculator's catalog.
    assert.deepEqual(found("us-west-2"), [
      "fargate.x86.vcpuHour",
      "fargate.x86.gbHour",
      "fargate.arm.vcpuHour",
      "fargate.arm.gbHour",
      "fargate.ephemeralGbHour",
      "fargate.spotFactor",
      "alb.hour",
      "alb.lcuHour",
      "nat.hour",
      "nat.gb",
      "publicIpv4.hour",
      "endpoint.azHour",
      "endpoint.gb",
      "rds.gp3GbMonth",
      "rds.gp3IopsMonth",
      "rds.backupGbMonth",
      "rds.snapshotGbMonth",
      "aurora.serverlessV2AcuHour",
      "aurora.storageGbMonth",
      "aurora.ioMillion",
      "efs.standardGbMonth",
      "efs.elasticReadGb",
      "efs.elasticWriteGb",
      "efs.provisionedMibpsMonth",
      "cloudwatch.alarmMonth",
      "cloudwatch.highResolutionAlarmMonth",
      "cloudwatch.dashboardMonth",
      "cloudwatch.logsIngestGb",
      "cloudwatch.logsStorageGbMonth",
      "secretsmanager.secretMonth",
      "secretsmanager.per10kCalls",
    ]);
    // ARM vCPU-hour, ARM GB-hour, NAT gateway-hour, NAT GB processed, endpoint AZ-hour, endpoint GB.
    const armNatEndpoint = [
      "fargate.arm.vcpuHour",
      "fargate.arm.gbHour",
      "nat.hour",
      "nat.gb",
      "endpoint.azHour",
      "endpoint.gb",
    ] as const;
    assert.deepEqual(
      armNatEndpoint.map((k) => usd("us-west-2", k)),
      [0.03238, 0.00356, 0.045, 0.045, 0.01, 0.01],
    );
    assert.equal(pricesFor("us-west-2").items["nat.hour"].unit, "gateway-hour");
    // EFS Standard, per GB-month: the package's price file, and the fixture flagged as one.
    const oregonEfs = pricesFor("us-west-2").items["efs.standardGbMonth"];
    assert.deepEqual([oregonEfs.usd, oregonEfs.unit], [0.3, "GB-month"]);
    assert.match(oregonEfs.source, /cloudcosttree.*test fixture/);
    assert.equal(rdsInstancePrice(pricesFor("us-west-2"), "db.t4g.micro").usd, 0.016);
    assert.match(
      rdsInstancePrice(pricesFor("us-west-2"), "db.t4g.micro").source,
      /CT79XNCJJGH56FA8/,
    );
    assert.match(pricesFor("us-west-2").items["cloudwatch.alarmMonth"].source, /SJTFAZNHSW2WVZB2/);
    // RDS PostgreSQL per instance-hour: db.t4g.small and .medium by SKU, db.t3.micro from the
    // package's price file; no Oregon class is borrowed.
    assert.deepEqual(t4g("us-west-2"), [
      [0.016, undefined],
      [0.032, undefined],
      [0.065, undefined],
    ]);
    assert.match(
      rdsInstancePrice(pricesFor("us-west-2"), "db.t4g.medium").source,
      /N2BHMKBGM78G338C/,
    );
    const oregonT3 = rdsInstancePrice(pricesFor("us-west-2"), "db.t3.micro");
    assert.deepEqual(
      [oregonT3.usd, oregonT3.assumedFrom, oregonT3.unit],
      [0.018, undefined, "instance-hour"],
    );
    // Canada: its Price List files as public projects and a package's price file quote them, ARM
    // Fargate also from a bill, Aurora I/O from the pricing pages' feed, EFS Elastic throughput from
    // the Pricing Calculator's EFS catalog: nothing borrowed.
    assert.deepEqual(
      PRICE_KEYS.filter((k) => pricesFor("ca-central-1").items[k].assumedFrom),
      [],
    );
    assert.deepEqual(
      (
        [
          ...armNatEndpoint,
          "rds.gp3GbMonth",
          "rds.backupGbMonth",
          "rds.snapshotGbMonth",
          "aurora.serverlessV2AcuHour",
          "aurora.storageGbMonth",
          "efs.standardGbMonth",
          "cloudwatch.alarmMonth",
          "cloudwatch.logsIngestGb",
          "cloudwatch.logsStorageGbMonth",
          "secretsmanager.secretMonth",
          "secretsmanager.per10kCalls",
        ] as const
      ).map((k) => usd("ca-central-1", k)),
      [
        0.03565, 0.00389, 0.05, 0.05, 0.011, 0.01, 0.127, 0.105, 0.105, 0.14, 0.11, 0.33, 0.1, 0.55,
        0.033, 0.4, 0.05,
      ],
    );
    // Units: backup storage per GB-month beyond the provisioned size, log storage per GB-month,
    // API calls per 10,000.
    const canada = pricesFor("ca-central-1").items;
    assert.deepEqual(
      [
        canada["rds.backupGbMonth"].unit,
        canada["cloudwatch.logsStorageGbMonth"].unit,
        canada["secretsmanager.per10kCalls"].unit,
      ],
      ["GB-month beyond the provisioned size", "GB-month stored", "10,000 API calls"],
    );
    // Aurora Standard I/O: $0.22 per million requests (us-east-1's is $0.20).
    assert.deepEqual(
      [
        canada["aurora.ioMillion"].usd,
        canada["aurora.ioMillion"].unit,
        canada["aurora.ioMillion"].assumedFrom,
      ],
      [0.22, "million I/O requests", undefined],
    );
    // The ACU figure: a recorded fixture, flagged as one, and the package's price file.
    assert.match(canada["aurora.serverlessV2AcuHour"].source, /test fixture.*cloudcosttree/);
    // RDS PostgreSQL per instance-hour, every class of its own.
    assert.deepEqual(t4g("ca-central-1"), [
      [0.018, undefined],
      [0.035, undefined],
      [0.07, undefined],
    ]);
    assert.equal(rdsInstancePrice(pricesFor("ca-central-1"), "db.t3.micro").usd, 0.02);
    // Tokyo: load balancer, LCU and ARM vCPU from its offer files; Aurora Serverless v2 (Aurora
    // Standard), EFS Standard and Secrets Manager of its own.
    assert.deepEqual(
      (["alb.hour", "alb.lcuHour", "fargate.arm.vcpuHour"] as const).map((k) =>
        usd("ap-northeast-1", k),
      ),
      [0.0243, 0.008, 0.04045],
    );
    assert.deepEqual(
      (
        [
          "aurora.serverlessV2AcuHour",
          "efs.standardGbMonth",
          "secretsmanager.secretMonth",
          "secretsmanager.per10kCalls",
        ] as const
      ).map((k) => [usd("ap-northeast-1", k), pricesFor("ap-northeast-1").items[k].assumedFrom]),
      [
        [0.15, undefined],
        [0.36, undefined],
        [0.4, undefined],
        [0.05, undefined],
      ],
    );
    // Tokyo's RDS PostgreSQL rows and Aurora Standard storage and I/O from its RDS price list.
    assert.deepEqual(
      (
        [
          "rds.gp3GbMonth",
          "rds.backupGbMonth",
          "rds.snapshotGbMonth",
          "aurora.storageGbMonth",
          "aurora.ioMillion",
        ] as const
      ).map((k) => usd("ap-northeast-1", k)),
      [0.138, 0.095, 0.095, 0.12, 0.24],
    );
    assert.deepEqual(t4g("ap-northeast-1"), [
      [0.025, undefined],
      [0.05, undefined],
      [0.101, undefined],
    ]);
    assert.equal(rdsInstancePrice(pricesFor("ap-northeast-1"), "db.t3.micro").usd, 0.028);
    // Tokyo's NAT gateway and interface endpoint (APN1-NatGateway-*, APN1-VpcEndpoint-Hours) and
    // CloudWatch alarm and logs (AmazonCloudWatch ap-northeast-1), each in its table unit.
    assert.deepEqual(
      priced("ap-northeast-1", [
        "nat.hour",
        "nat.gb",
        "endpoint.azHour",
        "endpoint.gb",
        "cloudwatch.alarmMonth",
        "cloudwatch.logsIngestGb",
        "cloudwatch.logsStorageGbMonth",
      ]),
      [
        [0.062, "gateway-hour", undefined],
        [0.062, "GB processed", undefined],
        [0.014, "AZ-hour", undefined],
        [0.01, "GB processed (first PB)", undefined],
        [0.1, "alarm-month", undefined],
        [0.76, "GB ingested", undefined],
        [0.033, "GB-month stored", undefined],
      ],
    );
    // Tokyo borrows nothing.
    assert.deepEqual(
      PRICE_KEYS.filter((k) => pricesFor("ap-northeast-1").items[k].assumedFrom),
      [],
    );
    // Ireland: the Price List answers of a public audit (ARM Fargate, NAT, endpoints, RDS storage,
    // EFS, log ingestion), its load balancer from a July 2026 bill and the AWSELB catalog.
    assert.deepEqual(
      (
        [
          ...armNatEndpoint,
          "rds.gp3GbMonth",
          "rds.backupGbMonth",
          "efs.standardGbMonth",
          "cloudwatch.logsIngestGb",
          "alb.hour",
          "alb.lcuHour",
        ] as const
      ).map((k) => usd("eu-west-1", k)),
      [0.03238, 0.00356, 0.048, 0.048, 0.011, 0.01, 0.127, 0.095, 0.33, 0.57, 0.0252, 0.008],
    );
    assert.equal(rdsInstancePrice(pricesFor("eu-west-1"), "db.t4g.micro").usd, 0.017);
    // Ireland's Aurora ACU-hour and I/O (the same scanner's Pricing API reads) and storage (a public
    // price file), alarms, log storage and Secrets Manager (a committed eu-west-1 rate file), with units.
    assert.deepEqual(
      priced("eu-west-1", [
        "aurora.serverlessV2AcuHour",
        "aurora.storageGbMonth",
        "aurora.ioMillion",
        "cloudwatch.alarmMonth",
        "cloudwatch.logsStorageGbMonth",
        "secretsmanager.secretMonth",
        "secretsmanager.per10kCalls",
      ]),
      [
        [0.14, "ACU-hour", undefined],
        [0.11, "GB-month", undefined],
        [0.22, "million I/O requests", undefined],
        [0.1, "alarm-month", undefined],
        [0.03, "GB-month stored", undefined],
        [0.4, "secret-month", undefined],
        [0.05, "10,000 API calls", undefined],
      ],
    );
    // Ireland's EFS Elastic throughput (an AWS re:Post article's eu-west-1 example rates): nothing
    // of Ireland's EFS is borrowed any more.
    assert.deepEqual(priced("eu-west-1", ["efs.elasticReadGb", "efs.elasticWriteGb"]), [
      [0.03, "GB read", undefined],
      [0.07, "GB written", undefined],
    ]);
    // Ireland's RDS PostgreSQL hours: db.t4g.small and medium (a public price file, and a May 2026
    // bill's cost / quantity) and db.t3.micro, per instance-hour.
    assert.deepEqual(rdsPriced("eu-west-1", ["db.t4g.small", "db.t4g.medium", "db.t3.micro"]), [
      [0.035, "instance-hour", undefined],
      [0.069, "instance-hour", undefined],
      [0.02, "instance-hour", undefined],
    ]);
    // One public IPv4 rate in every region, each with its own source (never a borrow).
    for (const region of PRICED_REGIONS) {
      const ip = pricesFor(region).items["publicIpv4.hour"];
      assert.deepEqual([ip.usd, ip.assumedFrom], [0.005, undefined], region);
    }
    assert.deepEqual(
      found("eu-west-2").filter((k) => !k.startsWith("fargate")),
      [
        "alb.hour",
        "alb.lcuHour",
        "nat.hour",
        "nat.gb",
        "publicIpv4.hour",
        "endpoint.azHour",
        "endpoint.gb",
        "rds.gp3GbMonth",
        "rds.gp3IopsMonth",
        "rds.backupGbMonth",
        "rds.snapshotGbMonth",
        "aurora.serverlessV2AcuHour",
        "aurora.storageGbMonth",
        "aurora.ioMillion",
        "efs.standardGbMonth",
        "efs.elasticReadGb",
        "efs.elasticWriteGb",
        "efs.provisionedMibpsMonth",
        "cloudwatch.alarmMonth",
        "cloudwatch.highResolutionAlarmMonth",
        "cloudwatch.dashboardMonth",
        "cloudwatch.logsIngestGb",
        "cloudwatch.logsStorageGbMonth",
        "secretsmanager.secretMonth",
        "secretsmanager.per10kCalls",
      ],
    );
    // London's Aurora Standard rows (the price sheet's later edition, AmazonRDS eu-west-2) and EFS
    // Standard (a public price file), with units.
    assert.deepEqual(
      priced("eu-west-2", [
        "aurora.serverlessV2AcuHour",
        "aurora.storageGbMonth",
        "aurora.ioMillion",
        "efs.standardGbMonth",
      ]),
      [
        [0.14, "ACU-hour", undefined],
        [0.1, "GB-month", undefined],
        [0.2, "million I/O requests", undefined],
        [0.33, "GB-month", undefined],
      ],
    );
  });

  it("carries the figures PRICES.md lists", () => {
    const t = pricesFor("us-east-1");
    assert.equal(t.items["fargate.x86.vcpuHour"].usd, 0.04048);
    assert.equal(t.items["fargate.x86.gbHour"].usd, 0.004445);
    assert.equal(t.items["fargate.arm.vcpuHour"].usd, 0.03238);
    assert.equal(t.items["fargate.arm.gbHour"].usd, 0.00356);
    assert.equal(t.items["alb.hour"].usd, 0.0225);
    assert.equal(t.items["alb.lcuHour"].usd, 0.008);
    assert.equal(t.items["nat.hour"].usd, 0.045);
    assert.equal(t.items["publicIpv4.hour"].usd, 0.005);
    assert.equal(t.items["efs.provisionedMibpsMonth"].usd, 6);
    assert.equal(rdsInstancePrice(t, "db.t4g.small").usd, 0.032);
    assert.equal(rdsInstancePrice(t, "db.t3.micro").usd, 0.018);
  });

  it("says the Spot factor is an assumption", () => {
    const spot = pricesFor("us-east-2").items["fargate.spotFactor"];
    assert.equal(spot.usd, 0.3);
    assert.match(spot.source, /^ASSUMPTION: .*seed 004 uses 0\.3 x on-demand/);
  });

  it("carries us-east-2's own figure for every row", () => {
    const east2 = pricesFor("us-east-2");
    // Checked in us-east-2 (PRICES.md): Fargate, load balancer, NAT, public IPv4, CloudWatch Logs;
    // Secrets Manager from a GetProducts reading for us-east-2.
    for (const key of [
      "fargate.x86.vcpuHour",
      "alb.hour",
      "nat.hour",
      "publicIpv4.hour",
    ] as const) {
      assert.equal(east2.items[key].assumedFrom, undefined, key);
      assert.match(east2.items[key].source, /us-east-2 checked/);
    }
    for (const key of ["secretsmanager.secretMonth", "secretsmanager.per10kCalls"] as const) {
      assert.equal(east2.items[key].assumedFrom, undefined, key);
      assert.match(east2.items[key].source, /regionCode=us-east-2/);
    }
    // Ohio's RDS price list as public projects quoted it: equal to us-east-1's rows.
    assert.deepEqual(
      (
        [
          "rds.gp3GbMonth",
          "rds.backupGbMonth",
          "rds.snapshotGbMonth",
          "aurora.serverlessV2AcuHour",
          "aurora.storageGbMonth",
          "aurora.ioMillion",
        ] as const
      ).map((k) => [east2.items[k].usd, east2.items[k].assumedFrom]),
      [
        [0.115, undefined],
        [0.095, undefined],
        [0.095, undefined],
        [0.12, undefined],
        [0.1, undefined],
        [0.2, undefined],
      ],
    );
    assert.match(east2.items["rds.gp3GbMonth"].source, /us-east-2/);
    assert.deepEqual(
      [
        rdsInstancePrice(east2, "db.t4g.micro").usd,
        rdsInstancePrice(east2, "db.t4g.micro").assumedFrom,
      ],
      [0.016, undefined],
    );
    // A calculator skill's GetProducts readings for us-east-2: Fargate ephemeral storage, EFS
    // storage and throughput, CloudWatch alarms (units: usEast1.ts).
    assert.deepEqual(
      (
        [
          "fargate.ephemeralGbHour", // per GB-hour above the free 20 GB
          "efs.standardGbMonth", // per GB-month
          "efs.elasticReadGb", // per GB read
          "efs.elasticWriteGb", // per GB written
          "efs.provisionedMibpsMonth", // per MiB/s-month
          "cloudwatch.alarmMonth", // per alarm-month
          "cloudwatch.highResolutionAlarmMonth", // per alarm-month
        ] as const
      ).map((k) => [east2.items[k].usd, east2.items[k].assumedFrom]),
      [
        [0.000111, undefined],
        [0.3, undefined],
        [0.03, undefined],
        [0.06, undefined],
        [6, undefined],
        [0.1, undefined],
        [0.3, undefined],
      ],
    );
    assert.match(east2.items["efs.elasticWriteGb"].source, /regionCode=us-east-2/);
    assert.match(east2.items["cloudwatch.highResolutionAlarmMonth"].source, /USE2-CW:HighRes/);
    // A package's price file (its us-east-2 object): endpoint hour, gp3 IOPS, RDS PostgreSQL rows.
    assert.deepEqual(
      [east2.items["endpoint.azHour"].usd, east2.items["rds.gp3IopsMonth"].usd], // AZ-hour, IOPS-month
      [0.01, 0.02],
    );
    assert.deepEqual(
      (["db.t4g.small", "db.t4g.medium", "db.t3.micro"] as const).map((c) => [
        rdsInstancePrice(east2, c).usd, // per instance-hour
        rdsInstancePrice(east2, c).assumedFrom,
      ]),
      [
        [0.032, undefined],
        [0.065, undefined],
        [0.018, undefined],
      ],
    );
    assert.match(rdsInstancePrice(east2, "db.t3.micro").source, /postgres\|\.db\.t3\.micro/);
    // Interface endpoint data, first tier, per GB: the Pricing Calculator's VPC catalog, block
    // "US East (Ohio)". With it, no us-east-2 row is borrowed.
    assert.deepEqual(
      [
        east2.items["endpoint.gb"].usd,
        east2.items["endpoint.gb"].unit,
        east2.items["endpoint.gb"].date,
      ],
      [0.01, "GB processed (first PB)", "2025-11"],
    );
    assert.match(east2.items["endpoint.gb"].source, /block "US East \(Ohio\)"/);
    assert.deepEqual(
      PRICE_KEYS.filter((k) => east2.items[k].assumedFrom),
      [],
    );
    assert.equal(pricesFor("us-east-1").items["rds.gp3GbMonth"].assumedFrom, undefined);
  });

  it("prices a CloudWatch dashboard at one global $3 a dashboard-month in every region", () => {
    // us-east-1, the base, keeps its own (infracost's) source for the same $3.
    for (const region of PRICED_REGIONS.filter((r) => r !== "us-east-1")) {
      const dash = pricesFor(region).items["cloudwatch.dashboardMonth"];
      assert.deepEqual([dash.usd, dash.unit, dash.assumedFrom], [3, "dashboard-month", undefined]);
      assert.match(dash.source, /account-global: the observed catalog declares location=Any/);
    }
  });

  it("carries the regional gp3 IOPS, EFS provisioned throughput, ephemeral storage and high-resolution alarm rates found", () => {
    const keys = [
      "rds.gp3IopsMonth",
      "efs.provisionedMibpsMonth",
      "fargate.ephemeralGbHour",
      "cloudwatch.highResolutionAlarmMonth",
    ] as const;
    assert.deepEqual(
      keys.map((k) => pricesFor("us-east-1").items[k].unit),
      ["IOPS-month above 3,000", "MiB/s-month", "GB-hour above the free 20 GB", "alarm-month"],
    );
    // [IOPS-month, MiB/s-month, GB-hour, alarm-month]; undefined where no source was found.
    const expected: Record<string, (number | undefined)[]> = {
      "us-east-2": [0.02, 6, 0.000111, 0.3],
      "us-west-2": [0.02, 6, 0.000111, 0.3],
      "ca-central-1": [0.022, 6.6, 0.000122, 0.3],
      "eu-west-1": [0.022, 6.6, 0.000122, 0.3],
      "eu-west-2": [0.023, 6.6, 0.000129, 0.3],
      "eu-central-1": [0.024, 7.2, 0.000132, 0.3],
      "ap-south-1": [0.023, 6.6, 0.000127, 0.3],
      "ap-southeast-2": [0.024, 7.2, 0.000133, 0.3],
      "ap-northeast-1": [0.024, 7.2, 0.000133, 0.3],
    };
    for (const [region, figures] of Object.entries(expected)) {
      const t = pricesFor(region);
      assert.deepEqual(
        keys.map((k) => (t.items[k].assumedFrom ? undefined : t.items[k].usd)),
        figures,
        region,
      );
    }
    // Oregon's Elastic throughput read, from a design's Price List API reading; its write, from
    // the Pricing Calculator's EFS catalog (the test below).
    assert.deepEqual(
      (["efs.elasticReadGb", "efs.elasticWriteGb"] as const).map((k) => [
        pricesFor("us-west-2").items[k].usd,
        pricesFor("us-west-2").items[k].unit,
        pricesFor("us-west-2").items[k].assumedFrom,
      ]),
      [
        [0.03, "GB read", undefined],
        [0.06, "GB written", undefined],
      ],
    );
    // Tokyo's EFS Elastic throughput from the Pricing API (an ADR's unit-price table).
    assert.deepEqual(
      (["efs.elasticReadGb", "efs.elasticWriteGb"] as const).map((k) => [
        pricesFor("ap-northeast-1").items[k].usd,
        pricesFor("ap-northeast-1").items[k].unit,
      ]),
      [
        [0.04, "GB read"],
        [0.07, "GB written"],
      ],
    );
    assert.match(
      pricesFor("eu-central-1").items["cloudwatch.highResolutionAlarmMonth"].source,
      /0\.000410958904109589 per alarm-hour, \$0\.30 a month over its 730 hours/,
    );
  });

  it("carries EFS Elastic throughput from the Pricing Calculator's EFS catalog: Oregon's writes, Canada, London, Sydney", () => {
    // [US dollars, unit] per GB read and per GB written, the catalog's rows "EFS Storage Requests
    // Read per GB" / "... Write per GB" in each region's block (published 2025-09-25).
    const elastic = (region: string) =>
      (["efs.elasticReadGb", "efs.elasticWriteGb"] as const).map((k) => {
        const p = pricesFor(region).items[k];
        return [p.usd, p.unit, p.assumedFrom];
      });
    assert.deepEqual(elastic("us-west-2")[1], [0.06, "GB written", undefined]);
    assert.deepEqual(elastic("ca-central-1"), [
      [0.03, "GB read", undefined],
      [0.07, "GB written", undefined],
    ]);
    assert.deepEqual(elastic("eu-west-2"), [
      [0.03, "GB read", undefined],
      [0.07, "GB written", undefined],
    ]);
    // Sydney reads cost more than us-east-1's $0.03, writes more than its $0.06.
    assert.deepEqual(elastic("ap-southeast-2"), [
      [0.04, "GB read", undefined],
      [0.07, "GB written", undefined],
    ]);
    // Each source names the catalog, its publication, the region's block, the row, the rate code
    // and the price as stored.
    const sydneyWrite = pricesFor("ap-southeast-2").items["efs.elasticWriteGb"];
    assert.match(sydneyWrite.source, /meteredUnitMaps\/efs\/USD\/current\/efs\.json/);
    assert.match(sydneyWrite.source, /"hawkFilePublicationDate": "2025-09-25T21:41:39Z"/);
    assert.match(sydneyWrite.source, /lamngockhuong\/aws-price lib\/data\/pricing\/efs\.json/);
    assert.match(
      sydneyWrite.source,
      /block "Asia Pacific \(Sydney\)": "EFS Storage Requests Write per GB" \(Elastic throughput writes: .*\), rateCode 28ED426R7PDNT9TM\.JRTCKXETXF\.6YS6EN2CT7, price "0\.0700000000"$/,
    );
    assert.equal(sydneyWrite.date, "2025-09");
    assert.match(
      pricesFor("ca-central-1").items["efs.elasticReadGb"].source,
      /block "Canada \(Central\)": "EFS Storage Requests Read per GB" .*rateCode TSXZGJJJYZ7WJSAV\.JRTCKXETXF\.6YS6EN2CT7, price "0\.0300000000"$/,
    );
    assert.match(
      pricesFor("eu-west-2").items["efs.elasticWriteGb"].source,
      /block "EU \(London\)": "EFS Storage Requests Write per GB" .*rateCode 4F8QFEJ4KT5Q856J\.JRTCKXETXF\.6YS6EN2CT7, price "0\.0700000000"$/,
    );
    assert.match(
      pricesFor("us-west-2").items["efs.elasticWriteGb"].source,
      /block "US West \(Oregon\)": "EFS Storage Requests Write per GB" .*rateCode JEKCKKT3HNWRF4DZ\.JRTCKXETXF\.6YS6EN2CT7, price "0\.0600000000"$/,
    );
  });

  it("carries Oregon's Fargate ephemeral storage from a priced estimate line", () => {
    const eph = pricesFor("us-west-2").items["fargate.ephemeralGbHour"];
    // $1.62 for 14,600 GB-hours: 0.000111 x 14,600 = 1.6206, the line's cent-rounded figure.
    assert.deepEqual(
      [eph.usd, eph.unit, eph.assumedFrom],
      [0.000111, "GB-hour above the free 20 GB", undefined],
    );
    assert.match(eph.source, /USW2-Fargate-EphemeralStorage-GB-Hours/);
  });

  it("prices every RDS class the stacks may use (model/rds.ts) in every region", () => {
    assert.deepEqual(unpricedDbClasses(), []);
    for (const region of PRICED_REGIONS) {
      for (const cls of Object.keys(DB_CLASSES)) {
        assert.ok(rdsInstancePrice(pricesFor(region), cls).usd > 0);
      }
    }
  });

  it("refuses an unknown region or class with its name, never a zero", () => {
    assert.throws(
      () => pricesFor("eu-west-9"),
      new Error(
        'no prices for region "eu-west-9": the cost model prices us-east-1, us-east-2, us-west-2, ca-central-1, eu-west-1, eu-west-2, eu-central-1, ap-south-1, ap-southeast-2, ap-northeast-1 (add a file for the region to model/prices/regions/)',
      ),
    );
    assert.throws(
      () => rdsInstancePrice(pricesFor("us-east-2"), "db.r5.large"),
      new Error(
        'no price for RDS instance class "db.r5.large" in us-east-2: priced classes are db.t4g.micro, db.t4g.small, db.t4g.medium, db.t3.micro',
      ),
    );
  });
});
