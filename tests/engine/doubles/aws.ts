/**
 * TEST DOUBLE of the AWS provider (`pulumi-resource-aws`), for the engine suite only
 * (tests/engine). The real provider cannot be built from the Go module proxy (its go.mod replaces
 * terraform-provider-aws with a local, patched submodule) and would call AWS; this one answers
 * the Pulumi engine over the provider protocol, served by `@pulumi/pulumi`'s own provider server
 * (`pulumi.provider.main`), and calls nothing.
 *
 * What it does, and nothing more:
 * - reports the version `@pulumi/aws` pins (the engine loads plugins by name and version);
 * - Check: fills the auto-name of the types this program registers without a name, as the
 *   provider's auto-naming does (`<logical name>-<7 hex>`, cut to the property's length limit,
 *   lower case where AWS requires it); the hex is derived from the URN, not random, so runs
 *   repeat. Every other input passes through untouched (no schema defaults are added);
 * - Create: returns ids and outputs shaped as AWS's (ARNs in account 000000000000 of
 *   model/synthetic, `sg-`/`fs-`/`subnet-` ids, an RDS-managed master secret for an instance or
 *   an Aurora cluster, load balancer DNS
 *   names under `.invalid`); Update keeps them; Delete forgets; Diff compares inputs;
 * - Invoke: the data sources the program and the awsx double call (region, caller identity,
 *   availability zones, partition, RDS snapshots: none).
 * The region is `AWS_REGION` (default us-east-2): the provider server does not hand the
 * provider's config to this object.
 */
import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import * as provider from "@pulumi/pulumi/provider";
import { MOCK_ACCOUNT, mockResourceArn } from "../../../model/synthetic";

const VERSION: string = require("@pulumi/aws/package.json").version;
const REGION = process.env.AWS_REGION ?? "us-east-2";

/** A property that the provider auto-names when the program leaves it out. */
interface AutoName {
  property: string;
  maxLength: number;
  lowerCase?: boolean;
}

/**
 * Auto-named properties of the types the program registers (pulumi-aws `provider/resources.go`
 * applies `<name>-<7 hex>` to a resource's `name`; the entries below are the exceptions this
 * program meets: load balancer and target group names are at most 32 characters, RDS
 * identifiers and DB subnet group names are lower case, EFS auto-names its creation token).
 * Types not listed have no auto-named property (the program names them: task definition family,
 * dashboard name, scaling policy and scheduled action names) or none at all.
 */
const AUTO_NAMES: Record<string, AutoName> = {
  "aws:ecs/cluster:Cluster": { property: "name", maxLength: 255 },
  "aws:ecs/service:Service": { property: "name", maxLength: 255 },
  "aws:lb/loadBalancer:LoadBalancer": { property: "name", maxLength: 32 },
  "aws:lb/targetGroup:TargetGroup": { property: "name", maxLength: 32 },
  "aws:ec2/securityGroup:SecurityGroup": { property: "name", maxLength: 255 },
  "aws:iam/role:Role": { property: "name", maxLength: 64 },
  "aws:iam/rolePolicy:RolePolicy": { property: "name", maxLength: 128 },
  "aws:cloudwatch/logGroup:LogGroup": { property: "name", maxLength: 512 },
  "aws:cloudwatch/metricAlarm:MetricAlarm": { property: "name", maxLength: 255 },
  "aws:sns/topic:Topic": { property: "name", maxLength: 256 },
  "aws:secretsmanager/secret:Secret": { property: "name", maxLength: 512 },
  "aws:rds/instance:Instance": { property: "identifier", maxLength: 63, lowerCase: true },
  "aws:rds/subnetGroup:SubnetGroup": { property: "name", maxLength: 255, lowerCase: true },
  "aws:efs/fileSystem:FileSystem": { property: "creationToken", maxLength: 64 },
};

/** `n` hex characters derived from `seed`. */
function hex(seed: string, n: number): string {
  return crypto.createHash("sha256").update(seed).digest("hex").slice(0, n);
}

/** The logical name, the last part of a URN. */
function logicalName(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

/** The type token of a URN (the last type of its `parent$child` chain). */
function typeOf(urn: string): string {
  const types = urn.split("::")[2] ?? "";
  return types.split("$").pop() ?? types;
}

/** `<name>-<7 hex>`, cut to `maxLength` as the provider cuts it (the name part shortens). */
export function autoName(urn: string, spec: AutoName): string {
  const suffix = `-${hex(urn, 7)}`;
  const base = logicalName(urn).slice(0, Math.max(0, spec.maxLength - suffix.length));
  const name = `${base}${suffix}`;
  return spec.lowerCase ? name.toLowerCase() : name;
}

/** Check: the program's inputs with the auto-named property filled in when absent. */
export function check(urn: string, news: Record<string, unknown>): Record<string, unknown> {
  const spec = AUTO_NAMES[typeOf(urn)];
  if (!spec || news[spec.property] !== undefined) return news;
  return { ...news, [spec.property]: autoName(urn, spec) };
}

function arn(service: string, resource: string, region = REGION): string {
  return mockResourceArn(`aws:${service}`, resource, region);
}

/** A name the program or Check set, else the logical name. */
function nameOf(urn: string, inputs: Record<string, unknown>, property = "name"): string {
  const value = inputs[property];
  return typeof value === "string" ? value : logicalName(urn);
}

/** Types whose id is `<prefix>-<17 hex>` and whose ARN (if any) is `<service>:...:<kind>/<id>`. */
const PREFIXED_IDS: Record<string, { prefix: string; arn?: [string, string] }> = {
  "aws:ec2/securityGroup:SecurityGroup": { prefix: "sg", arn: ["ec2", "security-group"] },
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
    prefix: "sgr",
    arn: ["ec2", "security-group-rule"],
  },
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
    prefix: "sgr",
    arn: ["ec2", "security-group-rule"],
  },
  "aws:ec2/vpc:Vpc": { prefix: "vpc", arn: ["ec2", "vpc"] },
  "aws:ec2/subnet:Subnet": { prefix: "subnet", arn: ["ec2", "subnet"] },
  "aws:ec2/internetGateway:InternetGateway": { prefix: "igw", arn: ["ec2", "internet-gateway"] },
  "aws:ec2/eip:Eip": { prefix: "eipalloc" },
  "aws:ec2/natGateway:NatGateway": { prefix: "nat" },
  "aws:efs/fileSystem:FileSystem": { prefix: "fs", arn: ["elasticfilesystem", "file-system"] },
  "aws:efs/accessPoint:AccessPoint": { prefix: "fsap", arn: ["elasticfilesystem", "access-point"] },
  "aws:efs/mountTarget:MountTarget": { prefix: "fsmt" },
};

/**
 * `masterUserSecrets` of an RDS instance or Aurora cluster: the secret RDS creates when
 * `manageMasterUserPassword` is true (named `rds!<kind>-<uuid>` by RDS), else none.
 */
function managedSecrets(inputs: Record<string, unknown>, kind: "db" | "cluster", h: string) {
  if (inputs.manageMasterUserPassword !== true) return [];
  return [
    {
      secretArn: arn("secretsmanager", `secret:rds!${kind}-${h.slice(0, 8)}-${h.slice(8, 14)}`),
      secretStatus: "active",
      kmsKeyId: arn("kms", `key/${h}`),
    },
  ];
}

/** Id and outputs of a created resource, shaped as AWS returns them. */
export function create(
  urn: string,
  inputs: Record<string, unknown>,
): { id: string; outs: Record<string, unknown> } {
  const type = typeOf(urn);
  const name = nameOf(urn, inputs);
  const h = hex(urn, 17);
  const outs: Record<string, unknown> = { ...inputs };
  let id = name;
  const prefixed = PREFIXED_IDS[type];
  if (prefixed) {
    id = `${prefixed.prefix}-${h}`;
    if (prefixed.arn) outs.arn = arn(prefixed.arn[0], `${prefixed.arn[1]}/${id}`);
  }
  switch (type) {
    case "aws:ecs/cluster:Cluster":
      id = outs.arn = arn("ecs", `cluster/${name}`);
      break;
    case "aws:ecs/service:Service": {
      const cluster = String(inputs.cluster ?? "default")
        .split("/")
        .pop();
      id = outs.arn = arn("ecs", `service/${cluster}/${name}`);
      break;
    }
    case "aws:ecs/taskDefinition:TaskDefinition":
      id = String(inputs.family);
      outs.revision = 1;
      outs.arn = arn("ecs", `task-definition/${inputs.family}:1`);
      outs.arnWithoutRevision = arn("ecs", `task-definition/${inputs.family}`);
      break;
    case "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders":
      id = String(inputs.clusterName);
      break;
    case "aws:lb/loadBalancer:LoadBalancer":
      outs.arnSuffix = `app/${name}/${h.slice(0, 16)}`;
      id = outs.arn = arn("elasticloadbalancing", `loadbalancer/${outs.arnSuffix}`);
      outs.dnsName = `${name}-${h.slice(0, 10)}.${REGION}.elb.mock.invalid`;
      outs.zoneId = "ZMOCK0000000000";
      break;
    case "aws:lb/targetGroup:TargetGroup":
      outs.arnSuffix = `targetgroup/${name}/${h.slice(0, 16)}`;
      id = outs.arn = arn("elasticloadbalancing", outs.arnSuffix as string);
      break;
    case "aws:lb/listener:Listener":
      id =
        outs.arn = `${String(inputs.loadBalancerArn).replace(":loadbalancer/", ":listener/")}/${h.slice(0, 16)}`;
      break;
    case "aws:lb/listenerRule:ListenerRule":
      id =
        outs.arn = `${String(inputs.listenerArn).replace(":listener/", ":listener-rule/")}/${h.slice(0, 16)}`;
      break;
    case "aws:ec2/securityGroup:SecurityGroup":
      outs.ownerId = MOCK_ACCOUNT;
      break;
    case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
    case "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule":
      outs.securityGroupRuleId = id;
      break;
    case "aws:ec2/eip:Eip":
      outs.allocationId = id;
      outs.publicIp = "192.0.2.10";
      break;
    case "aws:efs/fileSystem:FileSystem":
      outs.dnsName = `${id}.efs.${REGION}.mock.invalid`;
      break;
    case "aws:ec2/vpc:Vpc":
    case "aws:ec2/subnet:Subnet":
    case "aws:ec2/internetGateway:InternetGateway":
    case "aws:ec2/natGateway:NatGateway":
    case "aws:efs/accessPoint:AccessPoint":
    case "aws:efs/mountTarget:MountTarget":
      break;
    case "aws:efs/backupPolicy:BackupPolicy":
    case "aws:efs/fileSystemPolicy:FileSystemPolicy":
      id = String(inputs.fileSystemId);
      break;
    case "aws:iam/role:Role":
      outs.arn = mockResourceArn("aws:iam", `role/${name}`, "");
      outs.uniqueId = `AROA${h.toUpperCase()}`;
      break;
    case "aws:iam/rolePolicy:RolePolicy":
      id = `${inputs.role}:${name}`;
      break;
    case "aws:rds/instance:Instance": {
      const identifier = nameOf(urn, inputs, "identifier");
      id = identifier;
      outs.arn = arn("rds", `db:${identifier}`);
      outs.address = `${identifier}.${h.slice(0, 12)}.${REGION}.rds.mock.invalid`;
      outs.port = 5432;
      outs.endpoint = `${outs.address}:5432`;
      outs.resourceId = `db-${h.toUpperCase()}`;
      outs.masterUserSecrets = managedSecrets(inputs, "db", h);
      break;
    }
    case "aws:rds/cluster:Cluster": {
      // RDS API DescribeDBClusters: Endpoint `<id>.cluster-<hash>.<region>.rds.amazonaws.com`,
      // ReaderEndpoint `<id>.cluster-ro-<hash>...`, DbClusterResourceId `cluster-<HEX>`.
      const identifier = nameOf(urn, inputs, "clusterIdentifier");
      id = outs.clusterIdentifier = identifier;
      outs.arn = arn("rds", `cluster:${identifier}`);
      outs.endpoint = `${identifier}.cluster-${h.slice(0, 12)}.${REGION}.rds.mock.invalid`;
      outs.readerEndpoint = `${identifier}.cluster-ro-${h.slice(0, 12)}.${REGION}.rds.mock.invalid`;
      outs.port = inputs.port ?? 5432;
      outs.clusterResourceId = `cluster-${h.toUpperCase()}`;
      outs.masterUserSecrets = managedSecrets(inputs, "cluster", h);
      break;
    }
    case "aws:rds/clusterInstance:ClusterInstance": {
      // A cluster member: its own endpoint (no port in it) and DbiResourceId.
      const identifier = nameOf(urn, inputs, "identifier");
      id = identifier;
      outs.arn = arn("rds", `db:${identifier}`);
      outs.endpoint = `${identifier}.${h.slice(0, 12)}.${REGION}.rds.mock.invalid`;
      outs.port = 5432;
      outs.dbiResourceId = `db-${h.toUpperCase()}`;
      outs.writer = true;
      break;
    }
    case "aws:rds/subnetGroup:SubnetGroup":
      outs.arn = arn("rds", `subgrp:${name}`);
      break;
    case "aws:secretsmanager/secret:Secret":
      id = outs.arn = arn("secretsmanager", `secret:${name}-${h.slice(0, 6)}`);
      break;
    case "aws:secretsmanager/secretVersion:SecretVersion":
      outs.versionId = h;
      outs.arn = inputs.secretId;
      id = `${inputs.secretId}|${h}`;
      break;
    case "aws:sns/topic:Topic":
      id = outs.arn = arn("sns", name);
      break;
    case "aws:sns/topicSubscription:TopicSubscription":
      id = outs.arn = `${inputs.topic}:${h}`;
      break;
    case "aws:cloudwatch/logGroup:LogGroup":
      outs.arn = arn("logs", `log-group:${name}`);
      break;
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
      outs.arn = arn("cloudwatch", `alarm:${name}`);
      break;
    case "aws:cloudwatch/dashboard:Dashboard":
      id = String(inputs.dashboardName);
      outs.dashboardArn = mockResourceArn("aws:cloudwatch", `dashboard/${id}`, "");
      break;
    case "aws:appautoscaling/target:Target":
      id = String(inputs.resourceId);
      outs.arn = arn("application-autoscaling", `scalable-target/${h}`);
      break;
    case "aws:appautoscaling/policy:Policy":
      outs.arn = arn(
        "autoscaling",
        `scalingPolicy:${h}:resource/ecs/${inputs.resourceId}:policyName/${name}`,
      );
      break;
    case "aws:appautoscaling/scheduledAction:ScheduledAction":
      outs.arn = arn(
        "autoscaling",
        `scheduledAction:${h}:resource/ecs/${inputs.resourceId}:scheduledActionName/${name}`,
      );
      break;
    default:
      throw new Error(`the aws test double does not create ${type} (${urn})`);
  }
  outs.id = id;
  if (inputs.tags !== undefined) outs.tagsAll = inputs.tags;
  return { id, outs };
}

/** The data sources the program (and the awsx double) read. */
export function invoke(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (token) {
    case "aws:index/getRegion:getRegion":
      return { id: REGION, name: REGION, region: REGION, description: REGION, endpoint: "" };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return {
        id: MOCK_ACCOUNT,
        accountId: MOCK_ACCOUNT,
        arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/engine-suite`,
        userId: "AIDAENGINESUITE",
      };
    case "aws:index/getPartition:getPartition":
      return {
        id: "aws",
        partition: "aws",
        dnsSuffix: "amazonaws.com",
        reverseDnsPrefix: "com.amazonaws",
      };
    case "aws:index/getAvailabilityZones:getAvailabilityZones":
      return {
        id: REGION,
        names: ["a", "b", "c"].map((z) => `${REGION}${z}`),
        zoneIds: ["az1", "az2", "az3"].map((z) => `use2-${z}`),
        groupNames: [REGION],
        state: inputs.state,
      };
    case "aws:rds/getSnapshots:getSnapshots":
      // No snapshot exists in a fresh account: the provider answers an empty list.
      return { ...inputs, id: REGION, region: REGION, snapshots: [] };
    default:
      throw new Error(`the aws test double does not answer ${token}`);
  }
}

const awsDouble: provider.Provider = {
  version: VERSION,
  async check(urn, _olds, news) {
    return { inputs: check(urn, news) };
  },
  async diff(_id, _urn, olds, news) {
    // Olds are the last outputs (inputs plus what Create added): compare what the program sets.
    const changed = Object.keys(news).filter(
      (k) => JSON.stringify(olds?.[k]) !== JSON.stringify(news[k]),
    );
    return { changes: changed.length > 0 };
  },
  async create(urn, inputs) {
    return create(urn, inputs);
  },
  async update(_id, urn, olds, news) {
    return { outs: { ...olds, ...create(urn, news).outs, id: olds.id } };
  },
  async delete() {},
  async invoke(token, inputs) {
    return { outputs: invoke(token, inputs) };
  },
};

if (require.main === module) {
  void pulumi; // the SDK is loaded for its provider server
  provider.main(awsDouble, process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
