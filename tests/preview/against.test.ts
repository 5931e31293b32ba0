/**
 * `npm start -- --against <old stack file>`: what a config change does to a deployed stack. A
 * matrix over the settings users change, each asserting the replaced resources (and what else
 * changes), then the command's exit codes and output.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SCHEMA } from "../../model/config";
import { ResourceRecord } from "../../model/records";
import {
  awsxSubnetLayout,
  diffRecords,
  REPLACING_PROPERTIES,
  ResourceChange,
  StackDiff,
} from "../../model/replacement";
import { againstExitCode, renderAgainst } from "../../preview/against";
import { main } from "../../preview/cli";
import { runProgram } from "../../preview/program";
import { changedConfig, ConfigChange } from "../components/helpers";
import { NOW, realPack } from "./helpers";

const ON = { active: "true", activeUntil: "2026-11-20T20:00Z" };
const MIDSEM = "cs101-midsem 2027-03-16T09:00/2027-03-16T11:00 120";
const FINAL = "cs101-final 2027-06-08T13:00/2027-06-08T16:00 180";
const RESIT = "cs101-resit 2027-08-10T09:00/2027-08-10T11:00 40";

/** What the program registers for a stack with its shipped config changed (one run per config). */
const runs = new Map<string, Promise<ResourceRecord[]>>();
function records(stack: string, set: Record<string, ConfigChange> = {}): Promise<ResourceRecord[]> {
  const key = JSON.stringify([stack, set]);
  if (!runs.has(key)) {
    const config = changedConfig(stack, set);
    runs.set(
      key,
      runProgram({ stack, config, now: NOW }).then((r) => r.records),
    );
  }
  return runs.get(key)!;
}

/** The diff between two configs of a stack, as preview/against.ts computes it. */
async function compare(
  stack: string,
  from: Record<string, ConfigChange> = {},
  to: Record<string, ConfigChange> = {},
): Promise<StackDiff> {
  return diffRecords(await records(stack, from), await records(stack, to));
}

/** `kind type name` of each change of `kinds`, sorted. */
function list(d: StackDiff, ...kinds: ResourceChange["kind"][]): string[] {
  return d.changes
    .filter((c) => kinds.includes(c.kind))
    .map((c) => `${c.kind} ${c.type} ${c.name}`)
    .sort();
}

/** The two zones' subnets, replaced when awsx lays them out anew. */
const RELAID = [
  "replace aws:ec2/subnet:Subnet pythonide-vpc-private-1",
  "replace aws:ec2/subnet:Subnet pythonide-vpc-private-2",
  "replace aws:ec2/subnet:Subnet pythonide-vpc-public-1",
  "replace aws:ec2/subnet:Subnet pythonide-vpc-public-2",
];
/** The two zones' EFS mount targets, replaced when their subnets get new ids. */
const MOUNTS_MOVED = [
  "replace aws:efs/mountTarget:MountTarget pythonide-efs-mount-1",
  "replace aws:efs/mountTarget:MountTarget pythonide-efs-mount-2",
];
/** What follows the subnet ids in place: the tasks' subnets, the ALB's, the DB subnet group's. */
const SUBNETS_UPDATED = [
  "update aws:ecs/service:Service ide-prod-service",
  "update aws:lb/loadBalancer:LoadBalancer pythonide-alb",
  "update aws:rds/subnetGroup:SubnetGroup pythonide-db-subnets",
];

const matrix: {
  setting: string;
  stack: string;
  from?: Record<string, ConfigChange>;
  to: Record<string, ConfigChange>;
  replaced: string[];
  /** Every other change (created, deleted, updated). */
  others: string[];
  dangerous: number;
}[] = [
  {
    setting: "task size",
    stack: "prod",
    to: { taskMemory: "4096" },
    replaced: ["replace aws:ecs/taskDefinition:TaskDefinition ide-prod-task"],
    others: [],
    dangerous: 0,
  },
  {
    setting: "capacity strategy",
    stack: "prod",
    to: { capacityProvider: "spot" },
    replaced: [],
    others: ["update aws:ecs/service:Service ide-prod-service"],
    dangerous: 0,
  },
  {
    setting: "NAT strategy none -> single (tasks and mount targets move to the private subnets)",
    stack: "prod",
    to: { natStrategy: "single" },
    replaced: MOUNTS_MOVED,
    others: [
      "update aws:ecs/service:Service ide-prod-service",
      "update awsx:ec2:Vpc pythonide-vpc",
    ],
    dangerous: 2,
  },
  {
    setting:
      "NAT strategy single -> none (tasks and mount targets move back to the public subnets)",
    stack: "prod",
    from: { natStrategy: "single" },
    to: {},
    replaced: MOUNTS_MOVED,
    others: [
      "update aws:ecs/service:Service ide-prod-service",
      "update awsx:ec2:Vpc pythonide-vpc",
    ],
    dangerous: 2,
  },
  {
    setting: "NAT strategy single -> one-per-az (the tasks stay in the private subnets)",
    stack: "prod",
    from: { natStrategy: "single" },
    to: { natStrategy: "one-per-az" },
    replaced: [],
    others: ["update awsx:ec2:Vpc pythonide-vpc"],
    dangerous: 0,
  },
  {
    setting:
      "zones 2 -> 3 (every subnet re-laid out, so the mount targets move; the ALB gains one)",
    stack: "prod",
    to: { availabilityZones: "3" },
    replaced: [...RELAID, ...MOUNTS_MOVED].sort(),
    others: [
      "create aws:ec2/subnet:Subnet pythonide-vpc-private-3",
      "create aws:ec2/subnet:Subnet pythonide-vpc-public-3",
      "create aws:efs/mountTarget:MountTarget pythonide-efs-mount-3",
      ...SUBNETS_UPDATED,
      "update awsx:ec2:Vpc pythonide-vpc",
    ],
    dangerous: 6,
  },
  {
    setting: "zones 3 -> 4 (existing subnets kept: their ids, and so the mount targets, stay)",
    stack: "prod",
    from: { availabilityZones: "3" },
    to: { availabilityZones: "4" },
    replaced: [],
    others: [
      "create aws:ec2/subnet:Subnet pythonide-vpc-private-4",
      "create aws:ec2/subnet:Subnet pythonide-vpc-public-4",
      "create aws:efs/mountTarget:MountTarget pythonide-efs-mount-4",
      ...SUBNETS_UPDATED,
      "update awsx:ec2:Vpc pythonide-vpc",
    ],
    dangerous: 0,
  },
  {
    setting: "EFS throughput mode",
    stack: "prod",
    to: { efsThroughputMode: "bursting" },
    replaced: [],
    others: ["update aws:efs/fileSystem:FileSystem pythonide-efs"],
    dangerous: 0,
  },
  {
    setting: "database class",
    stack: "prod",
    to: { dbInstanceClass: "db.t4g.medium" },
    replaced: [],
    others: [
      "update aws:cloudwatch/metricAlarm:MetricAlarm pythonide-db-connections-high",
      "update aws:rds/instance:Instance pythonide-db-instance",
    ],
    dangerous: 0,
  },
  {
    setting:
      "zones 3 -> 2 (the third zone goes, the rest re-laid out; the ALB loses subnets: replaced)",
    stack: "prod",
    from: { availabilityZones: "3" },
    to: { availabilityZones: "2" },
    replaced: [
      ...RELAID,
      ...MOUNTS_MOVED,
      "replace aws:lb/loadBalancer:LoadBalancer pythonide-alb",
    ].sort(),
    others: [
      "delete aws:ec2/subnet:Subnet pythonide-vpc-private-3",
      "delete aws:ec2/subnet:Subnet pythonide-vpc-public-3",
      "delete aws:efs/mountTarget:MountTarget pythonide-efs-mount-3",
      "update aws:ecs/service:Service ide-prod-service",
      "update aws:rds/subnetGroup:SubnetGroup pythonide-db-subnets",
      "update awsx:ec2:Vpc pythonide-vpc",
    ],
    dangerous: 7,
  },
  {
    setting: "database Multi-AZ and storage (ModifyDBInstance, in place)",
    stack: "prod",
    to: { dbMultiAz: "true", dbAllocatedStorageGb: "50" },
    replaced: [],
    others: ["update aws:rds/instance:Instance pythonide-db-instance"],
    dangerous: 0,
  },
  {
    setting: "log retention (PutRetentionPolicy, in place)",
    stack: "prod",
    to: { logRetentionDays: "14" },
    replaced: [],
    others: ["update aws:cloudwatch/logGroup:LogGroup ide-prod-logs"],
    dangerous: 0,
  },
  {
    setting: "cookie secret rotated (a new secret version; the secret itself stays)",
    stack: "prod",
    from: { cookieSecret: { secret: "a".repeat(40) } },
    to: { cookieSecret: { secret: "b".repeat(40) } },
    replaced: [
      "replace aws:secretsmanager/secretVersion:SecretVersion ide-prod-cookie-secret-value",
    ],
    others: [],
    dangerous: 0,
  },
  {
    setting: "staging serverless capacity (ModifyDBCluster, in place)",
    stack: "staging",
    to: { dbMaxCapacityAcu: "4" },
    replaced: [],
    others: [
      "update aws:cloudwatch/metricAlarm:MetricAlarm staging-db-connections-high",
      "update aws:rds/cluster:Cluster staging-db-cluster",
    ],
    dangerous: 0,
  },
  {
    setting: "VPC CIDR (a new VPC id: its security groups and target group go with it)",
    stack: "prod",
    to: { vpcCidr: "10.1.0.0/16" },
    replaced: [
      "replace aws:ec2/securityGroup:SecurityGroup pythonide-alb-sg",
      "replace aws:ec2/securityGroup:SecurityGroup pythonide-db-sg",
      "replace aws:ec2/securityGroup:SecurityGroup pythonide-efs-sg",
      "replace aws:ec2/securityGroup:SecurityGroup pythonide-task-sg",
      ...RELAID,
      ...MOUNTS_MOVED,
      "replace aws:lb/loadBalancer:LoadBalancer pythonide-alb",
      "replace aws:lb/targetGroup:TargetGroup ide-prod-tg",
      "replace awsx:ec2:Vpc pythonide-vpc",
    ],
    others: [
      "update aws:ecs/service:Service ide-prod-service",
      "update aws:rds/subnetGroup:SubnetGroup pythonide-db-subnets",
    ],
    dangerous: 8,
  },
  {
    setting:
      "staging database serverless -> instance (a new database: the data must be moved first)",
    stack: "staging",
    to: { dbKind: "instance" },
    replaced: ["replace aws:ecs/taskDefinition:TaskDefinition staging-ide-task"],
    // The alarms' parent component changes type (ServerlessDatabase -> Database): new URNs.
    others: [
      "create aws:cloudwatch/metricAlarm:MetricAlarm staging-db-connections-high",
      "create aws:cloudwatch/metricAlarm:MetricAlarm staging-db-cpu-high",
      "create aws:rds/instance:Instance staging-db-instance",
      "delete aws:cloudwatch/metricAlarm:MetricAlarm staging-db-connections-high",
      "delete aws:cloudwatch/metricAlarm:MetricAlarm staging-db-cpu-high",
      "delete aws:rds/cluster:Cluster staging-db-cluster",
      "delete aws:rds/clusterInstance:ClusterInstance staging-db-writer",
      "update aws:iam/rolePolicy:RolePolicy staging-ide-execution-policy",
    ],
    dangerous: 0,
  },
  {
    setting: "staging switched on (its database, paused, is already there)",
    stack: "staging",
    to: ON,
    replaced: [],
    others: [
      "create aws:appautoscaling/scheduledAction:ScheduledAction staging-ide-switch-off",
      "update aws:appautoscaling/target:Target staging-ide-scaling-target",
    ],
    dangerous: 0,
  },
  {
    setting: "staging switched off (the database stays, and pauses itself)",
    stack: "staging",
    from: ON,
    to: {},
    replaced: [],
    others: [
      "delete aws:appautoscaling/scheduledAction:ScheduledAction staging-ide-switch-off",
      "update aws:appautoscaling/target:Target staging-ide-scaling-target",
    ],
    dangerous: 0,
  },
  {
    setting: "exam window added",
    stack: "exam",
    to: { examWindows: [MIDSEM, FINAL, RESIT] },
    replaced: [],
    others: [
      "create aws:appautoscaling/scheduledAction:ScheduledAction exam-ide-cs101-resit-scale-down",
      "create aws:appautoscaling/scheduledAction:ScheduledAction exam-ide-cs101-resit-scale-up",
    ],
    dangerous: 0,
  },
  {
    setting: "exam window removed",
    stack: "exam",
    to: { examWindows: [FINAL] },
    replaced: [],
    others: [
      "delete aws:appautoscaling/scheduledAction:ScheduledAction exam-ide-cs101-midsem-scale-down",
      "delete aws:appautoscaling/scheduledAction:ScheduledAction exam-ide-cs101-midsem-scale-up",
    ],
    dangerous: 0,
  },
];

describe("--against: what a config change does to a deployed stack", function () {
  this.timeout(600_000);

  for (const m of matrix) {
    it(`${m.stack}: ${m.setting}`, async () => {
      const d = await compare(m.stack, m.from, m.to);
      assert.deepStrictEqual(list(d, "replace"), m.replaced);
      assert.deepStrictEqual(list(d, "create", "delete", "update"), m.others);
      assert.strictEqual(d.dangerous.length, m.dangerous);
    });
  }

  it("has a replacement rule for every cloud resource type the stacks register", async () => {
    const variants: [string, Record<string, ConfigChange>][] = [
      ["prod", { alarmEmail: "ops@example.edu", cookieSecret: { secret: "a".repeat(40) } }],
      ["staging", ON],
      ["staging", { dbKind: "instance" }],
      ["exam", {}],
    ];
    const types = new Set<string>();
    for (const [stack, set] of variants) {
      for (const r of await records(stack, set)) if (r.custom) types.add(r.type);
    }
    assert.deepStrictEqual(
      [...types].filter((t) => REPLACING_PROPERTIES[t] === undefined),
      [],
    );
    assert.ok(types.has("aws:rds/cluster:Cluster") && types.has("aws:rds/instance:Instance"));
  });

  it("the settings table says which settings replace stateful resources (its descriptions)", () => {
    const dangerousKeys = new Set(
      matrix.filter((m) => m.dangerous > 0).flatMap((m) => Object.keys(m.to)),
    );
    assert.deepStrictEqual([...dangerousKeys].sort(), [
      "availabilityZones",
      "natStrategy",
      "vpcCidr",
    ]);
    for (const key of dangerousKeys) {
      assert.match(SCHEMA[key].description, /refused by npm start -- --against/, key);
    }
    const safeKeys = matrix
      .filter((m) => m.dangerous === 0)
      .flatMap((m) => Object.keys(m.to))
      .filter((k) => !dangerousKeys.has(k));
    for (const key of safeKeys) {
      assert.doesNotMatch(SCHEMA[key].description, /refused by npm start -- --against/, key);
    }
  });

  it("names the forcing property and its source, and marks stateful and delete-first", async () => {
    const d = await compare("prod", {}, { natStrategy: "single" });
    const mount = d.changes.find((c) => c.name === "pythonide-efs-mount-1")!;
    assert.deepStrictEqual(mount, {
      kind: "replace",
      type: "aws:efs/mountTarget:MountTarget",
      name: "pythonide-efs-mount-1",
      urn: mount.urn,
      changed: ["subnetId"],
      shown: ['subnetId: "subnet-public-a-10.0.0.0-18" -> "subnet-private-a-10.0.64.0-18"'],
      reasons: [
        "subnetId changed: forces replacement (terraform-provider-aws internal/service/efs/mount_target.go)",
      ],
      stateful: "one per zone: tasks in its zone lose the file system while it is replaced",
      deleteFirst: true,
    });
  });

  /** Inputs of the resource `name` registered for a prod config. */
  const inputsOf = async (set: Record<string, ConfigChange>, name: string) =>
    (await records("prod", set)).find((r) => r.custom && r.name === name)!.inputs;

  it("zones 3 -> 2: the ALB loses a subnet and is replaced, refused without --allow-replace", async () => {
    const from = { availabilityZones: "3" };
    assert.deepStrictEqual((await inputsOf(from, "pythonide-alb")).subnets, [
      "subnet-public-a-10.0.0.0-19",
      "subnet-public-b-10.0.64.0-19",
      "subnet-public-c-10.0.128.0-19",
    ]);
    assert.deepStrictEqual((await inputsOf({}, "pythonide-alb")).subnets, [
      "subnet-public-a-10.0.0.0-18",
      "subnet-public-b-10.0.128.0-18",
    ]);
    const diff = await compare("prod", from, {});
    const alb = diff.changes.find((c) => c.name === "pythonide-alb")!;
    assert.deepStrictEqual(
      [alb.kind, alb.changed, alb.reasons, alb.stateful],
      [
        "replace",
        ["subnets"],
        [
          "subnets changed, an application load balancer's subnets changed without adding any (customizeDiffLoadBalancerALB): forces replacement (terraform-provider-aws internal/service/elbv2/load_balancer.go)",
        ],
        "its DNS name, which the domain's records point at",
      ],
    );
    assert.ok(diff.dangerous.includes(alb));
    const report = { stack: "prod", oldFile: "old", newFile: "new", configErrors: [], diff };
    assert.strictEqual(againstExitCode(report, false), 1);
    assert.strictEqual(againstExitCode(report, true), 0);
  });

  it("zones 2 -> 3: the mount targets follow their re-laid-out subnets; the third is new", async () => {
    const mounts = async (set: Record<string, ConfigChange>) =>
      Promise.all(
        [1, 2, 3].map(async (i) =>
          (await records("prod", set)).find((r) => r.name === `pythonide-efs-mount-${i}`),
        ),
      ).then((rs) => rs.map((r) => r?.inputs.subnetId));
    assert.deepStrictEqual(await mounts({}), [
      "subnet-public-a-10.0.0.0-18",
      "subnet-public-b-10.0.128.0-18",
      undefined,
    ]);
    assert.deepStrictEqual(await mounts({ availabilityZones: "3" }), [
      "subnet-public-a-10.0.0.0-19",
      "subnet-public-b-10.0.64.0-19",
      "subnet-public-c-10.0.128.0-19",
    ]);
    const diff = await compare("prod", {}, { availabilityZones: "3" });
    const alb = diff.changes.find((c) => c.name === "pythonide-alb")!;
    // Three subnets for two: an increase, which customizeDiffLoadBalancerALB lets update.
    assert.deepStrictEqual([alb.kind, alb.changed], ["update", ["subnets"]]);
    assert.deepStrictEqual(
      diff.changes
        .filter((c) => c.type === "aws:efs/mountTarget:MountTarget")
        .map((c) => [c.name, c.kind, c.deleteFirst ?? false]),
      [
        ["pythonide-efs-mount-1", "replace", true],
        ["pythonide-efs-mount-2", "replace", true],
        ["pythonide-efs-mount-3", "create", false],
      ],
    );
  });

  it("natStrategy none <-> single moves the tasks and mount targets between the subnet types", async () => {
    const publicIds = ["subnet-public-a-10.0.0.0-18", "subnet-public-b-10.0.128.0-18"];
    const privateIds = ["subnet-private-a-10.0.64.0-18", "subnet-private-b-10.0.192.0-18"];
    for (const [set, subnets, assignPublicIp] of [
      [{}, publicIds, true],
      [{ natStrategy: "single" }, privateIds, false],
    ] as const) {
      assert.deepStrictEqual((await inputsOf(set, "ide-prod-service")).networkConfiguration, {
        subnets,
        assignPublicIp,
        securityGroups: ["pythonide-task-sg-id"],
      });
      assert.deepStrictEqual(
        [
          (await inputsOf(set, "pythonide-efs-mount-1")).subnetId,
          (await inputsOf(set, "pythonide-efs-mount-2")).subnetId,
        ],
        subnets,
      );
      // The database stays in the private subnets, the ALB in the public ones.
      assert.deepStrictEqual((await inputsOf(set, "pythonide-db-subnets")).subnetIds, privateIds);
      assert.deepStrictEqual((await inputsOf(set, "pythonide-alb")).subnets, publicIds);
    }
    const back = await compare("prod", { natStrategy: "single" }, {});
    assert.deepStrictEqual(
      back.changes.filter((c) => c.kind !== "replace").map((c) => [c.name, c.kind, c.changed]),
      [
        ["pythonide-vpc", "update", ["natGateways"]],
        ["ide-prod-service", "update", ["networkConfiguration"]],
      ],
    );
  });

  it("a protected resource's replacement is dangerous; an ignored property is no change", function () {
    const rec = (inputs: Record<string, unknown>, protect: boolean) => ({
      type: "aws:ecs/service:Service",
      name: "svc",
      urn: "urn:svc",
      custom: true,
      inputs,
      options: { protect, ignoreChanges: ["desiredCount"] },
    });
    assert.deepStrictEqual(
      diffRecords([rec({ desiredCount: 1 }, true)], [rec({ desiredCount: 3 }, true)]).changes,
      [],
    );
    const d = diffRecords([rec({ name: "a" }, true)], [rec({ name: "b" }, true)]);
    assert.deepStrictEqual(
      d.dangerous.map((c) => [c.kind, c.protected]),
      [["replace", true]],
    );
  });

  it("lays out subnets as awsx does: 2 zones /18s in a /16, 3 and 4 zones /19s", function () {
    assert.deepStrictEqual(awsxSubnetLayout("v", "10.0.0.0/16", 2), [
      { name: "v-public-1", cidrBlock: "10.0.0.0/18" },
      { name: "v-private-1", cidrBlock: "10.0.64.0/18" },
      { name: "v-public-2", cidrBlock: "10.0.128.0/18" },
      { name: "v-private-2", cidrBlock: "10.0.192.0/18" },
    ]);
    assert.deepStrictEqual(
      awsxSubnetLayout("v", "10.0.0.0/16", 4).map((s) => s.cidrBlock),
      [
        "10.0.0.0/19",
        "10.0.32.0/19",
        "10.0.64.0/19",
        "10.0.96.0/19",
        "10.0.128.0/19",
        "10.0.160.0/19",
        "10.0.192.0/19",
        "10.0.224.0/19",
      ],
    );
  });

  it("--allow-replace accepts the replacements (exit 0) and says so", async () => {
    const diff = await compare("prod", {}, { natStrategy: "single" });
    const report = {
      stack: "prod",
      oldFile: "old.yaml",
      newFile: "new.yaml",
      configErrors: [],
      diff,
    };
    assert.strictEqual(againstExitCode(report, false), 1);
    assert.strictEqual(againstExitCode(report, true), 0);
    assert.match(
      renderAgainst(report, true),
      /\n--allow-replace given: the replacements above are accepted\.\n$/,
    );
  });

  describe("the command", function () {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "against-"));
      const prod = fs.readFileSync(path.join(__dirname, "..", "..", "Pulumi.prod.yaml"), "utf8");
      fs.writeFileSync(
        path.join(dir, "Pulumi.prod.yaml"),
        prod.replace("config:\n", "config:\n  pythonide:natStrategy: single\n"),
      );
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const run = (...args: string[]) => main([...args, "--now", NOW.toISOString()], realPack());

    it("gates and prices the new config: a mandatory violation fails it, the cost change is shown", async () => {
      const prod = fs.readFileSync(path.join(__dirname, "..", "..", "Pulumi.prod.yaml"), "utf8");
      const big = path.join(dir, "big", "Pulumi.prod.yaml");
      fs.mkdirSync(path.dirname(big), { recursive: true });
      fs.writeFileSync(
        big,
        prod
          .replace("pythonide:taskCpu: 512", "pythonide:taskCpu: 4096")
          .replace("pythonide:taskMemory: 2048", "pythonide:taskMemory: 8192")
          .replace("pythonide:maxTasks: 16", "pythonide:maxTasks: 4"),
      );
      const args = ["--stack", "prod", "--config-file", big, "--against", "Pulumi.prod.yaml"];
      const r = await run(...args);
      // No stateful replacement, but the new config breaks the prod task ceiling: exit 1.
      assert.strictEqual(r.code, 1, r.stdout);
      assert.match(
        r.stdout,
        /  update   aws:appautoscaling\/target:Target  ide-prod-scaling-target\n      changed: maxCapacity: 16 -> 4\n/,
      );
      assert.match(
        r.stdout,
        /\(0 stateful or protected\)\.\n\nThe new config, gated as npm start gates it:\nPolicies \(pythonide-guardrails [\d.]+\): 1 mandatory, 1 advisory violation, 0 remediations\n {2}\[mandatory\] ecs-task-size-ceiling {2}aws:ecs\/taskDefinition:TaskDefinition {2}ide-prod-task\n/,
      );
      const tail = r.stdout.slice(r.stdout.indexOf("Monthly cost"));
      assert.strictEqual(
        tail,
        "Monthly cost (us-east-2), deployed -> new:\n" +
          "  floor     $83.32 -> $206.22 (+$122.90)\n" +
          "  expected  $83.32 -> $206.22 (+$122.90)\n" +
          "  ceiling   $457.04 -> $649.65 (+$192.60)\n" +
          "Verdict on the new config: prod FAIL (1 mandatory violation) (exit 1).\n",
      );
      const json = await run(...args, "--json");
      assert.strictEqual(json.code, 1);
      const doc = JSON.parse(json.stdout);
      assert.deepStrictEqual(
        [
          doc.ok,
          doc.exitCode,
          doc.verdict,
          doc.violations
            .filter((v: { level: string }) => v.level === "mandatory")
            .map((v: { policy: string }) => v.policy),
        ],
        [false, 1, "fail", ["ecs-task-size-ceiling"]],
      );
      const cents = (m: Record<string, number>) =>
        Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v * 100) / 100]));
      assert.deepStrictEqual(
        [doc.cost.region, cents(doc.cost.deployed), cents(doc.cost.new), cents(doc.cost.change)],
        [
          "us-east-2",
          { floor: 83.32, expected: 83.32, ceiling: 457.04 },
          { floor: 206.22, expected: 206.22, ceiling: 649.65 },
          { floor: 122.9, expected: 122.9, ceiling: 192.6 },
        ],
      );
      assert.deepStrictEqual([doc.cost.deployedError, doc.cost.newError], [null, null]);
    });

    it("exits 1 on a stateful replacement, printing each with its reason", async () => {
      const r = await run(
        "--stack",
        "prod",
        "--config-file",
        path.join(dir, "Pulumi.prod.yaml"),
        "--against",
        "Pulumi.prod.yaml",
      );
      assert.strictEqual(r.code, 1);
      assert.match(
        r.stdout,
        /  replace  aws:efs\/mountTarget:MountTarget  pythonide-efs-mount-1  \[STATEFUL, delete-first\]\n      subnetId changed: forces replacement \(terraform-provider-aws internal\/service\/efs\/mount_target.go\)\n/,
      );
      assert.match(
        r.stdout,
        /Summary: 0 to create, 0 to delete, 2 to update, 2 to replace \(2 stateful or protected\)\.\nRefused:/,
      );
      // The new config passes the gate: the verdict says the exit 1 is the replacements'.
      assert.match(
        r.stdout,
        /\nVerdict on the new config: prod PASS, but the replacements above are refused \(exit 1\)\.\n$/,
      );
    });

    it("exits 0 on a change that replaces nothing stateful", async () => {
      const same = await run("--stack", "prod", "--against", "Pulumi.prod.yaml");
      assert.strictEqual(same.code, 0);
      assert.match(
        same.stdout,
        /  no changes\nSummary: 0 to create, 0 to delete, 0 to update, 0 to replace/,
      );
      assert.match(
        same.stdout,
        /\n {2}expected {2}\$83\.32 -> \$83\.32 \(\$0\.00\)\n[^]*\nVerdict on the new config: prod PASS \(exit 0\)\.\n$/,
      );
    });

    it("needs one stack", async () => {
      const r = await run("--against", "Pulumi.prod.yaml");
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /--against compares one stack: give --stack or --config-file/);
    });
  });
});
