// `npm run mutation -- <target|glob>... [--stryker-option value]`: StrykerJS on a target of
// stryker.config.mjs (pack, config, cost) or on file globs, at the lowest CPU priority, with one
// test process. Words starting with -- go to Stryker as they are (for example --ignoreStatic).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import * as path from "node:path";

const args = process.argv.slice(2);
const firstFlag = args.findIndex((a) => a.startsWith("--"));
const words = firstFlag < 0 ? args : args.slice(0, firstFlag);
const flags = firstFlag < 0 ? [] : args.slice(firstFlag);
// The config reads the target when it loads: check it here too, before Stryker starts.
process.env.MUTATION_TARGET = words.join(" ");
let config;
try {
  config = await import("../stryker.config.mjs");
} catch (error) {
  console.error(
    `${error.message}\nusage: npm run mutation -- <target|glob>... [--stryker-option value]`,
  );
  process.exit(2);
}
const { mutate, mochaOptions } = config.default;
console.error(`mutating ${mutate.join(", ")}; testing with ${mochaOptions.spec.join(", ")}`);

const core = createRequire(import.meta.url).resolve("@stryker-mutator/core/package.json");
const stryker = path.join(path.dirname(core), "bin", "stryker.js");
const run = spawnSync(
  "nice",
  ["-n", "19", process.execPath, stryker, "run", "stryker.config.mjs", ...flags],
  {
    stdio: "inherit",
  },
);
process.exit(run.status ?? 1);
