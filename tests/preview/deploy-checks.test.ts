/**
 * The offline preview's checks across stacks and for a real deployment: staging and exam read in
 * the same run as prod must be in prod's region (model/config platformRegionProblems, given every
 * stack file of the run), and each stack's shipped placeholders are warnings in its report.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gateStack, readStackFile, ROOT, StackSource } from "../../preview/gate";
import { gate, NOW, realPack, shipped } from "./helpers";

/** The shipped stack file of `stack` with its text changed by `edit`, written to a temp dir. */
function edited(stack: string, edit: (text: string) => string): StackSource {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deploy-checks-"));
  const file = path.join(dir, `Pulumi.${stack}.yaml`);
  fs.writeFileSync(file, edit(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8")));
  return readStackFile(file);
}

const toLondon = (text: string) =>
  text
    .replace("aws:region: us-east-2", "aws:region: eu-west-2")
    .replace("acm:us-east-2", "acm:eu-west-2");

describe("preview gate: checks for a real deployment", function () {
  this.timeout(600_000);

  it("refuses staging in another region than prod, before its program runs", async () => {
    const prod = edited("prod", toLondon);
    const staging = shipped("staging");
    // No pack is needed: the stack is refused before its program runs.
    const pack = Promise.reject(new Error("the pack was asked for"));
    pack.catch(() => undefined);
    const r = await gateStack(staging, { pack, now: NOW, stacks: [prod, staging] });
    assert.strictEqual(r.verdict, "invalid-config");
    assert.deepStrictEqual(r.configErrors, [
      'aws:region is "us-east-2", but the prod stack is in eu-west-2: staging stands on prod\'s VPC, subnets, load balancer and EFS file system (read through pythonide:platformStack), which exist only in eu-west-2; set aws:region to eu-west-2 in Pulumi.staging.yaml (or move every stack, prod first, to us-east-2)',
    ]);
    assert.deepStrictEqual(r.resources, []);
  });

  it("runs staging in prod's region, and staging alone is not judged against prod", async () => {
    const prod = edited("prod", toLondon);
    const staging = edited("staging", toLondon);
    const together = await gateStack(staging, {
      pack: realPack(),
      now: NOW,
      stacks: [prod, staging],
    });
    assert.deepStrictEqual(together.configErrors, []);
    assert.strictEqual(together.verdict, "pass");
    const alone = await gateStack(shipped("staging"), { pack: realPack(), now: NOW });
    assert.deepStrictEqual(alone.configErrors, []);
  });

  it("warns of each shipped placeholder in the stack's report", async () => {
    const r = await gate(shipped("exam"));
    const tail =
      'is the shipped placeholder and cannot deploy; replace it with your own value before pulumi up (README "Deploying for real")';
    assert.deepStrictEqual(
      r.warnings.filter((w) => w.includes("shipped placeholder")),
      [
        `pythonide:domain is "ide.example.edu": example.edu ${tail}`,
        `pythonide:image is "registry.example.com/pythonide-exam:2025.10.1": example.com ${tail}`,
        `pythonide:platformStack is "example-org/pythonide/prod": example-org ${tail}`,
      ],
    );
  });
});
