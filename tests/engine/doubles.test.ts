/**
 * The engine suite's test doubles (tests/engine/doubles) and the CLI build's version pin, without
 * the CLI: what Check fills in, the ids and ARNs Create returns, what Invoke answers, and that
 * tools/pulumi-cli builds the CLI at the version package.json pins for @pulumi/pulumi.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { runProgram } from "../../preview/program";
import { changedConfig, NOW } from "../components/helpers";
import { autoName, check, create, invoke } from "./doubles/aws";
import { subnetCidr } from "./doubles/awsx";

const ROOT = path.resolve(__dirname, "..", "..");
const urn = (type: string, name: string, parent = "pythonide:components:Platform") =>
  `urn:pulumi:prod::pythonide::${parent}$${type}::${name}`;

describe("engine suite: the CLI build", () => {
  it("requires pkg/v3 and sdk/v3 at the version package.json pins for @pulumi/pulumi", () => {
    const pinned = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
      .dependencies["@pulumi/pulumi"];
    const gomod = fs.readFileSync(path.join(ROOT, "tools", "pulumi-cli", "go.mod"), "utf8");
    for (const m of ["github.com/pulumi/pulumi/pkg/v3", "github.com/pulumi/pulumi/sdk/v3"]) {
      assert.match(gomod, new RegExp(`^\\s*${m.replace(/\./g, "\\.")} v${pinned}\\b`, "m"));
    }
    assert.match(gomod, /^tool github\.com\/pulumi\/pulumi\/pkg\/v3\/cmd\/pulumi$/m);
    assert.match(
      gomod,
      /^replace github\.com\/atotto\/clipboard => github\.com\/tgummerer\/clipboard v0\.0\.0-20241001131231-d02d263e614e$/m,
    );
  });
});

describe("engine suite: aws provider double", () => {
  it("auto-names a missing name as <logical name>-<7 hex>, the same for the same URN", () => {
    const u = urn("aws:ecs/cluster:Cluster", "pythonide-cluster");
    const out = check(u, { settings: [] });
    assert.match(String(out.name), /^pythonide-cluster-[0-9a-f]{7}$/);
    assert.equal(check(u, {}).name, out.name);
    assert.notEqual(check(urn("aws:ecs/cluster:Cluster", "other"), {}).name, out.name);
  });

  it("keeps a name the program set, and leaves types without an auto-name alone", () => {
    const inputs = { name: "/ecs/pythonide/ide-prod", retentionInDays: 30 };
    assert.deepEqual(check(urn("aws:cloudwatch/logGroup:LogGroup", "lg"), inputs), inputs);
    const td = { family: "ide-prod", cpu: "1024" };
    assert.deepEqual(check(urn("aws:ecs/taskDefinition:TaskDefinition", "td"), td), td);
  });

  it("cuts load balancer names to 32 characters and lower-cases RDS identifiers", () => {
    const lb = autoName(
      urn("aws:lb/loadBalancer:LoadBalancer", "a-very-long-load-balancer-name-indeed"),
      {
        property: "name",
        maxLength: 32,
      },
    );
    assert.equal(lb.length, 32);
    assert.match(lb, /^a-very-long-load-balance-[0-9a-f]{7}$/);
    const db = check(urn("aws:rds/instance:Instance", "Pythonide-DB"), {});
    assert.match(String(db.identifier), /^pythonide-db-[0-9a-f]{7}$/);
  });

  it("creates AWS-shaped ids and ARNs in the placeholder account", () => {
    const sg = create(urn("aws:ec2/securityGroup:SecurityGroup", "lb-sg"), { name: "lb-sg-1" });
    assert.match(sg.id, /^sg-[0-9a-f]{17}$/);
    assert.equal(sg.outs.arn, `arn:aws:ec2:us-east-2:000000000000:security-group/${sg.id}`);
    const svc = create(urn("aws:ecs/service:Service", "ide"), {
      name: "ide-svc",
      cluster: "arn:aws:ecs:us-east-2:000000000000:cluster/pythonide-cluster",
    });
    assert.equal(svc.id, "arn:aws:ecs:us-east-2:000000000000:service/pythonide-cluster/ide-svc");
    const td = create(urn("aws:ecs/taskDefinition:TaskDefinition", "td"), { family: "ide-prod" });
    assert.equal(td.outs.arn, "arn:aws:ecs:us-east-2:000000000000:task-definition/ide-prod:1");
    const role = create(urn("aws:iam/role:Role", "exec"), { name: "exec-1" });
    assert.equal(role.outs.arn, "arn:aws:iam::000000000000:role/exec-1");
  });

  it("gives an RDS instance with a managed password its Secrets Manager secret", () => {
    const db = create(urn("aws:rds/instance:Instance", "db"), {
      identifier: "pythonide-db-1",
      manageMasterUserPassword: true,
    });
    assert.equal(db.id, "pythonide-db-1");
    const [secret] = db.outs.masterUserSecrets as { secretArn: string; secretStatus: string }[];
    assert.match(secret.secretArn, /^arn:aws:secretsmanager:us-east-2:000000000000:secret:rds!db-/);
    assert.equal(secret.secretStatus, "active");
    assert.match(String(db.outs.endpoint), /^pythonide-db-1\..*\.invalid:5432$/);
  });

  it("gives an Aurora cluster its endpoints and managed secret, and a cluster member its own", () => {
    const cluster = create(urn("aws:rds/cluster:Cluster", "exam-db-cluster"), {
      clusterIdentifier: "exam-db",
      manageMasterUserPassword: true,
      port: 5432,
    });
    assert.equal(cluster.id, "exam-db");
    assert.equal(cluster.outs.arn, "arn:aws:rds:us-east-2:000000000000:cluster:exam-db");
    assert.match(String(cluster.outs.endpoint), /^exam-db\.cluster-[0-9a-f]{12}\.us-east-2\./);
    assert.match(String(cluster.outs.readerEndpoint), /^exam-db\.cluster-ro-[0-9a-f]{12}\./);
    assert.equal(cluster.outs.port, 5432);
    const [secret] = cluster.outs.masterUserSecrets as { secretArn: string }[];
    assert.match(secret.secretArn, /:secret:rds!cluster-/);
    const member = create(urn("aws:rds/clusterInstance:ClusterInstance", "exam-db-writer"), {
      identifier: "exam-db-writer",
      clusterIdentifier: "exam-db",
    });
    assert.equal(member.id, "exam-db-writer");
    assert.equal(member.outs.arn, "arn:aws:rds:us-east-2:000000000000:db:exam-db-writer");
    const unmanaged = create(urn("aws:rds/cluster:Cluster", "c"), { clusterIdentifier: "c" });
    assert.deepEqual(unmanaged.outs.masterUserSecrets, []);
  });

  // The engine suite is slow and needs Go, so this keeps it from rotting between its runs: a
  // type the program starts to register must be one the double creates.
  it("creates every resource type the shipped stacks register, with either database kind", async function () {
    this.timeout(600_000);
    const runs: [string, Record<string, string>][] = [
      ["prod", {}],
      ["staging", {}],
      ["exam", {}],
      ["staging", { dbKind: "instance" }],
      ["exam", { dbKind: "instance" }],
    ];
    const types = new Set<string>();
    for (const [stack, set] of runs) {
      const run = await runProgram({ stack, config: changedConfig(stack, set), now: NOW });
      for (const r of run.records) if (r.custom && r.type.startsWith("aws:")) types.add(r.type);
    }
    assert.ok(types.has("aws:rds/cluster:Cluster") && types.has("aws:rds/instance:Instance"));
    const refused = [...types].filter((type) => {
      try {
        create(urn(type, "x"), { name: "x", family: "x", clusterName: "x", fileSystemId: "x" });
        return false;
      } catch {
        return true;
      }
    });
    assert.deepEqual(refused, []);
  });

  it("refuses a type it does not know instead of inventing one", () => {
    assert.throws(
      () => create(urn("aws:s3/bucket:Bucket", "b"), {}),
      /the aws test double does not create aws:s3\/bucket:Bucket/,
    );
  });

  it("answers the data sources the program reads, and no others", () => {
    assert.equal(invoke("aws:index/getRegion:getRegion", {}).name, "us-east-2");
    assert.equal(
      invoke("aws:index/getCallerIdentity:getCallerIdentity", {}).accountId,
      "000000000000",
    );
    assert.deepEqual(invoke("aws:index/getAvailabilityZones:getAvailabilityZones", {}).names, [
      "us-east-2a",
      "us-east-2b",
      "us-east-2c",
    ]);
    const snaps = invoke("aws:rds/getSnapshots:getSnapshots", {
      dbInstanceIdentifier: "staging-db",
      snapshotType: "manual",
    });
    assert.deepEqual(snaps.snapshots, []);
    assert.equal(snaps.dbInstanceIdentifier, "staging-db");
    assert.throws(() => invoke("aws:ec2/getAmi:getAmi", {}), /does not answer aws:ec2\/getAmi/);
  });
});

describe("engine suite: awsx Vpc double", () => {
  it("carves /20 subnets from a /16 in order", () => {
    assert.equal(subnetCidr("10.0.0.0/16", 0), "10.0.0.0/20");
    assert.equal(subnetCidr("10.0.0.0/16", 1), "10.0.16.0/20");
    assert.equal(subnetCidr("10.20.0.0/16", 3), "10.20.48.0/20");
    assert.equal(subnetCidr("172.16.0.0/20", 2), "172.16.2.0/24");
  });
});
