/**
 * The exam stack (Pulumi.exam.yaml and variations) on mocks at a fixed clock, 2026-02-02 12:00Z:
 * the shipped two windows (America/Chicago, after the 2027 daylight-saving change); a window in
 * its own time zone, one under way and one already over; a platform with one subnet. Each
 * describe runs the program once and shares the records.
 */
import * as assert from "assert";
import { ExamEnv, ExamEnvArgs } from "../../components/examEnv";
import { standardTags } from "../../components/tags";
import { examTasks, serverlessMaxAcu, studentsPerTask } from "../../model/capacity";
import { estimate, servicesOf } from "../../model/cost";
import { pricesFor } from "../../model/prices";
import { platformOutputsFixture } from "../../preview/program";
import { argsError, NOW, serviceSettings, T } from "./helpers";
import { EnvRun, runEnv, runError, SHIPPED_PLACEHOLDERS } from "./envHelpers";

const PROD_STACK = "example-org/pythonide/prod";

const near = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);
const RESOURCE_ID = "service/pythonide-cluster/exam-ide-service";
const EXAM_SECRET = "arn:aws:rds:us-east-2:000000000000:secret:rds!exam-db-cluster";
const EXAM_DB_HOST = "exam-db-cluster.cluster-mock.invalid";

/** Prod's own database, which the exam must never be wired to. */
const PROD_DB = [
  String(platformOutputsFixture().databaseEndpoint).split(":")[0],
  String(platformOutputsFixture().databaseSecretArn),
];

describe("exam stack (Pulumi.exam.yaml on mocks)", function () {
  // The first run loads @pulumi/aws; the suite also runs without .mocharc.json's timeout.
  this.timeout(600_000);

  describe("as shipped: cs101-midsem and cs101-final in America/Chicago", function () {
    let run: EnvRun;
    before(async function () {
      run = await runEnv("exam");
    });

    it("plans 4 and 6 tasks: 120 and 180 students at 31 students per 1-vCPU task", function () {
      // Hand-computed: 0.60 vCPU / (0.65 / 34) = 31.4 -> 31; ceil(120 / 31) = 4; ceil(180 / 31) = 6.
      assert.strictEqual(studentsPerTask(1024, 60), 31);
      assert.deepStrictEqual([examTasks(120, 31), examTasks(180, 31)], [4, 6]);
    });

    it("schedules each window at the right UTC instants (CDT, UTC-5), 60 min lead, 30 min grace", function () {
      // 09:00-11:00 and 13:00-16:00 Chicago after 2027-03-14 are 14:00-16:00Z and 18:00-21:00Z.
      assert.deepStrictEqual(run.actions(), [
        ["cs101-midsem-scale-up", "at(2027-03-16T13:00:00)", "UTC", 4, 10],
        ["cs101-midsem-scale-down", "at(2027-03-16T16:30:00)", "UTC", 0, 10],
        ["cs101-final-scale-up", "at(2027-06-08T17:00:00)", "UTC", 6, 10],
        ["cs101-final-scale-down", "at(2027-06-08T21:30:00)", "UTC", 0, 10],
      ]);
      for (const action of run.all(T.action)) {
        assert.strictEqual(action.inputs.resourceId, RESOURCE_ID);
        assert.strictEqual(action.inputs.serviceNamespace, "ecs");
        assert.strictEqual(action.inputs.scalableDimension, "ecs:service:DesiredCount");
      }
    });

    it("rests at the idle floor of 0 between exams, under the ceiling of 10", function () {
      const target = run.inputs(T.target, "exam-ide-scaling-target");
      assert.deepStrictEqual([target.minCapacity, target.maxCapacity], [0, 10]);
      assert.strictEqual(target.resourceId, RESOURCE_ID);
      assert.strictEqual(run.inputs(T.service, "exam-ide-service").desiredCount, 0);
    });

    it("runs on-demand tasks in both availability zones' subnets", function () {
      const svc = run.inputs(T.service, "exam-ide-service");
      assert.deepStrictEqual(svc.capacityProviderStrategies, [
        { capacityProvider: "FARGATE", base: 0, weight: 1 },
      ]);
      assert.deepStrictEqual(svc.networkConfiguration, {
        subnets: ["subnet-public-a-10.0.0.0-18", "subnet-public-b-10.0.128.0-18"],
        securityGroups: ["sg-tasks-mock"],
        assignPublicIp: true,
      });
    });

    it("runs the IDE in exam mode with seed 001's limits", function () {
      const env = run.environment("exam-ide-task");
      assert.strictEqual(env.IS_EXAM_MODE, "true");
      assert.strictEqual(env.MAX_CONCURRENT_EXECUTIONS, "60");
      assert.strictEqual(env.EXECUTION_TIMEOUT, "30");
      assert.strictEqual(env.MEMORY_LIMIT_MB, "128");
      const td = run.inputs(T.taskDefinition, "exam-ide-task");
      assert.deepStrictEqual([td.cpu, td.memory], ["1024", "2048"]);
    });

    it("has its own Aurora Serverless v2 cluster: from 0 ACU (paused) to 4, encrypted, protected, a final snapshot", function () {
      // Planner: maxTasks 10 x 25 connections = 250 > 0.8 x 189 (1 ACU), <= 0.8 x 823 (4 ACUs).
      assert.strictEqual(serverlessMaxAcu(10, 25), 4);
      const tags = standardTags("exam", "database");
      const cluster = run.get(T.dbCluster, "exam-db-cluster");
      assert.deepStrictEqual(cluster.inputs, {
        clusterIdentifier: "exam-db",
        engine: "aurora-postgresql",
        engineMode: "provisioned",
        engineVersion: "16.6",
        serverlessv2ScalingConfiguration: {
          minCapacity: 0,
          maxCapacity: 4,
          secondsUntilAutoPause: 300,
        },
        databaseName: "pythonide",
        masterUsername: "pythonide_admin",
        manageMasterUserPassword: true,
        storageEncrypted: true,
        port: 5432,
        dbSubnetGroupName: "pythonide-db-subnets",
        vpcSecurityGroupIds: ["sg-db-mock"],
        backupRetentionPeriod: 14,
        copyTagsToSnapshot: true,
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "exam-db-final",
        tags,
      });
      assert.deepStrictEqual(cluster.options?.ignoreChanges, ["engineVersion"]);
      assert.deepStrictEqual(run.inputs(T.clusterInstance, "exam-db-writer"), {
        identifier: "exam-db-writer",
        clusterIdentifier: "exam-db-cluster-id",
        instanceClass: "db.serverless",
        engine: "aurora-postgresql",
        engineVersion: "16.6",
        dbSubnetGroupName: "pythonide-db-subnets",
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        tags,
      });
      assert.strictEqual(run.all(T.db).length, 0);
    });

    it("alarms on the cluster's CPU and connections (80% of the 823 at 4 ACU), quiet while paused", function () {
      const connections = run.inputs(T.alarm, "exam-db-connections-high");
      assert.deepStrictEqual(connections.dimensions, { DBClusterIdentifier: "exam-db" });
      assert.strictEqual(connections.threshold, 658);
      assert.strictEqual(connections.treatMissingData, "notBreaching");
      const cpu = run.inputs(T.alarm, "exam-db-cpu-high");
      assert.deepStrictEqual([cpu.metricName, cpu.threshold], ["CPUUtilization", 80]);
      assert.deepStrictEqual(cpu.dimensions, { DBClusterIdentifier: "exam-db" });
    });

    it("wires the tasks to the cluster's managed secret and its own data directory, never prod's", function () {
      const env = run.environment("exam-ide-task");
      assert.strictEqual(env.DATABASE_HOST, EXAM_DB_HOST);
      assert.strictEqual(env.DATABASE_PORT, "5432");
      assert.deepStrictEqual(run.secrets("exam-ide-task"), {
        DATABASE_USER: `${EXAM_SECRET}:username::`,
        DATABASE_PASSWORD: `${EXAM_SECRET}:password::`,
      });
      assert.strictEqual(
        run.inputs(T.accessPoint, "exam-ide-data").rootDirectory.path,
        "/pythonide/exam",
      );
      const text = JSON.stringify(run.records.map((r) => r.inputs));
      for (const value of PROD_DB) assert.ok(!text.includes(value), `exam references ${value}`);
    });

    it("answers exam.<domain> on the prod listener, read from the prod stack named by platformStack", function () {
      assert.deepStrictEqual(run.stackReferences, [PROD_STACK]);
      assert.strictEqual(run.all(T.stackComponentExam).length, 1);
      const rule = run.inputs(T.listenerRule, "exam-ide-rule");
      assert.strictEqual(rule.listenerArn, platformOutputsFixture().httpsListenerArn);
      assert.strictEqual(rule.priority, 300);
      assert.deepStrictEqual(rule.conditions, [
        { hostHeader: { values: ["exam.ide.example.edu"] } },
      ]);
    });

    it("exports its URL, service, dashboard, windows and schedule", function () {
      assert.deepStrictEqual(
        {
          url: run.outputs.url,
          serviceName: run.outputs.serviceName,
          dashboardName: run.outputs.dashboardName,
          databaseEndpoint: run.outputs.databaseEndpoint,
          scaling: run.outputs.scaling,
          skippedWindows: run.outputs.skippedWindows,
        },
        {
          url: "https://exam.ide.example.edu",
          serviceName: "exam-ide-service",
          dashboardName: "pythonide-exam-ide",
          databaseEndpoint: `${EXAM_DB_HOST}:5432`,
          scaling: { minTasks: 0, maxTasks: 10, reason: "the idle floor: no exam under way" },
          skippedWindows: [],
        },
      );
      assert.deepStrictEqual((run.outputs.windows as any[])[0], {
        name: "cs101-midsem",
        start: "2027-03-16T14:00Z",
        end: "2027-03-16T16:00Z",
        timeZone: "America/Chicago",
        local: "2027-03-16 09:00 (UTC-05:00) to 2027-03-16 11:00 (UTC-05:00) America/Chicago",
        students: 120,
        tasks: 4,
      });
      assert.deepStrictEqual(
        (run.outputs.schedule as any[]).map((s) => [s.name, s.schedule, s.before, s.after]),
        [
          ["cs101-midsem-scale-up", "at(2027-03-16T13:00:00) UTC", "0/10", "4/10"],
          ["cs101-midsem-scale-down", "at(2027-03-16T16:30:00) UTC", "4/10", "0/10"],
          ["cs101-final-scale-up", "at(2027-06-08T17:00:00) UTC", "0/10", "6/10"],
          ["cs101-final-scale-down", "at(2027-06-08T21:30:00) UTC", "6/10", "0/10"],
        ],
      );
      // In plain words, in the stack's time (CDT since 2027-03-14) and UTC.
      assert.deepStrictEqual((run.outputs.schedule as any[])[0], {
        name: "cs101-midsem-scale-up",
        local: "2027-03-16 08:00 (UTC-05:00) America/Chicago",
        utc: "2027-03-16T13:00Z",
        before: "0/10",
        after: "4/10",
        reason: "60 min before cs101-midsem starts",
        text: "2027-03-16 08:00 (UTC-05:00) America/Chicago = 2027-03-16T13:00Z: min/max tasks 0/10 -> 4/10, 60 min before cs101-midsem starts",
        schedule: "at(2027-03-16T13:00:00) UTC",
      });
      assert.deepStrictEqual((run.outputs.schedule as any[]).map((s) => s.text).slice(1), [
        "2027-03-16 11:30 (UTC-05:00) America/Chicago = 2027-03-16T16:30Z: min/max tasks 4/10 -> 0/10, 30 min after cs101-midsem ends: back to the idle floor",
        "2027-06-08 12:00 (UTC-05:00) America/Chicago = 2027-06-08T17:00Z: min/max tasks 0/10 -> 6/10, 60 min before cs101-final starts",
        "2027-06-08 16:30 (UTC-05:00) America/Chicago = 2027-06-08T21:30Z: min/max tasks 6/10 -> 0/10, 30 min after cs101-final ends: back to the idle floor",
      ]);
      assert.deepStrictEqual(run.warnings, SHIPPED_PLACEHOLDERS.exam);
    });
  });

  describe("a past window, one under way, one in Australia/Sydney; idle floor 1, 90 min lead", function () {
    let run: EnvRun;
    before(async function () {
      run = await runEnv("exam", {
        set: {
          minTasks: "1",
          leadMinutes: "90",
          examWindows: [
            "quiz-past 2026-01-20T09:00/2026-01-20T10:00 40",
            "live-lab 2026-02-02T05:30/2026-02-02T07:00 100",
            "sydney-midsem 2026-03-10T09:00/2026-03-10T11:00 62 Australia/Sydney",
          ],
        },
      });
    });

    it("skips the past window with a warning and gives it no scheduled action", function () {
      // 09:00-10:00 Chicago (CST, UTC-6) on 2026-01-20 ended at 16:00Z, before the clock.
      assert.deepStrictEqual(run.warnings, [
        'exam window "quiz-past" ended at 2026-01-20T16:00Z and its 30 min grace before now (2026-02-02T12:00Z): skipped',
        ...SHIPPED_PLACEHOLDERS.exam,
      ]);
      assert.ok(!run.actions().some(([name]) => name.startsWith("quiz-past")));
      assert.deepStrictEqual(run.outputs.skippedWindows, ["quiz-past"]);
    });

    it("holds the window under way now (11:30-13:00Z, 4 tasks) and schedules only its end", function () {
      const target = run.inputs(T.target, "exam-ide-scaling-target");
      assert.deepStrictEqual([target.minCapacity, target.maxCapacity], [4, 10]);
      assert.strictEqual(run.inputs(T.service, "exam-ide-service").desiredCount, 4);
    });

    it("schedules the Sydney window at its UTC instants (AEDT, UTC+11) with 2 tasks", function () {
      // 09:00-11:00 Sydney on 2026-03-10 = 2026-03-09T22:00Z-2026-03-10T00:00Z; 62 / 31 = 2 tasks.
      assert.deepStrictEqual(run.actions(), [
        ["live-lab-scale-down", "at(2026-02-02T13:30:00)", "UTC", 1, 10],
        ["sydney-midsem-scale-up", "at(2026-03-09T20:30:00)", "UTC", 2, 10],
        ["sydney-midsem-scale-down", "at(2026-03-10T00:30:00)", "UTC", 1, 10],
      ]);
      assert.deepStrictEqual(
        (run.outputs.windows as any[]).map((w) => [w.name, w.start, w.end, w.timeZone, w.tasks]),
        [
          ["live-lab", "2026-02-02T11:30Z", "2026-02-02T13:00Z", "America/Chicago", 4],
          ["sydney-midsem", "2026-03-09T22:00Z", "2026-03-10T00:00Z", "Australia/Sydney", 2],
        ],
      );
    });
  });

  describe("two courses' exams overlapping: cs101 09:00-11:00 (120), ma201 10:00-12:00 (60)", function () {
    const examWindows = [
      "cs101 2027-03-16T09:00/2027-03-16T11:00 120",
      "ma201 2027-03-16T10:00/2027-03-16T12:00 60",
    ];
    let run: EnvRun;
    before(async function () {
      run = await runEnv("exam", { set: { examWindows } });
    });

    it("schedules the sum while both are open: 4, then 6 (180 students), then 2, then idle", function () {
      // Chicago CDT: periods 13:00-16:30Z (cs101) and 14:00-17:30Z (ma201).
      assert.deepStrictEqual(run.actions(), [
        ["cs101-scale-up", "at(2027-03-16T13:00:00)", "UTC", 4, 10],
        ["ma201-scale-up", "at(2027-03-16T14:00:00)", "UTC", 6, 10],
        ["cs101-scale-down", "at(2027-03-16T16:30:00)", "UTC", 2, 10],
        ["ma201-scale-down", "at(2027-03-16T17:30:00)", "UTC", 0, 10],
      ]);
      assert.deepStrictEqual(
        (run.outputs.schedule as any[]).map((s) => s.text),
        [
          "2027-03-16 08:00 (UTC-05:00) America/Chicago = 2027-03-16T13:00Z: min/max tasks 0/10 -> 4/10, 60 min before cs101 starts: 4 tasks for cs101 (120 students)",
          "2027-03-16 09:00 (UTC-05:00) America/Chicago = 2027-03-16T14:00Z: min/max tasks 4/10 -> 6/10, 60 min before ma201 starts: 6 tasks for cs101 + ma201 (180 students)",
          "2027-03-16 11:30 (UTC-05:00) America/Chicago = 2027-03-16T16:30Z: min/max tasks 6/10 -> 2/10, 30 min after cs101 ends: 2 tasks for ma201 (60 students)",
          "2027-03-16 12:30 (UTC-05:00) America/Chicago = 2027-03-16T17:30Z: min/max tasks 2/10 -> 0/10, 30 min after ma201 ends (the last of cs101 + ma201): back to the idle floor",
        ],
      );
    });

    it("prices the expected month from the recorded steps: 21 task-hours, not 4.5 h of the peak", function () {
      // 13:00-14:00Z 4 tasks + 14:00-16:30Z 6 tasks + 16:30-17:30Z 2 tasks = 4 + 15 + 2 = 21
      // task-hours of 1 vCPU / 2 GB: 21 vCPU-hours and 42 GB-hours in March 2027.
      const e = estimate(run.records);
      assert.equal(e.expectedMonth, "2027-03");
      const prices = pricesFor("us-east-2").items;
      const vcpu = e.lines.find((l) => l.item === "Fargate vCPU (X86_64, on-demand)")!;
      const memory = e.lines.find((l) => l.item === "Fargate memory (X86_64, on-demand)")!;
      assert.deepStrictEqual(vcpu.quantity, { floor: 0, expected: 21, ceiling: 730 * 10 });
      assert.deepStrictEqual(memory.quantity, { floor: 0, expected: 42, ceiling: 730 * 10 * 2 });
      near(vcpu.monthly.expected, 21 * prices["fargate.x86.vcpuHour"].usd);
      near(memory.monthly.expected, 42 * prices["fargate.x86.gbHour"].usd);
      // The database wakes at the first scale-up (13:00Z) and pauses 5 min after the last (17:30Z).
      const acu = e.lines.find((l) => l.item === "Aurora Serverless v2 capacity")!;
      near(acu.quantity.expected, (4.5 + 5 / 60) * 4);
      const [service] = servicesOf(run.records);
      assert.deepStrictEqual([service.floorTasks, service.peakTasks, service.maxTasks], [0, 6, 10]);
    });

    it("under way at 14:30Z: holds 6 tasks now and schedules only what is ahead", async function () {
      const now = new Date("2027-03-16T14:30:00Z");
      const during = await runEnv("exam", { set: { examWindows }, now });
      const target = during.inputs(T.target, "exam-ide-scaling-target");
      assert.deepStrictEqual([target.minCapacity, target.maxCapacity], [6, 10]);
      assert.strictEqual(during.inputs(T.service, "exam-ide-service").desiredCount, 6);
      assert.deepStrictEqual(during.actions(), [
        ["cs101-scale-down", "at(2027-03-16T16:30:00)", "UTC", 2, 10],
        ["ma201-scale-down", "at(2027-03-16T17:30:00)", "UTC", 0, 10],
      ]);
      assert.deepStrictEqual(during.outputs.scaling, {
        minTasks: 6,
        maxTasks: 10,
        reason:
          "cs101 + ma201 under way: 6 tasks for cs101 + ma201 (180 students) now, back to the idle floor at 2027-03-16T17:30Z",
      });
    });
  });

  describe("a prod platform with a single task subnet", function () {
    it("fails the run, naming the output, what it holds and the fix", async function () {
      const message = await runError("exam", {
        platformOutputs: {
          ...platformOutputsFixture(),
          taskSubnetIds: ["subnet-public-a-10.0.0.0-18", "subnet-public-a-10.0.0.0-18"],
        },
      });
      assert.strictEqual(
        message,
        'error serializing property "networkConfiguration": ExamEnv "exam" has invalid arguments:\n' +
          '  - the platform output taskSubnetIds of example-org/pythonide/prod is ["subnet-public-a-10.0.0.0-18","subnet-public-a-10.0.0.0-18"]: exam tasks must run in at least 2 subnets (availability zones) so one zone\'s outage does not stop an exam; give the prod stack pythonide:availabilityZones 2 or more and run pulumi up on prod first',
      );
    });
  });

  describe("a window that needs more tasks than the ceiling", function () {
    it("is a config error that says how many it needs", async function () {
      const message = await runError("exam", {
        set: { maxTasks: "3", examWindows: ["big 2027-03-16T09:00/2027-03-16T11:00 120"] },
      });
      assert.strictEqual(
        message,
        'Invalid configuration for stack "exam" (Pulumi.exam.yaml):\n' +
          '  - pythonide:examWindows[0] is "big 2027-03-16T09:00/2027-03-16T11:00 120": needs 4 tasks for 120 students at 31 students per task, but maxTasks is 3: raise pythonide:maxTasks to at least 4, or use larger tasks',
      );
    });
  });
});

describe("ExamEnv argument checks", function () {
  const service = serviceSettings({
    image: "registry.example.com/pythonide-exam:2025.10.1",
    minCapacity: 0,
    desiredCount: 0,
    maxCapacity: 3,
    app: {
      maxConcurrentExecutions: 60,
      executionTimeoutSeconds: 30,
      memoryLimitMb: 128,
      tornadoProcesses: 1,
    },
    retentionInDays: 90,
  });
  const args = (overrides: Partial<ExamEnvArgs> = {}): ExamEnvArgs => ({
    platformStack: PROD_STACK,
    host: "exam.ide.example.edu",
    service,
    exam: {
      windows: [
        {
          name: "big",
          start: new Date("2027-03-16T14:00:00Z"),
          end: new Date("2027-03-16T16:00:00Z"),
          students: 120,
          timeZone: "UTC",
          tasks: 4,
        },
      ],
      skipped: [],
      leadMinutes: 60,
      graceMinutes: 30,
      studentsPerTask: 31,
    },
    database: {
      kind: "instance",
      instanceClass: "db.t4g.small",
      allocatedStorage: 20,
      backupRetentionPeriod: 14,
      deletionProtection: true,
      multiAz: false,
    },
    now: NOW,
    ...overrides,
  });
  const problems = (a: ExamEnvArgs): string[] => argsError(() => new ExamEnv("exam", a)).problems;

  it("refuses overlapping windows whose students together need more than maxTasks", function () {
    const small = { ...args().exam.windows[0], students: 62, tasks: 2 };
    const exam = {
      ...args().exam,
      windows: [
        { ...small, name: "cs101" },
        { ...small, name: "ma201", start: new Date("2027-03-16T15:00:00Z") },
      ],
    };
    // 124 students from 14:00Z (ma201's lead) -> 4 tasks; each alone needs 2.
    assert.deepStrictEqual(problems(args({ exam })), [
      'args.exam.windows "cs101" + "ma201" are open together from 2027-03-16T14:00Z and need 4 tasks for their 124 students but args.service.maxCapacity is 3: raise maxCapacity (config maxTasks) to at least 4',
    ]);
  });

  it("refuses a window that needs more tasks than maxTasks, and an invalid clock", function () {
    assert.deepStrictEqual(problems(args({ now: new Date("not a time") })), [
      'args.now is "Invalid Date": must be a valid Date (the clock the schedule is judged by)',
      'args.exam.windows "big" needs 4 tasks but args.service.maxCapacity is 3: raise maxCapacity (config maxTasks) to at least 4',
    ]);
  });
});
