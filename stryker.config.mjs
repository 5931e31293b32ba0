// Mutation testing (StrykerJS, mocha runner): `npm run mutation -- <target>`, see the README.
// A measurement of how well the tests catch faults, not part of .ci/run.
//
// Each target names the files to mutate and the test files that exercise them. The globs take
// both a single file and the folder it may be split into (model/config.ts or model/config/**),
// so a target keeps working when a module is split.
//
// MUTATION_TARGET (set by scripts/mutation.mjs): space-separated target names or file globs. A
// glob takes the tests of the target whose files it lies under.

/** @type {Record<string, {mutate: string[], spec: string[], ignore?: string[]}>} */
export const TARGETS = {
  pack: {
    mutate: ["policy-pack/policies/**/*.ts"],
    spec: ["tests/policy/*.test.ts", "tests/cost/budget*.test.ts"],
    // Not tests/policy/publish.test.ts: it compiles the pack's folder with tsc, which refuses
    // Stryker's instrumented sources, and it checks packaging, not a policy's verdicts.
    ignore: ["tests/policy/publish.test.ts"],
  },
  config: {
    mutate: ["model/config.ts", "model/config/**/*.ts"],
    spec: ["tests/model/*.test.ts"],
  },
  cost: {
    mutate: ["model/cost.ts", "model/cost/**/*.ts"],
    // Not tests/cost/stacks.test.ts: its `before` runs every shipped stack on mocks (about 10 s),
    // and Stryker reruns it for each mutant it covers. The cost model's own tests price the
    // same lines from records.
    spec: ["tests/cost/*.test.ts"],
    ignore: ["tests/cost/stacks.test.ts"],
  },
};

/** The folder or file a glob starts with: "model/config/**\/*.ts" -> "model/config". */
const base = (glob) =>
  glob
    .replace(/[*?[{].*$/, "")
    .replace(/\/$/, "")
    .replace(/\.ts$/, "");

/**
 * Files to mutate, tests to run and the report folder for the words of MUTATION_TARGET.
 * @param {string} words target names and/or globs, space-separated
 * @returns {{mutate: string[], spec: string[], ignore: string[], key: string}}
 * @throws {Error} for an empty target or a glob under no target's files
 */
export function resolveTarget(words) {
  const parts = words.split(/\s+/).filter(Boolean);
  if (parts.length === 0) {
    throw new Error(
      `no mutation target: give one of ${Object.keys(TARGETS).join(", ")}, or file globs`,
    );
  }
  const mutate = new Set();
  const spec = new Set();
  const ignore = new Set();
  for (const part of parts) {
    const named = TARGETS[part];
    const owner =
      named ??
      Object.values(TARGETS).find((t) => t.mutate.some((m) => base(part).startsWith(base(m))));
    if (!owner) {
      throw new Error(
        `mutation target "${part}" is neither a target (${Object.keys(TARGETS).join(", ")}) ` +
          `nor a glob under one's files (${Object.values(TARGETS)
            .flatMap((t) => t.mutate)
            .join(", ")})`,
      );
    }
    (named ? named.mutate : [part]).forEach((m) => mutate.add(m));
    owner.spec.forEach((s) => spec.add(s));
    (owner.ignore ?? []).forEach((s) => ignore.add(s));
  }
  const key = parts.join("+").replace(/[^A-Za-z0-9+._-]+/g, "_");
  return { mutate: [...mutate], spec: [...spec], ignore: [...ignore], key };
}

const target = resolveTarget(process.env.MUTATION_TARGET ?? "");
const reports = `reports/mutation/${target.key}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "mocha",
  plugins: ["@stryker-mutator/mocha-runner"],
  mutate: target.mutate,
  mochaOptions: {
    // Only these tests: the repo's .mocharc.json would add every test file.
    "no-config": true,
    spec: target.spec,
    ignore: target.ignore,
    require: ["ts-node/register/transpile-only"],
    extension: ["ts"],
  },
  // Run only the tests that reach a mutant; one process, as the machine is shared.
  coverageAnalysis: "perTest",
  // ts-node compiles without type checks, so files need no `// @ts-nocheck` (a test reads one).
  disableTypeChecks: false,
  concurrency: 1,
  timeoutMS: 10000,
  // A rerun tests only mutants whose code or tests changed.
  incremental: true,
  incrementalFile: `${reports}/stryker-incremental.json`,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `${reports}/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
