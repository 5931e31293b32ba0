/**
 * The pack ships whole: what `pulumi policy publish` uploads starts and judges on its own.
 *
 * The CLI publishes a Node.js pack by running `npm pack --loglevel=error` in the pack's folder
 * and reading the tarball's file name from stdout (pulumi/pulumi sdk/nodejs/npm/npm.go, Pack;
 * called from pkg/backend/httpstate/policypack.go, Publish); a stack that requires the pack
 * later unpacks that tarball, runs `npm install` in it (installRequiredPolicy) and starts it
 * with @pulumi/pulumi/cmd/run-policy-pack. This suite does the same with nothing but the pack's
 * folder: packs it, installs the tarball in an empty temporary directory (dependencies from the
 * npm cache, else the registry: the install takes ~30 s), starts it there as the CLI does
 * (type-checking runner, no preload) and speaks the analyzer protocol to it. Outside the
 * repository, an import of the repository's source would fail to resolve.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalyzerResource, PolicyPack } from "../../preview/analyzer";
import { POLICY_PACK_DIR } from "../../preview/gate";
import { PACK_NAME, POLICY_LEVELS } from "../../policy-pack/policies";
import { ecsTaskSizeCeiling } from "../../policy-pack/policies/compute";
import { taskDefinition, withProps } from "./fixtures";

const manifest = JSON.parse(fs.readFileSync(path.join(POLICY_PACK_DIR, "package.json"), "utf8"));

/**
 * Runs npm with this process's environment minus what an enclosing `npm test` exports
 * (npm_config_*, npm_package_*: they would carry the repository's settings into the temporary
 * directory), plus `env`. Throws with npm's output when it fails.
 */
function npm(args: string[], cwd: string, env: Record<string, string> = {}): string {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_")),
  );
  const run = spawnSync("npm", args, { cwd, env: { ...clean, ...env }, encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`npm ${args.join(" ")} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return run.stdout;
}

/** A resource as the engine hands it to Analyze: a prod-tagged task definition. */
function analyzed(props: Record<string, unknown>): AnalyzerResource {
  const type = "aws:ecs/taskDefinition:TaskDefinition";
  return {
    urn: `urn:pulumi:prod::pythonide::${type}::ide-task`,
    type,
    name: "ide-task",
    properties: props,
    options: {
      protect: false,
      ignoreChanges: [],
      additionalSecretOutputs: [],
      aliases: [],
      customTimeouts: { create: 0, update: 0, delete: 0 },
      parent: "",
    },
    parent: "",
    dependencies: [],
    propertyDependencies: {},
  };
}

describe("the published policy pack (npm pack of policy-pack/ alone)", function () {
  this.timeout(600_000);
  let tmp: string;
  let tarball: string;
  let installed: string;
  let pack: PolicyPack;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pythonide-pack-"));
    // The repository's .npmrc sets ignore-scripts (no dependency's install script runs); the
    // publish route turns it off for the pack so that prepack builds dist/ (README).
    const stdout = npm(["pack", "--loglevel=error", "--pack-destination", tmp], POLICY_PACK_DIR, {
      npm_config_ignore_scripts: "false",
    });
    // The CLI reads the whole of stdout as the tarball's name: prepack must print nothing there.
    assert.strictEqual(stdout.trim(), `${manifest.name}-${manifest.version}.tgz`);
    tarball = path.join(tmp, stdout.trim());
    const app = path.join(tmp, "app");
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, "package.json"), '{ "private": true }\n');
    npm(
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball],
      app,
      { npm_config_loglevel: "error" },
    );
    installed = path.join(app, "node_modules", manifest.name);
    pack = await PolicyPack.start(installed, { typeCheck: true });
  });

  after(() => {
    pack?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("holds compiled JavaScript only: the pack and the model files it imports", () => {
    const listing = spawnSync("tar", ["-tzf", tarball], { encoding: "utf8" });
    assert.strictEqual(listing.status, 0, listing.stderr);
    const files = listing.stdout.trim().split("\n").sort();
    const outside = files.filter(
      (f) =>
        !/^package\/dist\/(policy-pack|model)\/[\w/-]+\.js$/.test(f) &&
        !["package/main.js", "package/package.json", "package/PulumiPolicy.yaml"].includes(f),
    );
    assert.deepStrictEqual(outside, []);
    assert.ok(files.includes("package/dist/policy-pack/index.js"));
    assert.ok(files.includes("package/dist/model/graph.js"));
    // postpack leaves the development folder as it was.
    assert.strictEqual(fs.existsSync(path.join(POLICY_PACK_DIR, "dist")), false);
  });

  it("lists every policy of the source pack, at the source pack's levels", async () => {
    const info = await pack.getInfo();
    assert.strictEqual(info.name, PACK_NAME);
    assert.strictEqual(info.version, manifest.version);
    const expected = POLICY_LEVELS.map(([p, level]) => [p.name, level]).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    assert.deepStrictEqual(
      info.policies.map((p) => [p.name, p.enforcementLevel]),
      expected,
    );
    assert.strictEqual(info.policies.length, 24);
  });

  it("refuses a task above the prod ceiling and passes the prod default", async () => {
    await pack.configureStack({ stack: "prod", project: "pythonide", config: {}, secretKeys: [] });
    const sized = (props: Record<string, unknown>) =>
      pack
        .analyze(analyzed(props))
        .then((ds) => ds.filter((d) => d.policyName === "ecs-task-size-ceiling"));
    const big = withProps(taskDefinition("prod"), { cpu: "2048", memory: "8192" });
    assert.deepStrictEqual(
      (await sized(big.props)).map((d) => [d.enforcementLevel, d.policyPackName, d.message]),
      [
        [
          "mandatory",
          PACK_NAME,
          // The SDK prefixes a violation's message with the policy's description.
          `${ecsTaskSizeCeiling.description}\n` +
            "ECS task definition 'ide-task' must fit the prod ceiling of 1024 CPU units and 4096 MiB; it asks for 2048 CPU units and 8192 MiB. Lower pythonide:taskCpu / pythonide:taskMemory in the stack's config, or raise the ceiling with this policy's prodMaxCpu / prodMaxMemoryMib in the policy config (pulumi: --policy-pack-config; npm start: --policy-config).",
        ],
      ],
    );
    assert.deepStrictEqual(await sized(taskDefinition("prod").props), []);
  });
});
