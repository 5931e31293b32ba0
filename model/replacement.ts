/**
 * What a config change does to a deployed stack, from the resources the program registers under
 * the old config and under the new one: created, deleted, updated and replaced, which property
 * forces each replacement (the provider's schema: a `ForceNew` argument of terraform-provider-aws,
 * which the AWS provider bridges), and which replaced resources hold state. Pure: no Pulumi
 * imports; preview/against.ts runs the program twice and prints this.
 */
import { ResourceRecord } from "./records";

const TF = "terraform-provider-aws internal/service";

/**
 * Input properties whose change replaces the resource, per type token: the arguments the
 * provider's schema marks `ForceNew: true` among those the program sets (file cited per type).
 * `*` means every argument but `tags`: an ECS task definition revision is immutable
 * (RegisterTaskDefinition makes a new revision; the old one is deregistered).
 */
export const REPLACING_PROPERTIES: Readonly<
  Record<string, { properties: readonly string[]; source: string }>
> = {
  "aws:ecs/taskDefinition:TaskDefinition": {
    properties: ["*"],
    source: `${TF}/ecs/task_definition.go (every argument ForceNew)`,
  },
  "aws:ecs/service:Service": {
    properties: ["name", "cluster", "launchType", "schedulingStrategy", "iamRole"],
    source: `${TF}/ecs/service.go`,
  },
  "aws:ecs/cluster:Cluster": { properties: ["name"], source: `${TF}/ecs/cluster.go` },
  "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": {
    properties: ["clusterName"],
    source: `${TF}/ecs/cluster_capacity_providers.go`,
  },
  "aws:lb/targetGroup:TargetGroup": {
    properties: [
      "name",
      "namePrefix",
      "port",
      "protocol",
      "protocolVersion",
      "targetType",
      "vpcId",
    ],
    source: `${TF}/elbv2/target_group.go`,
  },
  "aws:lb/listenerRule:ListenerRule": {
    properties: ["listenerArn"],
    source: `${TF}/elbv2/listener_rule.go`,
  },
  "aws:lb/listener:Listener": {
    properties: ["loadBalancerArn"],
    source: `${TF}/elbv2/listener.go`,
  },
  "aws:lb/loadBalancer:LoadBalancer": {
    properties: ["name", "namePrefix", "internal", "loadBalancerType"],
    source: `${TF}/elbv2/load_balancer.go`,
  },
  "aws:efs/fileSystem:FileSystem": {
    properties: [
      "creationToken",
      "encrypted",
      "kmsKeyId",
      "performanceMode",
      "availabilityZoneName",
    ],
    source: `${TF}/efs/file_system.go`,
  },
  "aws:efs/mountTarget:MountTarget": {
    properties: ["fileSystemId", "subnetId", "ipAddress"],
    source: `${TF}/efs/mount_target.go`,
  },
  "aws:efs/accessPoint:AccessPoint": {
    properties: ["fileSystemId", "posixUser", "rootDirectory"],
    source: `${TF}/efs/access_point.go`,
  },
  "aws:efs/fileSystemPolicy:FileSystemPolicy": {
    properties: ["fileSystemId"],
    source: `${TF}/efs/file_system_policy.go`,
  },
  "aws:efs/backupPolicy:BackupPolicy": {
    properties: ["fileSystemId"],
    source: `${TF}/efs/backup_policy.go`,
  },
  "aws:rds/instance:Instance": {
    properties: [
      "engine",
      "dbName",
      "username",
      "storageEncrypted",
      "kmsKeyId",
      "snapshotIdentifier",
      "availabilityZone",
      "characterSetName",
      "timezone",
    ],
    source: `${TF}/rds/instance.go`,
  },
  "aws:rds/subnetGroup:SubnetGroup": {
    properties: ["name", "namePrefix"],
    source: `${TF}/rds/subnet_group.go`,
  },
  "aws:iam/role:Role": { properties: ["name", "namePrefix", "path"], source: `${TF}/iam/role.go` },
  "aws:iam/rolePolicy:RolePolicy": {
    properties: ["name", "namePrefix", "role"],
    source: `${TF}/iam/role_policy.go`,
  },
  "aws:cloudwatch/logGroup:LogGroup": {
    properties: ["name", "namePrefix", "logGroupClass"],
    source: `${TF}/logs/group.go`,
  },
  "aws:cloudwatch/metricAlarm:MetricAlarm": {
    properties: ["name"],
    source: `${TF}/cloudwatch/metric_alarm.go`,
  },
  "aws:cloudwatch/dashboard:Dashboard": {
    properties: ["dashboardName"],
    source: `${TF}/cloudwatch/dashboard.go`,
  },
  "aws:secretsmanager/secret:Secret": {
    properties: ["name", "namePrefix"],
    source: `${TF}/secretsmanager/secret.go`,
  },
  "aws:secretsmanager/secretVersion:SecretVersion": {
    properties: ["secretId"],
    source: `${TF}/secretsmanager/secret_version.go`,
  },
  "aws:sns/topic:Topic": {
    properties: ["name", "namePrefix", "fifoTopic"],
    source: `${TF}/sns/topic.go`,
  },
  "aws:sns/topicSubscription:TopicSubscription": {
    properties: ["topic", "protocol", "endpoint"],
    source: `${TF}/sns/topic_subscription.go`,
  },
  "aws:ec2/securityGroup:SecurityGroup": {
    properties: ["name", "namePrefix", "description", "vpcId"],
    source: `${TF}/ec2/vpc_security_group.go`,
  },
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
    properties: ["securityGroupId"],
    source: `${TF}/vpc/security_group_ingress_rule.go`,
  },
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
    properties: ["securityGroupId"],
    source: `${TF}/vpc/security_group_egress_rule.go`,
  },
  "aws:appautoscaling/target:Target": {
    properties: ["resourceId", "scalableDimension", "serviceNamespace"],
    source: `${TF}/appautoscaling/target.go`,
  },
  "aws:appautoscaling/policy:Policy": {
    properties: ["name", "resourceId", "scalableDimension", "serviceNamespace"],
    source: `${TF}/appautoscaling/policy.go`,
  },
  "aws:appautoscaling/scheduledAction:ScheduledAction": {
    properties: ["name", "resourceId", "scalableDimension", "serviceNamespace"],
    source: `${TF}/appautoscaling/scheduled_action.go`,
  },
  // A remote component: its inner aws.ec2.Vpc is replaced when the CIDR changes (cidr_block
  // ForceNew, ec2/vpc_.go); its subnets are judged by awsxSubnetLayout below.
  "awsx:ec2:Vpc": { properties: ["cidrBlock"], source: `${TF}/ec2/vpc_.go (cidr_block)` },
};

/** Resource types whose replacement loses state or identity, and what is lost. */
export const STATEFUL_TYPES: Readonly<Record<string, string>> = {
  "aws:rds/instance:Instance": "the database: a new instance starts empty",
  "aws:efs/fileSystem:FileSystem": "the student files: a new file system starts empty",
  "aws:efs/mountTarget:MountTarget":
    "one per zone: tasks in its zone lose the file system while it is replaced",
  "aws:lb/loadBalancer:LoadBalancer": "its DNS name, which the domain's records point at",
  "aws:cloudwatch/logGroup:LogGroup": "its logs",
  "aws:secretsmanager/secret:Secret": "its value and ARN",
  "awsx:ec2:Vpc": "the network every other resource runs in",
  "aws:ec2/subnet:Subnet":
    "AWS refuses to delete a subnet with network interfaces in it (database, mount targets, load balancer, tasks): DependencyViolation",
};

export type ChangeKind = "create" | "delete" | "update" | "replace";

/** One resource's change. */
export interface ResourceChange {
  kind: ChangeKind;
  type: string;
  name: string;
  urn: string;
  /** Top-level input properties that differ (update and replace). */
  changed: string[];
  /** For a replacement: each forcing property and where the provider says so. */
  reasons: string[];
  /** What a stateful resource loses (replace and delete). */
  stateful?: string;
  /** The resource is protected (`protect`): the engine refuses to delete or replace it. */
  protected?: boolean;
  /** Replaced delete-first (deleteBeforeReplace). */
  deleteFirst?: boolean;
}

/** The changes from one config's resources to another's, and whether they are safe to apply. */
export interface StackDiff {
  changes: ResourceChange[];
  /** Replacements of stateful or protected resources, and deletions of protected ones. */
  dangerous: ResourceChange[];
}

/** JSON with sorted keys: equal values compare equal whatever their key order. */
function stable(value: unknown): string {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
    .join(",")}}`;
}

/** Top-level input properties that differ between two records (ignoreChanges left out). */
export function changedProperties(before: ResourceRecord, after: ResourceRecord): string[] {
  const ignored = new Set(after.options?.ignoreChanges ?? []);
  const keys = new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)]);
  return [...keys]
    .filter((k) => !ignored.has(k) && stable(before.inputs[k]) !== stable(after.inputs[k]))
    .sort();
}

/** The cloud resources of a run (components have no cloud object; awsx's VPC stands for its own). */
function cloud(records: ResourceRecord[]): ResourceRecord[] {
  return records.filter((r) => r.custom || r.type === "awsx:ec2:Vpc");
}

function mark(change: ResourceChange, record: ResourceRecord): ResourceChange {
  if (record.options?.protect) change.protected = true;
  if (
    (change.kind === "replace" || change.kind === "delete") &&
    STATEFUL_TYPES[record.type] !== undefined
  ) {
    change.stateful = STATEFUL_TYPES[record.type];
  }
  if (change.kind === "replace" && record.options?.deleteBeforeReplace) change.deleteFirst = true;
  return change;
}

/**
 * The changes between the resources a program registered under an old config (`before`) and a
 * new one (`after`), matched by URN, as the engine matches them. A changed property the provider
 * marks ForceNew makes a replacement; other changes update in place.
 */
export function diffRecords(before: ResourceRecord[], after: ResourceRecord[]): StackDiff {
  const old = new Map(cloud(before).map((r) => [r.urn, r]));
  const now = new Map(cloud(after).map((r) => [r.urn, r]));
  const changes: ResourceChange[] = [];
  for (const r of now.values()) {
    const was = old.get(r.urn);
    const base = { type: r.type, name: r.name, urn: r.urn };
    if (was === undefined) {
      changes.push(mark({ kind: "create", ...base, changed: [], reasons: [] }, r));
      continue;
    }
    const changed = changedProperties(was, r);
    if (changed.length === 0) continue;
    const rule = REPLACING_PROPERTIES[r.type];
    const forcing = rule
      ? changed.filter(
          (p) => p !== "tags" && (rule.properties.includes("*") || rule.properties.includes(p)),
        )
      : [];
    const reasons = forcing.map((p) => `${p} changed: forces replacement (${rule!.source})`);
    const kind: ChangeKind = forcing.length > 0 ? "replace" : "update";
    changes.push(mark({ kind, ...base, changed, reasons }, r));
    if (r.type === "awsx:ec2:Vpc") changes.push(...subnetChanges(was, r));
  }
  for (const r of old.values()) {
    if (!now.has(r.urn)) {
      changes.push(
        mark(
          { kind: "delete", type: r.type, name: r.name, urn: r.urn, changed: [], reasons: [] },
          r,
        ),
      );
    }
  }
  const dangerous = changes.filter(
    (c) =>
      (c.kind === "replace" && (c.stateful || c.protected)) || (c.kind === "delete" && c.protected),
  );
  return { changes, dangerous };
}

/** One subnet of an awsx VPC: its name and CIDR. */
export interface SubnetLayout {
  name: string;
  cidrBlock: string;
}

function ipToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/**
 * The subnets awsx lays out for the Platform's VPC (a public then a private subnet per zone, no
 * masks given): each zone gets the VPC's range split into 2^ceil(log2(zones)) blocks, each subnet
 * half its zone's block. Follows pulumi-awsx `awsx/ec2/subnetDistributorNew.ts` getSubnetSpecs
 * (`azBitmask = vpcBitmask + newBits(azCount)`; subnet mask `azBitmask + newBits(specCount)`;
 * names `<vpc>-<spec name>-<zone number>`). So 2 -> 3 zones moves every existing subnet
 * (/17 zones become /18 in a /16), while 3 <-> 4 keeps them.
 */
export function awsxSubnetLayout(
  vpcName: string,
  vpcCidr: string,
  zones: number,
  specs: readonly string[] = ["public", "private"],
): SubnetLayout[] {
  const [base, bits] = vpcCidr.split("/");
  const newBits = (n: number): number => (n <= 1 ? 0 : Math.ceil(Math.log2(n)));
  const azBits = Number(bits) + newBits(zones);
  const subnetBits = azBits + newBits(specs.length);
  const azSize = 2 ** (32 - azBits);
  const subnetSize = 2 ** (32 - subnetBits);
  const start = ipToInt(base);
  const layout: SubnetLayout[] = [];
  for (let z = 0; z < zones; z++) {
    specs.forEach((spec, i) => {
      layout.push({
        name: `${vpcName}-${spec}-${z + 1}`,
        cidrBlock: `${intToIp(start + z * azSize + i * subnetSize)}/${subnetBits}`,
      });
    });
  }
  return layout;
}

/** The subnet changes inside an awsx VPC whose CIDR or zone count changed. */
function subnetChanges(before: ResourceRecord, after: ResourceRecord): ResourceChange[] {
  const layout = (r: ResourceRecord): SubnetLayout[] => {
    const cidr = r.inputs.cidrBlock;
    const zones = r.inputs.numberOfAvailabilityZones;
    const specs = Array.isArray(r.inputs.subnetSpecs)
      ? (r.inputs.subnetSpecs as { name?: string; type: string }[]).map(
          (s) => s.name ?? s.type.toLowerCase(),
        )
      : undefined;
    if (typeof cidr !== "string" || typeof zones !== "number" || specs === undefined) return [];
    return awsxSubnetLayout(r.name, cidr, zones, specs);
  };
  const was = new Map(layout(before).map((s) => [s.name, s.cidrBlock]));
  const now = layout(after);
  const type = "aws:ec2/subnet:Subnet";
  const urnOf = (name: string): string => `${after.urn}$${type}::${name}`;
  const changes: ResourceChange[] = [];
  for (const s of now) {
    const old = was.get(s.name);
    const base = { type, name: s.name, urn: urnOf(s.name) };
    if (old === undefined) changes.push({ kind: "create", ...base, changed: [], reasons: [] });
    else if (old !== s.cidrBlock) {
      changes.push({
        kind: "replace",
        ...base,
        changed: ["cidrBlock"],
        reasons: [
          `cidrBlock ${old} -> ${s.cidrBlock}: forces replacement (${TF}/ec2/vpc_subnet.go; the layout: pulumi-awsx awsx/ec2/subnetDistributorNew.ts)`,
        ],
        stateful: STATEFUL_TYPES[type],
      });
    }
    was.delete(s.name);
  }
  for (const name of was.keys()) {
    changes.push({ kind: "delete", type, name, urn: urnOf(name), changed: [], reasons: [] });
  }
  return changes;
}
