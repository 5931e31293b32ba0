/**
 * What a config change does to a deployed stack, from the resources the program registers under
 * the old config and under the new one: created, deleted, updated and replaced, which property
 * forces each replacement (the provider's schema: a `ForceNew` argument of terraform-provider-aws,
 * which the AWS provider bridges, or a `CustomizeDiff`/`ModifyPlan` that forces one in some
 * cases), and which replaced resources hold state. Pure: no Pulumi
 * imports; preview/against.ts runs the program twice and prints this.
 */
import { ResourceRecord } from "./records";

const TF = "terraform-provider-aws internal/service";

/** Inputs of one resource as the program registered them. */
type Inputs = Readonly<Record<string, unknown>>;

/** The length of a list input (0 when absent or not a list). */
function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/**
 * A property whose change replaces the resource only in some cases: a provider `CustomizeDiff`
 * (SDKv2) or `ModifyPlan` (plugin framework) that calls ForceNew / RequiresReplace.
 */
export interface ConditionalReplacement {
  /** True when this change of the property forces replacement. */
  when: (before: Inputs, after: Inputs) => boolean;
  /** The case, in words, for the reason shown. */
  why: string;
}

/**
 * What replaces one resource type: the provider file the facts come from, the arguments its schema
 * marks `ForceNew: true` (SDKv2) or `RequiresReplace()` (framework), named as @pulumi/aws names
 * them (camelCase; `alarm_name` is `name`, `topic_arn` `topic`, `capacity_provider_strategy`
 * `capacityProviderStrategies`), and the arguments replaced only in some cases.
 */
export interface ReplacementRule {
  properties: readonly string[];
  conditional?: Readonly<Record<string, ConditionalReplacement>>;
  source: string;
}

/** An ingress or egress rule's source: which one of the four it names. */
function ruleSource(inputs: Inputs): string | undefined {
  return ["cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"].find(
    (k) => inputs[k] !== undefined,
  );
}

/** Changing a security group rule's kind of source (CIDR -> group, ...) replaces it. */
const SOURCE_KIND: ConditionalReplacement = {
  when: (before, after) => ruleSource(before) !== ruleSource(after),
  why: "the rule's kind of source changed (ModifyPlan: RequiresReplace)",
};

/**
 * Input properties whose change replaces the resource, per type token, for every type the
 * program registers (tests/preview/against.test.ts checks none is missing). Verified against
 * hashicorp/terraform-provider-aws (which @pulumi/aws 7.x bridges) in the stored copies of its
 * source; the commit read is given per entry where the index named one. `*` means every argument
 * but `tags` (and `skipDestroy`, which the program does not set).
 */
export const REPLACING_PROPERTIES: Readonly<Record<string, ReplacementRule>> = {
  // ecs/task_definition.go @04fc21d5: container_definitions, cpu, ephemeral_storage,
  // execution_role_arn, family, inference_accelerator, ipc_mode, memory, network_mode, pid_mode,
  // placement_constraints, proxy_configuration, requires_compatibilities, runtime_platform,
  // task_role_arn and volume are all ForceNew (a revision is immutable: RegisterTaskDefinition).
  "aws:ecs/taskDefinition:TaskDefinition": {
    properties: ["*"],
    source: `${TF}/ecs/task_definition.go (every argument ForceNew)`,
  },
  // ecs/service.go @00a919d1: ForceNew cluster, iam_role, launch_type, name,
  // scheduling_strategy, deployment_controller.type. capacity_provider_strategy is not ForceNew,
  // but capacityProviderStrategyCustomizeDiff forces new unless force_new_deployment is true and
  // neither the old nor the new strategy is empty ("to be backward compatible, should ForceNew
  // almost always"). A later stored version instead fails the plan without force_new_deployment
  // ("force_new_deployment should be true when capacity_provider_strategy is being updated").
  // Either way a service without forceNewDeployment cannot change strategy in place.
  "aws:ecs/service:Service": {
    properties: [
      "name",
      "cluster",
      "launchType",
      "schedulingStrategy",
      "iamRole",
      "deploymentController",
    ],
    conditional: {
      capacityProviderStrategies: {
        when: (before, after) =>
          after.forceNewDeployment !== true ||
          (count(before.capacityProviderStrategies) === 0) !==
            (count(after.capacityProviderStrategies) === 0),
        why: "without forceNewDeployment, or to or from no strategy (capacityProviderStrategyCustomizeDiff)",
      },
    },
    source: `${TF}/ecs/service.go`,
  },
  // ecs/cluster.go @00a35305: only name is ForceNew (configuration, setting and
  // service_connect_defaults update in place).
  "aws:ecs/cluster:Cluster": { properties: ["name"], source: `${TF}/ecs/cluster.go` },
  // ecs/cluster_capacity_providers.go @0619e62a: cluster_name ForceNew; capacity_providers and
  // default_capacity_provider_strategy are put in place (PutClusterCapacityProviders).
  "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": {
    properties: ["clusterName"],
    source: `${TF}/ecs/cluster_capacity_providers.go`,
  },
  // elbv2/target_group.go @013cfb4c: ForceNew ip_address_type, name, name_prefix, port,
  // protocol, protocol_version, target_type, vpc_id (health_check, deregistration_delay update).
  "aws:lb/targetGroup:TargetGroup": {
    properties: [
      "name",
      "namePrefix",
      "port",
      "protocol",
      "protocolVersion",
      "targetType",
      "vpcId",
      "ipAddressType",
    ],
    source: `${TF}/elbv2/target_group.go`,
  },
  // elbv2/listener_rule.go @032c4f07: listener_arn ForceNew; priority is explicitly
  // `ForceNew: false` (SetRulePriorities), actions and conditions update (ModifyRule).
  "aws:lb/listenerRule:ListenerRule": {
    properties: ["listenerArn"],
    source: `${TF}/elbv2/listener_rule.go`,
  },
  // elbv2/listener.go @01c08000: load_balancer_arn ForceNew; port, protocol, certificate,
  // ssl_policy and default actions update (ModifyListener).
  "aws:lb/listener:Listener": {
    properties: ["loadBalancerArn"],
    source: `${TF}/elbv2/listener.go`,
  },
  // elbv2/load_balancer.go @00edc94b: ForceNew customer_owned_ipv4_pool, internal,
  // load_balancer_type, name, name_prefix. customizeDiffLoadBalancerALB (stored copy): for an
  // application load balancer, a change of subnets that does not add subnets forces new ("In-place
  // increase in number of subnets only"), and security_groups from none to some or back.
  "aws:lb/loadBalancer:LoadBalancer": {
    properties: ["name", "namePrefix", "internal", "loadBalancerType", "customerOwnedIpv4Pool"],
    conditional: {
      subnets: {
        when: (before, after) =>
          (after.loadBalancerType ?? "application") === "application" &&
          count(after.subnets) <= count(before.subnets),
        why: "an application load balancer's subnets changed without adding any (customizeDiffLoadBalancerALB)",
      },
      securityGroups: {
        when: (before, after) =>
          (count(before.securityGroups) === 0) !== (count(after.securityGroups) === 0),
        why: "security groups added to or removed from a load balancer that had none or has none (customizeDiffLoadBalancerALB)",
      },
    },
    source: `${TF}/elbv2/load_balancer.go`,
  },
  // efs/file_system.go @0389f467: ForceNew availability_zone_name, creation_token, encrypted,
  // kms_key_id, performance_mode. throughput_mode, provisioned_throughput_in_mibps,
  // lifecycle_policy and protection update (UpdateFileSystem).
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
  // efs/mount_target.go @0593466d: ForceNew file_system_id, ip_address, subnet_id;
  // security_groups update (ModifyMountTargetSecurityGroups).
  "aws:efs/mountTarget:MountTarget": {
    properties: ["fileSystemId", "subnetId", "ipAddress"],
    source: `${TF}/efs/mount_target.go`,
  },
  // efs/access_point.go @01606926: ForceNew file_system_id, posix_user, root_directory (the
  // update is tags only).
  "aws:efs/accessPoint:AccessPoint": {
    properties: ["fileSystemId", "posixUser", "rootDirectory"],
    source: `${TF}/efs/access_point.go`,
  },
  // efs/file_system_policy.go (stored copy, commit not given): file_system_id ForceNew; policy
  // is put in place.
  "aws:efs/fileSystemPolicy:FileSystemPolicy": {
    properties: ["fileSystemId"],
    source: `${TF}/efs/file_system_policy.go`,
  },
  // efs/backup_policy.go (stored copy): file_system_id ForceNew; backup_policy updates.
  "aws:efs/backupPolicy:BackupPolicy": {
    properties: ["fileSystemId"],
    source: `${TF}/efs/backup_policy.go`,
  },
  // rds/instance.go @00e4b238: ForceNew availability_zone, character_set_name,
  // custom_iam_instance_profile, db_name, engine, identifier, identifier_prefix, kms_key_id,
  // nchar_character_set_name, restore_to_point_in_time, snapshot_identifier, storage_encrypted,
  // timezone, username. instance_class, allocated_storage, multi_az, db_subnet_group_name,
  // backup_retention_period, deletion_protection, engine_version update (ModifyDBInstance).
  "aws:rds/instance:Instance": {
    properties: [
      "engine",
      "identifier",
      "identifierPrefix",
      "dbName",
      "username",
      "storageEncrypted",
      "kmsKeyId",
      "snapshotIdentifier",
      "restoreToPointInTime",
      "availabilityZone",
      "characterSetName",
      "ncharCharacterSetName",
      "customIamInstanceProfile",
      "timezone",
    ],
    source: `${TF}/rds/instance.go`,
  },
  // rds/cluster.go @0168cf68: ForceNew availability_zones, cluster_identifier,
  // cluster_identifier_prefix, cluster_scalability_type, database_name, db_subnet_group_name,
  // db_system_id, engine, engine_mode, kms_key_id, master_username, restore_to_point_in_time,
  // snapshot_identifier (its DiffSuppressFunc lets it be removed without a replacement),
  // source_region, storage_encrypted; CustomizeDiff ForceNewIf storage_type unless the engine is
  // aurora*. serverlessv2_scaling_configuration, backup_retention_period, deletion_protection and
  // engine_version update (ModifyDBCluster).
  "aws:rds/cluster:Cluster": {
    properties: [
      "availabilityZones",
      "clusterIdentifier",
      "clusterIdentifierPrefix",
      "clusterScalabilityType",
      "databaseName",
      "dbSubnetGroupName",
      "dbSystemId",
      "engine",
      "engineMode",
      "kmsKeyId",
      "masterUsername",
      "restoreToPointInTime",
      "sourceRegion",
      "storageEncrypted",
    ],
    conditional: {
      snapshotIdentifier: {
        when: (_before, after) =>
          after.snapshotIdentifier !== undefined && after.snapshotIdentifier !== "",
        why: "a different snapshot to restore (removing it is no change: DiffSuppressFunc)",
      },
      storageType: {
        when: (_before, after) => !String(after.engine ?? "").startsWith("aurora"),
        why: "the engine is not Aurora (CustomizeDiff ForceNewIf)",
      },
    },
    source: `${TF}/rds/cluster.go`,
  },
  // rds/cluster_instance.go @01606926: ForceNew availability_zone, cluster_identifier,
  // custom_iam_instance_profile, db_subnet_group_name, engine, identifier, identifier_prefix;
  // instance_class, publicly_accessible and engine_version update.
  "aws:rds/clusterInstance:ClusterInstance": {
    properties: [
      "availabilityZone",
      "clusterIdentifier",
      "customIamInstanceProfile",
      "dbSubnetGroupName",
      "engine",
      "identifier",
      "identifierPrefix",
    ],
    source: `${TF}/rds/cluster_instance.go`,
  },
  // rds/subnet_group.go (stored copies): name, name_prefix ForceNew; description and subnet_ids
  // update (ModifyDBSubnetGroup).
  "aws:rds/subnetGroup:SubnetGroup": {
    properties: ["name", "namePrefix"],
    source: `${TF}/rds/subnet_group.go`,
  },
  // iam/role.go (stored copy): ForceNew name, name_prefix, path; assume_role_policy,
  // description, max_session_duration, permissions_boundary update.
  "aws:iam/role:Role": { properties: ["name", "namePrefix", "path"], source: `${TF}/iam/role.go` },
  // iam/role_policy.go (stored copy): ForceNew name, name_prefix, role; policy is put in place.
  "aws:iam/rolePolicy:RolePolicy": {
    properties: ["name", "namePrefix", "role"],
    source: `${TF}/iam/role_policy.go`,
  },
  // logs/group.go @0073593e: ForceNew log_group_class, name, name_prefix; retention_in_days and
  // kms_key_id update (PutRetentionPolicy, AssociateKmsKey).
  "aws:cloudwatch/logGroup:LogGroup": {
    properties: ["name", "namePrefix", "logGroupClass"],
    source: `${TF}/logs/group.go`,
  },
  // cloudwatch/metric_alarm.go @055611a6: alarm_name (@pulumi/aws `name`) ForceNew; every other
  // argument is put again (PutMetricAlarm).
  "aws:cloudwatch/metricAlarm:MetricAlarm": {
    properties: ["name"],
    source: `${TF}/cloudwatch/metric_alarm.go`,
  },
  // cloudwatch/dashboard.go (stored copy): dashboard_name ForceNew; dashboard_body is put again.
  "aws:cloudwatch/dashboard:Dashboard": {
    properties: ["dashboardName"],
    source: `${TF}/cloudwatch/dashboard.go`,
  },
  // secretsmanager/secret.go @00c21ced: ForceNew name, name_prefix; description, kms_key_id,
  // policy and replica update.
  "aws:secretsmanager/secret:Secret": {
    properties: ["name", "namePrefix"],
    source: `${TF}/secretsmanager/secret.go`,
  },
  // secretsmanager/secret_version.go @0042e8ea: ForceNew secret_id, secret_binary,
  // secret_string, secret_string_wo_version; only version_stages update. A new cookieSecret is a
  // new version.
  "aws:secretsmanager/secretVersion:SecretVersion": {
    properties: ["secretId", "secretString", "secretBinary", "secretStringWoVersion"],
    source: `${TF}/secretsmanager/secret_version.go`,
  },
  // sns/topic.go @00a35305: ForceNew fifo_topic, name, name_prefix; the attributes (policy,
  // display name, delivery policy, kms key) are set again (SetTopicAttributes).
  "aws:sns/topic:Topic": {
    properties: ["name", "namePrefix", "fifoTopic"],
    source: `${TF}/sns/topic.go`,
  },
  // sns/topic_subscription.go @04a2e6e5: ForceNew endpoint, protocol, topic_arn (@pulumi/aws
  // `topic`); the attributes (filter, delivery, redrive policies) update.
  "aws:sns/topicSubscription:TopicSubscription": {
    properties: ["topic", "protocol", "endpoint"],
    source: `${TF}/sns/topic_subscription.go`,
  },
  // ec2/vpc_security_group.go @01606926: ForceNew description, name, name_prefix, vpc_id.
  "aws:ec2/securityGroup:SecurityGroup": {
    properties: ["name", "namePrefix", "description", "vpcId"],
    source: `${TF}/ec2/vpc_security_group.go`,
  },
  // ec2/vpc_security_group_ingress_rule.go @00a32209 (framework): security_group_id
  // RequiresReplace; ModifyPlan requires replacement when the source changes kind ("When you
  // modify a rule, you cannot change the rule's source type"); ports, protocol, description
  // and the source's value update (ModifySecurityGroupRules).
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
    properties: ["securityGroupId"],
    conditional: {
      cidrIpv4: SOURCE_KIND,
      cidrIpv6: SOURCE_KIND,
      prefixListId: SOURCE_KIND,
      referencedSecurityGroupId: SOURCE_KIND,
    },
    source: `${TF}/ec2/vpc_security_group_ingress_rule.go`,
  },
  // ec2/vpc_security_group_egress_rule.go @050ac111: the egress rule embeds the same
  // resourceSecurityGroupRule as the ingress rule (its schema and ModifyPlan), with only the
  // Authorize/Revoke calls of its own.
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
    properties: ["securityGroupId"],
    conditional: {
      cidrIpv4: SOURCE_KIND,
      cidrIpv6: SOURCE_KIND,
      prefixListId: SOURCE_KIND,
      referencedSecurityGroupId: SOURCE_KIND,
    },
    source: `${TF}/ec2/vpc_security_group_egress_rule.go`,
  },
  // appautoscaling/target.go @0105d219: ForceNew resource_id, scalable_dimension,
  // service_namespace; min/max capacity and role_arn update (RegisterScalableTarget).
  "aws:appautoscaling/target:Target": {
    properties: ["resourceId", "scalableDimension", "serviceNamespace"],
    source: `${TF}/appautoscaling/target.go`,
  },
  // appautoscaling/policy.go (stored copy): ForceNew name, resource_id, scalable_dimension,
  // service_namespace; the policy configurations are put again.
  "aws:appautoscaling/policy:Policy": {
    properties: ["name", "resourceId", "scalableDimension", "serviceNamespace"],
    source: `${TF}/appautoscaling/policy.go`,
  },
  // appautoscaling/scheduled_action.go (stored copy): ForceNew name, resource_id,
  // scalable_dimension, service_namespace; schedule, timezone, scalable_target_action, start
  // and end times are put again (PutScheduledAction).
  "aws:appautoscaling/scheduledAction:ScheduledAction": {
    properties: ["name", "resourceId", "scalableDimension", "serviceNamespace"],
    source: `${TF}/appautoscaling/scheduled_action.go`,
  },
  // A remote component: its inner aws.ec2.Vpc is replaced when the CIDR changes (ec2/vpc_.go,
  // stored copy: cidr_block ForceNew, and resourceVPCCustomizeDiff forces new on a changed
  // cidr_block); its subnets (ec2/vpc_subnet.go: cidr_block, availability_zone, vpc_id ForceNew)
  // are judged by awsxSubnetLayout below.
  "awsx:ec2:Vpc": { properties: ["cidrBlock"], source: `${TF}/ec2/vpc_.go (cidr_block)` },
};

/** Resource types whose replacement loses state or identity, and what is lost. */
export const STATEFUL_TYPES: Readonly<Record<string, string>> = {
  "aws:rds/instance:Instance": "the database: a new instance starts empty",
  "aws:rds/cluster:Cluster": "the database: a new cluster starts empty",
  "aws:rds/clusterInstance:ClusterInstance":
    "the database's writer: the database is unreachable until the new one is up",
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
  /** Each of `changed` as a reader may see it (changeShown): `minCapacity: 1 -> 2`. */
  shown?: string[];
  /** For a replacement: each forcing property and where the provider says so. */
  reasons: string[];
  /** What a stateful resource loses (replace and delete). */
  stateful?: string;
  /** The resource is protected (`protect`): the engine refuses to delete or replace it. */
  protected?: boolean;
  /** Replaced delete-first (deleteBeforeReplace). */
  deleteFirst?: boolean;
}

/** A resource whose only changed inputs are ones its options ignore (`ignoreChanges`). */
export interface IgnoredChange {
  type: string;
  name: string;
  /** The ignored inputs that differ: the engine keeps the deployed values. */
  properties: string[];
  /** Each as a reader may see it (changeShown). */
  shown: string[];
}

/** The changes from one config's resources to another's, and whether they are safe to apply. */
export interface StackDiff {
  changes: ResourceChange[];
  /** Resources left unchanged because every input that differs is in their `ignoreChanges`. */
  ignored: IgnoredChange[];
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

/**
 * Top-level input properties that differ between two records, sorted: `changed`, the ones the
 * engine diffs, and `ignored`, the ones the new record's `ignoreChanges` keeps at their deployed
 * values.
 */
export function changedProperties(
  before: ResourceRecord,
  after: ResourceRecord,
): { changed: string[]; ignored: string[] } {
  const ignoreChanges = new Set(after.options?.ignoreChanges ?? []);
  const keys = new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)]);
  const differ = [...keys].filter((k) => stable(before.inputs[k]) !== stable(after.inputs[k]));
  return {
    changed: differ.filter((k) => !ignoreChanges.has(k)).sort(),
    ignored: differ.filter((k) => ignoreChanges.has(k)).sort(),
  };
}

/** Property names whose values may be secrets: never shown, whatever the record says. */
const SECRET_NAME = /pass|secret|token|credential|private|key/i;
/**
 * Whether a nested value holds a key named like a secret, or a name/value pair whose name is
 * (ECS `environment: [{name: "DB_PASSWORD", value}]`). Other values are not read: a subnet id
 * with "private" in it is not a secret.
 */
function hasSecretKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasSecretKey);
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(
    ([k, v]) =>
      SECRET_NAME.test(k) ||
      (k === "name" && typeof v === "string" && SECRET_NAME.test(v)) ||
      hasSecretKey(v),
  );
}

/** Longest value shown; a longer one (a container definition, a policy document) is named only. */
const SHOWN_CHARS = 60;

/**
 * One changed input property as `npm start -- --against` prints it, in Pulumi's diff manner:
 * `minCapacity: 1 -> 2`, `desiredCount: (none) -> 0`. Only the name, with a reason in brackets,
 * when either value is secret (`secretInputs`, or a property or nested key named like a password,
 * secret, token, credential, private key or key), or either is longer than 60 characters as JSON.
 */
export function changeShown(
  property: string,
  before: ResourceRecord,
  after: ResourceRecord,
): string {
  const values = [before.inputs[property], after.inputs[property]];
  const secret =
    before.secretInputs?.includes(property) ||
    after.secretInputs?.includes(property) ||
    SECRET_NAME.test(property) ||
    values.some(hasSecretKey);
  if (secret) return `${property} [secret]`;
  const text = values.map((v) => (v === undefined ? "(none)" : stable(v)));
  if (text.some((t) => t.length > SHOWN_CHARS)) return `${property} [long value]`;
  return `${property}: ${text[0]} -> ${text[1]}`;
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
 * Why changing `changed` on a resource of `type` replaces it: one reason per forcing property
 * (`subnetId changed: forces replacement (<provider file>)`), none when it updates in place. A
 * type without a rule updates in place.
 */
export function replacementReasons(
  type: string,
  changed: readonly string[],
  before: Inputs,
  after: Inputs,
): string[] {
  const rule = REPLACING_PROPERTIES[type];
  if (!rule) return [];
  const reasons: string[] = [];
  for (const p of changed) {
    if (p === "tags") continue;
    if (rule.properties.includes("*") || rule.properties.includes(p)) {
      reasons.push(`${p} changed: forces replacement (${rule.source})`);
    } else if (rule.conditional?.[p]?.when(before, after)) {
      reasons.push(`${p} changed, ${rule.conditional[p].why}: forces replacement (${rule.source})`);
    }
  }
  return reasons;
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
  const ignored: IgnoredChange[] = [];
  for (const r of now.values()) {
    const was = old.get(r.urn);
    const base = { type: r.type, name: r.name, urn: r.urn };
    if (was === undefined) {
      changes.push(mark({ kind: "create", ...base, changed: [], reasons: [] }, r));
      continue;
    }
    const { changed, ignored: properties } = changedProperties(was, r);
    if (changed.length === 0) {
      if (properties.length > 0) {
        const shown = properties.map((p) => changeShown(p, was, r));
        ignored.push({ type: r.type, name: r.name, properties, shown });
      }
      continue;
    }
    const reasons = replacementReasons(r.type, changed, was.inputs, r.inputs);
    const kind: ChangeKind = reasons.length > 0 ? "replace" : "update";
    const shown = changed.map((p) => changeShown(p, was, r));
    changes.push(mark({ kind, ...base, changed, shown, reasons }, r));
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
  return { changes, ignored, dangerous };
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
