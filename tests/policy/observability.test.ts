import * as assert from "assert";
import {
  cloudwatchLogRetention,
  lbTargetGroupHealthCheck,
} from "../../policy-pack/policies/observability";
import { logGroup, targetGroup, withProps } from "./fixtures";
import { messages, runResourcePolicy } from "./helpers";

describe("policy cloudwatch-log-retention", () => {
  const withDays = (retentionInDays: number | undefined) =>
    withProps(logGroup(), { retentionInDays });

  it("accepts 30 days", async () => {
    assert.deepStrictEqual(
      (await runResourcePolicy(cloudwatchLogRetention, logGroup())).violations,
      [],
    );
  });

  it("refuses a log group without retention", async () => {
    const out = await runResourcePolicy(cloudwatchLogRetention, withDays(undefined));
    assert.deepStrictEqual(out.violations, [
      {
        policy: "cloudwatch-log-retention",
        message:
          "CloudWatch log group 'ide-logs' must set retentionInDays (at most 365); it is (not set), so its logs never expire.",
      },
    ]);
  });

  it("refuses retention 0 (never expire)", async () => {
    const out = await runResourcePolicy(cloudwatchLogRetention, withDays(0));
    assert.deepStrictEqual(messages(out), [
      "CloudWatch log group 'ide-logs' must set retentionInDays (at most 365); it is 0, so its logs never expire.",
    ]);
  });

  it("refuses a retention CloudWatch does not accept (45)", async () => {
    const out = await runResourcePolicy(cloudwatchLogRetention, withDays(45));
    assert.deepStrictEqual(messages(out), [
      "CloudWatch log group 'ide-logs' must set retentionInDays to a value CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653); it is 45.",
    ]);
  });

  it("refuses a retention above the configured maximum", async () => {
    const out = await runResourcePolicy(cloudwatchLogRetention, withDays(3653));
    assert.deepStrictEqual(messages(out), [
      "CloudWatch log group 'ide-logs' must keep logs at most 365 days; retentionInDays is 3653.",
    ]);
  });

  it("takes the maximum from config", async () => {
    const out = await runResourcePolicy(cloudwatchLogRetention, withDays(731), {
      config: { maxRetentionDays: 731 },
    });
    assert.deepStrictEqual(out.violations, []);
  });
});

describe("policy lb-target-group-health-check", () => {
  const withHealthCheck = (healthCheck: Record<string, unknown> | undefined) =>
    withProps(targetGroup(), { healthCheck });

  it("accepts an HTTP health check on /api/health", async () => {
    assert.deepStrictEqual(
      (await runResourcePolicy(lbTargetGroupHealthCheck, targetGroup())).violations,
      [],
    );
  });

  it("accepts a target group that leaves its health check to AWS's defaults (enabled, on /)", async () => {
    const out = await runResourcePolicy(lbTargetGroupHealthCheck, withHealthCheck(undefined));
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses a disabled health check", async () => {
    const out = await runResourcePolicy(
      lbTargetGroupHealthCheck,
      withHealthCheck({ enabled: false, path: "/api/health" }),
    );
    assert.deepStrictEqual(messages(out), [
      "Target group 'ide-tg' must have its health check enabled; healthCheck.enabled is false.",
    ]);
  });

  it("accepts an HTTP health check without a path: AWS pings / (the false positive of issue 11)", async () => {
    for (const protocol of ["HTTP", "HTTPS"]) {
      const out = await runResourcePolicy(
        lbTargetGroupHealthCheck,
        withProps(withHealthCheck({ enabled: true, interval: 30 }), { protocol }),
      );
      assert.deepStrictEqual(out.violations, [], protocol);
    }
  });

  it("needs no path for a TCP health check", async () => {
    const out = await runResourcePolicy(
      lbTargetGroupHealthCheck,
      withHealthCheck({ enabled: true, protocol: "TCP" }),
    );
    assert.deepStrictEqual(out.violations, []);
  });

  it("is not applicable to Lambda target groups", async () => {
    const out = await runResourcePolicy(
      lbTargetGroupHealthCheck,
      withProps(targetGroup(), { targetType: "lambda", healthCheck: undefined }),
    );
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, ["Lambda target groups need no health check"]);
  });
});
