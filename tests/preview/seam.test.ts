/**
 * The seam between the offline gate and a policy pack: the pack runs as the Pulumi CLI starts it
 * (@pulumi/pulumi/cmd/run-policy-pack) and is spoken to over the analyzer gRPC protocol. The
 * probe pack (tests/fixtures/probe-pack) reports what it was handed, so these tests check the
 * protocol end to end; the contract tests fail loudly if an SDK upgrade moves the pieces.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import {
  packTsNode,
  PolicyPack,
  PolicyPackError,
  RUN_POLICY_PACK,
  TRANSPILE_ONLY_PRELOAD,
} from "../../preview/analyzer";
import { POLICY_PACK_DIR, ROOT, StackReport, Violation } from "../../preview/gate";
import { gate, NOW, packAt, PROBE_PACK_DIR, shipped } from "./helpers";

const SECRET = "probe-secret-not-real";
const NESTED_SECRET = "probe-nested-not-real";

/** The JSON a probe policy reported for a resource. */
function probe(report: StackReport, policy: string, resource: string): Record<string, unknown> {
  const v = report.violations.find((x) => x.policy === policy && x.resource === resource);
  assert.ok(v, `no ${policy} report for ${resource}`);
  return JSON.parse(v.message.split("\n").slice(1).join("\n"));
}

describe("preview: the policy pack seam (probe pack)", function () {
  this.timeout(600_000);
  let report: StackReport;

  before(async () => {
    report = await gate(shipped("prod"), {
      program: "probe.ts",
      pack: packAt(PROBE_PACK_DIR),
      policyConfig: { "probe-resource": { properties: { label: "from-file" } } },
    });
    assert.strictEqual(report.error, undefined);
  });

  it("hands resource policies secrets unwrapped, top level and nested", () => {
    const a = probe(report, "probe-resource", "a");
    assert.strictEqual(a.secret, SECRET);
    assert.strictEqual(a.nestedSecret, NESTED_SECRET);
  });

  it("hands a resource reference over as the referenced resource's ID, as the engine does", () => {
    assert.strictEqual(probe(report, "probe-resource", "b").owner, "a-id");
  });

  it("passes resource options: protect, ignoreChanges, aliases, custom timeouts, parent", () => {
    const a = probe(report, "probe-resource", "a");
    assert.strictEqual(a.protect, true);
    assert.deepStrictEqual(a.ignoreChanges, ["size"]);
    assert.deepStrictEqual(a.aliases, [
      "urn:pulumi:prod::pythonide::pulumi:pulumi:Stack$probe:index:Box$probe:index:Thing::old-a",
    ]);
    assert.strictEqual(a.createSeconds, 300);
    assert.strictEqual(
      a.parent,
      "urn:pulumi:prod::pythonide::pulumi:pulumi:Stack$probe:index:Box::box",
    );
  });

  it("runs the pack on the gate's clock (PYTHONIDE_NOW in its environment)", () => {
    assert.strictEqual(probe(report, "probe-resource", "a").clock, NOW.toISOString());
  });

  it("merges config as the CLI does: schema defaults, then the pack's initial config, then the file", () => {
    assert.deepStrictEqual(probe(report, "probe-resource", "a").config, {
      label: "from-file",
      limit: 5,
      tier: "initial",
    });
  });

  it("reads a pack's initial config without a level as advisory, as the CLI does", () => {
    const v = report.violations.find((x) => x.policy === "probe-initial-config");
    assert.strictEqual(v?.level, "advisory");
  });

  it("runs remediations before resource and stack policies and reports what they changed", () => {
    assert.strictEqual(probe(report, "probe-resource", "a").remediated, true);
    assert.strictEqual(probe(report, "probe-stack", "a").remediated, true);
    assert.deepStrictEqual(
      report.remediations.map((r) => [r.policy, r.resource, r.changed]),
      [
        ["probe-remediate", "a", ["remediated", "secret (secret marking dropped)"]],
        ["probe-remediate", "b", ["remediated"]],
      ],
    );
  });

  it("hands the stack policy parents, dependencies and property dependencies", () => {
    assert.deepStrictEqual(probe(report, "probe-stack", "b"), {
      name: "b",
      parent: "box",
      dependencies: ["a"],
      propertyDependencies: { owner: ["a"], ref: ["a"] },
      remediated: true,
    });
    assert.strictEqual(probe(report, "probe-stack", "a").secret, SECRET);
  });

  it("attributes violations to resources and fails the stack on a mandatory one", () => {
    const bad: Violation | undefined = report.violations.find(
      (v) => v.policy === "probe-mandatory",
    );
    assert.deepStrictEqual(
      bad && [bad.level, bad.resource, bad.type, bad.urn, bad.message, bad.from],
      [
        "mandatory",
        "b",
        "probe:index:Thing",
        "urn:pulumi:prod::pythonide::probe:index:Box$probe:index:Thing::b",
        "Refuses things marked bad.\nb is bad",
        "resource",
      ],
    );
    assert.strictEqual(report.verdict, "fail");
  });

  it("shows inputs with secrets masked, even where a remediation unmarked them", () => {
    const a = report.resources.find((r) => r.name === "a")!;
    assert.deepStrictEqual(a.inputs, {
      nested: { inner: "[secret]" },
      remediated: true,
      secret: "[secret]",
      size: 1,
    });
    const shown = JSON.stringify(report.resources);
    assert.ok(!shown.includes(SECRET) && !shown.includes(NESTED_SECRET));
  });

  it("applies a --policy-config level: the mandatory policy turned advisory passes the stack", async () => {
    const relaxed = await gate(shipped("prod"), {
      program: "probe.ts",
      pack: packAt(PROBE_PACK_DIR),
      policyConfig: { "probe-mandatory": { enforcementLevel: "advisory" } },
    });
    assert.strictEqual(relaxed.verdict, "pass");
    assert.strictEqual(
      relaxed.violations.find((v) => v.policy === "probe-mandatory")?.level,
      "advisory",
    );
    const off = await gate(shipped("prod"), {
      program: "probe.ts",
      pack: packAt(PROBE_PACK_DIR),
      policyConfig: { all: { enforcementLevel: "disabled" } },
    });
    assert.deepStrictEqual(off.violations, []);
    assert.strictEqual(off.verdict, "pass");
  });

  it("uses the PulumiPolicy.yaml version over the pack's own, as the CLI does", async () => {
    const info = await (await packAt(PROBE_PACK_DIR)).getInfo();
    assert.deepStrictEqual([info.name, info.version], ["preview-probe", "0.0.2"]);
    assert.deepStrictEqual(
      info.policies.map((p) => `${p.name}:${p.type}:${p.enforcementLevel}`),
      [
        "probe-initial-config:resource:mandatory",
        "probe-mandatory:resource:mandatory",
        "probe-remediate:resource:remediate",
        "probe-resource:resource:advisory",
        "probe-stack:stack:advisory",
      ],
    );
  });
});

describe("preview: the seam's contract with the pinned SDKs", () => {
  it("starts packs with the module the CLI's pulumi-analyzer-policy shim runs", () => {
    const runner = require.resolve(RUN_POLICY_PACK, { paths: [POLICY_PACK_DIR] });
    const run = fs.readFileSync(path.join(path.dirname(runner), "run.js"), "utf8");
    // run-policy-pack compiles the pack by registering ts-node with type checking on; the
    // transpile-only preload patches exactly that register call.
    assert.match(run, /tsn\.register\(\{\s*typeCheck: true/);
    assert.ok(fs.existsSync(TRANSPILE_ONLY_PRELOAD));
    assert.strictEqual(typeof require(packTsNode(runner)).register, "function");
  });

  it("speaks the analyzer service the pinned @pulumi/pulumi defines", () => {
    const service = AnalyzerService as unknown as Record<string, { path: string }>;
    for (const [method, rpc] of [
      ["handshake", "Handshake"],
      ["getAnalyzerInfo", "GetAnalyzerInfo"],
      ["configureStack", "ConfigureStack"],
      ["configure", "Configure"],
      ["remediate", "Remediate"],
      ["analyze", "Analyze"],
      ["analyzeStack", "AnalyzeStack"],
    ]) {
      assert.strictEqual(service[method]?.path, `/pulumirpc.Analyzer/${rpc}`);
    }
  });

  it("runs the pack's own @pulumi/policy and @pulumi/pulumi, the versions package.json pins", () => {
    const pin = JSON.parse(fs.readFileSync(path.join(POLICY_PACK_DIR, "package.json"), "utf8"));
    const version = (pkg: string) =>
      JSON.parse(
        fs.readFileSync(
          require.resolve(`${pkg}/package.json`, { paths: [POLICY_PACK_DIR] }),
          "utf8",
        ),
      ).version.replace(/^v/, "");
    assert.strictEqual(version("@pulumi/policy"), pin.dependencies["@pulumi/policy"]);
    assert.strictEqual(version("@pulumi/pulumi"), pin.dependencies["@pulumi/pulumi"]);
  });

  it("refuses a directory that is not a pack, and reports a pack that fails with what it printed", async () => {
    await assert.rejects(
      PolicyPack.start(path.join(ROOT, "tests", "fixtures", "programs")),
      (err: Error) => err instanceof PolicyPackError && /has no package\.json/.test(err.message),
    );
    await assert.rejects(
      PolicyPack.start(path.join(ROOT, "tests", "fixtures", "broken-pack")),
      (err: Error) =>
        err instanceof PolicyPackError &&
        /exited \(code \d+\) before serving/.test(err.message) &&
        err.message.includes("broken-pack refuses to load"),
    );
  });
});
