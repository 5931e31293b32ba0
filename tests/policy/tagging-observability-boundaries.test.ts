/**
 * required-tags on every type it must check even without tags, empty tag values; log retention
 * on both sides of each limit; health checks by protocol, in any case.
 */
import * as assert from "assert";
import {
  cloudwatchLogRetention,
  lbTargetGroupHealthCheck,
} from "../../policy-pack/policies/observability";
import { requiredTags } from "../../policy-pack/policies/tagging";
import { logGroup, service, targetGroup, withProps } from "./fixtures";
import { messages, runResourcePolicy } from "./helpers";

/**
 * The types the stacks create that take tags, written out here rather than read from the policy,
 * so that dropping one from the policy's table fails this test.
 */
const TYPES_THAT_TAKE_TAGS = [
  "aws:ecs/cluster:Cluster",
  "aws:ecs/service:Service",
  "aws:ecs/taskDefinition:TaskDefinition",
  "aws:appautoscaling/target:Target",
  "aws:lb/loadBalancer:LoadBalancer",
  "aws:lb/targetGroup:TargetGroup",
  "aws:lb/listener:Listener",
  "aws:lb/listenerRule:ListenerRule",
  "aws:alb/loadBalancer:LoadBalancer",
  "aws:alb/targetGroup:TargetGroup",
  "aws:alb/listener:Listener",
  "aws:cloudwatch/logGroup:LogGroup",
  "aws:cloudwatch/metricAlarm:MetricAlarm",
  "aws:rds/instance:Instance",
  "aws:rds/cluster:Cluster",
  "aws:rds/subnetGroup:SubnetGroup",
  "aws:efs/fileSystem:FileSystem",
  "aws:efs/accessPoint:AccessPoint",
  "aws:ec2/securityGroup:SecurityGroup",
  "aws:ec2/vpc:Vpc",
  "aws:ec2/subnet:Subnet",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
  "aws:ssm/parameter:Parameter",
  "aws:secretsmanager/secret:Secret",
  "aws:iam/role:Role",
  "aws:sns/topic:Topic",
  "aws:ecr/repository:Repository",
];

describe("policy required-tags: every taggable type, empty values", () => {
  for (const type of TYPES_THAT_TAKE_TAGS) {
    it(`refuses ${type} created without tags`, async () => {
      const out = await runResourcePolicy(requiredTags, { type, name: "r", props: {} });
      assert.deepStrictEqual(messages(out), [
        `${type} 'r' must carry the tags Environment, Service, ManagedBy; it lacks Environment, Service, ManagedBy.`,
      ]);
    });
  }

  it("checks a type it does not list when the resource has tags", async () => {
    const type = "aws:s3/bucket:Bucket";
    const out = await runResourcePolicy(requiredTags, {
      type,
      name: "b",
      props: { tags: { Service: "ide" } },
    });
    assert.deepStrictEqual(messages(out), [
      `${type} 'b' must carry the tags Environment, Service, ManagedBy; it lacks Environment, ManagedBy.`,
    ]);
  });

  it("is not applicable to a type it does not list when the resource has no tags", async () => {
    const out = await runResourcePolicy(requiredTags, {
      type: "aws:s3/bucketPolicy:BucketPolicy",
      name: "p",
      props: {},
    });
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, [
      "aws:s3/bucketPolicy:BucketPolicy is not a type this policy knows to take tags",
    ]);
  });

  it("counts an empty tag value as missing, and does not judge an empty Environment twice", async () => {
    const f = withProps(service("prod"), {
      tags: { Environment: "", Service: "", ManagedBy: "pulumi" },
    });
    assert.deepStrictEqual(messages(await runResourcePolicy(requiredTags, f)), [
      "aws:ecs/service:Service 'ide-service' must carry the tags Environment, Service, ManagedBy; it lacks Environment, Service.",
    ]);
  });

  it("takes the allowed environments from config", async () => {
    const f = withProps(service("prod"), {
      tags: { Environment: "dev", Service: "ide", ManagedBy: "pulumi" },
    });
    const out = await runResourcePolicy(requiredTags, f, {
      config: { environments: ["dev", "prod"] },
    });
    assert.deepStrictEqual(messages(out), []);
    const prod = await runResourcePolicy(requiredTags, service("prod"), {
      config: { environments: ["dev"] },
    });
    assert.deepStrictEqual(messages(prod), [
      "aws:ecs/service:Service 'ide-service' must have an Environment tag of dev; it has \"prod\".",
    ]);
  });
});

describe("policy cloudwatch-log-retention: both sides of each limit", () => {
  const retention = async (retentionInDays: number, config?: Record<string, unknown>) =>
    messages(
      await runResourcePolicy(cloudwatchLogRetention, withProps(logGroup(), { retentionInDays }), {
        config,
      }),
    );

  it("accepts the default maximum of 365 days and the shortest, 1 day", async () => {
    assert.deepStrictEqual(await retention(365), []);
    assert.deepStrictEqual(await retention(1), []);
  });

  it("refuses the next accepted value above the maximum (400)", async () => {
    assert.deepStrictEqual(await retention(400), [
      "CloudWatch log group 'ide-logs' must keep logs at most 365 days; retentionInDays is 400.",
    ]);
  });

  it("refuses the longest retention CloudWatch accepts under a lower configured maximum", async () => {
    assert.deepStrictEqual(await retention(3653, { maxRetentionDays: 3288 }), [
      "CloudWatch log group 'ide-logs' must keep logs at most 3288 days; retentionInDays is 3653.",
    ]);
    assert.deepStrictEqual(await retention(3653, { maxRetentionDays: 3653 }), []);
  });

  it("refuses a value between two accepted ones (2 days) as one CloudWatch does not accept", async () => {
    const out = await retention(2);
    assert.strictEqual(out.length, 1);
    assert.match(
      out[0],
      /must set retentionInDays to a value CloudWatch accepts \(1, 3, 5, .*, 3653\); it is 2\.$/,
    );
  });
});

describe("policy lb-target-group-health-check: AWS's defaults are not findings", () => {
  const check = async (props: Record<string, unknown>) =>
    messages(await runResourcePolicy(lbTargetGroupHealthCheck, withProps(targetGroup(), props)));
  const disabled =
    "Target group 'ide-tg' must have its health check enabled; healthCheck.enabled is false.";

  // Elastic Load Balancing API Reference, CreateTargetGroup: HealthCheckPath "[HTTP1 or HTTP2
  // protocol version] The ping path. The default is /."; HealthCheckEnabled "If the target type
  // is instance, ip, or alb, health checks are always enabled".
  it("accepts an HTTP or HTTPS health check without a path, in any case of the protocol (AWS pings /)", async () => {
    assert.deepStrictEqual(await check({ healthCheck: { enabled: true, protocol: "HTTPS" } }), []);
    assert.deepStrictEqual(await check({ healthCheck: { enabled: true, protocol: "https" } }), []);
    assert.deepStrictEqual(await check({ healthCheck: { enabled: true, path: "" } }), []);
    assert.deepStrictEqual(await check({ protocol: "HTTPS", healthCheck: { enabled: true } }), []);
  });

  it("refuses a health check switched off, whatever the protocol or path", async () => {
    assert.deepStrictEqual(
      await check({ protocol: "HTTPS", healthCheck: { enabled: false, path: "/api/health" } }),
      [disabled],
    );
    assert.deepStrictEqual(await check({ protocol: "TCP", healthCheck: { enabled: false } }), [
      disabled,
    ]);
  });

  it("counts a health check with enabled left out as enabled", async () => {
    assert.deepStrictEqual(await check({ healthCheck: { path: "/api/health" } }), []);
  });

  it("accepts a target group of any target type but lambda with no healthCheck at all", async () => {
    assert.deepStrictEqual(await check({ targetType: "instance", healthCheck: undefined }), []);
    assert.deepStrictEqual(await check({ targetType: "ip", healthCheck: undefined }), []);
  });

  it("is not applicable to a lambda target group, even with its health check off", async () => {
    const out = await runResourcePolicy(
      lbTargetGroupHealthCheck,
      withProps(targetGroup(), { targetType: "lambda", healthCheck: { enabled: false } }),
    );
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, ["Lambda target groups need no health check"]);
  });
});
