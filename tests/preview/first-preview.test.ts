/**
 * Both preview modes on every shipped stack and every broken-on-purpose fixture: as after an
 * update (every output known) and as a new stack's first preview (every output the provider
 * computes unknown). The guardrails must hold in both.
 */
import * as assert from "assert";
import { StackReport } from "../../preview/gate";
import { cli, fixtureStack, gate, mandatory, shipped } from "./helpers";

const MODES = [
  { name: "known", firstPreview: false },
  { name: "first preview", firstPreview: true },
] as const;

/** Who could not run where, as `policy resource`. */
function notRun(r: StackReport): string[] {
  return r.notRun.map((n) => `${n.policy} ${n.resource ?? "(stack)"}`);
}

describe("preview gate: a new stack's first preview", function () {
  this.timeout(600_000);

  for (const stack of ["prod", "staging", "exam"]) {
    it(`${stack} passes in both modes with the same resources`, async () => {
      const known = await gate(shipped(stack));
      const first = await gate(shipped(stack), { firstPreview: true });
      for (const r of [known, first])
        assert.strictEqual(r.verdict, "pass", JSON.stringify(r.violations));
      // The same resources; the order differs, as applies over unknowns never run.
      const listed = (r: StackReport) => r.resources.map((x) => `${x.type} ${x.urn}`).sort();
      assert.deepStrictEqual(listed(first), listed(known));
      assert.deepStrictEqual(notRun(known), []);
      // The container checks wait for the update where a container reads an unknown (the
      // database's secret ARN is an output of the same stack's RDS instance or Aurora cluster,
      // staging's too now that its database always exists); README. The image check applies
      // in prod and exam only.
      const expected = {
        prod: ["ecs-no-plaintext-credentials ide-prod-task", "ecs-image-tag-pinned ide-prod-task"],
        staging: ["ecs-no-plaintext-credentials staging-ide-task"],
        exam: ["ecs-no-plaintext-credentials exam-ide-task", "ecs-image-tag-pinned exam-ide-task"],
      }[stack];
      assert.deepStrictEqual(notRun(first), expected);
      for (const n of first.notRun) {
        assert.match(
          n.message,
          new RegExp(
            `^can't run policy '${n.policy}' from policy pack 'pythonide-guardrails@v0\\.1\\.0' during preview: string value at \\.containerDefinitions can't be known during preview$`,
          ),
        );
      }
    });
  }

  it("shows the pack ids and ARNs as unknown, and the values the inputs fix as known", async () => {
    const first = await gate(shipped("prod"), { firstPreview: true });
    const service = first.resources.find((x) => x.type === "aws:ecs/service:Service")!;
    assert.strictEqual(service.inputs.cluster, "[unknown]");
    assert.strictEqual(service.inputs.taskDefinition, "[unknown]");
    assert.strictEqual(service.inputs.desiredCount, 1);
    const task = first.resources.find((x) => x.type === "aws:ecs/taskDefinition:TaskDefinition")!;
    assert.strictEqual(task.inputs.containerDefinitions, "[unknown]");
    assert.strictEqual(task.inputs.cpu, "512");
    const known = await gate(shipped("prod"));
    const knownService = known.resources.find((x) => x.type === "aws:ecs/service:Service")!;
    assert.match(String(knownService.inputs.cluster), /^arn:aws:ecs:/);
  });

  const broken: {
    what: string;
    stack: () => ReturnType<typeof shipped>;
    program?: string;
    refusedBy: string[];
  }[] = [
    {
      what: "oversized task (stack file)",
      stack: () => fixtureStack("oversized-task", "Pulumi.prod.yaml"),
      refusedBy: ["ecs-task-size-ceiling"],
    },
    {
      what: "no autoscaling (program)",
      stack: () => shipped("prod"),
      program: "no-autoscaling.ts",
      refusedBy: ["ecs-service-autoscaling"],
    },
    {
      what: "plaintext database password (program)",
      stack: () => shipped("prod"),
      program: "plaintext-db-password.ts",
      refusedBy: ["ecs-no-plaintext-credentials", "rds-no-plaintext-password"],
    },
    {
      what: "staging with a nonzero count (program)",
      stack: () => shipped("staging"),
      program: "staging-nonzero-count.ts",
      refusedBy: ["staging-scales-to-zero", "staging-service-desired-zero"],
    },
    {
      what: "exam window of one task, literal target, unknown cluster ARN (program)",
      stack: () => shipped("exam"),
      program: "exam-single-task-window.ts",
      // The untagged target and actions are refused by required-tags too.
      refusedBy: ["exam-capacity-during-windows", "required-tags"],
    },
  ];
  for (const b of broken) {
    for (const mode of MODES) {
      it(`${b.what} is refused in the ${mode.name} mode`, async () => {
        const r = await gate(b.stack(), { program: b.program, firstPreview: mode.firstPreview });
        assert.strictEqual(r.verdict, "fail");
        assert.deepStrictEqual(mandatory(r), b.refusedBy);
      });
    }
  }

  it("npm start -- --first-preview lists each policy that could not run, with the CLI's message", async () => {
    const out = await cli("--stack", "prod", "--first-preview");
    assert.strictEqual(out.code, 0, out.stderr);
    assert.match(out.stdout, /^Offline first preview of new stacks at /);
    assert.match(
      out.stdout,
      /Could not run in this preview \(2 policies, 2 times; they run on pulumi up, when every value is known\):\n {2}ecs-no-plaintext-credentials {2}aws:ecs\/taskDefinition:TaskDefinition {2}ide-prod-task\n {6}can't run policy 'ecs-no-plaintext-credentials' from policy pack 'pythonide-guardrails@v0\.1\.0' during preview: string value at \.containerDefinitions can't be known during preview\n/,
    );
    const json = JSON.parse((await cli("--stack", "prod", "--first-preview", "--json")).stdout);
    assert.strictEqual(json.firstPreview, true);
    assert.deepStrictEqual(
      json.stacks[0].notRun.map((n: { policy: string }) => n.policy),
      ["ecs-no-plaintext-credentials", "ecs-image-tag-pinned"],
    );
  });
});

describe("preview gate: exemptions through policy config", function () {
  this.timeout(600_000);
  const exemptServices = [
    { service: "fixture-service", reason: "a scheduler: a second task would run every job twice" },
    { service: "gone-service", reason: "removed last term" },
  ];

  it("passes an exempted singleton and lists every exemption in the report", async () => {
    const r = await gate(shipped("prod"), {
      program: "no-autoscaling.ts",
      policyConfig: { "ecs-service-autoscaling": { properties: { exemptServices } } },
    });
    assert.strictEqual(r.verdict, "pass", JSON.stringify(r.violations));
    assert.deepStrictEqual(r.exemptions, [
      { policy: "ecs-service-autoscaling", ...exemptServices[0], matched: ["fixture-service"] },
      { policy: "ecs-service-autoscaling", ...exemptServices[1], matched: [] },
    ]);
  });

  it("prints them, and refuses an exemption without a reason", async () => {
    const fs = await import("fs");
    const os = await import("os");
    const path = await import("path");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "exempt-"));
    const file = path.join(dir, "policy-config.json");
    fs.writeFileSync(
      file,
      JSON.stringify({ "ecs-service-autoscaling": { exemptServices: [exemptServices[1]] } }),
    );
    const out = await cli("--stack", "prod", "--policy-config", file);
    assert.match(
      out.stdout,
      /\n {2}\[exempt\] ecs-service-autoscaling {2}service 'gone-service' \(matches no service\): removed last term\n/,
    );
    fs.writeFileSync(
      file,
      JSON.stringify({ "ecs-service-autoscaling": { exemptServices: [{ service: "x" }] } }),
    );
    const bad = await cli("--stack", "prod", "--policy-config", file);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /ecs-service-autoscaling: exemptServices.*reason/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("preview gate: container checks before the update", function () {
  this.timeout(600_000);

  it("judges the containers a component declares while the task definition's JSON is unknown", async () => {
    const first = await gate(shipped("prod"), {
      program: "declared-containers-credentials.ts",
      firstPreview: true,
    });
    assert.deepStrictEqual(mandatory(first), ["ecs-declared-containers"]);
    assert.deepStrictEqual(
      // The SDK puts a stack policy's description before its message.
      first.violations
        .filter((v) => v.policy === "ecs-declared-containers")
        .map((v) => v.message.split("\n").slice(1).join("\n")),
      [
        "ECS task definition 'fixture-task' must not put credential 'DB_PWD' in container 'ide' environment (value not shown); pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN.",
        "ECS task definition 'fixture-task' must not put a credential in container 'ide' command (argument 3 after --api-token: named as a credential, value not shown); pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN and refer to it as an environment variable.",
      ],
    );
    assert.ok(!JSON.stringify(first.violations).includes("not-real"));
    const known = await gate(shipped("prod"), { program: "declared-containers-credentials.ts" });
    assert.deepStrictEqual(mandatory(known), ["ecs-no-plaintext-credentials"]);
  });

  it("decides the shipped stacks' containers in a first preview (IdeService declares them)", async () => {
    for (const stack of ["prod", "exam"]) {
      const first = await gate(shipped(stack), { firstPreview: true });
      assert.ok(!first.notRun.some((n) => n.policy === "ecs-declared-containers"), stack);
      assert.ok(!first.violations.some((v) => v.policy === "ecs-declared-containers"), stack);
    }
  });
});
