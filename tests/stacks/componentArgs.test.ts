/**
 * stacks/componentArgs.ts: the one mapping from the config keys users write to the IdeService
 * settings under AWS's names and units.
 */
import * as assert from "assert";
import { parseStackConfig } from "../../model/config";
import { databaseSettings, ideSettings, platformSettings } from "../../stacks/componentArgs";
import { changedConfig, NOW } from "../components/helpers";

describe("stacks: config -> IdeService settings (AWS names)", function () {
  it("maps Pulumi.prod.yaml: taskCpu/taskMemory in CPU units and MiB, min/desired/maxTasks as capacities", function () {
    const config = parseStackConfig("prod", changedConfig("prod"), NOW);
    assert.deepStrictEqual(ideSettings(config.service), {
      image: "registry.example.com/pythonide:2025.10.1",
      cpu: 512,
      memory: 2048,
      cpuArchitecture: "X86_64",
      desiredCount: 1,
      minCapacity: 1,
      maxCapacity: 16,
      capacityProviderStrategies: [{ capacityProvider: "FARGATE", base: 0, weight: 1 }],
      cpuTargetValue: 60,
      memoryTargetValue: 70,
      retentionInDays: 30,
      app: config.service.app,
    });
  });

  it("turns capacityProvider spot-with-base, onDemandBase 2, spotWeight 5 into two strategy items", function () {
    const config = parseStackConfig(
      "prod",
      changedConfig("prod", {
        capacityProvider: "spot-with-base",
        onDemandBase: "2",
        spotWeight: "5",
        cpuArchitecture: "ARM64",
        logRetentionDays: "14",
        cookieSecret: { secret: "0123456789abcdef0123456789abcdef" },
      }),
      NOW,
    );
    const settings = ideSettings(config.service);
    assert.deepStrictEqual(settings.capacityProviderStrategies, [
      { capacityProvider: "FARGATE", base: 2, weight: 1 },
      { capacityProvider: "FARGATE_SPOT", base: 0, weight: 5 },
    ]);
    assert.strictEqual(settings.cpuArchitecture, "ARM64");
    assert.strictEqual(settings.retentionInDays, 14);
    assert.strictEqual(settings.cookieSecret, "0123456789abcdef0123456789abcdef");
  });

  it("maps the prod platform: vpcCidr, availabilityZones, efsThroughputMode and efsProvisionedMibps", function () {
    const shipped = parseStackConfig("prod", changedConfig("prod"), NOW);
    assert.deepStrictEqual(platformSettings(shipped.platform!), {
      cidrBlock: "10.0.0.0/16",
      numberOfAvailabilityZones: 2,
      natStrategy: "none",
      certificateArn:
        "arn:aws:acm:us-east-2:000000000000:certificate/00000000-0000-0000-0000-000000000000",
      throughputMode: "elastic",
    });
    const changed = parseStackConfig(
      "prod",
      changedConfig("prod", {
        vpcCidr: "10.20.0.0/20",
        availabilityZones: "3",
        natStrategy: "one-per-az",
        efsThroughputMode: "provisioned",
        efsProvisionedMibps: "64",
      }),
      NOW,
    );
    assert.deepStrictEqual(platformSettings(changed.platform!), {
      cidrBlock: "10.20.0.0/20",
      numberOfAvailabilityZones: 3,
      natStrategy: "one-per-az",
      certificateArn:
        "arn:aws:acm:us-east-2:000000000000:certificate/00000000-0000-0000-0000-000000000000",
      throughputMode: "provisioned",
      provisionedThroughputInMibps: 64,
    });
  });

  it("maps the databases: dbAllocatedStorageGb, dbBackupRetentionDays, dbMaxCapacityAcu and the pause delay", function () {
    const prod = parseStackConfig("prod", changedConfig("prod"), NOW);
    assert.deepStrictEqual(databaseSettings(prod.database), {
      kind: "instance",
      instanceClass: prod.database.instanceClass,
      allocatedStorage: 20,
      backupRetentionPeriod: 7,
      deletionProtection: true,
      multiAz: false,
    });
    const staging = parseStackConfig(
      "staging",
      changedConfig("staging", { dbMaxCapacityAcu: "2", dbAutoPauseMinutes: "15" }),
      NOW,
    );
    const settings = databaseSettings(staging.database);
    assert.strictEqual(settings.kind, "serverless");
    assert.strictEqual(settings.backupRetentionPeriod, 1);
    assert.deepStrictEqual(settings.serverless, { maxCapacity: 2, secondsUntilAutoPause: 900 });
  });
});
