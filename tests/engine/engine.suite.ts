/**
 * The engine suite (`npm run test:engine`): every shipped stack and every broken fixture through
 * the real Pulumi CLI (tests/engine/harness.ts) beside the offline preview (preview/gate.ts),
 * expecting the same verdict. Prod is previewed as a new stack (every computed output unknown),
 * then deployed (`pulumi up`, every value known) to the file backend; staging and exam are then
 * previewed and deployed reading prod's real outputs through their StackReference.
 *
 * Not part of `npm test` (the file is not `*.test.ts`): it needs the CLI binary, which
 * scripts/build-pulumi-cli.sh builds (`npm run test:engine` runs it first).
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ConfigStageError, loadProject, loadStack } from "../../preview/cli-config";
import { StackReport } from "../../preview/gate";
import { fixtureStack, FIXTURES, gate, mandatory, NOW, shipped } from "../preview/helpers";
import { CLI, EngineSession, EngineVerdict, ROOT } from "./harness";

/** One row of the comparison the suite prints (and the README keeps). */
interface Row {
  what: string;
  offline: string;
  engine: string[];
}
const rows: Row[] = [];

function offlineVerdict(report: StackReport): string {
  if (report.verdict === "invalid-config") return "invalid config";
  const refused = mandatory(report);
  return refused.length > 0 ? `refused: ${refused.join(", ")}` : report.verdict;
}

function engineVerdict(v: EngineVerdict): string {
  if (v.mandatory.length > 0) return `refused: ${v.mandatory.join(", ")}`;
  const advisory = v.advisory.length > 0 ? ` (advisory: ${v.advisory.join(", ")})` : "";
  return `${v.verdict === "error" ? "error" : "pass"}${advisory}`;
}

/**
 * Counts by type in key order, for a readable deepEqual, without the engine's own resources (the
 * stack, providers, and StackReferences, which the offline run reads without registering).
 */
function sorted(counts: Record<string, number>): Record<string, number> {
  const own = (t: string) =>
    t === "pulumi:pulumi:Stack" ||
    t === "pulumi:pulumi:StackReference" ||
    t.startsWith("pulumi:providers:");
  return Object.fromEntries(
    Object.entries(counts)
      .filter(([t]) => !own(t))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** The engine's output on failure, for assertion messages. */
function said(v: EngineVerdict): string {
  return `\n--- engine output (${v.ms} ms) ---\n${v.output.slice(-6000)}`;
}

describe("the real Pulumi engine beside the offline preview", function () {
  this.timeout(15 * 60 * 1000);

  before(function () {
    if (!fs.existsSync(CLI)) {
      throw new Error(
        `${CLI} is missing: run scripts/build-pulumi-cli.sh (npm run test:engine does)`,
      );
    }
  });

  after(function () {
    const lines = [
      "| stack or fixture | offline preview (`npm start`) | engine: first preview | engine: `pulumi up` |",
      "| --- | --- | --- | --- |",
      ...rows.map((r) => `| ${r.what} | ${r.offline} | ${r.engine.join(" | ")} |`),
    ];
    const out = path.join(ROOT, ".engine", "verdicts.md");
    fs.writeFileSync(out, lines.join("\n") + "\n");
    console.log(`\n${lines.join("\n")}\n(written to ${path.relative(ROOT, out)})`);
    // The README shows this table as the comparison of record: a verdict that changed must show.
    if (rows.length === 0) return;
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    if (!readme.includes(lines.join("\n"))) {
      throw new Error(
        `README.md's engine verdict table is not this run's: copy ${path.relative(ROOT, out)} into it`,
      );
    }
  });

  describe("stack-file YAML: the CLI and the offline replica (preview/cli-config) read it alike", function () {
    // A throw-away project and file backend; `pulumi config --json` loads the stack file as
    // `pulumi preview` does (workspace/loaders.go LoadProjectStackBytes) without running anything.
    let dir: string;
    const env = (): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      HOME: dir,
      PULUMI_HOME: path.join(dir, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(dir, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "engine-suite-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      // go-yaml.ts goTimestamp assumes a UTC local zone (time.Parse uses the local zone when its
      // offset matches).
      TZ: "UTC",
    });
    const pulumi = (...args: string[]) =>
      spawnSync(CLI, args, { cwd: path.join(dir, "project"), env: env(), encoding: "utf8" });
    const PROJECT = "name: fidelity\nruntime: nodejs\n";

    before(function () {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "pythonide-yaml-"));
      fs.mkdirSync(path.join(dir, "project"));
      fs.mkdirSync(path.join(dir, "state"));
      fs.writeFileSync(path.join(dir, "project", "Pulumi.yaml"), PROJECT);
      const init = pulumi("stack", "init", "dev");
      assert.equal(init.status, 0, init.stderr);
    });
    after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

    /** What the CLI prints for a stack file: `{value}` per key, or its error line(s). */
    function cli(stackText: string): Record<string, string> | string {
      fs.writeFileSync(path.join(dir, "project", "Pulumi.dev.yaml"), stackText);
      const r = pulumi("config", "--json", "--stack", "dev");
      if (r.status !== 0) return r.stderr.trim();
      const json = JSON.parse(r.stdout) as Record<string, { value: string }>;
      return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, v.value]));
    }

    /** The same from the replica (`pulumi config` prints a stack error without a prefix). */
    function replica(stackText: string): Record<string, string> | string {
      try {
        const { config } = loadStack(stackText, loadProject(PROJECT, "Pulumi.yaml"));
        return Object.fromEntries([...config].map(([k, v]) => [k, v.value]));
      } catch (err) {
        if (err instanceof ConfigStageError) return `error: ${err.message}`;
        throw err;
      }
    }

    const SNIPPETS: [string, Record<string, string> | string][] = [
      [
        "config:\n  fidelity:minTasks: 1\n  fidelity:minTasks: 2\n",
        'error: yaml: unmarshal errors:\n  line 3: mapping key "fidelity:minTasks" already defined at line 2',
      ],
      [
        'config:\n  a: yes\n  b: on\n  c: "yes"\n  d: 0x10\n  e: 1_000\n  f: Off\n  g: 1.0\n  h: 2026-11-29T21:13:00Z\n',
        {
          "fidelity:a": "yes",
          "fidelity:b": "on",
          "fidelity:c": "yes",
          "fidelity:d": "16",
          "fidelity:e": "1000",
          "fidelity:f": "Off",
          "fidelity:g": "1",
          "fidelity:h": "2026-11-29 21:13:00 +0000 UTC",
        },
      ],
      [
        "config:\n  a: [.nan]\n",
        "error: invalid YAML file: could not unmarshal map: json: error calling MarshalJSON for type config.object: json: unsupported value: NaN",
      ],
    ];
    for (const [text, expected] of SNIPPETS) {
      it(`${JSON.stringify(text)}: the same values or the same error`, function () {
        const fromCli = cli(text);
        assert.deepEqual(replica(text), fromCli);
        // And both are what the offline tests (tests/preview/cli-config.test.ts) pin.
        assert.deepEqual(fromCli, expected);
      });
    }
    it("a setting outside config: is what the replica reports as ignored (npm start refuses it)", function () {
      const text = "config:\n  a: 1\nfidelity:b: 2\nnotes: x\n";
      assert.deepEqual(cli(text), { "fidelity:a": "1" });
      const { ignored } = loadStack(text, loadProject(PROJECT, "Pulumi.yaml"));
      assert.deepEqual(ignored, ["fidelity:b", "notes"]);
    });
  });

  describe("shipped stacks, in deployment order", function () {
    let session: EngineSession;
    before(() => (session = new EngineSession(NOW)));
    after(() => session?.close());

    for (const stack of ["prod", "staging", "exam"]) {
      it(`${stack}: preview as a new stack, then pulumi up, both as the offline preview judges it`, async function () {
        const offline = await gate(shipped(stack));
        session.placeStackFile(stack, path.join(ROOT, `Pulumi.${stack}.yaml`));
        const preview = await session.run(stack, "preview");
        const up = await session.run(stack, "up");
        rows.push({
          what: `\`${stack}\` (Pulumi.${stack}.yaml)`,
          offline: offlineVerdict(offline),
          engine: [engineVerdict(preview), engineVerdict(up)],
        });
        assert.equal(
          offline.verdict,
          "pass",
          offline.configErrors.join("\n") + (offline.error ?? ""),
        );
        assert.deepEqual(preview.errors, [], said(preview));
        assert.deepEqual(preview.mandatory, [], said(preview));
        assert.equal(preview.verdict, "pass", said(preview));
        assert.deepEqual(up.errors, [], said(up));
        assert.deepEqual(up.mandatory, [], said(up));
        assert.equal(up.verdict, "pass", said(up));
        // The same resources, type by type, in the offline run, the preview and the update
        // (the awsx Vpc's children are the awsx plugin's: the program does not register them).
        const offlineCounts = sorted(offline.counts);
        assert.deepEqual(sorted(preview.resourceTypes), offlineCounts, said(preview));
        assert.deepEqual(sorted(up.resourceTypes), offlineCounts, said(up));
      });
    }
  });

  describe("broken fixtures, each as a new stack of its own backend", function () {
    const cases: { dir: string; file: string; stack: string }[] = [
      { dir: "oversized-task", file: "Pulumi.prod.yaml", stack: "prod" },
      { dir: "no-autoscaling", file: "Pulumi.prod.yaml", stack: "prod" },
      { dir: "plaintext-db-password", file: "Pulumi.prod.yaml", stack: "prod" },
      { dir: "staging-always-on", file: "Pulumi.staging.yaml", stack: "staging" },
      { dir: "not-yaml", file: "exam-stack-file.txt", stack: "exam" },
    ];
    for (const c of cases) {
      it(`${c.dir}: refused by the engine as by the offline preview`, async function () {
        const offline = await gate(fixtureStack(c.dir, c.file, c.stack));
        const session = new EngineSession(NOW);
        try {
          session.placeStackFile(c.stack, path.join(FIXTURES, "stacks", c.dir, c.file));
          const preview = await session.run(c.stack, "preview");
          rows.push({
            what: `fixture \`${c.dir}\``,
            offline: offlineVerdict(offline),
            engine: [engineVerdict(preview), "(not run: refused)"],
          });
          if (offline.verdict === "invalid-config" && c.dir === "not-yaml") {
            // Not YAML at all: each refuses to read the file before anything runs.
            assert.equal(preview.verdict, "error", said(preview));
            assert.match(preview.errors.join("\n"), /invalid YAML file/, said(preview));
          } else if (offline.verdict === "invalid-config") {
            // The program refuses the config before registering anything: the engine prints
            // the same problems, each naming its key.
            assert.equal(preview.verdict, "error", said(preview));
            const printed = preview.errors.join("\n");
            for (const problem of offline.configErrors) {
              assert.ok(
                printed.includes(problem),
                `engine did not print "${problem}"${said(preview)}`,
              );
            }
          } else {
            assert.deepEqual(preview.mandatory, mandatory(offline), said(preview));
          }
        } finally {
          session.close();
        }
      });
    }
  });
});
