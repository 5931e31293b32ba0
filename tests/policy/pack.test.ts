/**
 * The pack as a whole (every policy follows the conventions, the levels are where the pack is
 * assembled, the README lists them) and the test helper itself (it presents arguments as the
 * policy server does, so the policy tests can fail the way the engine would make them fail).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy, UnknownValueError } from "@pulumi/policy";
import { PACK_NAME, POLICY_LEVELS, policies } from "../../policy-pack/policies";
import { TYPES, service, taskDefinition, withProps } from "./fixtures";
import { engineProps, runResourcePolicy, runStackPolicy, secret, unknown } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const MANDATED = [
  "ecs-task-size-ceiling",
  "ecs-service-autoscaling",
  "rds-no-plaintext-password",
  "ecs-no-plaintext-credentials",
  "ssm-secret-parameter-secure",
  "staging-service-desired-zero",
  "staging-scales-to-zero",
];

describe("policy pack: conventions", () => {
  it("is named pythonide-guardrails and has a version the CLI can read", () => {
    assert.strictEqual(PACK_NAME, "pythonide-guardrails");
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "policy-pack", "package.json"), "utf8"));
    assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
    assert.ok(
      pkg.dependencies["@pulumi/policy"],
      "the pack's package.json declares @pulumi/policy",
    );
    const yaml = fs.readFileSync(path.join(ROOT, "policy-pack", "PulumiPolicy.yaml"), "utf8");
    assert.match(yaml, /^runtime: nodejs$/m);
    assert.match(yaml, /^description: \S/m);
  });

  it("gives the runner a tsconfig it can use without `extends` (commonjs)", () => {
    const ts = JSON.parse(fs.readFileSync(path.join(ROOT, "policy-pack", "tsconfig.json"), "utf8"));
    assert.strictEqual(ts.extends, undefined);
    assert.strictEqual(ts.compilerOptions.module, "commonjs");
    assert.strictEqual(ts.compilerOptions.moduleResolution, "node");
  });

  it("index.ts only constructs the PolicyPack from the exported list", () => {
    const src = fs.readFileSync(path.join(ROOT, "policy-pack", "index.ts"), "utf8");
    const code = src.replace(/\/\*\*[\s\S]*?\*\//g, "").trim();
    assert.strictEqual(
      code,
      'import { PolicyPack } from "@pulumi/policy";\nimport { PACK_NAME, policies } from "./policies";\n\nnew PolicyPack(PACK_NAME, { policies });',
    );
  });

  it("every policy: unique kebab-case name, description, remediation, config schema with defaults", () => {
    const names = policies.map((p) => p.name);
    assert.strictEqual(new Set(names).size, names.length, `duplicate names in ${names.join(", ")}`);
    for (const p of policies) {
      assert.match(p.name, /^[a-z0-9]+(-[a-z0-9]+)+$/, p.name);
      assert.ok(p.description.length > 20, `${p.name}: description`);
      assert.ok((p.remediationSteps ?? "").length > 20, `${p.name}: remediationSteps`);
      assert.ok(p.configSchema, `${p.name}: configSchema`);
      for (const [key, spec] of Object.entries(p.configSchema!.properties)) {
        assert.notStrictEqual(spec.default, undefined, `${p.name}.${key} has no default`);
        assert.ok(spec.description, `${p.name}.${key} has no description`);
      }
      const validates =
        (p as ResourceValidationPolicy).validateResource ??
        (p as StackValidationPolicy).validateStack;
      assert.strictEqual(typeof validates, "function", `${p.name}: validate function`);
    }
  });

  it("levels are set where the pack is assembled; the mandated guardrails are mandatory", () => {
    for (const [policy] of POLICY_LEVELS) {
      assert.strictEqual(policy.enforcementLevel, undefined, `${policy.name} sets its own level`);
    }
    const level = new Map(policies.map((p) => [p.name, p.enforcementLevel]));
    for (const name of MANDATED) assert.strictEqual(level.get(name), "mandatory", name);
    for (const name of ["lb-target-group-health-check", "cloudwatch-log-retention"]) {
      assert.strictEqual(level.get(name), "advisory", name);
    }
    assert.deepStrictEqual(
      policies.map((p) => p.enforcementLevel),
      POLICY_LEVELS.map(([, l]) => l),
    );
  });

  it("the README lists every policy with its level", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Policy pack"));
    assert.ok(section.startsWith("## Policy pack"), "README has a Policy pack section");
    for (const p of policies) {
      const row = section.split("\n").find((l) => l.startsWith(`| \`${p.name}\``));
      assert.ok(row, `README has no row for ${p.name}`);
      assert.ok(
        row.includes(`| ${p.enforcementLevel} |`),
        `README gives ${p.name} another level: ${row}`,
      );
    }
  });
});

describe("policy test helper: arguments as the policy server builds them", () => {
  it("wraps props in unknownCheckingProxy: reading an unknown throws UnknownValueError", () => {
    const props = engineProps({ cpu: unknown.string, memory: "2048" });
    assert.strictEqual(props.memory, "2048");
    assert.throws(() => props.cpu, UnknownValueError);
  });

  it("unwraps secrets to their plain value, nested too", () => {
    const props = engineProps({ password: secret("s3cret"), nested: { list: [secret(1)] } });
    assert.strictEqual(props.password, "s3cret");
    assert.strictEqual(props.nested.list[0], 1);
  });

  it("drops undefined properties, as the engine does", () => {
    const props = engineProps({ a: undefined, b: 1 });
    assert.deepStrictEqual(Object.keys(props), ["b"]);
  });

  it("lets proxied arrays be filtered and mapped (pulumi-policy issue 445)", () => {
    const props = engineProps({ list: [1, 2, 3] });
    assert.deepStrictEqual(
      props.list.filter((x: number) => x > 1).map((x: number) => x * 2),
      [4, 6],
    );
  });

  it("isType really compares the class's type token", async () => {
    const seen: boolean[] = [];
    const probe: ResourceValidationPolicy = {
      name: "probe",
      description: "probe",
      validateResource: (args) => {
        seen.push(args.isType(aws.ecs.Service), args.isType(aws.ecs.TaskDefinition));
      },
    };
    await runResourcePolicy(probe, taskDefinition("prod"));
    await runResourcePolicy(probe, service("prod"));
    assert.deepStrictEqual(seen, [false, true, true, false]);
  });

  it("notApplicable stops the policy and records the reason", async () => {
    let after = false;
    const probe: ResourceValidationPolicy = {
      name: "probe",
      description: "probe",
      validateResource: (args, report) => {
        args.notApplicable("not today");
        after = true;
        report("unreachable");
      },
    };
    const out = await runResourcePolicy(probe, service("prod"));
    assert.deepStrictEqual(out, { violations: [], notApplicable: ["not today"], previewNotes: [] });
    assert.strictEqual(after, false);
  });

  it("stack resources carry dependencies as resource objects and proxied props", async () => {
    let deps: string[] = [];
    let threw = false;
    const probe: StackValidationPolicy = {
      name: "probe",
      description: "probe",
      validateStack: (args) => {
        const target = args.resources.find((r) => r.type === TYPES.target)!;
        deps = target.propertyDependencies.resourceId.map((r) => r.name);
        try {
          void target.props.resourceId;
        } catch (e) {
          threw = e instanceof UnknownValueError;
        }
      },
    };
    const out = await runStackPolicy(probe, [
      service("prod"),
      {
        ...withProps(
          { type: TYPES.target, name: "ide-target", props: {} },
          { resourceId: unknown.string },
        ),
        propertyDependencies: { resourceId: ["ide-service"] },
      },
    ]);
    assert.deepStrictEqual(deps, ["ide-service"]);
    assert.strictEqual(threw, true);
    assert.deepStrictEqual(out.previewNotes, []);
  });

  it("gives getConfig the schema defaults merged with overrides, or only overrides", async () => {
    const configs: object[] = [];
    const probe: ResourceValidationPolicy = {
      name: "probe",
      description: "probe",
      configSchema: {
        properties: { a: { type: "integer", default: 1 }, b: { type: "integer", default: 2 } },
      },
      validateResource: (args) => {
        configs.push(args.getConfig());
      },
    };
    await runResourcePolicy(probe, service("prod"), { config: { b: 3 } });
    await runResourcePolicy(probe, service("prod"), { config: { b: 3 }, applyDefaults: false });
    assert.deepStrictEqual(configs, [{ a: 1, b: 3 }, { b: 3 }]);
  });
});
