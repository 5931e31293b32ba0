/**
 * The URNs users' state holds. A resource's URN is its stack, project, its parent's type, its own
 * type token and its logical name (pulumi/pulumi sdk/nodejs/resource.ts, createUrn): renaming a
 * child, changing a type token or moving a child to another parent makes the engine delete the
 * deployed resource and create a new one (a new database, a new file system) unless the new
 * resource carries an `aliases` entry. These tests write each expected URN out from the
 * component's name, so a refactoring that changes one fails here first.
 */
import * as assert from "assert";
import { ResourceRecord } from "../../model/records";
import { runProgram, shippedStackConfig } from "../../preview/program";
import { NOW } from "./helpers";

const IDE = "pythonide:components:IdeService";
const PLATFORM = "pythonide:components:Platform";

/** `urn:pulumi:<stack>::pythonide::<parent type>$<type>::<name>`. */
function urn(stack: string, parentType: string | undefined, type: string, name: string): string {
  return `urn:pulumi:${stack}::pythonide::${parentType ? `${parentType}$` : ""}${type}::${name}`;
}

/** The children an IdeService named `name` registers, `[type, logical name]`, without a cookie secret. */
function ideChildren(name: string): [string, string][] {
  const policy = "aws:appautoscaling/policy:Policy";
  const alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
  return [
    ["aws:efs/accessPoint:AccessPoint", `${name}-data`],
    ["aws:cloudwatch/logGroup:LogGroup", `${name}-logs`],
    ["aws:iam/role:Role", `${name}-execution-role`],
    ["aws:iam/rolePolicy:RolePolicy", `${name}-execution-policy`],
    ["aws:iam/role:Role", `${name}-task-role`],
    ["aws:iam/rolePolicy:RolePolicy", `${name}-task-policy`],
    ["aws:ecs/taskDefinition:TaskDefinition", `${name}-task`],
    ["aws:lb/targetGroup:TargetGroup", `${name}-tg`],
    ["aws:lb/listenerRule:ListenerRule", `${name}-rule`],
    ["aws:ecs/service:Service", `${name}-service`],
    ["aws:appautoscaling/target:Target", `${name}-scaling-target`],
    [policy, `${name}-cpu-tracking`],
    [policy, `${name}-memory-tracking`],
    [policy, `${name}-cpu-step-up-1`],
    [alarm, `${name}-cpu-step-up-1-alarm`],
    [policy, `${name}-cpu-step-up-2`],
    [alarm, `${name}-cpu-step-up-2-alarm`],
    [policy, `${name}-cpu-step-down-1`],
    [alarm, `${name}-cpu-step-down-1-alarm`],
    [alarm, `${name}-cpu-high`],
    [alarm, `${name}-memory-high`],
    [alarm, `${name}-target-5xx`],
    [alarm, `${name}-unhealthy-hosts`],
    ["aws:cloudwatch/dashboard:Dashboard", `${name}-dashboard`],
  ];
}

/** The children a Platform named `name` registers with `zones` zones and an alarm email. */
function platformChildren(name: string, zones: number): [string, string][] {
  const sg = "aws:ec2/securityGroup:SecurityGroup";
  const ingress = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
  const egress = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
  return [
    ["awsx:ec2:Vpc", `${name}-vpc`],
    [sg, `${name}-alb-sg`],
    [sg, `${name}-task-sg`],
    [sg, `${name}-db-sg`],
    [sg, `${name}-efs-sg`],
    [ingress, `${name}-alb-in-https`],
    [ingress, `${name}-alb-in-http`],
    [egress, `${name}-alb-out-tasks`],
    [ingress, `${name}-task-in-alb`],
    [egress, `${name}-task-out-https`],
    [egress, `${name}-task-out-db`],
    [egress, `${name}-task-out-efs`],
    [ingress, `${name}-db-in-tasks`],
    [ingress, `${name}-efs-in-tasks`],
    ["aws:ecs/cluster:Cluster", `${name}-cluster`],
    ["aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", `${name}-capacity-providers`],
    ["aws:lb/loadBalancer:LoadBalancer", `${name}-alb`],
    ["aws:lb/listener:Listener", `${name}-https`],
    ["aws:lb/listener:Listener", `${name}-http`],
    ["aws:efs/fileSystem:FileSystem", `${name}-efs`],
    ["aws:efs/fileSystemPolicy:FileSystemPolicy", `${name}-efs-policy`],
    ["aws:efs/backupPolicy:BackupPolicy", `${name}-efs-backup`],
    ...Array.from({ length: zones }, (_, i): [string, string] => [
      "aws:efs/mountTarget:MountTarget",
      `${name}-efs-mount-${i + 1}`,
    ]),
    ["aws:sns/topic:Topic", `${name}-alarms`],
    ["aws:sns/topicSubscription:TopicSubscription", `${name}-alarms-email`],
    ["aws:rds/subnetGroup:SubnetGroup", `${name}-db-subnets`],
    ["pythonide:components:Database", `${name}-db`],
  ];
}

/** The URNs of the records whose parent is `parentUrn`, sorted. */
function childrenOf(records: ResourceRecord[], parentUrn: string): string[] {
  return records
    .filter((r) => r.parent === parentUrn)
    .map((r) => r.urn)
    .sort();
}

function expected(stack: string, parentType: string, children: [string, string][]): string[] {
  return children.map(([type, name]) => urn(stack, parentType, type, name)).sort();
}

async function records(stack: string): Promise<ResourceRecord[]> {
  const run = await runProgram({ stack, config: shippedStackConfig(stack), now: NOW });
  return run.records;
}

describe("URNs users' state depends on (shipped stacks)", function () {
  this.timeout(600_000);

  describe("prod", function () {
    let prod: ResourceRecord[];
    before(async () => {
      prod = await records("prod");
    });
    const stackUrn = "urn:pulumi:prod::pythonide::pulumi:pulumi:Stack::pythonide-prod";
    const platformUrn = urn("prod", "pulumi:pulumi:Stack", PLATFORM, "pythonide");
    const ideUrn = urn("prod", "pulumi:pulumi:Stack", IDE, "ide-prod");

    it("has exactly the Platform and the IdeService under the stack", () => {
      assert.deepStrictEqual(childrenOf(prod, stackUrn), [ideUrn, platformUrn].sort());
    });

    it("keeps the Platform's children: network, load balancer, file system, cluster, alarms, database", () => {
      assert.deepStrictEqual(
        childrenOf(prod, platformUrn),
        expected("prod", PLATFORM, platformChildren("pythonide", 2)),
      );
    });

    it("keeps the prod database's instance and alarms under the Database component", () => {
      const db = urn("prod", PLATFORM, "pythonide:components:Database", "pythonide-db");
      assert.deepStrictEqual(
        childrenOf(prod, db),
        expected("prod", "pythonide:components:Database", [
          ["aws:rds/instance:Instance", "pythonide-db-instance"],
          ["aws:cloudwatch/metricAlarm:MetricAlarm", "pythonide-db-cpu-high"],
          ["aws:cloudwatch/metricAlarm:MetricAlarm", "pythonide-db-connections-high"],
        ]),
      );
    });

    it("keeps the IdeService's children: task definition, roles, service, scaling, alarms", () => {
      assert.deepStrictEqual(
        childrenOf(prod, ideUrn),
        expected("prod", IDE, ideChildren("ide-prod")),
      );
    });
  });

  for (const [stack, component] of [
    ["staging", "pythonide:components:StagingEnv"],
    ["exam", "pythonide:components:ExamEnv"],
  ] as const) {
    describe(stack, function () {
      let recs: ResourceRecord[];
      before(async () => {
        recs = await records(stack);
      });
      const envUrn = urn(stack, "pulumi:pulumi:Stack", component, stack);
      const ideUrn = urn(stack, component, IDE, `${stack}-ide`);

      it(`has the ${component.split(":")[2]} "${stack}" under the stack, its IDE and database under it`, () => {
        const scheduled: [string, string][] =
          stack === "exam"
            ? ["cs101-midsem", "cs101-final"].flatMap((w): [string, string][] => [
                ["aws:appautoscaling/scheduledAction:ScheduledAction", `exam-ide-${w}-scale-up`],
                ["aws:appautoscaling/scheduledAction:ScheduledAction", `exam-ide-${w}-scale-down`],
              ])
            : []; // staging is off in Pulumi.staging.yaml: no switch-off action
        assert.deepStrictEqual(
          childrenOf(
            recs,
            `urn:pulumi:${stack}::pythonide::pulumi:pulumi:Stack::pythonide-${stack}`,
          ),
          [envUrn],
        );
        assert.deepStrictEqual(
          childrenOf(recs, envUrn),
          expected(stack, component, [
            [IDE, `${stack}-ide`],
            ["pythonide:components:ServerlessDatabase", `${stack}-db`],
            ...scheduled,
          ]),
        );
      });

      it(`keeps the IdeService's children, named from ${stack}-ide`, () => {
        assert.deepStrictEqual(
          childrenOf(recs, ideUrn),
          expected(stack, IDE, ideChildren(`${stack}-ide`)),
        );
      });
    });
  }
});
