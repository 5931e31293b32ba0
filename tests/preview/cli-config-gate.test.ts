/**
 * The offline gate reads stack files as `pulumi preview` does (preview/cli-config) before the
 * program's own validation: un-namespaced keys are the project's, values reach the program as the
 * CLI's text, CLI-stage failures are config errors in the CLI's words, and the stricter checks
 * (namespaces, aws keys, plaintext credentials) are config errors that never echo a credential.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readStackFile, ROOT } from "../../preview/gate";
import { renderText } from "../../preview/report";
import { cli, fixtureStack, gate, mandatory } from "./helpers";

const PROD_BASE = `config:
  aws:region: us-east-2
  pythonide:domain: ide.example.edu
  pythonide:image: registry.example.com/pythonide:2025.10.1
  pythonide:certificateArn: arn:aws:acm:us-east-2:000000000000:certificate/00000000-0000-0000-0000-000000000000
`;

const STAGING_BASE = `config:
  aws:region: us-east-2
  pythonide:domain: ide.example.edu
  pythonide:image: registry.example.com/pythonide:2025.10.1
  pythonide:platformStack: example-org/pythonide/prod
  pythonide:timeZone: America/Chicago
`;

/** Writes `Pulumi.<stack>.yaml` with `body` into a fresh temporary directory; returns its path. */
function stackFile(stack: string, body: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-config-"));
  const file = path.join(dir, `Pulumi.${stack}.yaml`);
  fs.writeFileSync(file, body);
  return file;
}

describe("preview gate: stack files read as pulumi preview reads them", function () {
  this.timeout(600_000);

  it("an un-namespaced taskCpu: 4096 is pythonide:taskCpu: prod fails ecs-task-size-ceiling", async () => {
    const source = fixtureStack("unnamespaced-task", "Pulumi.prod.yaml");
    assert.deepStrictEqual(
      [source.raw!["pythonide:taskCpu"], source.raw!["taskCpu"]],
      [{ value: "4096", secret: false }, undefined],
    );
    const r = await gate(source);
    assert.strictEqual(r.verdict, "fail");
    assert.deepStrictEqual(mandatory(r), ["ecs-task-size-ceiling"]);
    const v = r.violations.find((x) => x.policy === "ecs-task-size-ceiling")!;
    assert.match(v.message, /4096 CPU units and 16384 MiB/);
  });

  it("project defaults from Pulumi.yaml reach the program (cpuArchitecture X86_64 unless set)", () => {
    const source = readStackFile(path.join(ROOT, "Pulumi.prod.yaml"));
    assert.deepStrictEqual(source.raw!["pythonide:cpuArchitecture"], {
      value: "X86_64",
      secret: false,
    });
  });

  it("a stack missing a key Pulumi.yaml requires stops in the CLI's words, before the program", async () => {
    const r = await gate(
      readStackFile(
        stackFile(
          "prod",
          "config:\n  aws:region: us-east-2\n  pythonide:domain: ide.example.edu\n",
        ),
      ),
    );
    assert.strictEqual(r.verdict, "invalid-config");
    assert.deepStrictEqual(r.configErrors, [
      "error: validating stack config: Stack 'prod' is missing configuration value 'image'",
    ]);
    assert.deepStrictEqual(r.resources, []);
  });

  it("a declared type is checked by the CLI stage first: domain given as a list", async () => {
    const r = await gate(
      readStackFile(
        stackFile(
          "prod",
          PROD_BASE.replace("pythonide:domain: ide.example.edu", "pythonide:domain: [a, b]"),
        ),
      ),
    );
    assert.deepStrictEqual(r.configErrors, [
      "error: validating stack config: Stack 'prod' with configuration key 'domain' must be of type 'string'",
    ]);
  });

  it("a misspelt namespace is a config error naming the nearest namespace", async () => {
    const r = await gate(readStackFile(stackFile("prod", `${PROD_BASE}  pythonid:maxTasks: 3\n`)));
    assert.strictEqual(r.verdict, "invalid-config");
    assert.deepStrictEqual(r.configErrors, [
      `pythonid:maxTasks: the namespace "pythonid" is neither the project's (pythonide) nor a provider's this program uses (aws, awsx, pulumi), so nothing reads this key: did you mean pythonide:maxTasks? (offline preview check, stricter than the Pulumi CLI)`,
    ]);
  });

  it("a misspelt aws key is a config error naming the nearest aws key, with the program's own problems", async () => {
    const r = await gate(
      readStackFile(stackFile("prod", PROD_BASE.replace("aws:region", "aws:regoin"))),
    );
    assert.deepStrictEqual(r.configErrors, [
      "aws:regoin is not a configuration key of the aws provider (@pulumi/aws 7.48.0 config/vars.d.ts): did you mean aws:region? (offline preview check, stricter than the Pulumi CLI)",
      "aws:region is required: the AWS region to deploy to",
    ]);
  });

  it("a plaintext aws:secretKey is refused and its value appears nowhere, in the report or the output", async () => {
    const file = stackFile("prod", `${PROD_BASE}  aws:secretKey: fixture-aws-secret-not-real\n`);
    const r = await gate(readStackFile(file));
    assert.strictEqual(r.verdict, "invalid-config");
    assert.strictEqual(r.configErrors.length, 1);
    assert.match(
      r.configErrors[0],
      /^aws:secretKey is a provider credential given in plaintext in the stack file \(value not shown\): remove it; give it through the environment \(AWS_SECRET_ACCESS_KEY, or AWS_PROFILE for a named profile\) or let CI assume an IAM role through OIDC; if it must be stack config, set it with pulumi config set --secret aws:secretKey/,
    );
    assert.ok(!JSON.stringify(r).includes("fixture-aws-secret-not-real"));
    for (const args of [
      ["--config-file", file],
      ["--config-file", file, "--json"],
    ]) {
      const out = await cli(...args);
      assert.strictEqual(out.code, 1, args.join(" "));
      assert.ok(out.stdout.includes("aws:secretKey is a provider credential"), out.stdout);
      assert.ok(!`${out.stdout}${out.stderr}`.includes("fixture-aws-secret-not-real"));
    }
  });

  it("a secure aws:secretKey is accepted by the stricter checks", () => {
    const source = readStackFile(
      stackFile("prod", `${PROD_BASE}  aws:secretKey:\n    secure: AAAAfixture\n`),
    );
    assert.deepStrictEqual(source.stricter, []);
    assert.deepStrictEqual(source.raw!["aws:secretKey"], { value: "AAAAfixture", secret: true });
  });

  describe("staging's activeUntil: the text written, unless YAML reads an unquoted timestamp", () => {
    // [written, text the program receives, the quoted form the refusal suggests (if refused)].
    // An unquoted timestamp is yaml.v3's (resolve.go parseTimestamp) and reaches the program as
    // Go's Time.String() (object.go `case time.Time: v.String()`): the text the CLI 3.248.0
    // printed for these (`pulumi config --json`, see tests/engine/engine.suite.ts).
    const cases: [string, string, string?][] = [
      ['"2026-11-20T21:13:00Z"', "2026-11-20T21:13:00Z"],
      ["'2026-11-20T22:13:00+01:00'", "2026-11-20T22:13:00+01:00"],
      // No offset after the seconds: none of yaml.v3's timestamp formats, so text.
      ["2026-11-20T15:13:00", "2026-11-20T15:13:00"],
      ["2026-11-20T15:13", "2026-11-20T15:13"],
      // YAML's own timestamp form, a space for the T: local time too (model/time.ts readTime).
      ['"2026-11-20 15:13:00"', "2026-11-20 15:13:00"],
      ["2026-11-20T21:13:00Z", "2026-11-20 21:13:00 +0000 UTC", "2026-11-20T21:13"],
      ["2026-11-20T22:13:00+01:00", "2026-11-20 22:13:00 +0100 +0100", "2026-11-20T22:13"],
      ["2026-11-20 15:13:00", "2026-11-20 15:13:00 +0000 UTC", "2026-11-20T15:13"],
    ];
    for (const [written, text, quoted] of cases) {
      it(`activeUntil: ${written}${quoted ? " (refused)" : ""}`, async () => {
        const source = readStackFile(
          stackFile(
            "staging",
            `${STAGING_BASE}  pythonide:active: true\n  pythonide:activeUntil: ${written}\n`,
          ),
        );
        assert.deepStrictEqual(source.raw!["pythonide:activeUntil"], {
          value: text,
          secret: false,
        });
        const r = await gate(source);
        if (quoted !== undefined) {
          assert.strictEqual(r.verdict, "invalid-config");
          assert.deepStrictEqual(r.configErrors, [
            `pythonide:activeUntil "${text}" is how the Pulumi CLI hands over an unquoted YAML timestamp (Go's time text; one written without an offset has become UTC): put the time in quotes in the stack file, e.g. pythonide:activeUntil: "${quoted}"`,
          ]);
          return;
        }
        assert.deepStrictEqual(r.configErrors, []);
        assert.strictEqual(r.verdict, "pass");
        // 21:13 UTC every way it is written (America/Chicago is UTC-6 in November).
        const off = r.resources.find(
          (x) =>
            x.type === "aws:appautoscaling/scheduledAction:ScheduledAction" &&
            JSON.stringify(x.inputs).includes("at(2026-11-20T21:13:00)"),
        );
        assert.ok(
          off,
          JSON.stringify(
            r.resources.filter((x) => x.type.includes("scheduledAction")).map((x) => x.inputs),
          ),
        );
      });
    }
  });

  it("a duplicate key is the CLI's error (yaml.v3), not the last value", async () => {
    const source = readStackFile(
      stackFile("staging", `${STAGING_BASE}  pythonide:minTasks: 0\n  pythonide:minTasks: 1\n`),
    );
    assert.strictEqual(source.raw, undefined);
    const r = await gate(source);
    assert.strictEqual(r.verdict, "invalid-config");
    assert.deepStrictEqual(r.configErrors, [
      'error: getting stack configuration: yaml: unmarshal errors:\n  line 8: mapping key "pythonide:minTasks" already defined at line 7',
    ]);
    // Printed as one list item: its second line stays under the dash.
    const text = renderText([r], { now: new Date(0), elapsedMs: 0 });
    assert.ok(
      text.includes(
        '\n  - error: getting stack configuration: yaml: unmarshal errors:\n      line 8: mapping key "pythonide:minTasks" already defined at line 7\n',
      ),
      text,
    );
  });

  it("active: yes reaches the program as the text yes, which it refuses (as config.getBoolean does)", async () => {
    const source = readStackFile(stackFile("staging", `${STAGING_BASE}  pythonide:active: yes\n`));
    assert.deepStrictEqual(source.raw!["pythonide:active"], { value: "yes", secret: false });
    const r = await gate(source);
    assert.strictEqual(r.verdict, "invalid-config");
    assert.deepStrictEqual(r.configErrors, [
      'pythonide:active is "yes": must be true or false: the Pulumi CLI reads YAML 1.2, where yes is text, not a boolean (write true)',
    ]);
  });
});
