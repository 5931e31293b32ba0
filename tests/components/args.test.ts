/**
 * Component argument checks (they run before anything is registered, so no mocks are needed)
 * and the components' pure helpers.
 */
import * as assert from "assert";
import { Database, DatabaseArgs } from "../../components/database";
import { IdeService } from "../../components/ideService";
import { Platform, PlatformArgs } from "../../components/platform";
import { ServerlessDatabase } from "../../components/serverlessDatabase";
import { capacityProviderStrategy } from "../../model/fargate";
import { ecrRepositoryArn, parseEcrImage } from "../../model/image";
import { ideArgs } from "./direct";
import { argsError, serviceSettings } from "./helpers";

describe("component arguments", function () {
  describe("IdeService", function () {
    it("refuses a CPU/memory pair Fargate does not offer, naming the valid memory", function () {
      const err = argsError(
        () => new IdeService("ide-test", ideArgs({ service: serviceSettings({ memory: 1024 }) })),
      );
      assert.strictEqual(
        err.message,
        'IdeService "ide-test" has invalid arguments:\n' +
          "  - args.service.cpu 1024 / args.service.memory 1024: memory 1024 MiB is not offered with CPU 1024; valid memory is 2048 to 8192 MiB in steps of 1024",
      );
    });

    it("refuses a name whose autonamed target group AWS would refuse (22 characters: 33 with the suffix)", function () {
      const name = "ide-exam-cs101-section"; // 22 characters
      const err = argsError(() => new IdeService(name, ideArgs()));
      assert.deepStrictEqual(err.problems, [
        'the target group name the provider generates, "ide-exam-cs101-section-tg-xxxxxxx" (logical name "ide-exam-cs101-section-tg" + "-" + 7 random characters), is 33 characters; AWS allows 1 to 32 (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html)',
      ]);
    });

    it("refuses a host that is not a host name", function () {
      const err = argsError(() => new IdeService("ide-test", ideArgs({ host: "not a host" })));
      assert.deepStrictEqual(err.problems, [
        'args.host is "not a host": must be a host name such as ide.example.edu',
      ]);
    });

    it("refuses an unknown environment", function () {
      const err = argsError(
        () => new IdeService("ide-test", ideArgs({ environment: "dev" as "prod" })),
      );
      assert.deepStrictEqual(err.problems, [
        'args.environment is "dev": must be one of prod, staging, exam',
      ]);
    });

    it("refuses a floor above the ceiling", function () {
      const err = argsError(
        () =>
          new IdeService(
            "ide-test",
            ideArgs({
              service: serviceSettings({ minCapacity: 3, desiredCount: 3, maxCapacity: 2 }),
            }),
          ),
      );
      assert.deepStrictEqual(err.problems, [
        "args.service.minCapacity 3, desiredCount 3 and maxCapacity 2: minCapacity and desiredCount must not exceed maxCapacity",
      ]);
    });

    it("refuses a short cookie secret without echoing it", function () {
      const err = argsError(
        () =>
          new IdeService(
            "ide-test",
            ideArgs({ service: serviceSettings({ cookieSecret: "hunter2" }) }),
          ),
      );
      assert.deepStrictEqual(err.problems, [
        "args.service.cookieSecret is [secret]: must be at least 32 characters",
      ]);
      assert.ok(!err.message.includes("hunter2"));
    });

    it("lists every problem at once", function () {
      const err = argsError(
        () =>
          new IdeService(
            "ide test",
            ideArgs({
              listenerRulePriority: 0,
              service: serviceSettings({
                retentionInDays: 10,
                cpuTargetValue: 95,
                image: "Bad Image",
              }),
            }),
          ),
      );
      assert.deepStrictEqual(err.problems, [
        'the name "ide test" must be letters, digits, hyphens and underscores, at most 40 characters (it names the dashboard, log group and task family)',
        'args.service.image is "Bad Image": must be an image reference such as registry.example.com/pythonide:1.4.2',
        "args.service.cpuTargetValue is 95: must be a whole number from 10 to 90",
        "args.service.retentionInDays is 10: must be a retention CloudWatch accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
        "args.listenerRulePriority is 0: must be a whole number from 1 to 50000",
      ]);
    });

    it("checks each capacity provider strategy item against the config ranges of onDemandBase and spotWeight", function () {
      const err = argsError(
        () =>
          new IdeService(
            "ide-test",
            ideArgs({
              host: "bad host",
              service: serviceSettings({
                capacityProviderStrategies: [
                  { capacityProvider: "FARGATE", base: -1, weight: 1 },
                  { capacityProvider: "FARGATE_SPOT", base: 0, weight: 0 },
                ],
              }),
            }),
          ),
      );
      assert.deepStrictEqual(err.problems, [
        'args.host is "bad host": must be a host name such as ide.example.edu',
        "args.service.capacityProviderStrategies[0].base is -1: must be a whole number from 0 to 100",
        "args.service.capacityProviderStrategies[1].weight is 0: must be a whole number from 1 to 100",
      ]);
    });

    it("refuses a capacity provider other than Fargate's, a repeated one and an empty strategy", function () {
      const strategy = (capacityProviderStrategies: unknown) =>
        argsError(
          () =>
            new IdeService(
              "ide-test",
              ideArgs({
                service: serviceSettings({
                  capacityProviderStrategies: capacityProviderStrategies as [],
                }),
              }),
            ),
        ).problems;
      assert.deepStrictEqual(
        strategy([
          { capacityProvider: "EC2", base: 0, weight: 1 },
          { capacityProvider: "EC2", base: 0, weight: 1 },
        ]),
        [
          'args.service.capacityProviderStrategies is ["EC2","EC2"]: must name each capacity provider at most once',
          'args.service.capacityProviderStrategies[0].capacityProvider is "EC2": must be one of FARGATE, FARGATE_SPOT',
          'args.service.capacityProviderStrategies[1].capacityProvider is "EC2": must be one of FARGATE, FARGATE_SPOT',
        ],
      );
      assert.deepStrictEqual(strategy([]), [
        "args.service.capacityProviderStrategies is []: must name FARGATE, FARGATE_SPOT or both",
      ]);
    });

    it("takes its ranges from the config schema: spotWeight 101 is refused, as in config", function () {
      // IdeService once allowed 1-1000 while the config allowed 1-100.
      const err = argsError(
        () =>
          new IdeService(
            "ide-test",
            ideArgs({
              service: serviceSettings({
                capacityProviderStrategies: [
                  { capacityProvider: "FARGATE", base: 1, weight: 1 },
                  { capacityProvider: "FARGATE_SPOT", base: 0, weight: 101 },
                ],
              }),
            }),
          ),
      );
      assert.deepStrictEqual(err.problems, [
        "args.service.capacityProviderStrategies[1].weight is 101: must be a whole number from 1 to 100",
      ]);
    });
  });

  describe("Platform", function () {
    const platformArgs = (p: Partial<PlatformArgs["platform"]>): PlatformArgs => ({
      environment: "prod",
      platform: {
        numberOfAvailabilityZones: 2,
        cidrBlock: "10.0.0.0/16",
        natStrategy: "none",
        certificateArn:
          "arn:aws:acm:us-east-2:000000000000:certificate/00000000-0000-0000-0000-000000000000",
        throughputMode: "elastic",
        ...p,
      },
      database: {
        kind: "instance",
        instanceClass: "db.t4g.small",
        allocatedStorage: 20,
        backupRetentionPeriod: 7,
        deletionProtection: true,
        multiAz: false,
      },
    });

    it("refuses a public VPC range, an unknown NAT strategy, one zone and provisioned EFS without a rate", function () {
      const err = argsError(
        () =>
          new Platform(
            "pythonide",
            platformArgs({
              cidrBlock: "8.8.0.0/16",
              natStrategy: "nat" as "none",
              numberOfAvailabilityZones: 1,
              throughputMode: "provisioned",
            }),
          ),
      );
      assert.deepStrictEqual(err.problems, [
        'args.platform.cidrBlock is "8.8.0.0/16": must be a private IPv4 range (10/8, 172.16/12 or 192.168/16) from /16 to /22, such as 10.0.0.0/16',
        "args.platform.numberOfAvailabilityZones is 1: must be a whole number from 2 to 4",
        'args.platform.natStrategy is "nat": must be one of none, single, one-per-az',
        "args.platform.provisionedThroughputInMibps is undefined: must be a whole number from 1 to 1024",
      ]);
    });

    it("refuses a certificate that is not an ACM ARN", function () {
      const err = argsError(
        () => new Platform("pythonide", platformArgs({ certificateArn: "cert-1" })),
      );
      assert.deepStrictEqual(err.problems, [
        'args.platform.certificateArn is "cert-1": must be an ACM certificate ARN, arn:aws:acm:<region>:<account>:certificate/<id>',
      ]);
    });
  });

  describe("Database", function () {
    const dbArgs = (overrides: Partial<DatabaseArgs> = {}): DatabaseArgs => ({
      environment: "staging",
      settings: {
        kind: "instance",
        instanceClass: "db.t4g.micro",
        allocatedStorage: 20,
        backupRetentionPeriod: 1,
        deletionProtection: false,
        multiAz: false,
      },
      subnetGroupName: "pythonide-db-subnets",
      securityGroupIds: ["sg-db"],
      alarmTopicArn: "arn:aws:sns:us-east-2:000000000000:alarms",
      ...overrides,
    });

    it("refuses a class without a known connection limit and a bad identifier", function () {
      const err = argsError(
        () =>
          new Database(
            "Staging_DB",
            dbArgs({ settings: { ...dbArgs().settings, instanceClass: "db.m5.large" } }),
          ),
      );
      assert.deepStrictEqual(err.problems, [
        'the name "Staging_DB" must be lower-case letters, digits and single hyphens, starting with a letter, at most 50 characters (it names the RDS instance)',
        'args.settings.instanceClass is "db.m5.large": must be one of db.t4g.micro, db.t4g.small, db.t4g.medium, db.t3.micro',
      ]);
    });

    it("refuses a database name PostgreSQL would not accept", function () {
      const err = argsError(
        () => new Database("staging-db", dbArgs({ databaseName: "pythonide-staging" })),
      );
      assert.deepStrictEqual(err.problems, [
        'args.databaseName is "pythonide-staging": must start with a letter and hold only letters, digits and underscores (at most 63)',
      ]);
    });
  });
});

describe("capacity provider strategies", function () {
  it("on-demand: FARGATE only", function () {
    assert.deepStrictEqual(
      capacityProviderStrategy({ strategy: "on-demand", onDemandBase: 3, spotWeight: 4 }),
      [{ capacityProvider: "FARGATE", base: 0, weight: 1 }],
    );
  });
  it("spot: FARGATE_SPOT only", function () {
    assert.deepStrictEqual(
      capacityProviderStrategy({ strategy: "spot", onDemandBase: 3, spotWeight: 4 }),
      [{ capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 }],
    );
  });
  it("spot-with-base: the base on FARGATE, then spotWeight Spot tasks per on-demand one", function () {
    assert.deepStrictEqual(
      capacityProviderStrategy({ strategy: "spot-with-base", onDemandBase: 1, spotWeight: 4 }),
      [
        { capacityProvider: "FARGATE", base: 1, weight: 1 },
        { capacityProvider: "FARGATE_SPOT", base: 0, weight: 4 },
      ],
    );
  });
});

describe("ECR image references", function () {
  it("finds the registry, region and repository of an ECR image", function () {
    const image = parseEcrImage("000000000000.dkr.ecr.us-east-2.amazonaws.com/team/pythonide:1.2");
    assert.deepStrictEqual(image, {
      registryId: "000000000000",
      region: "us-east-2",
      repository: "team/pythonide",
    });
    assert.strictEqual(
      ecrRepositoryArn(image!),
      "arn:aws:ecr:us-east-2:000000000000:repository/team/pythonide",
    );
  });
  it("reads a digest-pinned ECR image", function () {
    const digest = "a".repeat(64);
    assert.strictEqual(
      parseEcrImage(`000000000000.dkr.ecr.eu-west-1.amazonaws.com/pythonide@sha256:${digest}`)
        ?.repository,
      "pythonide",
    );
  });
  it("returns undefined for images outside ECR", function () {
    assert.strictEqual(parseEcrImage("registry.example.com/pythonide:2025.10.1"), undefined);
    assert.strictEqual(parseEcrImage("python:3.12"), undefined);
  });

  describe("ServerlessDatabase", function () {
    const args = (settings: Partial<DatabaseArgs["settings"]> = {}, engineVersion?: string) => ({
      environment: "exam",
      settings: {
        kind: "serverless" as const,
        instanceClass: "db.t4g.small",
        allocatedStorage: 20,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        multiAz: false,
        serverless: { maxCapacity: 4, secondsUntilAutoPause: 300 },
        ...settings,
      },
      subnetGroupName: "pythonide-db-subnets",
      securityGroupIds: ["sg-db"],
      alarmTopicArn: "arn:aws:sns:us-east-2:000000000000:alarms",
      engineVersion,
    });

    it("refuses an engine version that cannot pause (16.2), or one without its minor (16)", function () {
      for (const version of ["16.2", "16", "12.20"]) {
        const err = argsError(() => new ServerlessDatabase("exam-db", args({}, version)));
        assert.deepStrictEqual(err.problems, [
          `args.engineVersion is "${version}": must be an Aurora PostgreSQL major.minor version that accepts a minimum of 0 ACU: 13.15, 14.12, 15.7, 16.3 or later within its major version, or 17 and later`,
        ]);
      }
    });

    it("refuses a capacity and a pause delay outside the schema's ranges, and an instance kind", function () {
      const err = argsError(
        () =>
          new ServerlessDatabase(
            "exam-db",
            args({ serverless: { maxCapacity: 0, secondsUntilAutoPause: 60 } }),
          ),
      );
      assert.deepStrictEqual(err.problems, [
        "args.settings.serverless.maxCapacity is 0: must be a whole number from 1 to 256",
        "args.settings.serverless.secondsUntilAutoPause / 60 is 1: must be a whole number from 5 to 1440",
      ]);
      const kind = argsError(() => new ServerlessDatabase("exam-db", args({ kind: "instance" })));
      assert.deepStrictEqual(kind.problems, [
        'args.settings.kind is "instance": must be "serverless" with settings.serverless set (model/config/read.ts sets both for dbKind serverless)',
      ]);
    });
  });
});
