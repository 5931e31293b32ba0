/**
 * `npm run compare-costs`'s command line: `--check` and `--help` only (node:util parseArgs,
 * strict); anything else is refused with exit 2, naming the known options, before any pricing and
 * without touching README.md.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../../preview/gate";
import { UsageError } from "../../preview/args";
import { priceName } from "../../model/cost";
import { PRICED_REGIONS, pricesFor } from "../../model/prices";
import { borrowedByRegion, parseCompareArgs } from "../../scripts/compare-costs";

describe("npm run compare-costs: its options", function () {
  this.timeout(120000);

  it("reads --check and --help", () => {
    assert.deepEqual(parseCompareArgs([]), { check: false, help: false });
    assert.deepEqual(parseCompareArgs(["--check"]), { check: true, help: false });
    assert.deepEqual(parseCompareArgs(["--help"]), { check: false, help: true });
  });

  it("refuses an unknown option, an argument and a value for a switch, naming the known options", () => {
    const refused = (argv: string[], message: string) =>
      assert.throws(
        () => parseCompareArgs(argv),
        (err: Error) => err instanceof UsageError && err.message === message,
      );
    const known = "the known options are --check, --help";
    refused(["--bogus"], `compare-costs: "--bogus" is not an option: ${known}`);
    refused(["--check", "README.md"], `compare-costs: "README.md" is not an option: ${known}`);
    refused(["--check=yes"], `compare-costs: "--check" takes no value: ${known}`);
  });

  it("exits 2 for --bogus before pricing anything, README.md untouched", () => {
    const readme = path.join(ROOT, "README.md");
    const before = fs.statSync(readme).mtimeMs;
    const r = spawnSync(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "scripts/compare-costs.ts", "--bogus"],
      { cwd: ROOT, encoding: "utf8" },
    );
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, "");
    assert.equal(
      r.stderr,
      'compare-costs: "--bogus" is not an option: the known options are --check, --help\n',
    );
    assert.equal(fs.statSync(readme).mtimeMs, before);
  });
});

describe("npm run compare-costs: the figures still another region's, under the region table", () => {
  it("names each region's borrowed figures in words, and counts them all", () => {
    const text = borrowedByRegion();
    let total = 0;
    for (const region of PRICED_REGIONS) {
      const t = pricesFor(region);
      const names = [
        ...Object.entries(t.items)
          .filter(([, p]) => p.assumedFrom)
          .map(([key]) => priceName(key)),
        ...Object.entries(t.rdsInstanceHour)
          .filter(([, p]) => p.assumedFrom)
          .map(([cls]) => `RDS ${cls} instance hours`),
      ];
      total += names.length;
      if (names.length > 0) assert.ok(text.includes(`${region}: ${names.join(", ")}`), region);
      else assert.ok(!text.includes(`${region}:`), region);
    }
    assert.ok(
      total === 0
        ? text === "Every region has a figure of its own for every item."
        : text.startsWith(`Still us-east-1's (${total} figure${total === 1 ? "" : "s"}, `),
      text,
    );
  });
});
