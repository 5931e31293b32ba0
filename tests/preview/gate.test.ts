/**
 * The gate with the repository's own policy pack: every shipped stack passes, and every broken
 * stack file or fixture program under tests/fixtures fails with the guardrail it breaks (one per
 * mandated guardrail at least: oversized task, no autoscaling, plaintext database password,
 * staging with a nonzero count). Guardrails config validation refuses first are shown both ways:
 * the config error for the stack file, the policy for a program that gets past config.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { alreadyReported, readStackFile, shippedStackFiles, StackReport } from "../../preview/gate";
import { FIXTURES, fixtureStack, gate, mandatory, shipped } from "./helpers";

function describeViolations(r: StackReport): string {
  return r.violations.map((v) => `[${v.level}] ${v.policy} ${v.resource}: ${v.message}`).join("\n");
}

describe("preview gate: the shipped stacks", function () {
  this.timeout(600_000);

  for (const file of shippedStackFiles()) {
    const stack = readStackFile(file).stack;
    it(`${stack} passes: valid config, no mandatory violation, priced`, async () => {
      const r = await gate(readStackFile(file));
      assert.deepStrictEqual(r.configErrors, []);
      assert.strictEqual(r.error, undefined);
      assert.deepStrictEqual(mandatory(r), [], describeViolations(r));
      assert.strictEqual(r.verdict, "pass");
      assert.ok(r.cost, r.costError);
      assert.ok(r.cost!.floor > 0 && r.cost!.floor <= r.cost!.ceiling);
      assert.strictEqual(r.policyPack?.name, "pythonide-guardrails");
    });
  }

  it("prod: records the tree the program registers, every resource under the stack", async () => {
    const r = await gate(shipped("prod"));
    const root = r.resources[0];
    assert.deepStrictEqual(
      [root.type, root.name, root.parent],
      ["pulumi:pulumi:Stack", "pythonide-prod", undefined],
    );
    const urns = new Set(r.resources.map((x) => x.urn));
    for (const x of r.resources.slice(1)) assert.ok(x.parent && urns.has(x.parent), x.urn);
    for (const type of [
      "aws:ecs/taskDefinition:TaskDefinition",
      "aws:ecs/service:Service",
      "aws:appautoscaling/target:Target",
    ]) {
      assert.strictEqual(r.counts[type], 1, type);
    }
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    assert.strictEqual(total, r.resources.length);
    const service = r.resources.find((x) => x.type === "aws:ecs/service:Service")!;
    assert.deepStrictEqual(service.options.ignoreChanges, ["desiredCount"]);
  });
});

describe("preview gate: broken stacks fail with the guardrail they break", function () {
  this.timeout(600_000);

  it("oversized task (stack file): 4 vCPU / 16 GB in prod fails ecs-task-size-ceiling", async () => {
    const r = await gate(fixtureStack("oversized-task", "Pulumi.prod.yaml"));
    assert.strictEqual(r.verdict, "fail");
    assert.deepStrictEqual(mandatory(r), ["ecs-task-size-ceiling"]);
    const v = r.violations.find((x) => x.policy === "ecs-task-size-ceiling")!;
    assert.strictEqual(v.resource, "ide-prod-task");
    assert.strictEqual(v.type, "aws:ecs/taskDefinition:TaskDefinition");
    assert.match(v.message, /4096 CPU units and 16384 MiB/);
  });

  it("--policy-config changes the verdict: a raised ceiling or an advisory level passes it", async () => {
    const source = fixtureStack("oversized-task", "Pulumi.prod.yaml");
    const raised = await gate(source, {
      policyConfig: {
        "ecs-task-size-ceiling": { properties: { prodMaxCpu: 4096, prodMaxMemoryMib: 16384 } },
      },
    });
    assert.strictEqual(raised.verdict, "pass", describeViolations(raised));
    assert.ok(!raised.violations.some((v) => v.policy === "ecs-task-size-ceiling"));
    const advisory = await gate(source, {
      policyConfig: { "ecs-task-size-ceiling": { enforcementLevel: "advisory" } },
    });
    assert.strictEqual(advisory.verdict, "pass");
    assert.deepStrictEqual(
      advisory.violations.filter((v) => v.policy === "ecs-task-size-ceiling").map((v) => v.level),
      ["advisory"],
    );
  });

  it("staging maxActiveHours 48: warns to raise the policy, unless the --policy-config already does", async () => {
    const source = fixtureStack("staging-48h", "Pulumi.staging.yaml");
    const raise =
      'pythonide:maxActiveHours is 48, above the 12 hours the mandatory staging policy allows by default: unless its policy config already allows 48, raise the staging-scales-to-zero policy\'s maxActiveHours to 48 in the policy config file given to pulumi preview and pulumi up with --policy-pack-config (npm start: --policy-config), {"staging-scales-to-zero": {"maxActiveHours": 48}} in the same change; otherwise the policy refuses an activeUntil more than 12 hours ahead';
    const plain = await gate(source);
    assert.deepStrictEqual(
      plain.warnings.filter((w) => w === raise),
      [raise],
    );
    const short = await gate(source, {
      policyConfig: { "staging-scales-to-zero": { properties: { maxActiveHours: 24 } } },
    });
    assert.ok(short.warnings.includes(raise));
    const raised = await gate(source, {
      policyConfig: { "staging-scales-to-zero": { properties: { maxActiveHours: 48 } } },
    });
    assert.strictEqual(raised.verdict, "pass", describeViolations(raised));
    assert.ok(
      !raised.warnings.some((w) => w.includes("maxActiveHours is 48")),
      raised.warnings.join("\n"),
    );
  });

  it("staging switched on for 36 hours (maxActiveHours 48): the session priced, and counted in expected", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "session-"));
    const file = path.join(dir, "Pulumi.staging.yaml");
    fs.writeFileSync(
      file,
      fs
        .readFileSync(path.join(FIXTURES, "stacks", "staging-48h", "Pulumi.staging.yaml"), "utf8")
        .replace(
          "pythonide:active: false",
          'pythonide:active: true\n  pythonide:activeUntil: "2026-11-22T03:00Z"',
        ),
    );
    const r = await gate(readStackFile(file), {
      policyConfig: { "staging-scales-to-zero": { properties: { maxActiveHours: 48 } } },
    });
    assert.strictEqual(r.verdict, "pass", describeViolations(r));
    // NOW is 2026-11-20T15:00Z: 36 hours to the switch-off action.
    assert.deepStrictEqual(
      [r.cost?.stagingSession?.until, r.cost?.stagingSession?.hours],
      ["2026-11-22T03:00:00.000Z", 36],
    );
    assert.strictEqual(
      r.cost?.expectedBasis,
      "the floor plus staging on for 36 h a month, this session's hours, more than the 10 h of assumption stagingActiveHoursPerMonth (no scheduled windows)",
    );
    const off = await gate(fixtureStack("staging-48h", "Pulumi.staging.yaml"));
    assert.strictEqual(off.cost?.stagingSession, undefined);
    assert.ok(
      r.cost!.expected > off.cost!.expected,
      `${r.cost!.expected} <= ${off.cost!.expected}`,
    );
    fs.rmSync(dir, { recursive: true });
  });

  it("no autoscaling (program): a fixed-count prod service fails ecs-service-autoscaling", async () => {
    const r = await gate(shipped("prod"), { program: "no-autoscaling.ts" });
    assert.deepStrictEqual(mandatory(r), ["ecs-service-autoscaling"]);
    const v = r.violations.find((x) => x.policy === "ecs-service-autoscaling")!;
    assert.deepStrictEqual([v.resource, v.from], ["fixture-service", "stack"]);
  });

  it("no autoscaling (stack file): maxTasks equal to minTasks is a config error", async () => {
    const r = await gate(fixtureStack("no-autoscaling", "Pulumi.prod.yaml"));
    assert.strictEqual(r.verdict, "invalid-config");
    assert.deepStrictEqual(r.configErrors, [
      'pythonide:maxTasks is "2": must be greater than minTasks (2) so autoscaling can add tasks',
    ]);
    assert.deepStrictEqual(r.resources, []);
  });

  it("plaintext database password (program): fails rds-no-plaintext-password and ecs-no-plaintext-credentials", async () => {
    const r = await gate(shipped("prod"), { program: "plaintext-db-password.ts" });
    assert.deepStrictEqual(mandatory(r), [
      "ecs-no-plaintext-credentials",
      "rds-no-plaintext-password",
    ]);
    const db = r.resources.find((x) => x.name === "fixture-db")!;
    assert.strictEqual(db.inputs.password, "[secret]");
    assert.ok(!JSON.stringify(r).includes("fixture-rds-password-not-real"));
  });

  it("plaintext database password (stack file): a credential key is a config error that never echoes the value", async () => {
    const r = await gate(fixtureStack("plaintext-db-password", "Pulumi.prod.yaml"));
    assert.strictEqual(r.verdict, "invalid-config");
    assert.strictEqual(r.configErrors.length, 1);
    assert.match(
      r.configErrors[0],
      /^pythonide:dbPassword is not a setting: database credentials are never configured/,
    );
    assert.ok(!JSON.stringify(r).includes("fixture-password-not-real"));
  });

  it("staging with a nonzero count (program): fails staging-service-desired-zero and staging-scales-to-zero", async () => {
    const r = await gate(shipped("staging"), { program: "staging-nonzero-count.ts" });
    assert.deepStrictEqual(mandatory(r), [
      "staging-scales-to-zero",
      "staging-service-desired-zero",
    ]);
    const v = r.violations.find((x) => x.policy === "staging-service-desired-zero")!;
    assert.match(v.message, /it has desiredCount 2/);
  });

  it("staging always on (stack file): switched on without an expiry, with a prod-only count, is a config error", async () => {
    const r = await gate(fixtureStack("staging-always-on", "Pulumi.staging.yaml"));
    assert.strictEqual(r.verdict, "invalid-config");
    assert.deepStrictEqual(r.configErrors, [
      "pythonide:desiredTasks does not apply to the staging stack: it is a setting of prod",
      "pythonide:active is true but pythonide:activeUntil is not set: an active staging needs an expiry within 12 hours (maxActiveHours), so a forgotten staging switches itself off",
    ]);
  });

  it("a stack file that is not YAML is an invalid config, in the CLI's frame, with a line and a reason", async () => {
    const r = await gate(fixtureStack("not-yaml", "exam-stack-file.txt", "exam"));
    assert.strictEqual(r.verdict, "invalid-config");
    // The CLI 3.248.0 says "invalid YAML file: yaml: line 2: did not find expected ',' or ']'"
    // (libyaml's words; yaml.v3 decode.go `fail` names the line the open list is on): the
    // replica gives the `yaml` package's reason and line, not libyaml's.
    assert.deepStrictEqual(r.configErrors, [
      "error: getting stack configuration: invalid YAML file: yaml: line 4: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  it("a program that throws is an error with its stack trace, and the next stack still runs", async () => {
    const r = await gate(shipped("prod"), { program: "throws.ts" });
    assert.strictEqual(r.verdict, "error");
    assert.match(
      r.error!,
      /^Error: fixture program fails on purpose\n\s+at compose \(.*tests\/fixtures\/programs\/throws\.ts:6:9\)/,
    );
    assert.deepStrictEqual(r.violations, []);
    const after = await gate(shipped("prod"), { program: "no-autoscaling.ts" });
    assert.deepStrictEqual(mandatory(after), ["ecs-service-autoscaling"]);
    // The failed run's late rejections are echoes the CLI stays quiet about; others are not.
    const stackUrn = "urn:pulumi:prod::pythonide::pulumi:pulumi:Stack::pythonide-prod";
    assert.strictEqual(alreadyReported(new Error("fixture program fails on purpose")), true);
    assert.strictEqual(alreadyReported(new Error(`unknown resource ${stackUrn}`)), true);
    assert.strictEqual(alreadyReported(new Error("unknown resource urn:pulumi:exam::x")), false);
    assert.strictEqual(alreadyReported(new Error("something else")), false);
  });
});
