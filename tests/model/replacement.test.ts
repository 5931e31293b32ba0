/**
 * model/replacement.ts: which changes replace a resource, per type, as terraform-provider-aws
 * (bridged by @pulumi/aws) decides. For each stateful type a property that forces replacement
 * and one that updates in place, with the `--against` verdict (dangerous or not); then the cases
 * a provider CustomizeDiff or ModifyPlan decides.
 */
import * as assert from "assert";
import { ResourceRecord } from "../../model/records";
import {
  diffRecords,
  REPLACING_PROPERTIES,
  replacementReasons,
  STATEFUL_TYPES,
} from "../../model/replacement";

/** One cloud resource of `type` with `inputs`. */
function rec(type: string, inputs: Record<string, unknown>): ResourceRecord {
  return { type, name: "r", urn: `urn:pulumi:prod::pythonide::${type}::r`, custom: true, inputs };
}

/** The verdict on changing one resource from `before` to `after` inputs. */
function verdict(
  type: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { kind: string; dangerous: boolean; reasons: string[] } {
  const d = diffRecords([rec(type, before)], [rec(type, after)]);
  assert.strictEqual(d.changes.length, 1);
  return {
    kind: d.changes[0].kind,
    dangerous: d.dangerous.length === 1,
    reasons: d.changes[0].reasons,
  };
}

const TF = "terraform-provider-aws internal/service";

describe("model/replacement: what replaces a stateful resource and what updates it", () => {
  const cases: {
    type: string;
    file: string;
    replaces: [string, unknown, unknown];
    updates: [string, unknown, unknown];
  }[] = [
    {
      type: "aws:rds/instance:Instance",
      file: "rds/instance.go",
      replaces: ["identifier", "pythonide-db", "pythonide-db-2"],
      updates: ["instanceClass", "db.t4g.small", "db.t4g.medium"],
    },
    {
      type: "aws:rds/instance:Instance",
      file: "rds/instance.go",
      replaces: ["storageEncrypted", true, false],
      updates: ["multiAz", false, true],
    },
    {
      type: "aws:rds/cluster:Cluster",
      file: "rds/cluster.go",
      replaces: ["engineMode", "provisioned", "serverless"],
      updates: ["serverlessv2ScalingConfiguration", { maxCapacity: 1 }, { maxCapacity: 4 }],
    },
    {
      type: "aws:rds/cluster:Cluster",
      file: "rds/cluster.go",
      replaces: ["dbSubnetGroupName", "a", "b"],
      updates: ["backupRetentionPeriod", 1, 7],
    },
    {
      type: "aws:rds/clusterInstance:ClusterInstance",
      file: "rds/cluster_instance.go",
      replaces: ["clusterIdentifier", "a", "b"],
      updates: ["instanceClass", "db.serverless", "db.t4g.medium"],
    },
    {
      type: "aws:efs/fileSystem:FileSystem",
      file: "efs/file_system.go",
      replaces: ["encrypted", true, false],
      updates: ["throughputMode", "elastic", "bursting"],
    },
    {
      type: "aws:efs/mountTarget:MountTarget",
      file: "efs/mount_target.go",
      replaces: ["subnetId", "subnet-1", "subnet-2"],
      updates: ["securityGroups", ["sg-1"], ["sg-2"]],
    },
    {
      type: "aws:lb/loadBalancer:LoadBalancer",
      file: "elbv2/load_balancer.go",
      replaces: ["internal", false, true],
      updates: ["idleTimeout", 60, 120],
    },
    {
      type: "aws:cloudwatch/logGroup:LogGroup",
      file: "logs/group.go",
      replaces: ["name", "/ecs/a", "/ecs/b"],
      updates: ["retentionInDays", 30, 7],
    },
    {
      type: "aws:secretsmanager/secret:Secret",
      file: "secretsmanager/secret.go",
      replaces: ["name", "a", "b"],
      updates: ["description", "a", "b"],
    },
    {
      type: "awsx:ec2:Vpc",
      file: "ec2/vpc_.go (cidr_block)",
      replaces: ["cidrBlock", "10.0.0.0/16", "10.1.0.0/16"],
      updates: ["natGateways", { strategy: "None" }, { strategy: "Single" }],
    },
  ];
  for (const c of cases) {
    const [p, from, to] = c.replaces;
    it(`${c.type}: ${p} replaces it (refused by --against), ${c.updates[0]} updates it`, () => {
      assert.deepStrictEqual(verdict(c.type, { [p]: from }, { [p]: to }), {
        kind: "replace",
        dangerous: true,
        reasons: [`${p} changed: forces replacement (${TF}/${c.file})`],
      });
      const [q, was, now] = c.updates;
      assert.deepStrictEqual(verdict(c.type, { [q]: was }, { [q]: now }), {
        kind: "update",
        dangerous: false,
        reasons: [],
      });
    });
  }

  it("marks every type whose replacement loses state as stateful", () => {
    assert.deepStrictEqual(Object.keys(STATEFUL_TYPES).sort(), [
      "aws:cloudwatch/logGroup:LogGroup",
      "aws:ec2/subnet:Subnet",
      "aws:efs/fileSystem:FileSystem",
      "aws:efs/mountTarget:MountTarget",
      "aws:lb/loadBalancer:LoadBalancer",
      "aws:rds/cluster:Cluster",
      "aws:rds/clusterInstance:ClusterInstance",
      "aws:rds/instance:Instance",
      "aws:secretsmanager/secret:Secret",
      "awsx:ec2:Vpc",
    ]);
  });
});

describe("model/replacement: corrections from the provider's source", () => {
  it("a new secret value is a new SecretVersion (secret_string is ForceNew)", () => {
    assert.deepStrictEqual(
      replacementReasons(
        "aws:secretsmanager/secretVersion:SecretVersion",
        ["secretString"],
        {},
        {},
      ),
      [`secretString changed: forces replacement (${TF}/secretsmanager/secret_version.go)`],
    );
  });

  it("a listener rule's priority updates in place (ForceNew: false)", () => {
    assert.deepStrictEqual(
      replacementReasons("aws:lb/listenerRule:ListenerRule", ["priority", "conditions"], {}, {}),
      [],
    );
  });

  it("a target group's ipAddressType replaces it", () => {
    assert.strictEqual(
      replacementReasons("aws:lb/targetGroup:TargetGroup", ["ipAddressType"], {}, {}).length,
      1,
    );
  });

  it("a task definition is replaced by any change but its tags", () => {
    const t = "aws:ecs/taskDefinition:TaskDefinition";
    assert.deepStrictEqual(replacementReasons(t, ["tags"], {}, {}), []);
    assert.deepStrictEqual(replacementReasons(t, ["cpu", "tags"], {}, {}), [
      `cpu changed: forces replacement (${TF}/ecs/task_definition.go (every argument ForceNew))`,
    ]);
  });

  it("a type without a rule updates in place", () => {
    assert.deepStrictEqual(replacementReasons("aws:s3/bucket:Bucket", ["bucket"], {}, {}), []);
    assert.strictEqual(REPLACING_PROPERTIES["aws:s3/bucket:Bucket"], undefined);
  });
});

describe("model/replacement: the cases a CustomizeDiff or ModifyPlan decides", () => {
  const service = "aws:ecs/service:Service";
  const onDemand = [{ capacityProvider: "FARGATE", weight: 1, base: 0 }];
  const spot = [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }];

  it("a service's capacity strategy changes in place only with forceNewDeployment", () => {
    const withFlag = verdict(
      service,
      { capacityProviderStrategies: onDemand, forceNewDeployment: true },
      { capacityProviderStrategies: spot, forceNewDeployment: true },
    );
    assert.deepStrictEqual(withFlag, { kind: "update", dangerous: false, reasons: [] });
    const without = verdict(
      service,
      { capacityProviderStrategies: onDemand },
      { capacityProviderStrategies: spot },
    );
    assert.deepStrictEqual(without.reasons, [
      `capacityProviderStrategies changed, without forceNewDeployment, or to or from no strategy (capacityProviderStrategyCustomizeDiff): forces replacement (${TF}/ecs/service.go)`,
    ]);
    assert.strictEqual(without.kind, "replace");
  });

  it("a service's strategy added where there was none replaces it even with forceNewDeployment", () => {
    assert.strictEqual(
      verdict(
        service,
        { launchType: "FARGATE", forceNewDeployment: true },
        { capacityProviderStrategies: spot, forceNewDeployment: true },
      ).kind,
      "replace",
    );
  });

  it("an application load balancer takes more subnets in place, not fewer or other ones", () => {
    const lb = "aws:lb/loadBalancer:LoadBalancer";
    assert.strictEqual(
      verdict(lb, { subnets: ["a", "b"] }, { subnets: ["a", "b", "c"] }).kind,
      "update",
    );
    const fewer = verdict(lb, { subnets: ["a", "b", "c"] }, { subnets: ["a", "b"] });
    assert.deepStrictEqual([fewer.kind, fewer.dangerous], ["replace", true]);
    assert.strictEqual(
      verdict(lb, { subnets: ["a", "b"] }, { subnets: ["a", "c"] }).kind,
      "replace",
    );
    assert.strictEqual(
      verdict(
        lb,
        { subnets: ["a", "b"], loadBalancerType: "network" },
        { subnets: ["a"], loadBalancerType: "network" },
      ).kind,
      "update",
    );
  });

  it("a load balancer's security groups change in place, but not from none to some", () => {
    const lb = "aws:lb/loadBalancer:LoadBalancer";
    assert.strictEqual(
      verdict(lb, { securityGroups: ["a"] }, { securityGroups: ["b"] }).kind,
      "update",
    );
    assert.strictEqual(verdict(lb, {}, { securityGroups: ["b"] }).kind, "replace");
  });

  it("a cluster's storage type changes in place on Aurora only", () => {
    const cluster = "aws:rds/cluster:Cluster";
    assert.strictEqual(
      verdict(
        cluster,
        { engine: "aurora-postgresql", storageType: "aurora" },
        { engine: "aurora-postgresql", storageType: "aurora-iopt1" },
      ).kind,
      "update",
    );
    assert.strictEqual(
      verdict(
        cluster,
        { engine: "postgres", storageType: "gp3" },
        { engine: "postgres", storageType: "io1" },
      ).kind,
      "replace",
    );
  });

  it("a cluster restored from a snapshot keeps its data when the snapshot id is removed", () => {
    const cluster = "aws:rds/cluster:Cluster";
    assert.strictEqual(verdict(cluster, { snapshotIdentifier: "snap-1" }, {}).kind, "update");
    assert.strictEqual(
      verdict(cluster, { snapshotIdentifier: "snap-1" }, { snapshotIdentifier: "snap-2" }).kind,
      "replace",
    );
  });

  it("a security group rule changes ports in place, but not its kind of source", () => {
    const ingress = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    assert.strictEqual(
      verdict(
        ingress,
        { cidrIpv4: "10.0.0.0/16", fromPort: 80 },
        { cidrIpv4: "10.0.0.0/16", fromPort: 8080 },
      ).kind,
      "update",
    );
    assert.strictEqual(
      verdict(ingress, { cidrIpv4: "10.0.0.0/16" }, { cidrIpv4: "10.1.0.0/16" }).kind,
      "update",
    );
    const moved = verdict(
      ingress,
      { cidrIpv4: "10.0.0.0/16" },
      { referencedSecurityGroupId: "sg-1" },
    );
    assert.strictEqual(moved.kind, "replace");
    assert.strictEqual(moved.reasons.length, 2);
  });
});

describe("changeShown: a changed property as --against prints it, never a secret", () => {
  const target = "aws:appautoscaling/target:Target";
  const shown = (
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    secret = false,
  ) => {
    const b = rec(target, before);
    const a = { ...rec(target, after), ...(secret ? { secretInputs: ["value"] } : {}) };
    return diffRecords([b], [a]).changes[0].shown;
  };

  it("shows each side's value, (none) for a property set or removed", () => {
    assert.deepStrictEqual(
      shown({ minCapacity: 1, maxCapacity: 16 }, { minCapacity: 2, maxCapacity: 12 }),
      ["maxCapacity: 16 -> 12", "minCapacity: 1 -> 2"],
    );
    assert.deepStrictEqual(shown({}, { desiredCount: 0 }), ["desiredCount: (none) -> 0"]);
    assert.deepStrictEqual(shown({ name: "a" }, { name: "b" }), ['name: "a" -> "b"']);
    assert.deepStrictEqual(
      shown(
        { scalableTargetAction: { minCapacity: 0 } },
        { scalableTargetAction: { minCapacity: 3 } },
      ),
      ['scalableTargetAction: {"minCapacity":0} -> {"minCapacity":3}'],
    );
  });

  it("names a secret input, a property or nested key named like a secret, without its value", () => {
    assert.deepStrictEqual(shown({ value: "hunter2" }, { value: "hunter3" }, true), [
      "value [secret]",
    ]);
    assert.deepStrictEqual(shown({ masterPassword: "a1" }, { masterPassword: "b2" }), [
      "masterPassword [secret]",
    ]);
    assert.deepStrictEqual(shown({ secretString: "a" }, { secretString: "b" }), [
      "secretString [secret]",
    ]);
    assert.deepStrictEqual(
      shown(
        { environment: [{ name: "X", value: "1" }] },
        { environment: [{ name: "API_TOKEN", value: "t0k" }] },
      ),
      ["environment [secret]"],
    );
  });

  it("shows values that merely contain a secret-like word (a private subnet's id)", () => {
    assert.deepStrictEqual(
      shown({ subnetIds: ["subnet-private-a"] }, { subnetIds: ["subnet-private-b"] }),
      ['subnetIds: ["subnet-private-a"] -> ["subnet-private-b"]'],
    );
  });

  it("names a value longer than 60 characters (a container definition) without it", () => {
    const long = "x".repeat(61);
    assert.deepStrictEqual(shown({ containerDefinitions: "[]" }, { containerDefinitions: long }), [
      "containerDefinitions [long value]",
    ]);
  });
});

describe("diffRecords: changes the resource's ignoreChanges keep out", () => {
  it("lists a resource whose only differing inputs are ignored as ignored, not updated", () => {
    const type = "aws:ecs/service:Service";
    const before = rec(type, { desiredCount: 1, healthCheckGracePeriodSeconds: 60 });
    const after = {
      ...rec(type, { desiredCount: 2, healthCheckGracePeriodSeconds: 60 }),
      options: { ignoreChanges: ["desiredCount"] },
    };
    const d = diffRecords([before], [after]);
    assert.deepStrictEqual(d.changes, []);
    assert.deepStrictEqual(d.ignored, [
      { type, name: "r", properties: ["desiredCount"], shown: ["desiredCount: 1 -> 2"] },
    ]);
    // With another input changed too: an update of that input alone.
    const both = { ...after, inputs: { desiredCount: 2, healthCheckGracePeriodSeconds: 90 } };
    const u = diffRecords([before], [both]);
    assert.deepStrictEqual(
      [u.changes[0].kind, u.changes[0].changed, u.ignored],
      ["update", ["healthCheckGracePeriodSeconds"], []],
    );
  });
});
