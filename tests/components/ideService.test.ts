/**
 * IdeService constructed directly on the preview's mocks (tests/components/direct.ts), with plain
 * platform values: exact child inputs, exact dependency lists, and argument errors thrown before
 * anything is registered.
 */
import * as assert from "assert";
import { IdeService } from "../../components/ideService";
import { ComponentArgsError } from "../../components/validate";
import { construct, ideArgs } from "./direct";
import { Run, serviceSettings, T } from "./helpers";

const STACK = "urn:pulumi:prod::pythonide::pulumi:pulumi:Stack::pythonide-prod";
const COMPONENT =
  "urn:pulumi:prod::pythonide::pulumi:pulumi:Stack$pythonide:components:IdeService::ide-test";

describe("IdeService (constructed directly on mocks)", function () {
  this.timeout(600_000);
  let run: Run;
  before(async function () {
    const built = await construct(
      () =>
        new IdeService(
          "ide-test",
          ideArgs({
            service: serviceSettings({
              cpu: 512,
              memory: 1024,
              minCapacity: 2,
              desiredCount: 2,
              maxCapacity: 6,
              capacityProviderStrategies: [
                { capacityProvider: "FARGATE", base: 1, weight: 1 },
                { capacityProvider: "FARGATE_SPOT", base: 0, weight: 3 },
              ],
            }),
          }),
        ),
    );
    assert.strictEqual(built.error, undefined);
    run = built.run;
  });

  it("registers the component under the stack and every child under the component", () => {
    const component = run.get(T.ide, "ide-test");
    assert.strictEqual(component.urn, COMPONENT);
    assert.strictEqual(component.parent, STACK);
    const others = run.records.filter((r) => r.urn !== STACK && r.urn !== COMPONENT);
    assert.strictEqual(others.length, 24);
    assert.deepStrictEqual(
      others.filter((r) => r.parent !== COMPONENT).map((r) => r.name),
      [],
    );
  });

  it("sizes the task definition in CPU units and MiB, as strings", () => {
    const task = run.inputs(T.taskDefinition, "ide-test-task");
    assert.strictEqual(task.cpu, "512");
    assert.strictEqual(task.memory, "1024");
    assert.strictEqual(task.family, "pythonide-ide-test");
    assert.deepStrictEqual(task.requiresCompatibilities, ["FARGATE"]);
    assert.deepStrictEqual(task.runtimePlatform, {
      operatingSystemFamily: "LINUX",
      cpuArchitecture: "X86_64",
    });
  });

  it("runs the service with the capacity strategy: 1 on-demand task as base, then 1:3 Spot", () => {
    const service = run.inputs(T.service, "ide-test-service");
    assert.deepStrictEqual(service.capacityProviderStrategies, [
      { capacityProvider: "FARGATE", base: 1, weight: 1 },
      { capacityProvider: "FARGATE_SPOT", base: 0, weight: 3 },
    ]);
    assert.strictEqual(service.desiredCount, 2);
    assert.strictEqual(service.cluster, "arn:aws:ecs:us-east-2:000000000000:cluster/cluster");
    assert.deepStrictEqual(service.networkConfiguration, {
      subnets: ["subnet-1", "subnet-2"],
      securityGroups: ["sg-1"],
      assignPublicIp: true,
    });
    assert.deepStrictEqual(run.get(T.service, "ide-test-service").options?.ignoreChanges, [
      "desiredCount",
    ]);
  });

  it("scales between minCapacity 2 and maxCapacity 6 on service/<cluster>/<service>", () => {
    const target = run.inputs(T.target, "ide-test-scaling-target");
    assert.strictEqual(target.minCapacity, 2);
    assert.strictEqual(target.maxCapacity, 6);
    assert.strictEqual(target.resourceId, "service/cluster/ide-test-service");
  });

  it("puts the staging host rule at priority 200 on the given listener", () => {
    const rule = run.inputs(T.listenerRule, "ide-test-rule");
    assert.strictEqual(rule.priority, 200);
    assert.strictEqual(rule.listenerArn, ideArgs().httpsListenerArn);
    assert.deepStrictEqual(rule.conditions, [
      { hostHeader: { values: ["staging.ide.example.edu"] } },
    ]);
  });

  it("creates the service after its task definition, target group and host rule", () => {
    assert.deepStrictEqual(
      run.dependsOn(run.get(T.service, "ide-test-service")),
      [
        `${T.taskDefinition} ide-test-task`,
        `${T.listenerRule} ide-test-rule`,
        `${T.targetGroup} ide-test-tg`,
      ].sort(),
    );
  });

  it("creates the task definition after its roles, access point and log group", () => {
    assert.deepStrictEqual(
      run.dependsOn(run.get(T.taskDefinition, "ide-test-task")),
      [
        `${T.logGroup} ide-test-logs`,
        `${T.accessPoint} ide-test-data`,
        `${T.role} ide-test-execution-role`,
        `${T.role} ide-test-task-role`,
      ].sort(),
    );
  });

  it("creates the scalable target after the service", () => {
    assert.deepStrictEqual(run.dependsOn(run.get(T.target, "ide-test-scaling-target")), [
      `${T.service} ide-test-service`,
    ]);
  });

  it("with a cookie secret, creates the task definition after the secret's value", async () => {
    const built = await construct(
      () =>
        new IdeService(
          "ide-test",
          ideArgs({
            service: serviceSettings({ cookieSecret: "0123456789abcdef0123456789abcdef" }),
          }),
        ),
    );
    assert.deepStrictEqual(
      built.run.dependsOn(built.run.get(T.taskDefinition, "ide-test-task")),
      [
        `${T.logGroup} ide-test-logs`,
        `${T.accessPoint} ide-test-data`,
        `${T.role} ide-test-execution-role`,
        `${T.role} ide-test-task-role`,
        `${T.secret} ide-test-cookie-secret`,
        `${T.secretVersion} ide-test-cookie-secret-value`,
      ].sort(),
    );
  });

  it("throws for bad arguments before registering any child", async () => {
    const built = await construct(
      () =>
        new IdeService(
          "ide-test",
          ideArgs({ service: serviceSettings({ cpu: 1024, memory: 1024, maxCapacity: 0 }) }),
        ),
    );
    assert.ok(built.error instanceof ComponentArgsError);
    assert.deepStrictEqual(built.error.problems, [
      "args.service.cpu 1024 / args.service.memory 1024: memory 1024 MiB is not offered with CPU 1024; valid memory is 2048 to 8192 MiB in steps of 1024",
      "args.service.minCapacity 1, desiredCount 1 and maxCapacity 0: minCapacity and desiredCount must not exceed maxCapacity",
    ]);
    assert.deepStrictEqual(
      built.run.records.map((r) => r.urn),
      [STACK],
    );
  });
});
