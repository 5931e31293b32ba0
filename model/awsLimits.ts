/**
 * What AWS (or the AWS provider) refuses at `pulumi up`, checked on the resources a program
 * registers, before anything is deployed: name and identifier rules of every resource type the
 * program creates (after the provider's autonaming: its suffix counts), the ranges the API
 * references give for the properties set, listener rule priorities unique per listener across
 * every stack that shares it, and zone counts against the region's zones. Each rule cites its
 * source. Pure: no Pulumi imports; preview/gate.ts runs it on the recorded resources.
 */
import { LOG_RETENTION_DAYS } from "./config";
import { ResourceRecord } from "./records";

/**
 * Random characters the AWS provider appends to a logical name it autonames, after a "-"
 * separator: `ide-prod-tg` becomes `ide-prod-tg-1a2b3c4`. Sources: pulumi-terraform-bridge
 * `pkg/tfbridge/names.go` (`AutoName`: `Randlen: 7`), pulumi-aws `provider/autonaming.go`
 * (every `name` input: `AutoName(name, 255, "-")`) and its per-type overrides in
 * `provider/resources.go` (`aws_lb_target_group`: `AutoName("name", 32, "-")`, `aws_iam_role`:
 * `AutoName("name", 64, "-")`). The SDK's `NewUniqueHex` refuses a prefix that leaves no room:
 * "name 'x-' plus 7 random chars is longer than maximum length 32".
 */
export const AUTONAME_RANDOM_CHARS = 7;

/** The name the provider generates for an autonamed resource, with `x` for each random character. */
export function autoName(logicalName: string): string {
  return `${logicalName}-${"x".repeat(AUTONAME_RANDOM_CHARS)}`;
}

/** One rule on a string property (a name or an identifier). */
export interface NameRule {
  /** Input property, as the Pulumi program sets it. */
  property: string;
  /** What AWS calls it, for the message. */
  what: string;
  /** Whether the provider autonames the property when the program leaves it unset. */
  autonamed: boolean;
  /** Length bounds, inclusive. */
  min: number;
  max: number;
  /** Characters allowed, and the same in words. */
  pattern?: RegExp;
  allowed?: string;
  /** Further rules: a problem text, or undefined. */
  extra?: (value: string) => string | undefined;
  /** Where AWS (or the provider) states the rule. */
  source: string;
}

/** One rule on a numeric property: the inclusive range the API reference gives. */
export interface RangeRule {
  /** Input property path, dot-separated (`healthCheck.interval`). */
  property: string;
  what: string;
  min: number;
  max: number;
  source: string;
}

const ELB_API = "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference";
const ECS_API = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference";
const IAM_API = "https://docs.aws.amazon.com/IAM/latest/APIReference";
const RDS_API = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference";
const EC2_API = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference";
const AAS_API = "https://docs.aws.amazon.com/autoscaling/application/APIReference";

const ELB_NAME: Omit<NameRule, "what" | "source"> = {
  property: "name",
  autonamed: true,
  min: 1,
  max: 32,
  pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
  allowed: "letters, digits and hyphens, not beginning or ending with a hyphen",
};
const ECS_NAME = /^[A-Za-z0-9_-]+$/;
const ECS_ALLOWED = "letters, digits, hyphens and underscores";
const IAM_NAME = /^[\w+=,.@-]+$/;
const IAM_ALLOWED = "letters, digits and + = , . @ _ -";
/** EC2 group names and descriptions in a VPC (CreateSecurityGroup). */
const EC2_TEXT = /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
const EC2_ALLOWED = "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*";
/** RDS identifiers: a letter first, letters, digits and hyphens, no "--", no trailing hyphen. */
const RDS_IDENTIFIER = /^[A-Za-z](?:[A-Za-z0-9]|-(?!-))*$/;
const rdsIdentifierExtra = (v: string): string | undefined =>
  v.endsWith("-") ? "must not end with a hyphen" : undefined;

const SG_RULE_DESCRIPTION: NameRule = {
  property: "description",
  what: "security group rule description",
  autonamed: false,
  min: 0,
  max: 255,
  pattern: EC2_TEXT,
  allowed: EC2_ALLOWED,
  source: `${EC2_API}/API_IpRange.html`,
};

/** Name and identifier rules per resource type token. */
export const NAME_RULES: Readonly<Record<string, readonly NameRule[]>> = {
  "aws:lb/targetGroup:TargetGroup": [
    { ...ELB_NAME, what: "target group name", source: `${ELB_API}/API_CreateTargetGroup.html` },
  ],
  "aws:lb/loadBalancer:LoadBalancer": [
    {
      ...ELB_NAME,
      what: "load balancer name",
      extra: (v) => (v.startsWith("internal-") ? 'must not begin with "internal-"' : undefined),
      source: `${ELB_API}/API_CreateLoadBalancer.html`,
    },
  ],
  "aws:ecs/cluster:Cluster": [
    {
      property: "name",
      what: "cluster name",
      autonamed: true,
      min: 1,
      max: 255,
      pattern: ECS_NAME,
      allowed: ECS_ALLOWED,
      source: `${ECS_API}/API_CreateCluster.html`,
    },
  ],
  "aws:ecs/service:Service": [
    {
      property: "name",
      what: "service name",
      autonamed: true,
      min: 1,
      max: 255,
      pattern: ECS_NAME,
      allowed: ECS_ALLOWED,
      source: `${ECS_API}/API_CreateService.html`,
    },
  ],
  "aws:ecs/taskDefinition:TaskDefinition": [
    {
      property: "family",
      what: "task definition family",
      autonamed: false,
      min: 1,
      max: 255,
      pattern: ECS_NAME,
      allowed: ECS_ALLOWED,
      source: `${ECS_API}/API_RegisterTaskDefinition.html`,
    },
  ],
  "aws:iam/role:Role": [
    {
      property: "name",
      what: "role name",
      autonamed: true,
      min: 1,
      max: 64,
      pattern: IAM_NAME,
      allowed: IAM_ALLOWED,
      source: `${IAM_API}/API_CreateRole.html`,
    },
    {
      property: "description",
      what: "role description",
      autonamed: false,
      min: 0,
      max: 1000,
      pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
      allowed: "printable Latin-1 characters",
      source: `${IAM_API}/API_CreateRole.html`,
    },
  ],
  "aws:iam/rolePolicy:RolePolicy": [
    {
      property: "name",
      what: "role policy name",
      autonamed: true,
      min: 1,
      max: 128,
      pattern: IAM_NAME,
      allowed: IAM_ALLOWED,
      source: `${IAM_API}/API_PutRolePolicy.html`,
    },
  ],
  "aws:cloudwatch/logGroup:LogGroup": [
    {
      property: "name",
      what: "log group name",
      autonamed: true,
      min: 1,
      max: 512,
      pattern: /^[.\-_/#A-Za-z0-9]+$/,
      allowed: "letters, digits and . - _ / #",
      source:
        "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html",
    },
  ],
  "aws:cloudwatch/metricAlarm:MetricAlarm": [
    {
      property: "name",
      what: "alarm name",
      autonamed: true,
      min: 1,
      max: 255,
      source:
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html",
    },
    {
      property: "alarmDescription",
      what: "alarm description",
      autonamed: false,
      min: 0,
      max: 1024,
      source:
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html",
    },
  ],
  "aws:cloudwatch/dashboard:Dashboard": [
    {
      property: "dashboardName",
      what: "dashboard name",
      autonamed: false,
      min: 1,
      max: 255,
      pattern: /^[A-Za-z0-9_-]+$/,
      allowed: ECS_ALLOWED,
      source:
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html",
    },
  ],
  "aws:secretsmanager/secret:Secret": [
    {
      property: "name",
      what: "secret name",
      autonamed: true,
      min: 1,
      max: 512,
      pattern: /^[A-Za-z0-9/_+=.@-]+$/,
      allowed: "letters, digits and / _ + = . @ -",
      source:
        "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html",
    },
  ],
  "aws:sns/topic:Topic": [
    {
      property: "name",
      what: "topic name",
      autonamed: true,
      min: 1,
      max: 256,
      pattern: /^[A-Za-z0-9_-]+$/,
      allowed: ECS_ALLOWED,
      source: "https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html",
    },
  ],
  "aws:ec2/securityGroup:SecurityGroup": [
    {
      property: "name",
      what: "security group name",
      autonamed: true,
      min: 1,
      max: 255,
      pattern: EC2_TEXT,
      allowed: EC2_ALLOWED,
      extra: (v) => (v.startsWith("sg-") ? 'must not begin with "sg-"' : undefined),
      source: `${EC2_API}/API_CreateSecurityGroup.html`,
    },
    {
      property: "description",
      what: "security group description",
      autonamed: false,
      min: 1,
      max: 255,
      pattern: EC2_TEXT,
      allowed: EC2_ALLOWED,
      source: `${EC2_API}/API_CreateSecurityGroup.html`,
    },
  ],
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": [SG_RULE_DESCRIPTION],
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": [SG_RULE_DESCRIPTION],
  "aws:rds/instance:Instance": [
    {
      property: "identifier",
      what: "DB instance identifier",
      autonamed: false,
      min: 1,
      max: 63,
      pattern: RDS_IDENTIFIER,
      allowed: "a letter first, then letters, digits and single hyphens",
      extra: rdsIdentifierExtra,
      source: `${RDS_API}/API_CreateDBInstance.html`,
    },
    {
      property: "finalSnapshotIdentifier",
      what: "final DB snapshot identifier",
      autonamed: false,
      min: 1,
      max: 255,
      pattern: RDS_IDENTIFIER,
      allowed: "a letter first, then letters, digits and single hyphens",
      extra: rdsIdentifierExtra,
      source: `${RDS_API}/API_DeleteDBInstance.html`,
    },
    {
      property: "dbName",
      what: "PostgreSQL database name",
      autonamed: false,
      min: 1,
      max: 63,
      pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
      allowed: "a letter or underscore first, then letters, digits and underscores",
      source: `${RDS_API}/API_CreateDBInstance.html`,
    },
    {
      property: "username",
      what: "PostgreSQL master user name",
      autonamed: false,
      min: 1,
      max: 63,
      pattern: /^[A-Za-z][A-Za-z0-9_]*$/,
      allowed: "a letter first, then letters, digits and underscores",
      source: `${RDS_API}/API_CreateDBInstance.html`,
    },
  ],
  "aws:rds/subnetGroup:SubnetGroup": [
    {
      property: "name",
      what: "DB subnet group name",
      autonamed: true,
      min: 1,
      max: 255,
      // AWS stores the name in lower case; terraform-provider-aws validates it so
      // (internal/service/rds/validate.go validSubnetGroupName).
      pattern: /^[a-z0-9 ._-]+$/,
      allowed: "lower-case letters, digits, spaces and . _ -",
      extra: (v) => (v === "default" ? 'must not be "default"' : undefined),
      source: `${RDS_API}/API_CreateDBSubnetGroup.html`,
    },
  ],
  "aws:appautoscaling/policy:Policy": [
    {
      property: "name",
      what: "scaling policy name",
      autonamed: true,
      min: 1,
      max: 256,
      pattern: /^[\x20-\x7E]+$/,
      allowed: "printable characters",
      source: `${AAS_API}/API_PutScalingPolicy.html`,
    },
  ],
  "aws:appautoscaling/scheduledAction:ScheduledAction": [
    {
      property: "name",
      what: "scheduled action name",
      autonamed: true,
      min: 1,
      max: 256,
      pattern:
        /^[^\s:/|\u0000-\u001f\u007f-\u009f](?:[^:/|\u0000-\u001f\u007f-\u009f]*[^\s:/|\u0000-\u001f\u007f-\u009f])?$/,
      allowed: "no : / | or control characters, no leading or trailing space",
      source: `${AAS_API}/API_PutScheduledAction.html`,
    },
    {
      property: "schedule",
      what: "one-time schedule",
      autonamed: false,
      min: 1,
      max: 1600,
      extra: (v) =>
        v.startsWith("at(") && !/^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/.test(v)
          ? "must be at(yyyy-mm-ddThh:mm:ss)"
          : undefined,
      source: `${AAS_API}/API_PutScheduledAction.html`,
    },
  ],
  "aws:efs/accessPoint:AccessPoint": [
    {
      property: "rootDirectory.path",
      what: "access point root directory",
      autonamed: false,
      min: 1,
      max: 100,
      pattern: /^\/(?:[^/\n$#<>;`|&?{}^*]+(?:\/[^/\n$#<>;`|&?{}^*]+){0,3})?$/,
      allowed: "an absolute path of at most four directories, without $ # < > ; ` | & ? { } ^ *",
      source: "https://docs.aws.amazon.com/efs/latest/ug/API_RootDirectory.html",
    },
  ],
};

/** Numeric ranges per resource type token, from the API references. */
const CREATE_TG = `${ELB_API}/API_CreateTargetGroup.html`;
const range = (
  property: string,
  what: string,
  min: number,
  max: number,
  source: string,
): RangeRule => ({ property, what, min, max, source });

export const RANGE_RULES: Readonly<Record<string, readonly RangeRule[]>> = {
  "aws:lb/listenerRule:ListenerRule": [
    range("priority", "rule priority", 1, 50000, `${ELB_API}/API_CreateRule.html`),
  ],
  "aws:lb/targetGroup:TargetGroup": [
    range("healthCheck.interval", "health check interval (s)", 5, 300, CREATE_TG),
    range("healthCheck.timeout", "health check timeout (s)", 2, 120, CREATE_TG),
    range("healthCheck.healthyThreshold", "healthy threshold count", 2, 10, CREATE_TG),
    range("healthCheck.unhealthyThreshold", "unhealthy threshold count", 2, 10, CREATE_TG),
    range(
      "deregistrationDelay",
      "deregistration delay (s)",
      0,
      3600,
      `${ELB_API}/API_TargetGroupAttribute.html`,
    ),
  ],
  "aws:lb/loadBalancer:LoadBalancer": [
    range("idleTimeout", "idle timeout (s)", 1, 4000, `${ELB_API}/API_LoadBalancerAttribute.html`),
  ],
  "aws:ecs/service:Service": [
    range(
      "healthCheckGracePeriodSeconds",
      "health check grace period (s)",
      0,
      2147483647,
      `${ECS_API}/API_CreateService.html`,
    ),
  ],
  "aws:secretsmanager/secret:Secret": [
    range(
      "recoveryWindowInDays",
      "recovery window (days)",
      7,
      30,
      "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html",
    ),
  ],
  "aws:efs/fileSystem:FileSystem": [
    range(
      "provisionedThroughputInMibps",
      "provisioned throughput (MiB/s)",
      1,
      Number.MAX_SAFE_INTEGER,
      "https://docs.aws.amazon.com/efs/latest/ug/API_CreateFileSystem.html",
    ),
  ],
};

/**
 * Availability zones a new account gets in each commercial region (AWS, "AWS Availability
 * Zones", https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html).
 * Some regions give an account fewer zones than they have (us-west-1: 2 of 3, ap-northeast-1:
 * 3 of 4); the table holds what an account can count on. awsx refuses more zones than the
 * region lists at preview time (pulumi-awsx `awsx/ec2/vpc.ts` getDefaultAzs: "The configured
 * region for this provider does not have at least N Availability Zones").
 */
export const REGION_ZONES: Readonly<Record<string, number>> = {
  "us-east-1": 6,
  "us-east-2": 3,
  "us-west-1": 2,
  "us-west-2": 4,
  "ca-central-1": 3,
  "sa-east-1": 3,
  "eu-central-1": 3,
  "eu-central-2": 3,
  "eu-west-1": 3,
  "eu-west-2": 3,
  "eu-west-3": 3,
  "eu-north-1": 3,
  "eu-south-1": 3,
  "eu-south-2": 3,
  "ap-northeast-1": 3,
  "ap-northeast-2": 4,
  "ap-northeast-3": 3,
  "ap-southeast-1": 3,
  "ap-southeast-2": 3,
  "ap-south-1": 3,
  "ap-south-2": 3,
  "ap-east-1": 3,
  "af-south-1": 3,
  "me-south-1": 3,
  "me-central-1": 3,
  "il-central-1": 3,
};

/** Something AWS or the provider would refuse, found on one recorded resource. */
export interface LimitProblem {
  /** The resource's URN, name and type. */
  urn: string;
  resource: string;
  type: string;
  /** The property at fault (dot path). */
  property: string;
  /** "<type> <name>: <property> <value> ...: AWS allows ..." */
  message: string;
  /** Where the rule is stated. */
  source: string;
  /** Set on a conflict between resources (listener rule priorities), not a fault of one. */
  conflict?: true;
}

function get(inputs: Record<string, unknown>, path: string): unknown {
  let value: unknown = inputs;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function problem(
  r: Pick<ResourceRecord, "urn" | "name" | "type">,
  property: string,
  text: string,
  source: string,
): LimitProblem {
  return {
    urn: r.urn,
    resource: r.name,
    type: r.type,
    property,
    message: `${r.type} ${r.name}: ${property} ${text}`,
    source,
  };
}

/** The problems of one string value against a name rule (empty: it passes). */
export function nameProblems(value: string, rule: NameRule): string[] {
  const found: string[] = [];
  if (value.length < rule.min || value.length > rule.max) {
    found.push(
      `is ${value.length} characters; AWS allows ${rule.min === 0 ? "at most" : `${rule.min} to`} ${rule.max}`,
    );
  }
  if (rule.pattern && !rule.pattern.test(value)) found.push(`may hold only ${rule.allowed}`);
  const extra = rule.extra?.(value);
  if (extra) found.push(extra);
  return found;
}

/**
 * Name, identifier and range problems of one recorded resource. An autonamed property the
 * program left unset is checked as the provider will generate it (`autoName`). Values never
 * come from secret inputs (none of these properties is one).
 */
export function resourceLimitProblems(r: ResourceRecord): LimitProblem[] {
  const found: LimitProblem[] = [];
  for (const rule of NAME_RULES[r.type] ?? []) {
    let value = get(r.inputs, rule.property);
    const generated = value === undefined && rule.autonamed && r.inputs.namePrefix === undefined;
    if (generated) value = autoName(r.name);
    if (typeof value !== "string") continue;
    for (const text of nameProblems(value, rule)) {
      const shown = generated
        ? `${JSON.stringify(value)} (the provider adds "-" and ${AUTONAME_RANDOM_CHARS} random characters to the logical name ${JSON.stringify(r.name)})`
        : JSON.stringify(value);
      found.push(problem(r, rule.property, `${shown} ${text} for a ${rule.what}`, rule.source));
    }
  }
  for (const rule of RANGE_RULES[r.type] ?? []) {
    const value = get(r.inputs, rule.property);
    if (typeof value !== "number") continue;
    if (!Number.isInteger(value) || value < rule.min || value > rule.max) {
      const range =
        rule.max === Number.MAX_SAFE_INTEGER
          ? `at least ${rule.min}`
          : `a whole number from ${rule.min} to ${rule.max}`;
      found.push(
        problem(
          r,
          rule.property,
          `${value}: AWS allows ${range} for the ${rule.what}`,
          rule.source,
        ),
      );
    }
  }
  found.push(...crossFieldProblems(r));
  return found;
}

/** Rules between two properties of one resource. */
function crossFieldProblems(r: ResourceRecord): LimitProblem[] {
  const found: LimitProblem[] = [];
  if (r.type === "aws:lb/targetGroup:TargetGroup") {
    const interval = get(r.inputs, "healthCheck.interval");
    const timeout = get(r.inputs, "healthCheck.timeout");
    if (typeof interval === "number" && typeof timeout === "number" && timeout >= interval) {
      found.push(
        problem(
          r,
          "healthCheck.timeout",
          `${timeout} is not below healthCheck.interval ${interval}: AWS requires the timeout to be shorter than the interval`,
          `${ELB_API}/API_CreateTargetGroup.html`,
        ),
      );
    }
  }
  if (r.type === "aws:appautoscaling/target:Target") {
    const min = r.inputs.minCapacity;
    const max = r.inputs.maxCapacity;
    if (typeof min === "number" && typeof max === "number" && min > max) {
      found.push(
        problem(
          r,
          "minCapacity",
          `${min} is above maxCapacity ${max}: AWS requires MinCapacity <= MaxCapacity`,
          `${AAS_API}/API_RegisterScalableTarget.html`,
        ),
      );
    }
  }
  if (r.type === "aws:cloudwatch/logGroup:LogGroup") {
    const days = r.inputs.retentionInDays;
    if (typeof days === "number" && days !== 0 && !LOG_RETENTION_DAYS.includes(days)) {
      found.push(
        problem(
          r,
          "retentionInDays",
          `${days}: CloudWatch Logs accepts only ${LOG_RETENTION_DAYS.join(", ")}`,
          "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html",
        ),
      );
    }
  }
  return found;
}

/**
 * Zone problems: an awsx VPC asking for more availability zones than the region gives an
 * account. A region missing from REGION_ZONES is not judged (returned as `unknownRegion`).
 */
export function zoneProblems(
  records: ResourceRecord[],
  region: string,
): { problems: LimitProblem[]; unknownRegion?: string } {
  const zones = REGION_ZONES[region];
  const problems: LimitProblem[] = [];
  for (const r of records) {
    if (r.type !== "awsx:ec2:Vpc") continue;
    const wanted = r.inputs.numberOfAvailabilityZones;
    if (typeof wanted !== "number") continue;
    if (zones === undefined) return { problems, unknownRegion: region };
    if (wanted > zones) {
      problems.push(
        problem(
          r,
          "numberOfAvailabilityZones",
          `${wanted}: ${region} gives an account ${zones} availability zones (awsx refuses more at preview: "does not have at least ${wanted} Availability Zones")`,
          "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html",
        ),
      );
    }
  }
  return { problems };
}

/** One listener rule's claim on a priority. */
export interface PriorityClaim {
  stack: string;
  urn: string;
  resource: string;
  /** The listener: a shared name (`prod:httpsListenerArn`) or its ARN. */
  listener: string;
  priority: number;
}

/**
 * The priority claims of a stack's listener rules. `sharedListeners` maps a listener ARN to the
 * name every stack knows it by (the prod stack's `httpsListenerArn` output), so rules of
 * different stacks on the same listener are compared.
 */
export function priorityClaims(
  stack: string,
  records: ResourceRecord[],
  sharedListeners: Readonly<Record<string, string>>,
): PriorityClaim[] {
  const claims: PriorityClaim[] = [];
  for (const r of records) {
    if (r.type !== "aws:lb/listenerRule:ListenerRule") continue;
    const arn = r.inputs.listenerArn;
    const priority = r.inputs.priority;
    if (typeof arn !== "string" || typeof priority !== "number") continue;
    claims.push({
      stack,
      urn: r.urn,
      resource: r.name,
      listener: sharedListeners[arn] ?? arn,
      priority,
    });
  }
  return claims;
}

/**
 * Rules that take a priority another rule on the same listener already takes. AWS refuses the
 * second CreateRule with PriorityInUse ("A listener can't have multiple rules with the same
 * priority", API_CreateRule.html). Each conflicting claim is reported, naming the other.
 */
export function priorityConflicts(
  claims: PriorityClaim[],
): { claim: PriorityClaim; problem: LimitProblem }[] {
  const byKey = new Map<string, PriorityClaim[]>();
  for (const c of claims) {
    const key = `${c.listener}\u0000${c.priority}`;
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  const found: { claim: PriorityClaim; problem: LimitProblem }[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const c of group) {
      const others = group
        .filter((o) => o !== c)
        .map((o) => `${o.resource} (stack ${o.stack})`)
        .join(", ");
      found.push({
        claim: c,
        problem: {
          urn: c.urn,
          resource: c.resource,
          type: "aws:lb/listenerRule:ListenerRule",
          property: "priority",
          message: `aws:lb/listenerRule:ListenerRule ${c.resource}: priority ${c.priority} on listener ${c.listener} is also taken by ${others}: AWS refuses a priority already in use on a listener (PriorityInUse); give each rule its own (IdeService listenerRulePriority)`,
          source: `${ELB_API}/API_CreateRule.html`,
          conflict: true,
        },
      });
    }
  }
  return found;
}

/**
 * Paths of input values that are a missing output written into a resource: the text
 * "undefined" or "null" inside a string (`"undefined:password::"`), or a null in a list
 * (`"Resource": [null]`), also inside JSON strings (policies, container definitions). Only paths
 * are returned, never values (they may be secrets).
 */
export function danglingValuePaths(inputs: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string, inList: boolean): void => {
    if (value === null) {
      if (inList) found.push(path);
      return;
    }
    if (typeof value === "string") {
      const t = value.trim();
      if ((t.startsWith("{") || t.startsWith("[")) && t.length > 1) {
        try {
          walk(JSON.parse(t), path, false);
          return;
        } catch {
          // Not JSON: judged as text below.
        }
      }
      if (/(^|[^A-Za-z0-9_])(undefined|null)([^A-Za-z0-9_]|$)/.test(value)) found.push(path);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`, true));
      return;
    }
    if (typeof value === "object") {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        walk(v, path === "" ? k : `${path}.${k}`, false);
      }
    }
  };
  walk(inputs, "", false);
  return found;
}

/** danglingValuePaths as problems of a recorded resource. */
export function danglingValueProblems(r: ResourceRecord): LimitProblem[] {
  return danglingValuePaths(r.inputs).map((path) =>
    problem(
      r,
      path,
      'holds "undefined" or null where a value from another resource or stack belongs: an output it relies on is missing; the program must fail instead of deploying it',
      "components/database.ts (secretArn), components/platformReference.ts (requireOutput)",
    ),
  );
}

/** Every per-stack limit problem of a stack's recorded resources (priorities across stacks: priorityConflicts). */
export function stackLimitProblems(
  records: ResourceRecord[],
  region: string,
): {
  problems: LimitProblem[];
  warnings: string[];
} {
  const problems: LimitProblem[] = [];
  for (const r of records) {
    if (!r.custom && !r.type.startsWith("awsx:")) continue;
    problems.push(...resourceLimitProblems(r), ...danglingValueProblems(r));
  }
  const zones = zoneProblems(records, region);
  problems.push(...zones.problems);
  const warnings = zones.unknownRegion
    ? [
        `the availability zones of ${zones.unknownRegion} are not in model/awsLimits.ts REGION_ZONES: the zone count was not checked`,
      ]
    : [];
  return { problems, warnings };
}

/**
 * Problems of the names the provider will generate for a component's autonamed children, for
 * the component's own argument check (before anything registers): each `[type, logicalName]`
 * is checked as `autoName(logicalName)` against the type's autonamed name rule.
 */
export function autoNameProblems(children: readonly (readonly [string, string])[]): string[] {
  const found: string[] = [];
  for (const [type, logicalName] of children) {
    for (const rule of NAME_RULES[type] ?? []) {
      if (!rule.autonamed) continue;
      const value = autoName(logicalName);
      for (const text of nameProblems(value, rule)) {
        found.push(
          `the ${rule.what} the provider generates, ${JSON.stringify(value)} (logical name ${JSON.stringify(logicalName)} + "-" + ${AUTONAME_RANDOM_CHARS} random characters), ${text} (${rule.source})`,
        );
      }
    }
  }
  return found;
}
