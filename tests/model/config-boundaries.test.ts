/**
 * The config reader at the edges of each check: values just inside and just outside every
 * pattern and range, the exam-only capacity rules, exam windows at their limits, the staging
 * switch at its deadline, and secrets never shown.
 */
import { strict as assert } from "assert";
import {
  ConfigError,
  RawConfig,
  StackConfig,
  isHostName,
  isImageReference,
  parseStackConfig,
  schemaDefault,
  sharedDefault,
  specOf,
  SCHEMA,
  STACKS,
} from "../../model/config";
import { shippedStackConfig } from "../../preview/program";

const NOW = new Date("2026-11-22T12:00:00Z");

/** The shipped stack's config with some keys changed (a value) or removed (undefined). */
function raw(stack: string, changes: Record<string, string | undefined>): RawConfig {
  const out = shippedStackConfig(stack);
  for (const [key, value] of Object.entries(changes)) {
    const full = key.includes(":") ? key : `pythonide:${key}`;
    if (value === undefined) delete out[full];
    else out[full] = { value, secret: false };
  }
  return out;
}

/** Every problem the changes cause ([] when the config is accepted). */
function problems(stack: string, changes: Record<string, string | undefined>, now = NOW): string[] {
  try {
    parseStackConfig(stack, raw(stack, changes), now);
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${err}`);
    return err.problems;
  }
}

function parsed(
  stack: string,
  changes: Record<string, string | undefined>,
  now = NOW,
): StackConfig {
  return parseStackConfig(stack, raw(stack, changes), now);
}

describe("stack config at the edges", () => {
  describe("exam capacity: never on Spot alone", () => {
    it("refuses spot-with-base with onDemandBase 1 in exam, accepts 2", () => {
      assert.deepEqual(
        problems("exam", { capacityProvider: "spot-with-base", onDemandBase: "1" }),
        [
          'pythonide:onDemandBase is "1": must be at least 2 in exam so an exam never rests on Spot tasks alone',
        ],
      );
      assert.deepEqual(
        problems("exam", { capacityProvider: "spot-with-base", onDemandBase: "2" }),
        [],
      );
      // The schema's default base (1) is not enough either.
      assert.equal(problems("exam", { capacityProvider: "spot-with-base" }).length, 1);
    });

    it("lets prod and staging run spot-with-base on a base of 1, and staging on Spot", () => {
      assert.deepEqual(
        problems("prod", { capacityProvider: "spot-with-base", onDemandBase: "1" }),
        [],
      );
      assert.deepEqual(problems("staging", { capacityProvider: "spot" }), []);
      assert.deepEqual(problems("prod", { capacityProvider: "spot" }), []);
    });

    it("refuses an on-demand base above maxTasks, accepts one equal to it", () => {
      assert.deepEqual(
        problems("prod", { capacityProvider: "spot-with-base", onDemandBase: "17" }),
        ['pythonide:onDemandBase is "17": must not exceed maxTasks (16)'],
      );
      assert.deepEqual(
        problems("prod", { capacityProvider: "spot-with-base", onDemandBase: "16" }),
        [],
      );
      // Without spot-with-base the base is not used, so it is not checked.
      assert.deepEqual(problems("prod", { onDemandBase: "17" }), []);
    });

    it("reads the capacity settings it was given", () => {
      const c = parsed("prod", {
        capacityProvider: "spot-with-base",
        onDemandBase: "2",
        spotWeight: "3",
      });
      assert.deepEqual(c.service.capacity, {
        strategy: "spot-with-base",
        onDemandBase: 2,
        spotWeight: 3,
      });
      assert.deepEqual(parsed("prod", {}).service.capacity, {
        strategy: "on-demand",
        onDemandBase: 1,
        spotWeight: 4,
      });
    });

    it("refuses an exam idle floor equal to maxTasks, accepts one below it", () => {
      assert.deepEqual(problems("exam", { minTasks: "10" }), [
        'pythonide:minTasks is "10": the idle floor must be below maxTasks (10)',
      ]);
      const c = parsed("exam", { minTasks: "9" });
      assert.deepEqual(
        [c.service.minTasks, c.service.desiredTasks, c.service.maxTasks],
        [9, 9, 10],
      );
    });
  });

  describe("prod task counts", () => {
    it("accepts min < desired = max and min = desired < max", () => {
      assert.deepEqual(problems("prod", { minTasks: "1", desiredTasks: "8", maxTasks: "8" }), []);
      const c = parsed("prod", { minTasks: "2", desiredTasks: "2", maxTasks: "3" });
      assert.deepEqual([c.service.minTasks, c.service.desiredTasks, c.service.maxTasks], [2, 2, 3]);
    });
  });

  describe("a database instance holds the peak's connections below its alarm", () => {
    // Hand-computed: a 0.5 vCPU task serves floor(0.5 x 0.6 / (0.65 / 34)) = 15 students, who
    // use ceil(15 x 15 / 34) = 7 connections (above the pool minimum 5); a db.t4g.small allows
    // floor(floor(2 GiB / 9531392) x 0.8) = floor(225 x 0.8) = 180, a micro floor(112 x 0.8) = 89.
    it("prod: 25 tasks x 7 = 175 fit a db.t4g.small, 26 x 7 = 182 do not", () => {
      assert.deepEqual(problems("prod", { maxTasks: "25" }), []);
      assert.deepEqual(problems("prod", { maxTasks: "26" }), [
        'pythonide:dbInstanceClass is "db.t4g.small": allows 180 connections below the connections alarm, but maxTasks 26 tasks of 15 students (taskCpu 512 at cpuTargetPercent 60) open 7 connections each, 182 at the peak (model/capacity.ts peakDbConnections); use db.t4g.medium, the smallest class that holds 182, or lower pythonide:maxTasks to 25, or pythonide:taskCpu (a smaller task serves fewer students and opens fewer connections)',
      ]);
    });

    it("prod as shipped (16 x 7 = 112) does not fit a db.t4g.micro (89), and 12 x 7 = 84 does", () => {
      assert.deepEqual(problems("prod", { dbInstanceClass: "db.t4g.micro" }), [
        'pythonide:dbInstanceClass is "db.t4g.micro": allows 89 connections below the connections alarm, but maxTasks 16 tasks of 15 students (taskCpu 512 at cpuTargetPercent 60) open 7 connections each, 112 at the peak (model/capacity.ts peakDbConnections); use db.t4g.small, the smallest class that holds 112, or lower pythonide:maxTasks to 12, or pythonide:taskCpu (a smaller task serves fewer students and opens fewer connections)',
      ]);
      assert.deepEqual(problems("prod", { dbInstanceClass: "db.t4g.micro", maxTasks: "12" }), []);
    });

    it("counts a full task's pool maximum (25) when its students would use more", () => {
      // 2 vCPU: 62 students, ceil(62 x 15 / 34) = 28 > 25: 8 tasks hold 200 > 180.
      assert.deepEqual(
        problems("prod", { taskCpu: "2048", taskMemory: "4096", maxTasks: "7" }),
        [],
      );
      assert.match(
        problems("prod", { taskCpu: "2048", taskMemory: "4096", maxTasks: "8" }).join("\n"),
        /maxTasks 8 tasks of 62 students \(taskCpu 2048 at cpuTargetPercent 60\) open 25 connections each, 200 at the peak/,
      );
    });

    it("names the task size as the cause and no class when none holds the peak", () => {
      // 4 vCPU: floor(4 x 0.6 / (0.65 / 34)) = 125 students, a full pool of 25 each: 16 x 25 = 400,
      // above the largest class (db.t4g.medium: floor(450 x 0.8) = 360); a small holds 180 / 25 = 7.
      assert.deepEqual(problems("prod", { taskCpu: "4096", taskMemory: "8192", maxTasks: "16" }), [
        'pythonide:dbInstanceClass is "db.t4g.small": allows 180 connections below the connections alarm, but maxTasks 16 tasks of 125 students (taskCpu 4096 at cpuTargetPercent 60) open 25 connections each, 400 at the peak (model/capacity.ts peakDbConnections); no class holds 400 (the largest, db.t4g.medium, allows 360): lower pythonide:maxTasks to 7, or pythonide:taskCpu (a smaller task serves fewer students and opens fewer connections)',
      ]);
    });

    it("judges exam and staging instances too, not their serverless databases", () => {
      assert.deepEqual(problems("exam", { dbKind: "instance" }), []);
      assert.match(
        problems("exam", { dbKind: "instance", dbInstanceClass: "db.t4g.micro" }).join("\n"),
        /"db.t4g.micro": allows 89 connections .* maxTasks 10 tasks of 31 students \(taskCpu 1024 at cpuTargetPercent 60\) open 14 connections each, 140 at/,
      );
      assert.deepEqual(problems("exam", { maxTasks: "30" }), []);
    });
  });

  describe("the VPC range", () => {
    const vpc = (vpcCidr: string) => problems("prod", { vpcCidr });
    const refused = (v: string) => [
      `pythonide:vpcCidr is "${v}": must be a private IPv4 range (10/8, 172.16/12 or 192.168/16) from /16 to /22, such as 10.0.0.0/16`,
    ];
    for (const ok of [
      "10.0.0.0/16",
      "10.255.252.0/22",
      "172.16.0.0/16",
      "172.31.0.0/16",
      "192.168.0.0/16",
      "10.1.0.0/16",
    ]) {
      it(`accepts ${ok}`, () => assert.deepEqual(vpc(ok), []));
    }
    for (const [why, bad] of [
      ["a public range", "11.0.0.0/16"],
      ["just below 172.16/12", "172.15.0.0/16"],
      ["just above 172.16/12", "172.32.0.0/16"],
      ["192.169 is public", "192.169.0.0/16"],
      ["168.168 is public", "168.168.0.0/16"],
      ["wider than /16", "10.0.0.0/15"],
      ["narrower than /22", "10.0.0.0/23"],
      ["a /8", "10.0.0.0/8"],
      ["a /24", "10.0.0.0/24"],
      ["host bits set in the last octet", "10.0.0.1/16"],
      ["host bits set in the third octet", "10.0.1.0/16"],
      ["a misaligned /22", "10.0.2.0/22"],
      ["an octet above 255", "10.256.0.0/16"],
      ["a first octet above 255", "266.0.0.0/16"],
      ["four-digit octet", "10.0000.0.0/16"],
      ["no prefix length", "10.0.0.0"],
      ["text around it", " 10.0.0.0/16"],
      ["text after it", "10.0.0.0/16x"],
    ] as const) {
      it(`refuses ${bad} (${why})`, () => assert.deepEqual(vpc(bad), refused(bad)));
    }
  });

  describe("host names and images", () => {
    it("takes two labels or more, up to 253 characters, not ending in a number", () => {
      assert.equal(isHostName("a.b"), true);
      assert.equal(isHostName("ide.example.edu"), true);
      assert.equal(isHostName("ide.example.123"), false);
      assert.equal(isHostName("ide.example.1a"), true);
      assert.equal(isHostName("ide.123.edu"), true);
      assert.equal(isHostName("10.0.0.1"), false);
      const label = "a".repeat(63);
      const long = [label, label, label, "a".repeat(61)].join("."); // 253 characters
      assert.equal(long.length, 253);
      assert.equal(isHostName(long), true);
      assert.equal(isHostName(`a${long}`), false);
    });

    it("takes an image reference up to 255 characters", () => {
      const name = `registry.example.com/${"a".repeat(255 - "registry.example.com/".length - 4)}:1.0`;
      assert.equal(name.length, 255);
      assert.equal(isImageReference(name), true);
      assert.equal(isImageReference(name.replace(":1.0", "a:1.0")), false);
      assert.equal(isImageReference("python"), true);
    });
  });

  describe("messages", () => {
    it("never shows the value of a key that was set as a secret, even one not marked secret", () => {
      const config = raw("prod", {});
      config["pythonide:alarmEmail"] = { value: "hunter2-not-an-email", secret: true };
      config["pythonide:taskCpu"] = { value: "hunter2", secret: true };
      assert.throws(
        () => parseStackConfig("prod", config, NOW),
        (err: ConfigError) =>
          err.problems.join("\n") ===
            [
              "pythonide:alarmEmail is [secret]: must be an email address",
              "pythonide:taskCpu is [secret]: must be a whole number from 256 to 16384",
            ].join("\n") && !err.message.includes("hunter2"),
      );
    });

    it("names the error ConfigError", () => {
      assert.throws(
        () => parseStackConfig("prod", raw("prod", { taskCpu: "1" }), NOW),
        (err: Error) => err.name === "ConfigError",
      );
    });

    it("a required key that is missing: no value shown", () => {
      assert.deepEqual(problems("prod", { domain: undefined }), [
        "pythonide:domain is required: Base host name of the IDE (prod serves it; staging and exam serve staging.<domain> and exam.<domain>).",
      ]);
      assert.deepEqual(problems("prod", { "aws:region": undefined }), [
        "aws:region is required: the AWS region to deploy to",
      ]);
    });

    it("keys of other namespaces, and keys without one, are not this program's to judge", () => {
      const config = raw("prod", {});
      config["aws:profile"] = { value: "x", secret: false };
      config["nonamespace"] = { value: "x", secret: false };
      assert.doesNotThrow(() => parseStackConfig("prod", config, NOW));
    });

    it("suggests a key within 3 edits, not one 4 edits away, and lists every stack a key applies to", () => {
      assert.deepEqual(problems("prod", { taskMem: "2048" }), [
        "pythonide:taskMem is not a setting of this program: did you mean pythonide:taskCpu?",
      ]);
      assert.deepEqual(problems("prod", { maxTasksXYZW: "1" }), [
        "pythonide:maxTasksXYZW is not a setting of this program: known keys are listed in the README's settings table",
      ]);
      assert.deepEqual(problems("staging", { minTasks: "1" }), [
        "pythonide:minTasks does not apply to the staging stack: it is a setting of prod and exam",
      ]);
    });

    it("names each credential-like key in any case", () => {
      for (const key of ["DB_PASSWORD", "databaseUrl", "DbUrl", "connectionString", "smtpPasswd"]) {
        assert.deepEqual(problems("prod", { [key]: "x" }), [
          `pythonide:${key} is not a setting: database credentials are never configured; RDS manages the master password in Secrets Manager and tasks receive it as a container secret. Remove the key`,
        ]);
      }
    });

    it("lists problems in key order, whatever order the file has", () => {
      assert.deepEqual(problems("prod", { zzz: "1", aaa: "1" }), [
        "pythonide:aaa is not a setting of this program: known keys are listed in the README's settings table",
        "pythonide:zzz is not a setting of this program: known keys are listed in the README's settings table",
      ]);
    });
  });

  describe("numbers, booleans and lists", () => {
    it("reads whole numbers with spaces around them and a sign, and refuses the rest", () => {
      assert.equal(parsed("prod", { maxTasks: " 9 " }).service.maxTasks, 9);
      assert.deepEqual(problems("prod", { maxTasks: "-1" }), [
        'pythonide:maxTasks is "-1": must be a whole number from 1 to 100',
      ]);
      assert.deepEqual(problems("prod", { maxTasks: "1e1" }), [
        'pythonide:maxTasks is "1e1": must be a whole number from 1 to 100',
      ]);
      assert.deepEqual(problems("prod", { maxTasks: "101" }), [
        'pythonide:maxTasks is "101": must be a whole number from 1 to 100',
      ]);
      // prod's instance holds no 100 tasks' connections (below); exam's serverless database does.
      assert.equal(
        parsed("exam", { maxTasks: "100", dbConnectionsPerTask: "10" }).service.maxTasks,
        100,
      );
    });

    it("reads every service, database and platform setting it was given", () => {
      const c = parsed("prod", {
        cpuArchitecture: "ARM64",
        memoryTargetPercent: "80",
        logRetentionDays: "14",
        dbInstanceClass: "db.t4g.medium",
        dbAllocatedStorageGb: "50",
        dbBackupRetentionDays: "3",
        deletionProtection: "false",
        dbMultiAz: "true",
        availabilityZones: "3",
        natStrategy: "single",
        efsThroughputMode: "bursting",
      });
      assert.equal(c.service.architecture, "ARM64");
      assert.equal(c.service.memoryTargetPercent, 80);
      assert.equal(c.service.logRetentionDays, 14);
      assert.deepEqual(c.database, {
        kind: "instance",
        instanceClass: "db.t4g.medium",
        allocatedStorageGb: 50,
        backupRetentionDays: 3,
        deletionProtection: false,
        multiAz: true,
      });
      assert.deepEqual(c.platform, {
        availabilityZones: 3,
        vpcCidr: "10.0.0.0/16",
        natStrategy: "single",
        certificateArn:
          "arn:aws:acm:us-east-2:000000000000:certificate/00000000-0000-0000-0000-000000000000",
        efsThroughputMode: "bursting",
        efsProvisionedMibps: undefined,
      });
    });

    it("keeps provisioned MiB/s only in provisioned mode, and names the mode a stray MiB/s is in", () => {
      const c = parsed("prod", { efsThroughputMode: "provisioned", efsProvisionedMibps: "64" });
      assert.equal(c.platform?.efsProvisionedMibps, 64);
      assert.deepEqual(
        problems("prod", { efsThroughputMode: "bursting", efsProvisionedMibps: "2000" }),
        [
          'pythonide:efsProvisionedMibps is "2000": must be a whole number from 1 to 1024',
          'pythonide:efsProvisionedMibps is "2000": only applies when efsThroughputMode is provisioned (it is bursting)',
        ],
      );
    });

    it("refuses exam windows that are not a list of strings", () => {
      for (const v of ["not json", '{"a": 1}', '["ok", 3]']) {
        assert.deepEqual(problems("exam", { examWindows: v }), [
          `pythonide:examWindows is ${JSON.stringify(v)}: must be a list of strings`,
        ]);
      }
    });
  });

  describe("exam windows at their limits", () => {
    const windows = (...w: string[]) => problems("exam", { examWindows: JSON.stringify(w) });
    const entry = (text: string, what: string, i = 0) =>
      `pythonide:examWindows[${i}] is ${JSON.stringify(text)}: ${what}`;
    const FORMAT =
      'write "<name> <start>/<end> <students> [time zone]", such as "midsem 2026-03-10T09:00/2026-03-10T11:00 120"';

    it("takes 1 to 100000 students as digits only", () => {
      assert.deepEqual(windows("a 2027-03-16T09:00/2027-03-16T10:00 1"), []);
      for (const bad of ["0", "many", "12x", "x12", "1.5", "-3", "100001"]) {
        const text = `a 2027-03-16T09:00/2027-03-16T10:00 ${bad}`;
        assert.deepEqual(windows(text), [
          entry(text, `the student count "${bad}" must be a whole number from 1 to 100000`),
        ]);
      }
    });

    it("plans tasks up to maxTasks exactly, and refuses one student more", () => {
      // 31 students per task (1 vCPU at 60%); maxTasks 10.
      const c = parsed("exam", {
        examWindows: JSON.stringify(["a 2027-03-16T09:00/2027-03-16T10:00 310"]),
      });
      assert.equal(c.exam?.windows[0].tasks, 10);
      assert.equal(windows("a 2027-03-16T09:00/2027-03-16T10:00 311").length, 1);
    });

    it("takes a window of exactly 24 hours, refuses one a minute longer", () => {
      assert.deepEqual(windows("a 2027-03-16T09:00/2027-03-17T09:00 30"), []);
      const text = "a 2027-03-16T09:00/2027-03-17T09:01 30";
      assert.deepEqual(windows(text), [
        entry(text, "the window is longer than 24 hours; split it into one window per exam"),
      ]);
    });

    it("refuses a window that ends when it starts", () => {
      const text = "a 2027-03-16T09:00/2027-03-16T09:00 30";
      assert.deepEqual(windows(text), [
        entry(
          text,
          "the end 2027-03-16T09:00 (2027-03-16T14:00Z) is not after its start 2027-03-16T09:00 (2027-03-16T14:00Z)",
        ),
      ]);
    });

    it("lets one window start when the previous ends, in either order", () => {
      assert.deepEqual(
        windows("b 2027-03-16T10:00/2027-03-16T11:00 30", "a 2027-03-16T09:00/2027-03-16T10:00 30"),
        [],
      );
      const c = parsed("exam", {
        examWindows: JSON.stringify([
          "b 2027-03-16T10:00/2027-03-16T11:00 30",
          "a 2027-03-16T09:00/2027-03-16T10:00 30",
        ]),
      });
      assert.deepEqual(
        c.exam?.windows.map((w) => w.name),
        ["a", "b"],
      );
    });

    it("takes extra spaces between the parts, and refuses two parts or five", () => {
      assert.deepEqual(windows("  a   2027-03-16T09:00/2027-03-16T10:00   30  "), []);
      for (const text of [
        "a 2027-03-16T09:00/2027-03-16T10:00",
        "a 2027-03-16T09:00/2027-03-16T10:00 30 UTC extra",
      ]) {
        assert.deepEqual(windows(text), [entry(text, FORMAT)]);
      }
    });

    it("refuses an interval without an end or with a third part", () => {
      for (const text of [
        "a 2027-03-16T09:00 30",
        "a 2027-03-16T09:00/2027-03-16T10:00/2027-03-16T11:00 30",
      ]) {
        assert.deepEqual(windows(text), [entry(text, FORMAT)]);
      }
    });

    it("refuses a malformed end, a bad name and a bad time zone of the window's own", () => {
      const end = "a 2027-03-16T09:00/2027-03-16T25:00 30";
      assert.deepEqual(windows(end), [
        entry(
          end,
          'the end "2027-03-16T25:00" is not a date and time that exists on the calendar: write a time YYYY-MM-DDTHH:MM (seconds optional), local or with Z or an offset such as -05:00',
        ),
      ]);
      const name = "Midsem 2027-03-16T09:00/2027-03-16T10:00 30";
      assert.deepEqual(windows(name), [
        entry(
          name,
          'the name "Midsem" must be lower-case letters, digits and hyphens (at most 32)',
        ),
      ]);
      const zone = "a 2027-03-16T09:00/2027-03-16T10:00 30 Mars/Olympus";
      assert.deepEqual(windows(zone), [
        entry(
          zone,
          'the time zone "Mars/Olympus" is not an IANA time zone: write Area/Location such as America/Chicago, Europe/London or Australia/Sydney, or UTC',
        ),
      ]);
    });

    it("reports a bad stack time zone once, not on every window", () => {
      assert.deepEqual(problems("exam", { timeZone: "Mars/Olympus" }), [
        'pythonide:timeZone "Mars/Olympus" is not an IANA time zone: write Area/Location such as America/Chicago, Europe/London or Australia/Sydney, or UTC',
      ]);
    });

    it("counts a window whose grace period ends exactly now as over", () => {
      const c = parsed(
        "exam",
        {
          examWindows: JSON.stringify([
            "a 2026-11-22T05:00/2026-11-22T06:00 30",
            "b 2026-11-22T06:00/2026-11-22T06:01 30",
          ]),
          graceMinutes: "0",
        },
        new Date("2026-11-22T12:00:00Z"), // 06:00 in Chicago
      );
      assert.deepEqual(
        c.exam?.skipped.map((w) => w.name),
        ["a"],
      );
      assert.deepEqual(
        c.exam?.windows.map((w) => w.name),
        ["b"],
      );
    });

    it("derives students per task from the task's CPU and target, or takes it from config", () => {
      assert.equal(
        parsed("exam", { taskCpu: "2048", taskMemory: "4096" }).exam?.studentsPerTask,
        62,
      );
      assert.equal(
        parsed("exam", { cpuTargetPercent: "30", maxTasks: "20" }).exam?.studentsPerTask,
        15,
      );
      assert.equal(parsed("exam", { studentsPerTask: "40" }).exam?.studentsPerTask, 40);
      assert.deepEqual(problems("exam", { studentsPerTask: "0" }), [
        'pythonide:studentsPerTask is "0": must be a whole number from 1 to 10000',
      ]);
    });

    it("reads lead and grace minutes", () => {
      const c = parsed("exam", { leadMinutes: "15", graceMinutes: "0" });
      assert.deepEqual([c.exam?.leadMinutes, c.exam?.graceMinutes], [15, 0]);
      assert.deepEqual(
        [parsed("exam", {}).exam?.leadMinutes, parsed("exam", {}).exam?.graceMinutes],
        [60, 30],
      );
    });
  });

  describe("the staging switch at its limits", () => {
    it("is active with an expiry exactly maxActiveHours ahead, refused a minute later", () => {
      const c = parsed("staging", { active: "true", activeUntil: "2026-11-23T00:00Z" });
      assert.equal(c.staging?.active, true);
      assert.deepEqual(problems("staging", { active: "true", activeUntil: "2026-11-23T00:01Z" }), [
        'pythonide:activeUntil is "2026-11-23T00:01Z": 12.0 hours ahead, but staging may be active for at most 12 hours (maxActiveHours): use a time before 2026-11-23T00:00Z (2026-11-22 18:00 in America/Chicago, UTC-06:00), or raise pythonide:maxActiveHours to 13 (at most 168) and, in the same change, the staging-scales-to-zero policy\'s maxActiveHours to 13 in the policy config file given to pulumi preview and pulumi up with --policy-pack-config (npm start: --policy-config), {"staging-scales-to-zero": {"maxActiveHours": 13}}',
      ]);
    });

    it("is off, with a warning, at an expiry of exactly now", () => {
      const c = parsed("staging", { active: "true", activeUntil: "2026-11-22T12:00Z" });
      assert.equal(c.staging?.active, false);
      assert.deepEqual(c.warnings, [
        "staging expired at 2026-11-22T12:00Z (2026-11-22 06:00 in America/Chicago, UTC-06:00) and stays off; to switch it on, set pythonide:activeUntil to a future time at most 12 hours ahead, now before 2026-11-23T00:00Z (2026-11-22 18:00 in America/Chicago, UTC-06:00), and run pulumi up",
      ]);
      assert.equal(
        parsed("staging", { active: "true", activeUntil: "2026-11-22T12:01Z" }).staging?.active,
        true,
      );
    });

    it("refuses more active tasks than maxTasks, accepts as many", () => {
      assert.deepEqual(problems("staging", { activeTasks: "3" }), [
        'pythonide:activeTasks is "3": must not exceed maxTasks (2)',
      ]);
      const c = parsed("staging", {
        activeTasks: "2",
        active: "true",
        activeUntil: "2026-11-22T18:00Z",
      });
      assert.deepEqual([c.service.minTasks, c.service.maxTasks, c.staging?.activeTasks], [2, 2, 2]);
    });

    it("reads maxActiveHours and dbKind", () => {
      const c = parsed("staging", { maxActiveHours: "24", dbKind: "instance" });
      assert.deepEqual([c.staging?.maxActiveHours, c.database.kind], [24, "instance"]);
      assert.equal(c.database.serverless, undefined);
    });
  });

  describe("one problem per bad value: nothing derived from it is judged again", () => {
    for (const [stack, changes, what] of [
      ["prod", { taskCpu: "abc" }, "taskCpu"],
      ["prod", { taskMemory: "abc" }, "taskMemory"],
      ["prod", { taskCpu: "abc", taskMemory: "16384" }, "taskCpu"],
      ["prod", { taskMemory: "abc", taskCpu: "4096" }, "taskMemory"],
      ["prod", { minTasks: "abc", desiredTasks: "1", maxTasks: "1" }, "minTasks"],
      ["prod", { desiredTasks: "abc", minTasks: "1", maxTasks: "1" }, "desiredTasks"],
      ["prod", { maxTasks: "abc", minTasks: "8", desiredTasks: "8" }, "maxTasks"],
      [
        "prod",
        { maxTasks: "abc", capacityProvider: "spot-with-base", onDemandBase: "9" },
        "maxTasks",
      ],
      ["exam", { maxTasks: "abc", minTasks: "10" }, "maxTasks"],
      ["exam", { capacityProvider: "spot-with-base", onDemandBase: "abc" }, "onDemandBase"],
      [
        "exam",
        { maxTasks: "abc", examWindows: '["big 2027-03-16T09:00/2027-03-16T10:00 400"]' },
        "maxTasks",
      ],
      ["staging", { maxTasks: "abc", activeTasks: "3" }, "maxTasks"],
      ["prod", { image: undefined }, "image is required"],
      ["prod", { logRetentionDays: "abc" }, "logRetentionDays"],
      ["prod", { efsThroughputMode: "fast", efsProvisionedMibps: "10" }, "efsThroughputMode"],
      ["staging", { maxTasks: "0" }, "maxTasks"],
      ["exam", { maxTasks: "0" }, "maxTasks"],
      ["exam", { taskCpu: "abc" }, "taskCpu"],
      ["exam", { cpuTargetPercent: "5" }, "cpuTargetPercent"],
      ["exam", { platformStack: undefined }, "platformStack is required"],
    ] as const) {
      it(`${stack} ${JSON.stringify(changes)}`, () => {
        const found = problems(stack, changes);
        assert.equal(found.length, 1, found.join("\n"));
        assert.ok(found[0].startsWith(`pythonide:${what}`), found[0]);
      });
    }
  });

  describe("what each stack reads", () => {
    it("region, domain and host per stack; exam and staging settings only in their stacks", () => {
      const prod = parsed("prod", {});
      assert.deepEqual(
        [prod.region, prod.domain, prod.host, prod.service.image],
        [
          "us-east-2",
          "ide.example.edu",
          "ide.example.edu",
          "registry.example.com/pythonide:2025.10.1",
        ],
      );
      assert.equal(prod.exam, undefined);
      assert.equal(prod.staging, undefined);
      const staging = parsed("staging", {});
      assert.equal(staging.host, "staging.ide.example.edu");
      assert.equal(staging.exam, undefined);
      assert.equal(staging.platform, undefined);
      assert.equal(parsed("exam", {}).staging, undefined);
    });

    it("reads a grace period other than the default", () => {
      assert.equal(parsed("exam", { graceMinutes: "45" }).exam?.graceMinutes, 45);
    });

    it("refuses a public range whose second octet lies in 16-31", () => {
      assert.equal(problems("prod", { vpcCidr: "11.16.0.0/16" }).length, 1);
      assert.equal(problems("prod", { vpcCidr: "192.16.0.0/16" }).length, 1);
    });

    it("host names: 254 characters of valid labels is too long; a last label may end in a digit", () => {
      const label = "a".repeat(63);
      const long = [label, label, label, "a".repeat(62)].join(".");
      assert.equal(long.length, 254);
      assert.equal(isHostName(long), false);
      assert.equal(isHostName("ide.example.a1"), true);
    });

    it("reads a window of 100000 students (and asks for the tasks it needs)", () => {
      const text = "a 2027-03-16T09:00/2027-03-16T10:00 100000";
      const found = problems("exam", { examWindows: JSON.stringify([text]) });
      assert.equal(found.length, 1);
      assert.match(found[0], /needs 3226 tasks for 100000 students at 31 students per task/);
    });
  });

  describe("schema defaults", () => {
    it("schemaDefault gives a stack's default and names a missing one", () => {
      assert.equal(schemaDefault("maxTasks", "exam"), 10);
      assert.throws(
        () => schemaDefault("domain", "prod"),
        (err: Error) =>
          err.message === "model/config/schema.ts SCHEMA declares no prod default for domain",
      );
      assert.throws(
        () => schemaDefault("noSuchKey", "prod"),
        /declares no prod default for noSuchKey/,
      );
    });

    it("sharedDefault: not for a key of some stacks only, even with one default; specOf names an unknown key", () => {
      const spec = {
        type: "integer",
        stacks: ["prod", "exam"],
        description: "",
        default: { prod: 1, exam: 1 },
      } as const;
      assert.equal(sharedDefault(spec), undefined);
      const some = {
        type: "integer",
        stacks: STACKS,
        description: "",
        default: { prod: 1, staging: 1 },
      } as const;
      assert.equal(sharedDefault(some), undefined);
      assert.throws(
        () => specOf("noSuchKey"),
        (err: Error) =>
          err.message === "model/config/schema.ts SCHEMA declares no setting noSuchKey",
      );
    });

    it("shows the default of a key the file does not set when a rule between keys refuses it", () => {
      assert.deepEqual(
        problems("prod", { maxTasks: undefined, minTasks: "16", desiredTasks: "16" }),
        [
          'pythonide:maxTasks is "16": must be greater than minTasks (16) so autoscaling can add tasks',
        ],
      );
    });

    it("sharedDefault: only a default every stack has, the same everywhere", () => {
      assert.equal(sharedDefault(SCHEMA.timeZone), "UTC");
      assert.equal(sharedDefault(SCHEMA.maxTasks), undefined);
      assert.equal(sharedDefault(SCHEMA.minTasks), undefined);
      assert.equal(sharedDefault(SCHEMA.alarmEmail), undefined);
    });
  });
});
