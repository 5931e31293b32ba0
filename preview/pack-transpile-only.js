/**
 * Preloaded (`node --require`) into the policy pack's process by preview/analyzer.ts unless
 * --typecheck-pack is given: makes @pulumi/pulumi/cmd/run-policy-pack compile the pack with
 * ts-node in transpile-only mode instead of type-checking it first. The emitted JavaScript, the
 * @pulumi/policy server and every policy are the same; only the compile-time type check (which
 * `npm test` runs with tsc) is skipped, which saves most of the pack's start-up time.
 *
 * PYTHONIDE_PACK_TS_NODE names the ts-node module run-policy-pack will load (resolved the way
 * @pulumi/pulumi/tsutils.js resolves it); this patches that very module instance's register().
 * Plain JavaScript: it runs before any TypeScript support exists in the process.
 */
"use strict";
const target = process.env.PYTHONIDE_PACK_TS_NODE;
if (target) {
  const tsnode = require(target);
  const register = tsnode.register;
  tsnode.register = function (options) {
    return register.call(
      this,
      Object.assign({}, options, { typeCheck: false, transpileOnly: true }),
    );
  };
  tsnode.register.patchedByPreview = true;
}
