/**
 * The staging stack (Pulumi.staging.yaml and variations) on mocks at a fixed clock, 2026-02-02
 * 12:00Z (06:00 in the stack's America/Chicago): off as shipped (its database paused, there);
 * switched on until 18:00Z; 2 tasks under a ceiling of 3; an always-on instance (dbKind
 * instance); an expired session; the config errors. Each describe runs the program once and
 * shares the records.
 */
import * as assert from "assert";
import { StagingEnv, StagingEnvArgs } from "../../components/stagingEnv";
import { PLATFORM_REFERENCE_KEYS } from "../../components/platformReference";
import type { IdeSettings } from "../../components/ideService";
import { platformOutputsFixture } from "../../preview/program";
import { argsError, policyDocument, serviceSettings, T } from "./helpers";
import { EnvRun, runEnv, runError, SHIPPED_PLACEHOLDERS } from "./envHelpers";

const PROD_STACK = "example-org/pythonide/prod";
const RESOURCE_ID = "service/pythonide-cluster/staging-ide-service";
const STAGING_SECRET = "arn:aws:rds:us-east-2:000000000000:secret:rds!staging-db-cluster";
const STAGING_HOST = "staging-db-cluster.cluster-mock.invalid";
/** 12:00 in America/Chicago (CST, UTC-6) on the test day: 18:00Z, 6 hours after the clock. */
const ACTIVE = { active: "true", activeUntil: "2026-02-02T12:00" };

/** Prod's own database, which staging must never be wired to. */
const PROD_DB = [
  String(platformOutputsFixture().databaseEndpoint).split(":")[0],
  String(platformOutputsFixture().databaseSecretArn),
];

function assertNoProdDatabase(run: EnvRun): void {
  const text = JSON.stringify(run.records.map((r) => r.inputs));
  for (const value of PROD_DB) assert.ok(!text.includes(value), `staging references ${value}`);
}

describe("staging stack (Pulumi.staging.yaml on mocks)", function () {
  // The first run loads @pulumi/aws; the suite also runs without .mocharc.json's timeout.
  this.timeout(600_000);

  describe("as shipped: switched off", function () {
    let run: EnvRun;
    before(async function () {
      run = await runEnv("staging");
    });

    it("reads the platform from the prod stack named by platformStack", function () {
      assert.deepStrictEqual(run.stackReferences, [PROD_STACK]);
      assert.strictEqual(run.all(T.stackComponentStaging).length, 1);
    });

    it("reads only outputs the prod stack exports (the StackReference mock holds exactly those)", function () {
      const exported = Object.keys(platformOutputsFixture());
      for (const key of PLATFORM_REFERENCE_KEYS) assert.ok(exported.includes(key), key);
      assert.ok(!(PLATFORM_REFERENCE_KEYS as readonly string[]).includes("databaseEndpoint"));
      assert.ok(!(PLATFORM_REFERENCE_KEYS as readonly string[]).includes("databaseSecretArn"));
    });

    it("creates the service with desired count 0, on Spot, in the platform's task subnets", function () {
      const svc = run.get(T.service, "staging-ide-service");
      assert.strictEqual(svc.inputs.desiredCount, 0);
      assert.deepStrictEqual(svc.options?.ignoreChanges, ["desiredCount"]);
      assert.deepStrictEqual(svc.inputs.capacityProviderStrategies, [
        { capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 },
      ]);
      assert.deepStrictEqual(svc.inputs.networkConfiguration, {
        subnets: ["subnet-public-a-10.0.0.0-18", "subnet-public-b-10.0.128.0-18"],
        securityGroups: ["sg-tasks-mock"],
        assignPublicIp: true,
      });
      assert.strictEqual(svc.inputs.cluster, platformOutputsFixture().clusterArn);
    });

    it("registers the scalable target at minimum 0 and maximum 0, with no scheduled action", function () {
      const target = run.inputs(T.target, "staging-ide-scaling-target");
      assert.strictEqual(target.minCapacity, 0);
      assert.strictEqual(target.maxCapacity, 0);
      assert.strictEqual(target.resourceId, RESOURCE_ID);
      assert.deepStrictEqual(run.actions(), []);
    });

    it("keeps its database, paused: Aurora Serverless v2 from 0 ACU, the tasks wired to its secret", function () {
      assert.strictEqual(run.all(T.db).length, 0);
      assert.strictEqual(run.all(T.serverlessDatabase).length, 1);
      const cluster = run.inputs(T.dbCluster, "staging-db-cluster");
      assert.deepStrictEqual(cluster.serverlessv2ScalingConfiguration, {
        minCapacity: 0,
        maxCapacity: 1,
        secondsUntilAutoPause: 300,
      });
      // Staging: no deletion protection, so no final snapshot (config default).
      assert.deepStrictEqual(
        [cluster.deletionProtection, cluster.skipFinalSnapshot, cluster.finalSnapshotIdentifier],
        [false, true, undefined],
      );
      assert.strictEqual(cluster.backupRetentionPeriod, 1);
      const env = run.environment("staging-ide-task");
      assert.strictEqual(env.DATABASE_HOST, STAGING_HOST);
      assert.strictEqual(env.DATABASE_PORT, "5432");
      assert.deepStrictEqual(run.secrets("staging-ide-task"), {
        DATABASE_USER: `${STAGING_SECRET}:username::`,
        DATABASE_PASSWORD: `${STAGING_SECRET}:password::`,
      });
      const policy = policyDocument(run.get(T.rolePolicy, "staging-ide-execution-policy"));
      assert.deepStrictEqual(
        policy.Statement.map((s: { Sid: string }) => s.Sid),
        ["WriteOwnLogs", "ReadOwnSecrets"],
      );
      assertNoProdDatabase(run);
    });

    it("runs a 0.5 vCPU / 1 GB task, not in exam mode", function () {
      const td = run.inputs(T.taskDefinition, "staging-ide-task");
      assert.strictEqual(td.cpu, "512");
      assert.strictEqual(td.memory, "1024");
      const env = run.environment("staging-ide-task");
      assert.strictEqual(env.IS_EXAM_MODE, "false");
      assert.strictEqual(env.MAX_CONCURRENT_EXECUTIONS, "20");
    });

    it("keeps its files in its own directory through its own access point", function () {
      const ap = run.inputs(T.accessPoint, "staging-ide-data");
      assert.strictEqual(ap.fileSystemId, "fs-mock");
      assert.strictEqual(ap.rootDirectory.path, "/pythonide/staging");
    });

    it("answers staging.<domain> through a host rule on the prod HTTPS listener", function () {
      const rule = run.inputs(T.listenerRule, "staging-ide-rule");
      assert.strictEqual(rule.listenerArn, platformOutputsFixture().httpsListenerArn);
      assert.strictEqual(rule.priority, 200);
      assert.deepStrictEqual(rule.conditions, [
        { hostHeader: { values: ["staging.ide.example.edu"] } },
      ]);
    });

    it("exports its URL, service, dashboard, that it is off, and its database", function () {
      assert.deepStrictEqual(run.outputs, {
        url: "https://staging.ide.example.edu",
        serviceName: "staging-ide-service",
        dashboardName: "pythonide-staging-ide",
        active: false,
        activeUntil: "off",
        scaling: {
          minTasks: 0,
          maxTasks: 0,
          reason: "staging is off",
          switchOff: "none (staging is off)",
        },
        schedule: [],
        database: { kind: "serverless", endpoint: `${STAGING_HOST}:5432` },
      });
    });
  });

  describe("switched on until 12:00 Chicago (18:00Z)", function () {
    let run: EnvRun;
    before(async function () {
      run = await runEnv("staging", { set: ACTIVE });
    });

    it("raises the target's minimum to 1 (activeTasks) under the ceiling of 2; desired stays 0", function () {
      const target = run.inputs(T.target, "staging-ide-scaling-target");
      assert.deepStrictEqual([target.minCapacity, target.maxCapacity], [1, 2]);
      assert.strictEqual(run.inputs(T.service, "staging-ide-service").desiredCount, 0);
    });

    it("has exactly one scheduled action: at the expiry (UTC) it sets minimum and maximum to 0", function () {
      assert.deepStrictEqual(run.actions(), [
        ["switch-off", "at(2026-02-02T18:00:00)", "UTC", 0, 0],
      ]);
      const action = run.inputs(T.action, "staging-ide-switch-off");
      assert.strictEqual(action.resourceId, RESOURCE_ID);
      assert.strictEqual(action.serviceNamespace, "ecs");
      assert.strictEqual(action.scalableDimension, "ecs:service:DesiredCount");
    });

    it("keeps the same database as while off: switching on changes no database input", async function () {
      const off = await runEnv("staging");
      assert.deepStrictEqual(
        run.inputs(T.dbCluster, "staging-db-cluster"),
        off.inputs(T.dbCluster, "staging-db-cluster"),
      );
      assert.deepStrictEqual(
        run.inputs(T.clusterInstance, "staging-db-writer"),
        off.inputs(T.clusterInstance, "staging-db-writer"),
      );
    });

    it("wires the tasks to the staging database only (host, port, name, RDS-managed secret)", function () {
      const env = run.environment("staging-ide-task");
      assert.strictEqual(env.DATABASE_HOST, STAGING_HOST);
      assert.strictEqual(env.DATABASE_PORT, "5432");
      assert.strictEqual(env.DATABASE_NAME, "pythonide");
      assert.deepStrictEqual(run.secrets("staging-ide-task"), {
        DATABASE_USER: `${STAGING_SECRET}:username::`,
        DATABASE_PASSWORD: `${STAGING_SECRET}:password::`,
      });
      assertNoProdDatabase(run);
    });

    it("exports that it is on, until when, and its database", function () {
      assert.strictEqual(run.outputs.active, true);
      assert.strictEqual(run.outputs.activeUntil, "2026-02-02T18:00Z");
      assert.deepStrictEqual(run.outputs.scaling, {
        minTasks: 1,
        maxTasks: 2,
        reason: "staging is switched on until 2026-02-02T18:00Z (activeUntil)",
        switchOff: "at(2026-02-02T18:00:00) UTC",
      });
      // The switch-off in plain words: 12:00 in Chicago (CST) is 18:00Z.
      assert.deepStrictEqual(run.outputs.schedule, [
        {
          name: "switch-off",
          local: "2026-02-02 12:00 (UTC-06:00) America/Chicago",
          utc: "2026-02-02T18:00Z",
          before: "1/2",
          after: "0/0",
          reason: "staging switches itself off (activeUntil)",
          text: "2026-02-02 12:00 (UTC-06:00) America/Chicago = 2026-02-02T18:00Z: min/max tasks 1/2 -> 0/0, staging switches itself off (activeUntil)",
          schedule: "at(2026-02-02T18:00:00) UTC",
        },
      ]);
      assert.deepStrictEqual(run.outputs.database, {
        kind: "serverless",
        endpoint: `${STAGING_HOST}:5432`,
      });
    });
  });

  describe("switched on for the first time, 2 tasks under a ceiling of 3", function () {
    let run: EnvRun;
    before(async function () {
      run = await runEnv("staging", { set: { ...ACTIVE, activeTasks: "2", maxTasks: "3" } });
    });

    it("sizes the database for 3 tasks: 75 connections still fit 1 ACU (151 below the alarm)", function () {
      const cluster = run.inputs(T.dbCluster, "staging-db-cluster");
      assert.strictEqual(cluster.serverlessv2ScalingConfiguration.maxCapacity, 1);
    });

    it("holds 2 to 3 tasks and still switches to 0/0 at the expiry", function () {
      const target = run.inputs(T.target, "staging-ide-scaling-target");
      assert.deepStrictEqual([target.minCapacity, target.maxCapacity], [2, 3]);
      assert.deepStrictEqual(run.actions(), [
        ["switch-off", "at(2026-02-02T18:00:00)", "UTC", 0, 0],
      ]);
    });
  });

  describe("dbKind instance: an always-on RDS instance, staging off", function () {
    let run: EnvRun;
    before(async function () {
      run = await runEnv("staging", { set: { dbKind: "instance" } });
    });

    it("keeps a db.t4g.micro instance while the service rests at 0/0, and no cluster", function () {
      const db = run.inputs(T.db, "staging-db-instance");
      assert.strictEqual(db.identifier, "staging-db");
      assert.strictEqual(db.instanceClass, "db.t4g.micro");
      assert.strictEqual(db.snapshotIdentifier, undefined);
      assert.strictEqual(run.all(T.dbCluster).length, 0);
      const target = run.inputs(T.target, "staging-ide-scaling-target");
      assert.deepStrictEqual([target.minCapacity, target.maxCapacity], [0, 0]);
      assert.strictEqual(
        run.environment("staging-ide-task").DATABASE_HOST,
        "staging-db-instance.mock.invalid",
      );
      assert.deepStrictEqual(run.outputs.database, {
        kind: "instance",
        endpoint: "staging-db-instance.mock.invalid:5432",
      });
    });
  });

  describe("switched on, but the expiry has passed (the next pulumi up after it)", function () {
    let run: EnvRun;
    before(async function () {
      run = await runEnv("staging", {
        set: { active: "true", activeUntil: "2026-02-02T05:00" },
      });
    });

    it("warns, and is off: 0/0, no scheduled action, its database kept (paused)", function () {
      assert.deepStrictEqual(run.warnings, [
        "staging expired at 2026-02-02T11:00Z (2026-02-02 05:00 in America/Chicago, UTC-06:00) and stays off; to switch it on, set pythonide:activeUntil to a future time at most 12 hours ahead, now before 2026-02-03T00:00Z (2026-02-02 18:00 in America/Chicago, UTC-06:00), and run pulumi up",
        ...SHIPPED_PLACEHOLDERS.staging,
      ]);
      const target = run.inputs(T.target, "staging-ide-scaling-target");
      assert.deepStrictEqual([target.minCapacity, target.maxCapacity], [0, 0]);
      assert.deepStrictEqual(run.actions(), []);
      assert.strictEqual(run.all(T.dbCluster).length, 1);
      assert.strictEqual(run.outputs.active, false);
    });
  });

  describe("config errors stop the run before anything is registered", function () {
    it("an active staging without an expiry", async function () {
      const message = await runError("staging", { set: { active: "true" } });
      assert.strictEqual(
        message,
        'Invalid configuration for stack "staging" (Pulumi.staging.yaml):\n' +
          "  - pythonide:active is true but pythonide:activeUntil is not set: an active staging needs an expiry within 12 hours (maxActiveHours), so a forgotten staging switches itself off",
      );
    });

    it("an expiry further ahead than maxActiveHours", async function () {
      const message = await runError("staging", {
        set: { active: "true", activeUntil: "2026-02-03T06:00" },
      });
      assert.strictEqual(
        message,
        'Invalid configuration for stack "staging" (Pulumi.staging.yaml):\n' +
          '  - pythonide:activeUntil is "2026-02-03T06:00": 24.0 hours ahead, but staging may be active for at most 12 hours (maxActiveHours): use a time before 2026-02-03T00:00Z (2026-02-02 18:00 in America/Chicago, UTC-06:00), or raise pythonide:maxActiveHours to 24 (at most 168) and, in the same change, the staging-scales-to-zero policy\'s maxActiveHours to 24 in the policy config file given to pulumi preview and pulumi up with --policy-pack-config (npm start: --policy-config), {"staging-scales-to-zero": {"maxActiveHours": 24}}',
      );
    });

    it("a prod stack that does not export an output staging reads", async function () {
      const outputs = platformOutputsFixture();
      delete outputs.httpsListenerArn;
      const message = await runError("staging", { platformOutputs: outputs });
      assert.strictEqual(
        message,
        'error serializing property "listenerArn": StackReference "staging-platform": the prod stack example-org/pythonide/prod does not export the output httpsListenerArn, which this stack wires into its resources. Run pulumi up on the prod stack (its outputs are written by a successful update of the current program; pulumi stack output --stack example-org/pythonide/prod lists them), check that platformStack names it, then run this update again.',
      );
    });
  });
});

describe("StagingEnv argument checks", function () {
  const service = (overrides: Partial<IdeSettings> = {}): IdeSettings =>
    serviceSettings({
      cpu: 512,
      memory: 1024,
      minCapacity: 0,
      desiredCount: 0,
      maxCapacity: 0,
      capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 }],
      retentionInDays: 7,
      ...overrides,
    });
  const args = (overrides: Partial<StagingEnvArgs> = {}): StagingEnvArgs => ({
    platformStack: PROD_STACK,
    host: "staging.ide.example.edu",
    service: service(),
    staging: { active: false, maxActiveHours: 12, activeTasks: 1 },
    database: {
      kind: "instance",
      instanceClass: "db.t4g.micro",
      allocatedStorage: 20,
      backupRetentionPeriod: 1,
      deletionProtection: false,
      multiAz: false,
    },
    ...overrides,
  });
  const problems = (a: StagingEnvArgs): string[] =>
    argsError(() => new StagingEnv("staging", a)).problems;

  it("refuses a nonzero desired count", function () {
    assert.deepStrictEqual(
      problems(args({ service: service({ desiredCount: 1, maxCapacity: 1, minCapacity: 0 }) })),
      [
        "args.service.desiredCount is 1: must be 0: a staging service never holds tasks by its own count; its scalable target does while staging is on",
        "args.service.minCapacity 0 and maxCapacity 1: a staging that is off must have minCapacity 0 and maxCapacity 0",
      ],
    );
  });

  it("refuses an active staging without an expiry", function () {
    assert.deepStrictEqual(
      problems(
        args({
          service: service({ minCapacity: 1, maxCapacity: 2 }),
          staging: { active: true, maxActiveHours: 12, activeTasks: 1 },
        }),
      ),
      [
        "args.staging.active is true but args.staging.activeUntil is not set: an active staging needs an expiry, so it switches itself off",
      ],
    );
  });

  it("refuses a platform stack that is not org/project/stack", function () {
    assert.deepStrictEqual(problems(args({ platformStack: "prod" })), [
      'args.platformStack is "prod": must be a fully qualified stack name, org/project/stack (for example acme/pythonide/prod)',
    ]);
  });
});
