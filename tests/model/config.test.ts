import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import {
  ConfigError,
  LOG_RETENTION_DAYS,
  parseStackConfig,
  rangeOf,
  SCHEMA,
  schemaDefault,
  settingProblem,
  StackName,
  validText,
} from "../../model/config";
import { projectDefaults } from "../../model/config/read";
import { NOW, parse, problem, stackFile, withChanges } from "./configHelpers";
import { renderPulumiYaml, withSettingsTable } from "../../scripts/pulumi-yaml";

const ROOT = path.join(__dirname, "..", "..");

describe("stack config validation", () => {
  describe("the shipped stack files", () => {
    it("prod parses to the planned sizing", () => {
      const c = parse("prod", stackFile("prod"));
      assert.deepEqual(
        [
          c.service.cpu,
          c.service.memory,
          c.service.minTasks,
          c.service.desiredTasks,
          c.service.maxTasks,
        ],
        [512, 2048, 1, 1, 16],
      );
      assert.equal(c.host, "ide.example.edu");
      assert.equal(c.platform?.natStrategy, "none");
      assert.equal(c.platform?.efsThroughputMode, "elastic");
      assert.equal(c.database.instanceClass, "db.t4g.small");
      assert.equal(c.database.deletionProtection, true);
      assert.deepEqual(c.warnings, []);
    });

    it("staging is off: 0 tasks, small Spot task, a database that pauses itself at 1 ACU", () => {
      const c = parse("staging", stackFile("staging"));
      assert.deepEqual([c.service.minTasks, c.service.desiredTasks, c.service.maxTasks], [0, 0, 0]);
      assert.deepEqual([c.service.cpu, c.service.memory], [512, 1024]);
      assert.equal(c.service.capacity.strategy, "spot");
      assert.equal(c.staging?.active, false);
      // Planner: maxTasks 2 x 25 connections = 50 <= 0.8 x 189 (1 ACU); 5-minute pause delay.
      assert.deepEqual(c.database.serverless, { maxCapacityAcu: 1, secondsUntilAutoPause: 300 });
      assert.equal(c.database.kind, "serverless");
      assert.equal(c.host, "staging.ide.example.edu");
    });

    it("exam: seed 001 limits, two windows in UTC with planned tasks", () => {
      const c = parse("exam", stackFile("exam"));
      assert.deepEqual(c.service.app, {
        maxConcurrentExecutions: 60,
        executionTimeoutSeconds: 30,
        memoryLimitMb: 128,
        tornadoProcesses: 1,
      });
      assert.equal(c.exam?.studentsPerTask, 31);
      assert.deepEqual(
        c.exam?.windows.map((w) => [w.name, w.start.toISOString(), w.end.toISOString(), w.tasks]),
        [
          ["cs101-midsem", "2027-03-16T14:00:00.000Z", "2027-03-16T16:00:00.000Z", 4],
          ["cs101-final", "2027-06-08T18:00:00.000Z", "2027-06-08T21:00:00.000Z", 6],
        ],
      );
    });
  });

  describe("refuses bad input with one message naming key, value and what is valid", () => {
    const cases: [string, string, Record<string, string | undefined>, string][] = [
      [
        "a CPU Fargate does not offer",
        "prod",
        { taskCpu: "1000" },
        'pythonide:taskCpu is "1000": not a Fargate size: CPU 1000 is not a Fargate size; valid CPU units are 256, 512, 1024, 2048, 4096, 8192, 16384',
      ],
      [
        "memory not offered with the CPU",
        "prod",
        { taskMemory: "8192" },
        'pythonide:taskMemory is "8192": not a Fargate size: memory 8192 MiB is not offered with CPU 512; valid memory is 1024, 2048, 3072, 4096 MiB',
      ],
      [
        "16 vCPU memory off its 8 GiB step",
        "prod",
        { taskCpu: "16384", taskMemory: "36864" },
        'pythonide:taskMemory is "36864": not a Fargate size: memory 36864 MiB is not offered with CPU 16384; valid memory is 32768 to 122880 MiB in steps of 8192',
      ],
      [
        "8 vCPU memory below its floor",
        "prod",
        { taskCpu: "8192", taskMemory: "8192" },
        'pythonide:taskMemory is "8192": not a Fargate size: memory 8192 MiB is not offered with CPU 8192; valid memory is 16384 to 61440 MiB in steps of 4096',
      ],
      [
        "a fractional count",
        "prod",
        { maxTasks: "2.5" },
        'pythonide:maxTasks is "2.5": must be a whole number from 1 to 100',
      ],
      [
        "a count that is not a number",
        "prod",
        { minTasks: "one" },
        'pythonide:minTasks is "one": must be a whole number from 1 to 100',
      ],
      [
        "min above desired",
        "prod",
        { minTasks: "3", desiredTasks: "2" },
        "pythonide:minTasks 3, pythonide:desiredTasks 2 and pythonide:maxTasks 16 must satisfy minTasks <= desiredTasks <= maxTasks",
      ],
      [
        "desired above max",
        "prod",
        { desiredTasks: "17" },
        "pythonide:minTasks 1, pythonide:desiredTasks 17 and pythonide:maxTasks 16 must satisfy minTasks <= desiredTasks <= maxTasks",
      ],
      [
        "max equal to min: no autoscaling",
        "prod",
        { minTasks: "2", desiredTasks: "2", maxTasks: "2" },
        'pythonide:maxTasks is "2": must be greater than minTasks (2) so autoscaling can add tasks',
      ],
      [
        "a Spot weight above the schema's range (components share it)",
        "prod",
        { capacityProvider: "spot-with-base", spotWeight: "101" },
        'pythonide:spotWeight is "101": must be a whole number from 1 to 100',
      ],
      [
        "an exam idle floor of 0 is fine, but prod's floor must be at least 1",
        "prod",
        { minTasks: "0" },
        'pythonide:minTasks is "0": must be a whole number from 1 to 100',
      ],
      [
        "a percentage out of range",
        "prod",
        { cpuTargetPercent: "120" },
        'pythonide:cpuTargetPercent is "120": must be a whole number from 10 to 90',
      ],
      [
        "a malformed image",
        "prod",
        { image: "Registry.Example.com/PythonIDE:latest tag" },
        'pythonide:image is "Registry.Example.com/PythonIDE:latest tag": must be an image reference such as registry.example.com/pythonide:1.4.2 (lower-case repository, optional tag or @sha256 digest)',
      ],
      [
        "a host name with a scheme",
        "prod",
        { domain: "https://ide.example.edu" },
        'pythonide:domain is "https://ide.example.edu": must be a host name such as ide.example.edu (lower-case labels of letters, digits and hyphens)',
      ],
      [
        "a single-label host",
        "prod",
        { domain: "localhost" },
        'pythonide:domain is "localhost": must be a host name such as ide.example.edu (lower-case labels of letters, digits and hyphens)',
      ],
      [
        "a typo in a key",
        "prod",
        { taskCPU: "1024" },
        "pythonide:taskCPU is not a setting of this program: did you mean pythonide:taskCpu?",
      ],
      [
        "a key nothing resembles",
        "prod",
        { colourScheme: "dark" },
        "pythonide:colourScheme is not a setting of this program: known keys are listed in the README's settings table",
      ],
      [
        "a database password key",
        "prod",
        { dbPassword: "hunter2-not-real" },
        "pythonide:dbPassword is not a setting: database credentials are never configured; RDS manages the master password in Secrets Manager and tasks receive it as a container secret. Remove the key",
      ],
      [
        "a secret in plaintext",
        "prod",
        { cookieSecret: "0123456789abcdef0123456789abcdef" },
        "pythonide:cookieSecret is given in plaintext: it must be a secret; run pulumi config set --secret cookieSecret (and remove the plaintext value)",
      ],
      [
        "a staging-only key in prod",
        "prod",
        { activeUntil: "2026-11-22T18:00" },
        "pythonide:activeUntil does not apply to the prod stack: it is a setting of staging",
      ],
      [
        "a prod-only key in staging",
        "staging",
        { natStrategy: "single" },
        "pythonide:natStrategy does not apply to the staging stack: it is a setting of prod",
      ],
      [
        "an unknown NAT strategy",
        "prod",
        { natStrategy: "two" },
        'pythonide:natStrategy is "two": must be one of none, single, one-per-az',
      ],
      [
        "an unknown architecture",
        "prod",
        { cpuArchitecture: "arm64" },
        'pythonide:cpuArchitecture is "arm64": must be one of X86_64, ARM64',
      ],
      [
        "an instance class the model cannot price",
        "prod",
        { dbInstanceClass: "db.r5.large" },
        'pythonide:dbInstanceClass is "db.r5.large": must be one of db.t4g.micro, db.t4g.small, db.t4g.medium, db.t3.micro',
      ],
      [
        "a log retention CloudWatch refuses",
        "prod",
        { logRetentionDays: "10" },
        'pythonide:logRetentionDays is "10": must be a retention CloudWatch accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653',
      ],
      [
        "a certificate that is not an ACM ARN",
        "prod",
        { certificateArn: "my-cert" },
        'pythonide:certificateArn is "my-cert": must be an ACM certificate ARN, arn:aws:acm:<region>:<account>:certificate/<id>',
      ],
      [
        "a missing certificate",
        "prod",
        { certificateArn: undefined },
        "pythonide:certificateArn is required: ACM certificate ARN for the HTTPS listener (covering domain and *.domain).",
      ],
      [
        "a public VPC range",
        "prod",
        { vpcCidr: "8.8.0.0/16" },
        'pythonide:vpcCidr is "8.8.0.0/16": must be a private IPv4 range (10/8, 172.16/12 or 192.168/16) from /16 to /22, such as 10.0.0.0/16',
      ],
      [
        "provisioned EFS without MiB/s",
        "prod",
        { efsThroughputMode: "provisioned" },
        "pythonide:efsProvisionedMibps is required when efsThroughputMode is provisioned: MiB/s from 1 to 1024",
      ],
      [
        "MiB/s without provisioned mode",
        "prod",
        { efsProvisionedMibps: "10" },
        'pythonide:efsProvisionedMibps is "10": only applies when efsThroughputMode is provisioned (it is elastic)',
      ],
      [
        "a boolean that is not one",
        "prod",
        { deletionProtection: "maybe" },
        'pythonide:deletionProtection is "maybe": must be true or false',
      ],
      [
        // The CLI's yaml.v3 hands `yes` over as text; config.getBoolean refuses it too.
        "a YAML 1.1 boolean (yes)",
        "prod",
        { deletionProtection: "yes" },
        'pythonide:deletionProtection is "yes": must be true or false: the Pulumi CLI reads YAML 1.2, where yes is text, not a boolean (write true)',
      ],
      [
        "a YAML 1.1 boolean (Off)",
        "prod",
        { deletionProtection: "Off" },
        'pythonide:deletionProtection is "Off": must be true or false: the Pulumi CLI reads YAML 1.2, where Off is text, not a boolean (write false)',
      ],
      [
        "a bad email",
        "prod",
        { alarmEmail: "staff at example.edu" },
        'pythonide:alarmEmail is "staff at example.edu": must be an email address',
      ],
      [
        "a bad region",
        "prod",
        { "aws:region": "ohio" },
        'aws:region is "ohio": must be an AWS region such as us-east-2',
      ],
      [
        "a stack reference that is not qualified",
        "exam",
        { platformStack: "prod" },
        'pythonide:platformStack is "prod": must be a fully qualified stack name, org/project/stack (for example acme/pythonide/prod)',
      ],
      [
        "Spot for exams",
        "exam",
        { capacityProvider: "spot" },
        'pythonide:capacityProvider is "spot": Spot tasks can be interrupted during an exam; use on-demand, or spot-with-base with onDemandBase of at least 2',
      ],
      [
        "an unknown time zone",
        "exam",
        { timeZone: "Mars/Olympus" },
        'pythonide:timeZone "Mars/Olympus" is not an IANA time zone: write Area/Location such as America/Chicago, Europe/London or Australia/Sydney, or UTC',
      ],
      [
        "an active staging without expiry",
        "staging",
        { active: "true" },
        "pythonide:active is true but pythonide:activeUntil is not set: an active staging needs an expiry within 12 hours (maxActiveHours), so a forgotten staging switches itself off",
      ],
      [
        "a staging expiry too far ahead",
        "staging",
        { active: "true", activeUntil: "2026-11-23T09:00Z" },
        'pythonide:activeUntil is "2026-11-23T09:00Z": 21.0 hours ahead, but staging may be active for at most 12 hours (maxActiveHours): use a time before 2026-11-23T00:00Z (2026-11-22 18:00 in America/Chicago, UTC-06:00), or raise pythonide:maxActiveHours to 21 (at most 168) and, in the same change, the staging-scales-to-zero policy\'s maxActiveHours to 21 in the policy config file given to pulumi preview and pulumi up with --policy-pack-config (npm start: --policy-config), {"staging-scales-to-zero": {"maxActiveHours": 21}}',
      ],
      [
        "a malformed staging expiry",
        "staging",
        { active: "true", activeUntil: "tomorrow" },
        'pythonide:activeUntil "tomorrow" is not a time YYYY-MM-DDTHH:MM (seconds optional), local or with Z or an offset such as -05:00',
      ],
      [
        "an exam database too small for its tasks' connections",
        "exam",
        { dbMaxCapacityAcu: "1" },
        'pythonide:dbMaxCapacityAcu is "1": allows 151 connections below the connections alarm, but maxTasks 10 x dbConnectionsPerTask 25 = 250 may be opened; raise it to at least 4 (or remove it for the planner\'s value)',
      ],
      [
        "a serverless setting on an instance database",
        "staging",
        { dbKind: "instance", dbMaxCapacityAcu: "2" },
        'pythonide:dbMaxCapacityAcu is "2": does not apply to the staging database, which is instance (dbKind): an instance is sized by dbInstanceClass, not in capacity units; remove it from Pulumi.staging.yaml, or set dbKind serverless',
      ],
      [
        "an instance class on a serverless database",
        "exam",
        { dbInstanceClass: "db.t4g.medium" },
        'pythonide:dbInstanceClass is "db.t4g.medium": does not apply to the exam database, which is serverless (dbKind): a serverless database is sized in Aurora capacity units (dbMaxCapacityAcu), not by an instance class; remove it from Pulumi.exam.yaml, or set dbKind instance',
      ],
      [
        "Multi-AZ set for a serverless staging database",
        "staging",
        { dbMultiAz: "true" },
        'pythonide:dbMultiAz is "true": does not apply to the staging database, which is serverless (dbKind): Aurora Serverless v2 has no Multi-AZ switch (Multi-AZ there is a reader instance in another zone, which this program does not create); remove it from Pulumi.staging.yaml, or set dbKind instance',
      ],
      [
        "allocated storage set for a serverless exam database",
        "exam",
        { dbAllocatedStorageGb: "100" },
        'pythonide:dbAllocatedStorageGb is "100": does not apply to the exam database, which is serverless (dbKind): Aurora storage grows with the data by itself; there is no size to allocate; remove it from Pulumi.exam.yaml, or set dbKind instance',
      ],
      [
        "an auto-pause delay for an instance database",
        "exam",
        { dbKind: "instance", dbAutoPauseMinutes: "10" },
        'pythonide:dbAutoPauseMinutes is "10": does not apply to the exam database, which is instance (dbKind): an instance never pauses; remove it from Pulumi.exam.yaml, or set dbKind serverless',
      ],
      [
        "more connections than any capacity holds",
        "exam",
        { dbConnectionsPerTask: "500" },
        'pythonide:dbConnectionsPerTask is "500": 10 tasks x 500 connections = 5000 connections: more than any Aurora Serverless v2 capacity with a minimum of 0 ACU allows below the alarm (1600); use fewer connections per task',
      ],
    ];
    for (const [what, stack, changes, message] of cases) {
      it(what, () => assert.equal(problem(stack, changes), message));
    }

    describe("instance-only settings on a serverless database, and Pulumi.yaml's project defaults", () => {
      // The CLI gives every stack that does not set a key Pulumi.yaml's default for it, so the
      // program receives dbAllocatedStorageGb 20 and dbMultiAz false on staging and exam too.
      it("accepts the project defaults the user did not write for the stack, silently", () => {
        for (const stack of ["staging", "exam"]) {
          const c = parse(stack, stackFile(stack));
          assert.equal(c.database.kind, "serverless");
          assert.equal(stackFile(stack)["pythonide:dbMultiAz"]?.value, "false");
          assert.equal(stackFile(stack)["pythonide:dbAllocatedStorageGb"]?.value, "20");
          assert.deepEqual(c.warnings, []);
        }
      });

      it("accepts a stack value equal to the project default (the CLI cannot tell them apart)", () => {
        assert.deepEqual(
          parse("staging", withChanges("staging", { dbMultiAz: "false" })).warnings,
          [],
        );
      });

      it("warns, not refuses, when Pulumi.yaml asks every stack for Multi-AZ", () => {
        // Pulumi.yaml `dbMultiAz: {default: true}`: the CLI sets it on every stack.
        const defaults = { ...projectDefaults(), dbMultiAz: true };
        const staging = parseStackConfig(
          "staging",
          withChanges("staging", { dbMultiAz: "true" }),
          NOW,
          defaults,
        );
        assert.deepEqual(staging.warnings, [
          'pythonide:dbMultiAz is "true" for every stack (Pulumi.yaml\'s project default), but the staging database is serverless (dbKind) and ignores it: Aurora Serverless v2 has no Multi-AZ switch (Multi-AZ there is a reader instance in another zone, which this program does not create)',
        ]);
        const prod = parseStackConfig(
          "prod",
          withChanges("prod", { dbMultiAz: "true" }),
          NOW,
          defaults,
        );
        assert.equal(prod.database.multiAz, true);
        assert.deepEqual(prod.warnings, []);
      });

      it("says nothing of a project-wide storage size: Aurora grows past any size", () => {
        const defaults = { ...projectDefaults(), dbAllocatedStorageGb: 100 };
        const raw = withChanges("exam", { dbAllocatedStorageGb: "100" });
        assert.deepEqual(parseStackConfig("exam", raw, NOW, defaults).warnings, []);
      });

      it("refuses a stack value that differs from the project default", () => {
        const defaults = { ...projectDefaults(), dbMultiAz: true };
        assert.throws(
          () =>
            parseStackConfig("staging", withChanges("staging", { dbMultiAz: "false" }), NOW, {
              ...defaults,
              dbAllocatedStorageGb: 50,
            }),
          /\n  - pythonide:dbAllocatedStorageGb is "20": does not apply to the staging database[^\n]*\n  - pythonide:dbMultiAz is "false": does not apply to the staging database/,
        );
      });

      it("reads the project defaults from the schema Pulumi.yaml is rendered from", () => {
        assert.deepEqual(
          Object.fromEntries(Object.entries(projectDefaults()).filter(([k]) => k.startsWith("db"))),
          { dbAllocatedStorageGb: 20, dbMultiAz: false },
        );
      });
    });

    it("names every problem at once, in one message", () => {
      assert.throws(
        () => parse("prod", withChanges("prod", { taskCpu: "3", natStrategy: "two" })),
        (err: Error) =>
          err.message ===
          'Invalid configuration for stack "prod" (Pulumi.prod.yaml):\n' +
            '  - pythonide:taskCpu is "3": must be a whole number from 256 to 16384\n' +
            '  - pythonide:natStrategy is "two": must be one of none, single, one-per-az',
      );
    });

    it("never shows a secret value, even a bad one", () => {
      const raw = withChanges("prod", {});
      raw["pythonide:cookieSecret"] = { value: "short-secret-value", secret: true };
      assert.throws(
        () => parse("prod", raw),
        (err: Error) =>
          err.message.includes(
            "pythonide:cookieSecret is [secret]: must be at least 32 characters",
          ) && !err.message.includes("short-secret-value"),
      );
    });

    it("refuses a stack this program does not compose", () => {
      assert.throws(
        () => parse("dev", stackFile("prod")),
        (err: Error) =>
          err.message ===
          'Invalid configuration for stack "dev" (Pulumi.dev.yaml):\n  - the stack name "dev" is not one this program composes: use prod, staging, exam',
      );
    });
  });

  describe("exam windows", () => {
    const exam = (windows: string[], changes: Record<string, string> = {}) =>
      problem("exam", { examWindows: JSON.stringify(windows), ...changes });

    it("end before start", () => {
      assert.equal(
        exam(["midsem 2027-03-16T11:00/2027-03-16T09:00 120"]),
        'pythonide:examWindows[0] is "midsem 2027-03-16T11:00/2027-03-16T09:00 120": the end 2027-03-16T09:00 (2027-03-16T14:00Z) is not after its start 2027-03-16T11:00 (2027-03-16T16:00Z)',
      );
    });

    it("warns when an exam stack has no windows at all (it would stay at its idle floor)", () => {
      for (const none of ["[]", undefined]) {
        const c = parse("exam", withChanges("exam", { examWindows: none }));
        assert.deepEqual(c.warnings, [
          'pythonide:examWindows is empty: the exam stack schedules no capacity and stays at its idle floor (minTasks 0); add a window per exam (README "Exam: capacity in place before each exam")',
        ]);
      }
    });

    it("accepts overlapping windows of two courses, each with its own planned tasks", () => {
      const c = parse(
        "exam",
        withChanges("exam", {
          examWindows: JSON.stringify([
            "cs101 2027-03-16T09:00/2027-03-16T11:00 120",
            "ma201 2027-03-16T10:00/2027-03-16T12:00 60",
          ]),
        }),
      );
      assert.deepEqual(
        c.exam?.windows.map((w) => [w.name, w.start.toISOString(), w.students, w.tasks]),
        [
          ["cs101", "2027-03-16T14:00:00.000Z", 120, 4],
          ["ma201", "2027-03-16T15:00:00.000Z", 60, 2],
        ],
      );
      assert.deepEqual(c.warnings, []);
    });

    it("maxTasks too small for overlapping windows together: the instant, the sum, what to raise", () => {
      // Each fits 5 tasks alone (4 and 2); from 13:00Z + 60 min lead = 14:00Z both are open: 180
      // students -> ceil(180 / 31) = 6 tasks.
      assert.equal(
        exam(
          [
            "cs101 2027-03-16T09:00/2027-03-16T11:00 120",
            "ma201 2027-03-16T10:00/2027-03-16T12:00 60",
          ],
          { maxTasks: "5" },
        ),
        'pythonide:examWindows: "cs101" and "ma201" are open together from 2027-03-16T14:00Z (2027-03-16 09:00 (UTC-05:00) America/Chicago), 60 min lead and 30 min grace included: their 180 students need 6 tasks at 31 students per task, but maxTasks is 5: raise pythonide:maxTasks to at least 6, or use larger tasks',
      );
      // Three at once, and a grace period that makes them meet: a ends 10:00, its grace until
      // 10:45; c's lead starts at 10:30 (graceMinutes 45, leadMinutes 30).
      assert.equal(
        exam(
          [
            "a 2027-03-16T08:00/2027-03-16T10:00 100",
            "b 2027-03-16T08:00/2027-03-16T12:00 100",
            "c 2027-03-16T11:00/2027-03-16T12:00 100",
          ],
          { maxTasks: "9", graceMinutes: "45", leadMinutes: "30" },
        ),
        'pythonide:examWindows: "a", "b" and "c" are open together from 2027-03-16T15:30Z (2027-03-16 10:30 (UTC-05:00) America/Chicago), 30 min lead and 45 min grace included: their 300 students need 10 tasks at 31 students per task, but maxTasks is 9: raise pythonide:maxTasks to at least 10, or use larger tasks',
      );
      // The same windows fit a ceiling of 6.
      assert.equal(
        parse(
          "exam",
          withChanges("exam", {
            examWindows: JSON.stringify([
              "cs101 2027-03-16T09:00/2027-03-16T11:00 120",
              "ma201 2027-03-16T10:00/2027-03-16T12:00 60",
            ]),
            maxTasks: "6",
          }),
        ).exam?.windows.length,
        2,
      );
    });

    it("a window that needs more tasks than the ceiling, saying how many", () => {
      assert.equal(
        exam(["final 2027-06-08T13:00/2027-06-08T16:00 400"]),
        'pythonide:examWindows[0] is "final 2027-06-08T13:00/2027-06-08T16:00 400": needs 13 tasks for 400 students at 31 students per task, but maxTasks is 10: raise pythonide:maxTasks to at least 13, or use larger tasks',
      );
    });

    it("a malformed time", () => {
      assert.equal(
        exam(["midsem 2027-02-30T09:00/2027-02-30T11:00 120"]),
        'pythonide:examWindows[0] is "midsem 2027-02-30T09:00/2027-02-30T11:00 120": the start "2027-02-30T09:00" is not a date and time that exists on the calendar: write a time YYYY-MM-DDTHH:MM (seconds optional), local or with Z or an offset such as -05:00',
      );
    });

    it("a malformed entry", () => {
      assert.equal(
        exam(["midsem on tuesday"]),
        'pythonide:examWindows[0] is "midsem on tuesday": write "<name> <start>/<end> <students> [time zone]", such as "midsem 2026-03-10T09:00/2026-03-10T11:00 120"',
      );
    });

    it("a duplicate name", () => {
      assert.equal(
        exam([
          "quiz 2027-03-16T09:00/2027-03-16T10:00 30",
          "quiz 2027-03-17T09:00/2027-03-17T10:00 30",
        ]),
        'pythonide:examWindows[1] is "quiz 2027-03-17T09:00/2027-03-17T10:00 30": the name "quiz" is used by an earlier window; names must be unique',
      );
    });

    it("a window's own time zone overrides the stack's, across daylight saving", () => {
      const c = parse(
        "exam",
        withChanges("exam", {
          examWindows: JSON.stringify([
            "syd 2027-03-16T09:00/2027-03-16T11:00 60 Australia/Sydney",
            "chi 2027-03-10T09:00/2027-03-10T11:00 60",
          ]),
        }),
      );
      // Sydney is UTC+11 in March (daylight time); Chicago changes to CDT on 2027-03-14, so the
      // 10th is still CST (UTC-6).
      assert.deepEqual(
        c.exam?.windows.map((w) => [w.name, w.start.toISOString()]),
        [
          ["chi", "2027-03-10T15:00:00.000Z"],
          ["syd", "2027-03-15T22:00:00.000Z"],
        ],
      );
    });

    it("skips windows already over, with a warning", () => {
      const c = parse("exam", stackFile("exam"), new Date("2027-04-01T00:00:00Z"));
      assert.deepEqual(
        c.exam?.windows.map((w) => w.name),
        ["cs101-final"],
      );
      assert.deepEqual(
        c.exam?.skipped.map((w) => w.name),
        ["cs101-midsem"],
      );
      assert.deepEqual(c.warnings, [
        'exam window "cs101-midsem" ended at 2027-03-16T16:00Z and its 30 min grace before now (2027-04-01T00:00Z): skipped',
      ]);
    });
  });

  describe("staging switch", () => {
    it("active with an expiry within the limit: floor activeTasks, desired stays 0", () => {
      const c = parse(
        "staging",
        withChanges("staging", { active: "true", activeUntil: "2026-11-22T12:00" }),
      );
      // 12:00 in Chicago (CST, UTC-6) is 18:00Z, six hours after NOW.
      assert.equal(c.staging?.active, true);
      assert.equal(c.staging?.activeUntil?.toISOString(), "2026-11-22T18:00:00.000Z");
      assert.deepEqual([c.service.minTasks, c.service.desiredTasks, c.service.maxTasks], [1, 0, 2]);
    });

    it("an expired switch keeps staging off and says so", () => {
      const c = parse(
        "staging",
        withChanges("staging", { active: "true", activeUntil: "2026-11-22T01:00Z" }),
      );
      assert.equal(c.staging?.active, false);
      assert.deepEqual([c.service.minTasks, c.service.maxTasks], [0, 0]);
      assert.deepEqual(c.warnings, [
        "staging expired at 2026-11-22T01:00Z (2026-11-21 19:00 in America/Chicago, UTC-06:00) and stays off; to switch it on, set pythonide:activeUntil to a future time at most 12 hours ahead, now before 2026-11-23T00:00Z (2026-11-22 18:00 in America/Chicago, UTC-06:00), and run pulumi up",
      ]);
    });

    it("an expiry ahead with the switch left off: stays off and says how to switch it on", () => {
      const c = parse(
        "staging",
        withChanges("staging", { active: "false", activeUntil: "2026-11-22T12:00" }),
      );
      assert.equal(c.staging?.active, false);
      assert.deepEqual([c.service.minTasks, c.service.maxTasks], [0, 0]);
      assert.deepEqual(c.warnings, [
        "pythonide:activeUntil is 2026-11-22T18:00Z (2026-11-22 12:00 in America/Chicago, UTC-06:00), still ahead, but pythonide:active is false: staging stays off; set pythonide:active to true to switch it on until then",
      ]);
      // A past expiry left in the file after switching off is the normal state: no warning.
      const off = parse(
        "staging",
        withChanges("staging", { active: "false", activeUntil: "2026-11-22T01:00Z" }),
      );
      assert.deepEqual(off.warnings, []);
    });
  });

  describe("the schema: one owner per setting", () => {
    it("gives every whole-number setting a range or a list of values, and units to numbers", () => {
      for (const [key, spec] of Object.entries(SCHEMA)) {
        if (spec.type !== "integer") continue;
        assert.ok(spec.range !== undefined || spec.values !== undefined, key);
        assert.ok(spec.unit !== undefined, `${key} has no unit`);
      }
    });

    it("declares only defaults its own checks accept, in the stacks that take the key", () => {
      for (const [key, spec] of Object.entries(SCHEMA)) {
        for (const [stack, value] of Object.entries(spec.default ?? {})) {
          assert.ok(spec.stacks.includes(stack as StackName), `${key}: default for ${stack}`);
          if (typeof value === "number" || typeof value === "string")
            assert.equal(settingProblem(key, value, stack as StackName), undefined, `${key}`);
        }
      }
    });

    it("checks a value against range, allowed values and length, in the schema's words", () => {
      assert.equal(settingProblem("spotWeight", 100), undefined);
      assert.equal(settingProblem("spotWeight", 101), "must be a whole number from 1 to 100");
      assert.equal(settingProblem("spotWeight", 1.5), "must be a whole number from 1 to 100");
      assert.equal(settingProblem("cpuArchitecture", "arm64"), "must be one of X86_64, ARM64");
      assert.equal(
        settingProblem("logRetentionDays", 45),
        `must be a retention CloudWatch accepts: ${LOG_RETENTION_DAYS.join(", ")}`,
      );
      assert.equal(settingProblem("cookieSecret", "short"), "must be at least 32 characters");
    });

    it("has per-stack ranges where stacks differ, and the widest range for components", () => {
      assert.deepEqual(rangeOf("minTasks", "prod"), { min: 1, max: 100 });
      assert.deepEqual(rangeOf("minTasks", "exam"), { min: 0, max: 100 });
      assert.deepEqual(rangeOf("minTasks"), { min: 0, max: 100 });
      assert.equal(settingProblem("minTasks", 0), undefined);
      assert.equal(settingProblem("minTasks", 0, "prod"), "must be a whole number from 1 to 100");
    });

    it("describes what each setting accepts for the README and Pulumi.yaml", () => {
      assert.equal(validText("cpuTargetPercent"), "10-90 %");
      assert.equal(validText("minTasks"), "prod: 1-100, exam: 0-100 tasks");
      assert.equal(validText("natStrategy"), "none, single, one-per-az");
      assert.equal(validText("cookieSecret"), "at least 32 characters");
      assert.equal(validText("deletionProtection"), "true, false");
    });

    it("the stack files' comments name only settings of their stack", () => {
      for (const stack of ["prod", "staging", "exam"] as const) {
        const comments = fs
          .readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8")
          .split("\n")
          .filter((line) => line.trim().startsWith("#"))
          .join("\n");
        for (const [, key] of comments.matchAll(/pythonide:(\w+)/g)) {
          assert.ok(SCHEMA[key]?.stacks.includes(stack), `Pulumi.${stack}.yaml names ${key}`);
        }
      }
    });
  });

  describe("generated files", () => {
    it("Pulumi.yaml is what the schema renders", () => {
      assert.equal(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"), renderPulumiYaml());
    });

    it("the README's settings table is what the schema renders", () => {
      const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
      assert.equal(readme, withSettingsTable(readme));
    });

    // The CLI's merge (pulumi/pulumi sdk/go/common/workspace/config.go, mergeConfig): a
    // project-namespace key declared with neither `default` nor `value` is required in every
    // stack; a declared `default` is set on every stack that does not set the key.
    const declared = (): Record<string, { type: string; default?: unknown }> =>
      (parseYaml(renderPulumiYaml()) as { config: Record<string, { type: string }> }).config;

    it("declares only the keys required in every stack and the keys with one default in every stack", () => {
      const config = declared();
      const required = Object.keys(config).filter((k) => config[k].default === undefined);
      const defaulted = Object.keys(config).filter((k) => config[k].default !== undefined);
      assert.deepEqual(required, ["domain", "image"]);
      assert.deepEqual(defaulted, [
        "cpuArchitecture",
        "onDemandBase",
        "spotWeight",
        "cpuTargetPercent",
        "memoryTargetPercent",
        "tornadoProcesses",
        "dbAllocatedStorageGb",
        "dbMultiAz",
        "timeZone",
      ]);
      // Per-stack defaults, stack-specific keys and optional keys stay out of Pulumi.yaml.
      for (const key of [
        "taskCpu",
        "natStrategy",
        "certificateArn",
        "platformStack",
        "cookieSecret",
      ])
        assert.equal(config[key], undefined, key);
    });

    it("a declared default is the schema's default in every stack", () => {
      const config = declared();
      for (const [key, entry] of Object.entries(config)) {
        if (entry.default === undefined) continue;
        for (const stack of ["prod", "staging", "exam"] as const)
          assert.deepEqual(entry.default, schemaDefault(key, stack), `${key} in ${stack}`);
      }
    });

    it("passes the CLI's project-file checks: defaults of the declared type, arrays with items", () => {
      // pulumi/pulumi sdk/go/common/workspace/project.go, Project.Validate and ValidateConfigValue.
      const config = declared() as Record<
        string,
        { type: string; default?: unknown; items?: unknown }
      >;
      const ofType: Record<string, (v: unknown) => boolean> = {
        string: (v) => typeof v === "string",
        integer: (v) => Number.isInteger(v),
        boolean: (v) => typeof v === "boolean",
        array: (v) => Array.isArray(v),
      };
      for (const [key, entry] of Object.entries(config)) {
        assert.ok(ofType[entry.type], `${key}: type ${entry.type}`);
        if (entry.default !== undefined) assert.ok(ofType[entry.type](entry.default), key);
        if (entry.type === "array") assert.ok(entry.items, `${key} declares no items`);
        assert.ok(!("value" in entry), `${key}: a project key carries default, not value`);
      }
    });

    it("under the CLI's merge, no shipped stack is missing a required key", () => {
      const config = declared();
      for (const stack of ["prod", "staging", "exam"]) {
        const raw = stackFile(stack);
        const missing = Object.keys(config).filter(
          (k) => config[k].default === undefined && raw[`pythonide:${k}`] === undefined,
        );
        assert.deepEqual(missing, [], stack);
      }
    });
  });
});
