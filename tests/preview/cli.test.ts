/**
 * The command (`npm start`): flags, text and JSON output, exit codes. Runs in this process with
 * the shared policy pack, except one run as a child process to see exactly what a user sees for
 * an invalid config.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main, parseArgs, sources } from "../../preview/cli";
import { ASSUMPTION_DESCRIPTIONS, CostEstimate, resolveAssumptions, usd } from "../../model/cost";
import { pricesFor } from "../../model/prices";
import { ROOT } from "../../preview/gate";
import { cli, FIXTURES, NOW, realPack } from "./helpers";

const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);

/** What the Total line adds for the stacks (prod, staging, exam) with lines at us-east-1's prices. */
const borrowedIn = (costs: CostEstimate[]): string => {
  const names = ["prod", "staging", "exam"].filter((_, i) => costs[i].borrowed);
  return names.length
    ? `; ${names.join(", ")} include${names.length === 1 ? "s" : ""} lines at us-east-1's prices (marked *)`
    : "";
};

describe("preview CLI", function () {
  this.timeout(600_000);

  it("parses every flag, with a value as the next argument or after =", () => {
    assert.deepStrictEqual(
      parseArgs([
        "--stack",
        "exam",
        "--config-file=x.yaml",
        "--policy-config",
        "p.json",
        "--policy-pack",
        "pack",
        "--now",
        "2026-01-01T00:00Z",
        "--json",
        "--typecheck-pack",
        "--first-preview",
        "--against=old.yaml",
        "--allow-replace",
        "--free-tier",
        "--live-prices",
      ]),
      {
        stacks: ["exam"],
        configFiles: [path.resolve(process.env.INIT_CWD ?? process.cwd(), "x.yaml")],
        policyConfig: path.resolve(process.env.INIT_CWD ?? process.cwd(), "p.json"),
        policyPack: path.resolve(process.env.INIT_CWD ?? process.cwd(), "pack"),
        now: "2026-01-01T00:00Z",
        json: true,
        help: false,
        typecheckPack: true,
        firstPreview: true,
        against: path.resolve(process.env.INIT_CWD ?? process.cwd(), "old.yaml"),
        allowReplace: true,
        freeTier: true,
        livePrices: true,
      },
    );
  });

  it("says npm took the options when -- was left out (npm start --stack prod)", () => {
    // What npm hands the script: the word after the option, and npm_config_<option> in the env.
    const npm = {
      npm_lifecycle_event: "start",
      npm_config_stack: "true",
      npm_config_free_tier: "true",
    };
    assert.throws(
      () => parseArgs(["prod"], npm),
      /^UsageError: npm took --stack, --free-tier for itself: put -- between the command and its options, e.g\. npm start -- --stack \.\.\.$/,
    );
    // Outside an npm script the environment says nothing: the usual refusal.
    assert.throws(
      () => parseArgs(["prod"], { npm_config_stack: "true" }),
      /unknown option "prod": options start with --/,
    );
    assert.deepStrictEqual(
      parseArgs(["--stack", "prod"], { npm_lifecycle_event: "start" }).stacks,
      ["prod"],
    );
  });

  it("exits 2 with the reason and where the options are for a bad flag, a missing value or an unknown stack", async () => {
    for (const [args, reason] of [
      [["--verbose"], 'unknown option "--verbose"\n'],
      [["prod"], 'unknown option "prod": options start with --'],
      [["--json=yes"], "--json takes no value"],
      [["--config-file", "--now"], "--config-file needs a value"],
      [["--stack", "prod", "--stack", "prod"], 'the stack "prod" is named twice'],
      [["--stak", "prod"], 'unknown option "--stak": did you mean "--stack"?'],
      [["--free-teir"], 'unknown option "--free-teir": did you mean "--free-tier"?'],
      [["--stack"], "--stack needs a value"],
      [["--stack", "qa"], "no stack file Pulumi.qa.yaml"],
      [["--config-file", fixture("stacks", "missing", "Pulumi.prod.yaml")], "cannot read"],
      [
        ["--config-file", fixture("stacks", "not-yaml", "exam-stack-file.txt")],
        "cannot tell which stack",
      ],
    ] as [string[], string][]) {
      const r = await cli(...args);
      assert.strictEqual(r.code, 2, args.join(" "));
      assert.ok(r.stderr.includes(reason), `${args.join(" ")}: ${r.stderr}`);
      // One line saying where the options are, not the 40 lines of them under the reason.
      assert.ok(r.stderr.endsWith("\n(npm start -- --help lists the options)\n"), r.stderr);
      assert.ok(!r.stderr.includes("Usage: npm start"));
      assert.strictEqual(r.stdout, "");
    }
  });

  it("previews several stacks named by repeated --stack or --config-file, each once", () => {
    const names = (argv: string[]) => sources(parseArgs(argv)).map((s) => [s.stack, s.file]);
    assert.deepStrictEqual(names(["--stack", "exam", "--stack", "prod"]), [
      ["exam", path.join(ROOT, "Pulumi.exam.yaml")],
      ["prod", path.join(ROOT, "Pulumi.prod.yaml")],
    ]);
    // Every stack from files of one's own, say all three moved to another region.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-files-"));
    const files = ["prod", "staging", "exam"].map((stack) => {
      const file = path.join(dir, `Pulumi.${stack}.yaml`);
      fs.copyFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), file);
      return file;
    });
    assert.deepStrictEqual(
      names(files.flatMap((f) => ["--config-file", f])),
      files.map((f, i) => [["prod", "staging", "exam"][i], f]),
    );
    // --stack names the stack of one file only.
    assert.throws(
      () =>
        sources(
          parseArgs(["--stack", "prod", "--config-file", files[0], "--config-file", files[2]]),
        ),
      /--stack names the stack of one --config-file; with 2 files and 1 stacks, name each file Pulumi.<stack>.yaml instead/,
    );
    assert.throws(
      () => sources(parseArgs(["--config-file", files[0], "--config-file", files[0]])),
      /the stack "prod" is named twice: preview each stack once/,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exits 2 for a clock that is not a time, before starting anything", async () => {
    const r = await main(["--now", "yesterday"]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /--now is "yesterday": must be an ISO time such as 2026-03-10T09:00Z/);
    const help = await main(["--help"]);
    assert.deepStrictEqual(
      [help.code, help.stdout.startsWith("Usage: npm start -- [options]")],
      [0, true],
    );
  });

  it("exits 2 for a --policy-config file the CLI would refuse", async () => {
    const bad = await cli(
      "--stack",
      "prod",
      "--policy-config",
      fixture("policy-config", "invalid.json"),
    );
    assert.strictEqual(bad.code, 2);
    assert.match(
      bad.stderr,
      /ecs-task-size-ceiling: prodMaxCpu: Invalid type\. Expected: integer, given: string/,
    );
  });

  it("exits 2 for a misspelt policy or property, every problem at once with the nearest name", async () => {
    const bad = await cli(
      "--stack",
      "prod",
      "--policy-config",
      fixture("policy-config", "misspelt.json"),
    );
    assert.strictEqual(bad.code, 2);
    assert.strictEqual(
      bad.stderr,
      "error: tests/fixtures/policy-config/misspelt.json is not a valid policy config:\n" +
        '  - "monthly-budgt" is not a policy of this pack: did you mean "monthly-budget"?\n' +
        '  - monthly-budget: budgetUSD is not a property of this policy: did you mean "budgetUsd"?\n' +
        "  - ecs-task-size-ceiling: prodMaxCpu: Invalid type. Expected: integer, given: string\n",
    );
  });

  it("reports a bad level with misspelt names in one error naming the file, before any stack", async () => {
    const bad = await cli(
      "--stack",
      "prod",
      "--policy-config",
      fixture("policy-config", "misspelt-and-bad-level.json"),
    );
    assert.strictEqual(bad.code, 2);
    assert.strictEqual(
      bad.stderr,
      "error: tests/fixtures/policy-config/misspelt-and-bad-level.json is not a valid policy config:\n" +
        '  - "cloudwatch-log-retention" is "mandatry": not an enforcement level; use advisory, mandatory, remediate, disabled\n' +
        '  - "monthly-budgt" is not a policy of this pack: did you mean "monthly-budget"?\n' +
        '  - ecs-task-size-ceiling: prodMaxMemorMib is not a property of this policy: did you mean "prodMaxMemoryMib"?\n',
    );
    assert.deepStrictEqual(bad.reports, []);
  });

  it("--free-tier: applied once for the account the stacks share, each stack's share named; a total line", async () => {
    const r = await cli("--free-tier");
    assert.strictEqual(r.code, 0, r.stdout);
    const [prod, staging, exam] = ["prod", "staging", "exam"].map(
      (s) => r.reports.find((x) => x.stack === s)!.cost!,
    );
    const credit = (e: typeof prod, key: string) =>
      -e.lines
        .filter((l) => l.resource === "account" && l.priceKey === key)
        .reduce((t, l) => t + l.quantity.expected, 0);
    // Prod, first, takes what it uses of the 10 alarms, 3 dashboards and 5 GB; the others the rest.
    for (const key of [
      "cloudwatch.alarmMonth",
      "cloudwatch.dashboardMonth",
      "cloudwatch.logsIngestGb",
    ]) {
      const free = {
        "cloudwatch.alarmMonth": 10,
        "cloudwatch.dashboardMonth": 3,
        "cloudwatch.logsIngestGb": 5,
      }[key]!;
      const used = [prod, staging, exam].map((e) =>
        e.lines
          .filter((l) => l.priceKey === key && l.resource !== "account")
          .reduce((t, l) => t + l.quantity.expected, 0),
      );
      assert.strictEqual(
        credit(prod, key) + credit(staging, key) + credit(exam, key),
        Math.min(free, used[0] + used[1] + used[2]),
        key,
      );
    }
    assert.match(
      r.stdout,
      /^ {2}note: free tiers applied once for the account this run's stacks share; this stack's share \(expected month\): 1 of 3 dashboards, 1 of 5 GB of logs ingested; the 12-month tiers/m,
    );
    const lines = r.stdout.trimEnd().split("\n");
    assert.match(
      lines[lines.length - 2],
      /^Summary: prod PASS; staging PASS; exam PASS\. Every stack passes the gate \(exit 0, [\d.]+ s\)\. Costs with the account's always-free tiers applied once across these stacks, which share one account \(--free-tier\)\.(?: Lines at us-east-1's prices .*)?$/,
    );
    const total = prod.expected + staging.expected + exam.expected;
    assert.strictEqual(
      lines[lines.length - 1],
      `Total (prod + staging + exam): ${usd(total)} a month expected (each stack's busiest month; floor ${usd(prod.floor + staging.floor + exam.floor)}, ceiling ${usd(prod.ceiling + staging.ceiling + exam.ceiling)}), ${usd(total / 100)} per enrolled student (100 enrolled, assumption enrolledStudents); the account's free tiers applied once across them${borrowedIn([prod, staging, exam])}`,
    );
    const plain = await cli("--stack", "exam");
    assert.match(
      plain.stdout,
      /^Summary: exam PASS\. Every stack passes the gate \(exit 0, [\d.]+ s\)\.\nTotal \(exam\): \$/m,
    );
  });

  it("a region with borrowed prices: the Summary counts each stack's lines at us-east-1's prices, the Total names the stacks", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "borrowed-"));
    const file = path.join(dir, "sydney.json");
    fs.writeFileSync(
      file,
      JSON.stringify({ "monthly-budget": { assumptions: { region: "ap-southeast-2" } } }),
    );
    try {
      const r = await cli("--policy-config", file);
      assert.strictEqual(r.code, 0, r.stdout);
      const costs = ["prod", "staging", "exam"].map((s) => ({
        stack: s,
        e: r.reports.find((x) => x.stack === s)!.cost!,
      }));
      const borrowing = costs.filter(({ e }) => e.lines.some((l) => l.assumedFrom === "us-east-1"));
      // Sydney has no source for Aurora I/O (staging's and exam's Aurora cluster); prod borrows
      // nothing there.
      assert.deepEqual(
        borrowing.map(({ stack }) => stack),
        ["staging", "exam"],
      );
      const lines = r.stdout.trimEnd().split("\n");
      const counts = borrowing.map(
        ({ stack, e }) =>
          `${stack} ${e.lines.filter((l) => l.assumedFrom === "us-east-1").length} of ${e.lines.length}`,
      );
      assert.ok(
        lines[lines.length - 2].endsWith(
          `(exit 0, ${lines[lines.length - 2].match(/exit 0, ([\d.]+) s/)![1]} s). Lines at us-east-1's prices (no source for the stack's region was found; marked *): ${counts.join(", ")}.`,
        ),
        lines[lines.length - 2],
      );
      assert.ok(
        lines[lines.length - 1].endsWith(borrowedIn(costs.map(({ e }) => e))),
        lines[lines.length - 1],
      );
      // Each stack is in us-east-2 and priced as Sydney: the first note says why.
      for (const { e } of costs) {
        assert.strictEqual(
          e.notes[0],
          "priced in ap-southeast-2, the monthly-budget policy's assumption region; the stack itself is in us-east-2 (aws:region)",
        );
      }
      for (const { e } of borrowing) {
        assert.match(
          r.stdout,
          new RegExp(
            `^Monthly cost \\(ap-southeast-2, 730 h a month; ${e.borrowed!.lines} of ${e.lines.length} priced lines at us-east-1's prices, marked \\*\\): `,
            "m",
          ),
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--policy-config: the monthly-budget policy's assumptions are the printed estimate's too; the JSON total", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assumptions-"));
    const file = path.join(dir, "budget.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        "monthly-budget": {
          assumptions: { stagingActiveHoursPerMonth: 20, enrolledStudents: 300 },
        },
      }),
    );
    try {
      const r = await cli("--stack", "staging", "--policy-config", file);
      assert.strictEqual(r.code, 0, r.stdout);
      assert.match(
        r.stdout,
        /^ {2}expected: the floor plus staging on for 20 hours a month \(no scheduled windows\)$/m,
      );
      assert.match(
        r.stdout,
        /^ {2}per enrolled student: \$[\d.]+ a month \(expected \/ 300 enrolled, assumption enrolledStudents\)$/m,
      );
      assert.match(r.stdout, /stagingActiveHoursPerMonth=20,/);
      const json = await cli("--policy-config", file, "--json");
      const doc = JSON.parse(json.stdout);
      const expected = doc.stacks.reduce(
        (t: number, s: { cost: { expected: number } }) => t + s.cost.expected,
        0,
      );
      assert.deepStrictEqual(
        [doc.total.stacks, doc.total.notEstimated, doc.total.enrolledStudents, doc.total.freeTier],
        [["prod", "staging", "exam"], [], 300, false],
      );
      assert.strictEqual(doc.total.expected, expected);
      assert.strictEqual(doc.total.perEnrolledStudent, expected / 300);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--policy-config and --free-tier: every assumption the monthly-budget policy judges with is the printed estimate's", async () => {
    // Every assumption set away from its default, the region too (the stack is in us-east-2).
    const given = {
      region: "ap-southeast-2",
      albLcuPerHour: 0.5,
      classStudents: 70,
      classHoursPerMonth: 90,
      requestsPerStudentHour: 100,
      websocketMbPerStudentHour: 6,
      enrolledStudents: 150,
      natGbPerMonth: 12,
      endpointGbPerMonth: 2,
      efsStoredGb: 11,
      efsElasticReadGbPerMonth: 9,
      efsElasticWriteGbPerMonth: 4,
      logGbIngestedPerGroupPerMonth: 2,
      rdsBackupGbAboveFree: 1,
      stagingActiveHoursPerMonth: 12,
      stagingActiveTasks: 2,
      stagingMaxTasks: 3,
      stagingSessionsPerMonth: 8,
      auroraStoredGb: 2,
      auroraIoMillionsPerAwakeHour: 0.2,
      expectedMonth: "2027-04",
    };
    assert.deepStrictEqual(
      [...Object.keys(given), "freeTier"].sort(),
      Object.keys(ASSUMPTION_DESCRIPTIONS).sort(),
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assumptions-"));
    const file = path.join(dir, "budget.json");
    fs.writeFileSync(
      file,
      JSON.stringify({ "monthly-budget": { budgetUsd: 0.5, assumptions: given } }),
    );
    try {
      const r = await cli("--stack", "exam", "--policy-config", file, "--free-tier");
      assert.strictEqual(r.code, 0, r.stdout);
      // The policy's figures (advisory: the default level) ...
      const judged =
        /Stack 'exam' expected month (\$[\d.,]+) \(([\w-]+), windows of ([\d-]+)\).* Floor (\$[\d.,]+), expected (\$[\d.,]+), ceiling (\$[\d.,]+)\./.exec(
          r.stdout,
        );
      assert.ok(judged, r.stdout);
      const [, value, region, month, floor, expected, ceiling] = judged;
      assert.deepStrictEqual([value, region, month], [expected, "ap-southeast-2", "2027-04"]);
      // ... are the printed ones, priced with the same assumptions, --free-tier's included.
      const headline = /^Monthly cost \(ap-southeast-2, 730 h a month[^)]*\): (.*)$/m.exec(
        r.stdout,
      );
      assert.strictEqual(headline?.[1], `floor ${floor}, expected ${expected}, ceiling ${ceiling}`);
      const printed = /^ {2}assumptions: (.*)$/m.exec(r.stdout)![1];
      const expectedAssumptions = resolveAssumptions({ ...given, freeTier: true });
      assert.deepStrictEqual(
        Object.fromEntries(printed.split(", ").map((kv) => kv.split("="))),
        Object.fromEntries(Object.entries(expectedAssumptions).map(([k, v]) => [k, String(v)])),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an unpriced region: the verdict stands, the Summary says once why the cost was not estimated", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unpriced-"));
    const file = path.join(dir, "Pulumi.prod.yaml");
    const toSaoPaulo = (stack: string) =>
      fs
        .readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8")
        .replace("aws:region: us-east-2", "aws:region: sa-east-1")
        // The certificate must be in the stack's region (model/config acmCertificateRegion).
        .replace("arn:aws:acm:us-east-2:", "arn:aws:acm:sa-east-1:");
    fs.writeFileSync(file, toSaoPaulo("prod"));
    const exam = path.join(dir, "Pulumi.exam.yaml");
    fs.writeFileSync(exam, toSaoPaulo("exam"));
    try {
      const r = await cli("--config-file", file);
      assert.strictEqual(r.code, 0, r.stdout);
      const reason =
        'no prices for region "sa-east-1": the cost model prices us-east-1, us-east-2, us-west-2, ca-central-1, eu-west-1, eu-west-2, eu-central-1, ap-south-1, ap-southeast-2, ap-northeast-1 (add a file for the region to model/prices/regions/)';
      assert.ok(r.stdout.includes(`\nMonthly cost: not estimated: ${reason}\n`), r.stdout);
      assert.match(
        r.stdout,
        /\nSummary: prod PASS\. Every stack passes the gate \(exit 0, [\d.]+ s\)\. Advisory findings \(reported, not blocking\): prod 1\. Cost not estimated for prod: no prices for region "sa-east-1": the cost model prices us-east-1, [^\n]*\.\nTotal: not estimated \(no stack was priced\)\n$/,
      );
      // Two stacks in the region: the reason once, naming both.
      const both = await cli("--config-file", file, "--config-file", exam);
      const summary = /\nSummary: (.*)\n/.exec(both.stdout)![1];
      assert.ok(summary.includes(`. Cost not estimated for prod, exam: ${reason}.`), summary);
      assert.strictEqual(summary.split("no prices for region").length, 2, summary);
      assert.ok(!/Error:|\n\s+at /.test(r.stdout), r.stdout);
      const doc = JSON.parse((await cli("--config-file", file, "--json")).stdout);
      assert.deepStrictEqual(
        [doc.exitCode, doc.stacks[0].cost, doc.stacks[0].costError, doc.total],
        [0, null, reason, null],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--live-prices: the estimate says what the budget policy judged when the table's figures differ", async () => {
    const table = pricesFor("us-east-2");
    const vcpu = table.items["fargate.x86.vcpuHour"];
    const dearer = {
      ...table,
      items: { ...table.items, "fargate.x86.vcpuHour": { ...vcpu, usd: vcpu.usd * 2 } },
    };
    const args = ["--stack", "prod", "--live-prices", "--now", NOW.toISOString()];
    const plain = await cli("--stack", "prod");
    const expected =
      /^Monthly cost \(us-east-2, [^)]*\): floor \$[\d.,]+, expected (\$[\d.,]+),/m.exec(
        plain.stdout,
      )![1];
    const live = await main(args, realPack(), async () => dearer);
    assert.strictEqual(live.code, 0, live.stdout);
    assert.ok(
      live.stdout.includes(
        `\n  note: the monthly-budget policy prices from model/prices/, not the AWS Price List: it judges an expected ${expected}\n`,
      ),
      live.stdout,
    );
    // The Price List agreeing with the table: nothing to say.
    const same = await main(args, realPack(), async () => table);
    assert.ok(!same.stdout.includes("the monthly-budget policy prices from"), same.stdout);
  });

  it("--json: every key of the document is in the README's description of it", async () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const described = /With\n?`--json`: `(\{ok,[\s\S]*?\})` \(a test keeps this list whole\)/.exec(
      readme,
    )?.[1];
    assert.ok(described, "the README's --json paragraph");
    const words = new Set(described.match(/[A-Za-z]+/g));
    const doc = JSON.parse((await cli("--stack", "staging", "--json")).stdout);
    const keys = [
      ...Object.keys(doc),
      ...Object.keys(doc.total),
      ...Object.keys(doc.stacks[0]),
      ...Object.keys(doc.stacks[0].resources[0]),
      ...Object.keys(doc.stacks[0].awsLimits[0] ?? {}),
    ];
    assert.deepStrictEqual(
      keys.filter((k) => !words.has(k)),
      [],
    );
  });

  it("--live-prices that cannot be read: exit 2 with the reason, text and JSON", async () => {
    const reason =
      "--live-prices needs AWS credentials allowed pricing:GetProducts (Could not load credentials from any providers): configure them (AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) or drop --live-prices to price from model/prices/";
    const refuse = async (): Promise<never> => {
      throw new Error(reason);
    };
    const args = ["--stack", "prod", "--live-prices", "--now", NOW.toISOString()];
    const r = await main(args, realPack(), refuse);
    assert.deepStrictEqual([r.code, r.stdout, r.stderr], [2, "", `error: ${reason}\n`]);
    const json = await main([...args, "--json"], realPack(), refuse);
    const doc = JSON.parse(json.stdout);
    assert.deepStrictEqual([json.code, doc.exitCode, doc.error], [2, 2, reason]);
  });

  it("text: the resource tree, counts by type, each violation, the cost and the verdict (exit 1)", async () => {
    const r = await cli("--config-file", fixture("stacks", "oversized-task", "Pulumi.prod.yaml"));
    assert.strictEqual(r.code, 1);
    const out = r.stdout;
    assert.match(
      out,
      /== prod \(tests\/fixtures\/stacks\/oversized-task\/Pulumi\.prod\.yaml\): FAIL ==/,
    );
    assert.match(out, /^ {2}pulumi:pulumi:Stack {2}pythonide-prod$/m);
    assert.match(out, /^ {2}[├└]─ pythonide:components:IdeService {2}ide-prod$/m);
    assert.match(
      out,
      /^ {2}[│ ] {2}[├└]─ aws:ecs\/taskDefinition:TaskDefinition {2}ide-prod-task$/m,
    );
    assert.match(out, /^By type:\n {2}\s*\d+ {2}aws:/m);
    assert.match(
      out,
      /^ {2}\[mandatory\] ecs-task-size-ceiling {2}aws:ecs\/taskDefinition:TaskDefinition {2}ide-prod-task\n {6}.*\n {6}ECS task definition 'ide-prod-task' must fit the prod ceiling/m,
    );
    assert.match(out, /^Monthly cost .*floor \$[\d,.]+.*expected \$[\d,.]+.*ceiling \$[\d,.]+/m);
    assert.match(out, /^Summary: prod FAIL \(1 mandatory violation\)\. The gate fails \(exit 1/m);
  });

  it("--policy-config with a raised ceiling turns the same stack file into a pass (exit 0)", async () => {
    const r = await cli(
      "--config-file",
      fixture("stacks", "oversized-task", "Pulumi.prod.yaml"),
      "--policy-config",
      fixture("policy-config", "raise-prod-task-ceiling.json"),
    );
    assert.strictEqual(r.code, 0, r.stdout);
    assert.match(r.stdout, /Summary: prod PASS\. Every stack passes the gate \(exit 0/);
  });

  it("--json: one document with resources, masked inputs, violations and cost per stack", async () => {
    const r = await cli(
      "--config-file",
      fixture("stacks", "oversized-task", "Pulumi.prod.yaml"),
      "--policy-config",
      fixture("policy-config", "task-size-advisory.json"),
      "--json",
    );
    assert.strictEqual(r.code, 0);
    const doc = JSON.parse(r.stdout);
    assert.deepStrictEqual(
      [doc.ok, doc.exitCode, doc.now, doc.policyPack.name, doc.policyPack.dir, doc.stacks.length],
      [true, 0, "2026-11-20T15:00:00.000Z", "pythonide-guardrails", "policy-pack", 1],
    );
    assert.match(doc.policyConfigFile, /task-size-advisory\.json$/);
    const s = doc.stacks[0];
    assert.deepStrictEqual(
      [s.stack, s.verdict, s.configErrors, s.error],
      ["prod", "pass", [], null],
    );
    const task = s.resources.find(
      (x: { type: string }) => x.type === "aws:ecs/taskDefinition:TaskDefinition",
    );
    assert.deepStrictEqual(
      [task.name, task.inputs.cpu, task.inputs.memory],
      ["ide-prod-task", "4096", "16384"],
    );
    assert.match(task.parent, /pythonide:components:IdeService::ide-prod$/);
    const v = s.violations.find((x: { policy: string }) => x.policy === "ecs-task-size-ceiling");
    assert.deepStrictEqual(
      [v.level, v.resource, v.type, v.urn, v.from],
      ["advisory", "ide-prod-task", "aws:ecs/taskDefinition:TaskDefinition", task.urn, "resource"],
    );
    assert.match(v.message, /must fit the prod ceiling/);
    for (const k of ["floor", "expected", "ceiling"])
      assert.strictEqual(typeof s.cost[k], "number");
    assert.ok(s.cost.lines.length > 0);
    assert.strictEqual(s.counts["aws:ecs/taskDefinition:TaskDefinition"], 1);
  });

  it("text: the time-zone database and, per stack, each capacity change in local time and UTC", async () => {
    // During cs101-midsem (09:00-11:00 Chicago, 14:00Z-16:00Z): the floor is held until grace ends.
    const r = await main(["--stack", "exam", "--now", "2027-03-16T15:00:00Z"], realPack());
    assert.match(
      r.stdout,
      new RegExp(
        `^Offline preview at 2027-03-16T15:00:00.000Z; time zones: IANA tz ${process.versions.tz} \\(this Node's ICU\\);`,
      ),
    );
    const section = r.stdout.slice(r.stdout.indexOf("Capacity:")).split("\n").slice(0, 4);
    assert.deepStrictEqual(section, [
      "Capacity: min/max tasks now 4/10, cs101-midsem under way: 4 tasks from 60 min before the start until 30 min after the end (2027-03-16T16:30Z)",
      "  2027-03-16 11:30 (UTC-05:00) America/Chicago = 2027-03-16T16:30Z: min/max tasks 4/10 -> 0/10, 30 min after cs101-midsem ends: back to the idle floor",
      "  2027-06-08 12:00 (UTC-05:00) America/Chicago = 2027-06-08T17:00Z: min/max tasks 0/10 -> 6/10, 60 min before cs101-final starts",
      "  2027-06-08 16:30 (UTC-05:00) America/Chicago = 2027-06-08T21:30Z: min/max tasks 6/10 -> 0/10, 30 min after cs101-final ends: back to the idle floor",
    ]);
  });

  it("previews every shipped stack by default, and one with --stack", async () => {
    const all = JSON.parse((await cli("--json")).stdout);
    assert.deepStrictEqual(
      all.stacks.map((x: { stack: string; file: string }) => [x.stack, x.file]),
      [
        ["prod", "Pulumi.prod.yaml"],
        ["staging", "Pulumi.staging.yaml"],
        ["exam", "Pulumi.exam.yaml"],
      ],
    );
    const verdicts = all.stacks.map((x: { verdict: string }) => x.verdict);
    assert.strictEqual(all.exitCode, verdicts.every((v: string) => v === "pass") ? 0 : 1);
    const one = await cli("--stack", "exam", "--json");
    assert.deepStrictEqual(
      JSON.parse(one.stdout).stacks.map((x: { stack: string }) => x.stack),
      ["exam"],
    );
  });

  it("an invalid config prints the problems as a config error, no stack trace, exit 1 (as a user runs it)", () => {
    const run = spawnSync(
      process.execPath,
      [
        "-r",
        "ts-node/register/transpile-only",
        path.join(ROOT, "preview", "cli.ts"),
        "--config-file",
        fixture("stacks", "staging-always-on", "Pulumi.staging.yaml"),
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 60000 },
    );
    assert.strictEqual(run.status, 1, run.stderr);
    const all = run.stdout + run.stderr;
    assert.match(
      all,
      /Invalid configuration for stack "staging" \(tests\/fixtures\/stacks\/staging-always-on\/Pulumi\.staging\.yaml\):\n {2}- pythonide:desiredTasks does not apply to the staging stack/,
    );
    assert.doesNotMatch(all, /^\s+at /m);
    assert.doesNotMatch(all, /Error:/);
    assert.strictEqual(run.stderr, "");
  });

  describe("npm start -- --json > f.json, run as the README writes it", function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preview-json-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const quote = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;

    /** Runs the command in a shell, stdout to a file; returns the exit code and the file, parsed. */
    function npmStart(args: string[]): { status: number | null; doc: any; stderr: string } {
      const out = path.join(dir, "f.json");
      const env: NodeJS.ProcessEnv = { ...process.env, PYTHONIDE_NOW: NOW.toISOString() };
      delete env.npm_config_loglevel; // the repository's .npmrc, not the caller's npm, decides
      const run = spawnSync(
        "sh",
        ["-c", `npm start -- --json ${args.map(quote).join(" ")} > ${quote(out)}`],
        { cwd: ROOT, encoding: "utf8", env, timeout: 240000 },
      );
      return {
        status: run.status,
        doc: JSON.parse(fs.readFileSync(out, "utf8")),
        stderr: run.stderr,
      };
    }

    it("exit 0: every shipped stack passes, one JSON document", () => {
      const r = npmStart([]);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.deepStrictEqual([r.doc.ok, r.doc.exitCode, r.doc.error], [true, 0, null]);
      assert.deepStrictEqual(
        r.doc.stacks.map((s: { stack: string; verdict: string }) => [s.stack, s.verdict]),
        [
          ["prod", "pass"],
          ["staging", "pass"],
          ["exam", "pass"],
        ],
      );
    });

    it("exit 1: an invalid config, one JSON document with its problems", () => {
      const r = npmStart([
        "--config-file",
        fixture("stacks", "staging-always-on", "Pulumi.staging.yaml"),
      ]);
      assert.strictEqual(r.status, 1, r.stderr);
      assert.deepStrictEqual([r.doc.ok, r.doc.exitCode, r.doc.error], [false, 1, null]);
      assert.strictEqual(r.doc.stacks[0].verdict, "invalid-config");
      assert.match(
        r.doc.stacks[0].configErrors[0],
        /pythonide:desiredTasks does not apply to the staging stack/,
      );
    });

    for (const [what, args, reason] of [
      ["a bad flag", ["--verbose"], 'unknown option "--verbose"'],
      [
        "an unreadable stack file",
        ["--config-file", fixture("stacks", "missing", "Pulumi.prod.yaml")],
        "cannot read",
      ],
      [
        "an invalid policy config",
        ["--policy-config", fixture("policy-config", "invalid.json")],
        "ecs-task-size-ceiling",
      ],
      [
        "a policy pack that does not start",
        ["--stack", "prod", "--policy-pack", fixture("broken-pack")],
        "broken-pack refuses to load",
      ],
    ] as [string, string[], string][]) {
      it(`exit 2: ${what}, one JSON document with the reason`, () => {
        const r = npmStart(args);
        assert.strictEqual(r.status, 2, r.stderr);
        assert.deepStrictEqual([r.doc.ok, r.doc.exitCode], [false, 2]);
        assert.ok(r.doc.error.includes(reason), r.doc.error);
        assert.ok(r.stderr.includes(`error: ${r.doc.error.split("\n")[0]}`), r.stderr);
      });
    }
  });
});
