import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { peakConcurrentSessions, SEED_004_TRAFFIC, studentsPerTask } from "../../model/capacity";
import { PriceKey, pricesFor } from "../../model/prices";
import { defaultRequest, parseArgs, plan, USAGE } from "../../scripts/plan";

const near = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-6, `${actual} is not ${expected}`);

describe("capacity: seed 004's concurrency estimate", () => {
  it("reproduces 1000 users a day -> about 11 concurrent sessions at the peak", () => {
    const sessions = peakConcurrentSessions({ dailyUsers: 1000, ...SEED_004_TRAFFIC });
    // 1000 x 5 / 480 min = 10.42 a minute; x 30 s / 60; x 2 = 10.42 -> 11.
    near(sessions, ((1000 * 5) / 480) * 0.5 * 2);
    assert.equal(Math.ceil(sessions), 11);
    // Seed 004's growth table: 10,000 users ~120 (104 by the same formula, the seed rounds up).
    assert.equal(
      Math.ceil(peakConcurrentSessions({ dailyUsers: 10000, ...SEED_004_TRAFFIC })),
      105,
    );
  });

  it("refuses a profile it cannot compute, naming the value", () => {
    assert.throws(
      () => peakConcurrentSessions({ dailyUsers: 10, ...SEED_004_TRAFFIC, activeHours: 0 }),
      /traffic profile activeHours is 0: must be more than 0 and at most 24/,
    );
    assert.throws(
      () => peakConcurrentSessions({ dailyUsers: -1, ...SEED_004_TRAFFIC }),
      /traffic profile dailyUsers is -1: must be a number >= 0/,
    );
  });

  it("counts whole students per task without float error dropping one", () => {
    // 0.6 / (0.2 / 60) is 179.99999999999997 in floating point.
    assert.equal(studentsPerTask(1024, 60, (0.05 * 4) / 60), 180);
  });
});

describe("npm run plan", () => {
  it("120 exam students: 31 a task at 60% of 1 vCPU -> 4 tasks -> dollars", () => {
    const r = plan({ ...defaultRequest("students"), students: 120 });
    assert.equal(r.perTask, 31);
    assert.equal(r.tasks, 4);
    // Each task with its public IPv4 address (natStrategy "none"): 730 h x $0.005 = $3.65.
    near(r.monthly, 4 * (36.0401 + 3.65));
    near(r.hourly, (4 * (36.0401 + 3.65)) / 730);
    // One exam: 60 min lead + 2 h + 30 min grace = 3.5 h of 4 tasks.
    near(r.perExam!, 3.5 * 4 * (0.04048 + 2 * 0.004445 + 0.005));
    assert.match(
      r.text,
      /\$158\.76 a month all month, of which \$14\.60 for their public IPv4 addresses \(4 x 730 h x \$0\.005\)/,
    );
    assert.match(r.text, /^Plan for an exam with 120 students \(us-east-2\)$/m);
    assert.match(r.text, /tasks: ceil\(120 \/ 31\), at least 2 during an exam = 4/);
    assert.match(
      r.text,
      /one exam: 60 min lead \+ 2 h \+ 30 min grace = 3\.5 h of 4 tasks = \$0\.76/,
    );
    assert.match(r.text, /per-student load 0\.0191 vCPU \(exam load, seed 001/);
  });

  it("marks every figure priced with a borrowed price (*), counts those lines in the title, names them in words", () => {
    const own = pricesFor("us-east-2");
    const borrowing = (...keys: PriceKey[]) => ({
      "us-east-2": {
        ...own,
        items: {
          ...own.items,
          ...Object.fromEntries(
            keys.map((k) => [k, { ...own.items[k], assumedFrom: "us-east-1" }]),
          ),
        },
      },
    });
    const request = { ...defaultRequest("students"), students: 120 };
    // Only the load balancer's hour borrowed: its figure has a *, the tasks' figures do not.
    const lb = plan({ ...request, prices: borrowing("alb.hour") }).text;
    // Lines: vCPU, memory, public IPv4 of the tasks; the load balancer's hour, LCUs, 2 public IPv4.
    assert.match(
      lb,
      /^Plan for an exam with 120 students \(us-east-2; 1 of 6 priced lines at us-east-1's prices, marked \*\)$/m,
    );
    assert.match(lb, /^ {2}cost of 4 task\(s\): \$[\d.]+ an hour, \$158\.76 a month all month,/m);
    assert.match(lb, /= \$0\.76$/m);
    assert.match(lb, /2 public IPv4\): \$[\d,.]+\* a month,/);
    assert.match(
      lb,
      /^ {4}no us-east-2 source was found for load balancer hours: those prices are assumed equal to us-east-1's \(marked \*\)$/m,
    );
    // Fargate vCPU and the LCU borrowed: every figure has a *, both named once, in one note.
    const both = plan({
      ...request,
      prices: borrowing("fargate.x86.vcpuHour", "alb.lcuHour"),
    }).text;
    assert.match(both, /\(us-east-2; 2 of 6 priced lines at us-east-1's prices, marked \*\)$/m);
    assert.match(both, /cost of 4 task\(s\): \$[\d.]+\* an hour, \$158\.76\* a month all month/);
    assert.match(both, /= \$0\.76\*$/m);
    assert.match(both, /2 public IPv4\): \$[\d,.]+\* a month,/);
    assert.deepEqual(
      both.split("\n").filter((l) => l.includes("source was found")),
      [
        "    no us-east-2 source was found for Fargate vCPU (x86), load balancer capacity units (LCU-hours): those prices are assumed equal to us-east-1's (marked *)",
      ],
    );
  });

  it("never plans a single task for an exam", () => {
    assert.equal(plan({ ...defaultRequest("students"), students: 10 }).tasks, 2);
  });

  it("1000 users a day: 11 concurrent sessions -> 1 task at ordinary load", () => {
    const r = plan({ ...defaultRequest("dailyUsers"), dailyUsers: 1000 });
    assert.equal(r.concurrent, 11);
    // prod's default task, 0.5 vCPU / 2 GB: floor(0.5 x 0.6 / (0.2 / 60)) = 90 students.
    assert.equal(r.perTask, 90);
    assert.equal(r.tasks, 1);
    // 730 h x (0.5 x $0.04048 + 2 x $0.004445) = $21.2649, and its public IPv4.
    near(r.monthly, 21.2649 + 3.65);
    // The load balancer: hours, LCUs from the workload (11 sessions x 5 MB/h = 0.055 GB a class
    // hour x 80 h = 4.4 LCU-hours x $0.008), 2 public IPv4.
    near(r.monthlyWithLoadBalancer, 21.2649 + 3.65 + 16.425 + 4.4 * 0.008 + 7.3);
    assert.match(r.text, /traffic: 5 sessions a user, over 8 h, 30 s each, peak x2 \(seed 004\)/);
  });

  it("prices the options through the same estimate: Spot and ARM cost less", () => {
    const base = plan(parseArgs(["--daily-users", "1000", "--cpu", "512", "--memory", "1024"]));
    const spot = plan(
      parseArgs([
        "--daily-users",
        "1000",
        "--cpu",
        "512",
        "--memory",
        "1024",
        "--capacity",
        "spot",
      ]),
    );
    near(base.monthly, 14.7752 + 3.24485 + 3.65);
    // Spot discounts the task, not its public IPv4 address.
    near(spot.monthly, 0.3 * (14.7752 + 3.24485) + 3.65);
    const behindNat = plan(
      parseArgs(["--daily-users", "1000", "--cpu", "512", "--memory", "1024", "--public-ip", "no"]),
    );
    near(behindNat.monthly, 14.7752 + 3.24485);
    assert.match(behindNat.text, /\(no public IPv4: tasks behind NAT\)/);
    const arm = plan(parseArgs(["--students", "60", "--arch", "ARM64"]));
    assert.ok(arm.monthly < plan(parseArgs(["--students", "60"])).monthly);
  });

  it("applies free tiers and reads live prices only when asked, and says so", () => {
    const req = parseArgs(["--students", "60", "--free-tier", "--region", "eu-west-2"]);
    assert.equal(req.freeTier, true);
    assert.equal(req.livePrices, undefined);
    assert.equal(parseArgs(["--live-prices", "--students", "60"]).livePrices, true);
    const r = plan(req);
    assert.match(r.text, /free tiers applied per account, as if this stack were alone in it/);
    assert.match(r.text, /prices: model\/prices\/ for eu-west-2/);
    // London's own Fargate and public IPv4 figures: 2 tasks x 730 h x (0.04656 + 2 x 0.00511 + 0.005).
    near(r.monthly, 2 * 730 * (0.04656 + 2 * 0.00511 + 0.005));
    assert.match(plan(parseArgs(["--students", "60"])).text, /free tiers not applied/);
  });

  it("refuses bad options, naming them", () => {
    assert.throws(
      () => parseArgs(["--studnets", "5"]),
      /^UsageError: unknown option --studnets \(did you mean --students\?\)$/,
    );
    assert.throws(() => parseArgs(["--students"]), /^UsageError: --students needs a value$/);
    // A value that looks like an option is not taken as the value (node:util parseArgs).
    assert.throws(() => parseArgs(["--students", "--cpu", "512"]), /--students needs a value$/);
    assert.throws(() => parseArgs(["--free-tier=yes"]), /^UsageError: --free-tier takes no value$/);
    assert.throws(
      () => parseArgs(["--students", "5", "extra"]),
      /^UsageError: "extra" is not an option: options start with --$/,
    );
    assert.equal(parseArgs(["--students=5", "--cpu=512"]).cpu, 512);
    assert.equal(parseArgs(["-h"]).help, true);
    // npm run plan --students 120 (no --): npm keeps --students and hands on only "120".
    assert.throws(
      () => parseArgs(["120"], { npm_lifecycle_event: "plan", npm_config_students: "true" }),
      /^UsageError: npm took --students for itself: put -- between the command and its options, e\.g\. npm run plan -- --students \.\.\.$/,
    );
    // --help is an option of its own, and the usage names every option parseArgs knows.
    assert.equal(parseArgs(["--help"]).help, true);
    for (const option of [
      "--students",
      "--daily-users",
      "--cpu",
      "--memory",
      "--arch",
      "--target",
      "--capacity",
      "--on-demand-base",
      "--spot-weight",
      "--region",
      "--load",
      "--exam-hours",
      "--lead-minutes",
      "--grace-minutes",
      "--requests-per-user",
      "--active-hours",
      "--request-seconds",
      "--peak-factor",
      "--public-ip",
      "--free-tier",
      "--live-prices",
      "--help",
    ]) {
      assert.ok(USAGE.includes(option), option);
    }
    assert.throws(
      () => plan(parseArgs(["--students", "5", "--cpu", "1000"])),
      /--cpu 1000 --memory 2048: not a Fargate size/,
    );
    assert.throws(() => plan(defaultRequest("students")), /give one of --students N/);
    assert.throws(
      () => parseArgs(["--students", "x"]),
      /--students x: must be a whole number of at least 1/,
    );
    assert.throws(
      () => parseArgs(["--students", "-5"]),
      /--students -5: must be a whole number of at least 1/,
    );
    assert.throws(() => parseArgs(["--cpu", "-1"]), /--cpu -1: must be a number >= 0/);
    for (const typed of ["1e3", "0x10", "12.5", "0"]) {
      assert.throws(
        () => parseArgs(["--students", typed]),
        new RegExp(`--students ${typed.replace(".", "\\.")}: must be a whole number of at least 1`),
      );
    }
    assert.throws(
      () => parseArgs(["--daily-users", "2.5"]),
      /--daily-users 2\.5: must be a whole number of at least 1/,
    );
    assert.throws(
      () => parseArgs(["--students", "5", "--arch", "arm"]),
      /--arch arm: must be one of X86_64, ARM64/,
    );
  });
});

describe("the README's npm run plan samples", () => {
  // Each `$ npm run plan -- ARGS` in the README's sample block is followed by the lines it
  // prints, up to "..."; they must be what plan prints today (a stale sample fails here).
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  const samples = [
    ...readme.matchAll(/^\$ npm run plan -- (.+)\n((?:(?!\$ |\.\.\.|  \.\.\.|```).*\n)+)/gm),
  ];

  it("holds at least the exam and the daily-users sample", () => {
    assert.deepEqual(
      samples.map((m) => m[1]),
      ["--students 120", "--daily-users 1000"],
    );
  });

  for (const m of samples) {
    it(`npm run plan -- ${m[1]}: the lines shown are the lines printed`, () => {
      const shown = m[2].trimEnd().split("\n");
      const printed = plan(parseArgs(m[1].split(" "))).text.split("\n");
      assert.deepEqual(printed.slice(0, shown.length), shown);
    });
  }
});
