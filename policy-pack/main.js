/**
 * The pack's entry point (package.json `main`), which @pulumi/pulumi/cmd/run-policy-pack
 * requires. In this repository (`pulumi preview --policy-pack policy-pack`, the offline gate,
 * `pulumi policy publish` reading the pack's metadata) the TypeScript source runs, compiled by
 * the runner's ts-node; the packed tarball carries no source (package.json `files`), only dist/,
 * which `prepack` compiles from the pack and the model files it imports (README, Policy pack).
 */
"use strict";
const fs = require("fs");
const path = require("path");

if (fs.existsSync(path.join(__dirname, "index.ts"))) {
  module.exports = require("./index.ts");
} else if (fs.existsSync(path.join(__dirname, "dist", "policy-pack", "index.js"))) {
  module.exports = require("./dist/policy-pack/index.js");
} else {
  throw new Error(
    "this copy of the policy pack has neither its source (index.ts) nor its build (dist/): it was packed without running prepack; pack it again with npm_config_ignore_scripts=false",
  );
}
