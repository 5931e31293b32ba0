import { strict as assert } from "assert";
import { placeholderWarnings, platformRegionProblems } from "../../model/config";
import { parse, problem, stackFile, withChanges } from "./configHelpers";

const CERT = "certificate/00000000-0000-0000-0000-000000000000";

describe("config checks for a real deployment", () => {
  describe("prod's certificate is in prod's region", () => {
    it("refuses a certificate of another region, naming the region it must name", () => {
      assert.equal(
        problem("prod", {
          "aws:region": "eu-west-2",
          certificateArn: `arn:aws:acm:us-east-2:000000000000:${CERT}`,
        }),
        `pythonide:certificateArn is "arn:aws:acm:us-east-2:000000000000:${CERT}": a certificate in us-east-2, but the prod stack is in eu-west-2 (aws:region) and a load balancer can only use an ACM certificate of its own region: request or import the certificate in eu-west-2 and use its ARN, arn:aws:acm:eu-west-2:<account>:certificate/<id> (or set aws:region to us-east-2)`,
      );
    });

    it("accepts a certificate of the stack's region", () => {
      const c = parse(
        "prod",
        withChanges("prod", {
          "aws:region": "eu-west-2",
          certificateArn: `arn:aws:acm:eu-west-2:000000000000:${CERT}`,
        }),
      );
      assert.equal(c.platform?.certificateArn, `arn:aws:acm:eu-west-2:000000000000:${CERT}`);
    });

    it("reports a bad region once, not again on the certificate", () => {
      assert.equal(
        problem("prod", { "aws:region": "europe" }),
        'aws:region is "europe": must be an AWS region such as us-east-2',
      );
    });
  });

  describe("the staging switch's limit in the stack's time zone", () => {
    it("gives the limit on the stack's clocks too, and only in UTC for a UTC stack", () => {
      const tooLate = { active: "true", activeUntil: "2026-11-23T09:00Z" };
      const raise =
        'raise pythonide:maxActiveHours to 21 (at most 168) and, in the same change, the staging-scales-to-zero policy\'s maxActiveHours to 21 in the policy config file given to pulumi preview and pulumi up with --policy-pack-config (npm start: --policy-config), {"staging-scales-to-zero": {"maxActiveHours": 21}}';
      const ahead =
        'pythonide:activeUntil is "2026-11-23T09:00Z": 21.0 hours ahead, but staging may be active for at most 12 hours (maxActiveHours)';
      assert.equal(
        problem("staging", { ...tooLate, timeZone: "Europe/London" }),
        `${ahead}: use a time before 2026-11-23T00:00Z (2026-11-23 00:00 in Europe/London, UTC+00:00), or ${raise}`,
      );
      assert.equal(
        problem("staging", { ...tooLate, timeZone: "Asia/Kolkata" }),
        `${ahead}: use a time before 2026-11-23T00:00Z (2026-11-23 05:30 in Asia/Kolkata, UTC+05:30), or ${raise}`,
      );
      assert.equal(
        problem("staging", { ...tooLate, timeZone: "UTC" }),
        `${ahead}: use a time before 2026-11-23T00:00Z, or ${raise}`,
      );
    });
  });

  describe("staging and exam are in prod's region", () => {
    it("refuses each stack in another region, naming both stacks and regions", () => {
      assert.deepEqual(
        platformRegionProblems([
          { stack: "prod", region: "eu-west-2" },
          { stack: "staging", region: "us-east-2" },
          { stack: "exam", region: "eu-west-2" },
        ]),
        [
          {
            stack: "staging",
            problem:
              'aws:region is "us-east-2", but the prod stack is in eu-west-2: staging stands on prod\'s VPC, subnets, load balancer and EFS file system (read through pythonide:platformStack), which exist only in eu-west-2; set aws:region to eu-west-2 in Pulumi.staging.yaml (or move every stack, prod first, to us-east-2)',
          },
        ],
      );
    });

    it("passes stacks in one region, and cannot judge without prod or a valid region", () => {
      const same = ["prod", "staging", "exam"].map((stack) => ({ stack, region: "us-east-2" }));
      assert.deepEqual(platformRegionProblems(same), []);
      assert.deepEqual(
        platformRegionProblems([
          { stack: "staging", region: "us-east-2" },
          { stack: "exam", region: "eu-west-2" },
        ]),
        [],
      );
      assert.deepEqual(
        platformRegionProblems([
          { stack: "prod", region: "" },
          { stack: "staging", region: "us-east-2" },
        ]),
        [],
      );
    });
  });

  describe("shipped placeholders", () => {
    const tail =
      'is the shipped placeholder and cannot deploy; replace it with your own value before pulumi up (README "Deploying for real")';

    it("warns of each placeholder the shipped prod stack holds", () => {
      assert.deepEqual(placeholderWarnings(stackFile("prod")), [
        `pythonide:domain is "ide.example.edu": example.edu ${tail}`,
        `pythonide:alarmEmail is "ide-alerts@example.edu": example.edu ${tail}`,
        `pythonide:image is "registry.example.com/pythonide:2025.10.1": example.com ${tail}`,
        `pythonide:certificateArn is "arn:aws:acm:us-east-2:000000000000:${CERT}": account 000000000000 ${tail}`,
      ]);
    });

    it("warns of the exam stack's platformStack and image", () => {
      assert.deepEqual(placeholderWarnings(stackFile("exam")), [
        `pythonide:domain is "ide.example.edu": example.edu ${tail}`,
        `pythonide:image is "registry.example.com/pythonide-exam:2025.10.1": example.com ${tail}`,
        `pythonide:platformStack is "example-org/pythonide/prod": example-org ${tail}`,
      ]);
    });

    it("says nothing of a stack's own values", () => {
      const own = withChanges("prod", {
        domain: "ide.school.ac.uk",
        alarmEmail: "ops@school.ac.uk",
        image: "111122223333.dkr.ecr.eu-west-2.amazonaws.com/pythonide:1.0.0",
        certificateArn: `arn:aws:acm:us-east-2:111122223333:${CERT}`,
      });
      assert.deepEqual(placeholderWarnings(own), []);
      // A name that merely contains "example" is the user's own.
      const near = withChanges("staging", {
        domain: "myexample.edu",
        platformStack: "example-orgs/pythonide/prod",
      });
      assert.deepEqual(placeholderWarnings(near), [
        `pythonide:image is "registry.example.com/pythonide:2025.10.1": example.com ${tail}`,
      ]);
    });
  });
});
