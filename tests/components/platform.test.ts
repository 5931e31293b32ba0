/**
 * Platform constructed directly on the preview's mocks (tests/components/direct.ts), with the
 * settings Pulumi.prod.yaml validates to, changed one at a time: exact child inputs, exact
 * dependency lists, and argument errors thrown before anything is registered.
 */
import * as assert from "assert";
import { Platform } from "../../components/platform";
import { ComponentArgsError } from "../../components/validate";
import { PlatformArgs, PlatformSettings } from "../../components/platform";
import { parseStackConfig } from "../../model/config";
import { databaseSettings, platformSettings } from "../../stacks/componentArgs";
import { construct } from "./direct";
import { NOW, Run, shippedConfig, T } from "./helpers";

const STACK = "urn:pulumi:prod::pythonide::pulumi:pulumi:Stack::pythonide-prod";
const COMPONENT =
  "urn:pulumi:prod::pythonide::pulumi:pulumi:Stack$pythonide:components:Platform::pf";

/** The Platform arguments of the shipped prod stack, the platform settings changed by `platform`. */
function platformArgs(platform: Partial<PlatformSettings> = {}): PlatformArgs {
  const config = parseStackConfig("prod", shippedConfig("prod"), NOW);
  return {
    environment: "prod",
    platform: { ...platformSettings(config.platform!), ...platform },
    database: databaseSettings(config.database),
    alarmEmail: config.alarmEmail,
  };
}

async function platform(settings: Partial<PlatformSettings> = {}): Promise<Run> {
  const built = await construct(() => new Platform("pf", platformArgs(settings)));
  assert.strictEqual(built.error, undefined);
  return built.run;
}

describe("Platform (constructed directly on mocks)", function () {
  this.timeout(600_000);
  let run: Run;
  before(async function () {
    run = await platform();
  });

  it("registers the component under the stack and its 28 direct children under it", () => {
    assert.strictEqual(run.get("pythonide:components:Platform", "pf").urn, COMPONENT);
    assert.strictEqual(run.records.filter((r) => r.parent === COMPONENT).length, 28);
  });

  it("builds a 2-zone VPC over 10.0.0.0/16 without NAT gateways (Pulumi.prod.yaml)", () => {
    const vpc = run.inputs(T.vpc, "pf-vpc");
    assert.strictEqual(vpc.numberOfAvailabilityZones, 2);
    assert.strictEqual(vpc.cidrBlock, "10.0.0.0/16");
    assert.deepStrictEqual(vpc.natGateways, { strategy: "None" });
  });

  it("mounts EFS in the public task subnets without NAT, deleting a replaced mount target first", () => {
    const mounts = run.all(T.mountTarget);
    assert.deepStrictEqual(
      mounts.map((m) => [m.name, m.inputs.subnetId, m.options?.deleteBeforeReplace]),
      [
        ["pf-efs-mount-1", "subnet-public-a-10.0.0.0-18", true],
        ["pf-efs-mount-2", "subnet-public-b-10.0.128.0-18", true],
      ],
    );
    assert.deepStrictEqual(
      run.dependsOn(mounts[0]),
      [`${T.efs} pf-efs`, `${T.securityGroup} pf-efs-sg`, `${T.vpc} pf-vpc`].sort(),
    );
  });

  it("with natStrategy single, moves the mount targets into the private subnets", async () => {
    const single = await platform({ natStrategy: "single" });
    assert.deepStrictEqual(single.inputs(T.vpc, "pf-vpc").natGateways, { strategy: "Single" });
    assert.deepStrictEqual(
      single.all(T.mountTarget).map((m) => m.inputs.subnetId),
      ["subnet-private-a-10.0.64.0-18", "subnet-private-b-10.0.192.0-18"],
    );
  });

  it("uses elastic throughput by default and 25 MiB/s when provisioned", async () => {
    assert.strictEqual(run.inputs(T.efs, "pf-efs").throughputMode, "elastic");
    assert.strictEqual(run.inputs(T.efs, "pf-efs").provisionedThroughputInMibps, undefined);
    const provisioned = await platform({
      throughputMode: "provisioned",
      provisionedThroughputInMibps: 25,
    });
    const efs = provisioned.inputs(T.efs, "pf-efs");
    assert.strictEqual(efs.throughputMode, "provisioned");
    assert.strictEqual(efs.provisionedThroughputInMibps, 25);
  });

  it("attaches both Fargate capacity providers to the cluster", () => {
    const providers = run.get(T.capacityProviders, "pf-capacity-providers");
    assert.deepStrictEqual(providers.inputs.capacityProviders, ["FARGATE", "FARGATE_SPOT"]);
    assert.deepStrictEqual(run.dependsOn(providers), [`${T.cluster} pf-cluster`]);
  });

  it("puts the load balancer in the public subnets behind its group, listeners after it", () => {
    const alb = run.get(T.loadBalancer, "pf-alb");
    assert.deepStrictEqual(alb.inputs.subnets, [
      "subnet-public-a-10.0.0.0-18",
      "subnet-public-b-10.0.128.0-18",
    ]);
    assert.deepStrictEqual(run.dependsOn(alb), [`${T.securityGroup} pf-alb-sg`, `${T.vpc} pf-vpc`]);
    for (const listener of ["pf-https", "pf-http"]) {
      assert.deepStrictEqual(run.dependsOn(run.get(T.listener, listener)), [
        `${T.loadBalancer} pf-alb`,
      ]);
    }
  });

  it("places the prod database in its subnet group and the database group, alarms to the topic", () => {
    const db = run.get("pythonide:components:Database", "pf-db");
    assert.strictEqual(db.parent, COMPONENT);
    const instance = run.inputs(T.db, "pf-db-instance");
    assert.strictEqual(instance.dbSubnetGroupName, "pf-db-subnets");
    assert.deepStrictEqual(instance.vpcSecurityGroupIds, ["pf-db-sg-id"]);
  });

  it("throws for bad arguments before registering any child", async () => {
    const args = platformArgs({ certificateArn: "arn:aws:iam::000000000000:server-certificate/x" });
    const built = await construct(() => new Platform("pf", { ...args, alarmEmail: "nobody" }));
    assert.ok(built.error instanceof ComponentArgsError);
    assert.deepStrictEqual(built.error.problems, [
      'args.platform.certificateArn is "arn:aws:iam::000000000000:server-certificate/x": must be an ACM certificate ARN, arn:aws:acm:<region>:<account>:certificate/<id>',
      'args.alarmEmail is "nobody": must be an email address',
    ]);
    assert.deepStrictEqual(
      built.run.records.map((r) => r.urn),
      [STACK],
    );
  });
});
