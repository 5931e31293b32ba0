/**
 * How the cost model reads a service's tasks over a month, at the edges: no target, a target
 * whose bounds are unknown, targets in several clusters, schedules that raise an idle floor
 * above 0, actions on another dimension, staging's hours, and what servicesOf reports.
 */
import { strict as assert } from "assert";
import { CostEstimate, estimate, formatEstimate, servicesOf } from "../../model/cost";
import { HOURS_PER_MONTH } from "../../model/prices";
import { ResourceRecord } from "../../model/records";
import { atExpression } from "../../model/schedule";
import { databaseRecord, providerRecord, serviceRecords } from "../../model/synthetic";

const M = HOURS_PER_MONTH;
const P = providerRecord("us-east-2");
const TARGET = "aws:appautoscaling/target:Target";
const ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";
const set = (r: ResourceRecord, inputs: Record<string, unknown>): ResourceRecord => ({
  ...r,
  inputs: { ...r.inputs, ...inputs },
});
/** vCPU-hours of the service `name` (1 vCPU tasks: task-hours) per scenario. */
const taskHours = (e: CostEstimate, name = "ide") => {
  const l = e.lines.find((x) => x.resource === name && x.item.startsWith("Fargate vCPU"));
  return l ? [l.quantity.floor, l.quantity.expected, l.quantity.ceiling] : [0, 0, 0];
};
/** Staging's switch-off: an at() scheduled action returning `target` to 0 tasks at `at`. */
const switchOffAction = (target: ResourceRecord, at: string): ResourceRecord => ({
  type: ACTION,
  name: "stg-off",
  urn: "urn:stg-off",
  custom: true,
  inputs: {
    serviceNamespace: "ecs",
    scalableDimension: "ecs:service:DesiredCount",
    resourceId: target.inputs.resourceId,
    schedule: atExpression(new Date(at)),
    scalableTargetAction: { minCapacity: 0, maxCapacity: 0 },
  },
});
/** A staging-tagged (or other) database record. */
const databaseRecordFor = (environment: string) =>
  databaseRecord("db", { instanceClass: "db.t4g.micro", environment });
const ide = (spec: Partial<Parameters<typeof serviceRecords>[0]> = {}) =>
  serviceRecords({ name: "ide", cpu: 1024, memory: 2048, minTasks: 1, maxTasks: 4, ...spec });

describe("cost model: a service's tasks over the month", () => {
  it("prices a service without a target at its desiredCount, and at 0 (said) without one", () => {
    const [td, svc] = ide({ autoscaling: false, minTasks: 2 });
    assert.deepEqual(taskHours(estimate([P, td, svc])), [2 * M, 2 * M, 2 * M]);
    const e = estimate([P, td, set(svc, { desiredCount: undefined })]);
    assert.deepEqual(taskHours(e), [0, 0, 0]);
    assert.deepEqual(e.unpriced, [
      "service ide: no scalable target and no desiredCount, so it is priced at 0 tasks",
    ]);
  });

  it("says when a target's bounds are unknown, and counts the bound it knows", () => {
    const [td, svc, target] = ide();
    const e = estimate([P, td, svc, set(target, { maxCapacity: undefined })]);
    assert.deepEqual(taskHours(e), [M, M, M]);
    assert.deepEqual(e.unpriced, [
      "scalable target ide-target: minCapacity/maxCapacity not known, so ide is priced at 0 tasks",
    ]);
    const minUnknown = estimate([P, td, svc, set(target, { minCapacity: undefined })]);
    assert.deepEqual(taskHours(minUnknown), [0, 0, 4 * M]);
  });

  it("takes the target in the service's own cluster when two clusters have a service of its name", () => {
    const [td, svc, target] = ide({ cluster: "b" });
    const other = {
      ...set(target, { resourceId: "service/a/ide", minCapacity: 3, maxCapacity: 9 }),
      name: "other-target",
    };
    assert.deepEqual(taskHours(estimate([P, td, svc, other, target])), [M, M, 4 * M]);
    assert.deepEqual(taskHours(estimate([P, td, svc, target, other])), [M, M, 4 * M]);
  });

  it("leaves out targets of other services than ECS, and names an ECS target of no service", () => {
    const [td, svc, target] = ide();
    const dynamo = {
      ...set(target, { serviceNamespace: "dynamodb", resourceId: "table/x" }),
      name: "t2",
    };
    const stray = { ...set(target, { resourceId: "service/pythonide-cluster/gone" }), name: "t3" };
    const e = estimate([P, td, svc, target, dynamo, stray]);
    assert.deepEqual(taskHours(e), [M, M, 4 * M]);
    assert.deepEqual(e.unpriced, [
      'scalable target t3: "service/pythonide-cluster/gone" matches no ECS service among the resources; not priced',
    ]);
  });

  it("counts a window above an idle floor of 1 by its extra tasks only", () => {
    const from = new Date("2027-03-16T13:00Z");
    const to = new Date("2027-03-16T16:00Z");
    const records = [
      P,
      ...ide({ minTasks: 1, maxTasks: 10, windows: [{ name: "w", from, to, tasks: 4 }] }),
    ];
    const [floor, expected, ceiling] = taskHours(estimate(records));
    assert.deepEqual([floor, expected, ceiling], [M, M - 3 + 3 * 4, 10 * M]);
    assert.deepEqual(
      servicesOf(records).map((s) => [s.floorTasks, s.peakTasks, s.maxTasks]),
      [[1, 4, 10]],
    );
  });

  it("counts an action on another dimension of the same resource not at all", () => {
    const from = new Date("2027-03-16T13:00Z");
    const records = ide({
      minTasks: 0,
      maxTasks: 4,
      windows: [{ name: "w", from, to: new Date("2027-03-16T15:00Z"), tasks: 3 }],
    });
    const other = records.map((r) =>
      r.type === ACTION ? set(r, { scalableDimension: "ecs:service:Other" }) : r,
    );
    assert.deepEqual(taskHours(estimate([P, ...other])), [0, 0, 4 * M]);
    const undecided = records.map((r) =>
      r.type === ACTION ? set(r, { scalableDimension: undefined }) : r,
    );
    assert.deepEqual(taskHours(estimate([P, ...undecided])), [0, 6, 4 * M]);
  });

  it("rests at the last action's minimum, and counts an action's bounds in the ceiling", () => {
    const [td, svc, target] = ide({ minTasks: 2, maxTasks: 4 });
    const at = (iso: string) => atExpression(new Date(iso));
    const action = (name: string, when: string, bounds: Record<string, number>) =>
      ({
        type: ACTION,
        name,
        urn: `urn:${name}`,
        custom: true,
        inputs: {
          serviceNamespace: "ecs",
          scalableDimension: "ecs:service:DesiredCount",
          resourceId: target.inputs.resourceId,
          schedule: at(when),
          scalableTargetAction: bounds,
        },
      }) as ResourceRecord;
    const e = estimate([
      P,
      td,
      svc,
      target,
      action("down", "2027-01-01T00:00Z", { minCapacity: 0 }),
      action("cap", "2027-01-02T00:00Z", { maxCapacity: 12 }),
    ]);
    assert.deepEqual(taskHours(e), [0, 0, 12 * M]);
  });

  it("prices staging on for the assumed hours at its active task count", () => {
    const records = [P, ...ide({ minTasks: 0, maxTasks: 2, environment: "staging" })];
    assert.deepEqual(
      taskHours(estimate(records, { stagingActiveHoursPerMonth: 100, stagingActiveTasks: 2 })),
      [0, 200, 2 * M],
    );
    const [s] = servicesOf(records, { stagingActiveTasks: 2 });
    assert.deepEqual([s.staging, s.floorTasks, s.peakTasks, s.maxTasks], [true, 0, 2, 2]);
  });

  describe("staging switched on now (records with a switch-off action, and a clock)", () => {
    // Switched on: the target's minimum is 1 until an at() action returns it to 0 at midnight.
    const off = "2027-01-01T00:00Z";
    const service = ide({ minTasks: 1, maxTasks: 2, environment: "staging" });
    const target = service.find((r) => r.type === TARGET)!;
    const records = [P, ...service, switchOffAction(target, off)];
    // us-east-2 Fargate x86: $0.04048 a vCPU-hour, $0.004445 a GB-hour; a 1 vCPU / 2 GB task.
    const taskHour = 0.04048 + 2 * 0.004445;

    it("prices the session to the switch-off action; expected keeps the assumed 10 h, which are more", () => {
      const e = estimate(records, {}, { now: new Date("2026-12-31T20:00Z") });
      assert.equal(e.stagingSession?.until, "2027-01-01T00:00:00.000Z");
      assert.equal(e.stagingSession?.hours, 4);
      assert.ok(Math.abs(e.stagingSession!.usd - 4 * taskHour) < 1e-9, `${e.stagingSession!.usd}`);
      assert.deepEqual(taskHours(e), [0, 10, 2 * M]);
      assert.equal(
        e.expectedBasis,
        "the floor plus staging on for 10 hours a month (no scheduled windows)",
      );
      assert.match(
        formatEstimate(e),
        /^ {2}this session: staging is on until 2027-01-01T00:00Z \(4 h from now\): \$0\.20 more than staying off; expected already counts 10 h a month of staging \(assumption stagingActiveHoursPerMonth\)$/m,
      );
    });

    it("counts a session longer than the assumed hours in full in expected, and says so", () => {
      const e = estimate(records, {}, { now: new Date("2026-12-30T18:00Z") });
      assert.equal(e.stagingSession?.hours, 30);
      assert.deepEqual(taskHours(e), [0, 30, 2 * M]);
      assert.ok(Math.abs(e.stagingSession!.usd - 30 * taskHour) < 1e-9);
      assert.equal(
        e.expectedBasis,
        "the floor plus staging on for 30 h a month, this session's hours, more than the 10 h of assumption stagingActiveHoursPerMonth (no scheduled windows)",
      );
      assert.equal(e.assumptions.stagingActiveHoursPerMonth, 10);
      assert.equal(
        e.lines.find((l) => l.item.startsWith("Fargate vCPU"))?.assumed,
        "1 vCPU / 2 GB a task; staging: 0 tasks while off, 1 for 30 h (this session) a month while on, 2 all month in the ceiling (its maxTasks, as recorded while on)",
      );
      assert.match(
        formatEstimate(e),
        /this session: staging is on until 2027-01-01T00:00Z \(30 h from now\): \$[\d.]+ more than staying off; expected counts these 30 h in place of the 10 h a month assumed \(stagingActiveHoursPerMonth\)$/m,
      );
    });

    it("has no session without a clock, after the switch-off, or while off", () => {
      assert.equal(estimate(records).stagingSession, undefined);
      assert.equal(estimate(records, {}, { now: new Date(off) }).stagingSession, undefined);
      const offRecords = [P, ...ide({ minTasks: 0, maxTasks: 2, environment: "staging" })];
      assert.equal(
        estimate(offRecords, {}, { now: new Date("2026-12-31T20:00Z") }).stagingSession,
        undefined,
      );
    });
  });

  it("servicesOf: sizes, and the CPU target of the target-tracking policy on its own target", () => {
    const records = ide();
    const policy = (
      name: string,
      resourceId: unknown,
      metric: string,
      targetValue: number,
    ): ResourceRecord => ({
      type: "aws:appautoscaling/policy:Policy",
      name,
      urn: `urn:${name}`,
      custom: true,
      inputs: {
        resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue,
          predefinedMetricSpecification: { predefinedMetricType: metric },
        },
      },
    });
    const rid = records.find((r) => r.type === TARGET)!.inputs.resourceId;
    const [s] = servicesOf([
      ...records,
      policy("mem", rid, "ECSServiceAverageMemoryUtilization", 70),
      policy("elsewhere", "service/x/y", "ECSServiceAverageCPUUtilization", 20),
      policy("cpu", rid, "ECSServiceAverageCPUUtilization", 55),
    ]);
    assert.deepEqual(s, {
      name: "ide",
      cpuUnits: 1024,
      memoryMib: 2048,
      staging: false,
      floorTasks: 1,
      peakTasks: 1,
      maxTasks: 4,
      cpuTargetPercent: 55,
    });
    assert.equal(servicesOf(records)[0].cpuTargetPercent, undefined);
  });
});

describe("cost model: the platform around the services", () => {
  const rec = (
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    custom = true,
  ): ResourceRecord => ({
    type,
    name,
    urn: `urn:${name}`,
    inputs,
    custom,
  });

  it("prices a load balancer of the legacy alb type like one of the lb type", () => {
    const e = estimate([P, rec("aws:alb/loadBalancer:LoadBalancer", "alb", { internal: true })]);
    assert.deepEqual(
      e.lines.map((l) => l.item),
      ["Application Load Balancer", "Load balancer capacity units"],
    );
  });

  it("names a resource it has no price for: any AWS type, any custom resource of another provider", () => {
    const e = estimate([
      P,
      rec("aws:elasticache/cluster:Cluster", "cache", {}, false),
      rec("cloudflare:index/record:Record", "dns", {}),
      rec("pythonide:index:IdeService", "component", {}, false),
      rec("random:index/randomPassword:RandomPassword", "pw", {}),
      rec("aws:iam/role:Role", "role", {}),
    ]);
    assert.deepEqual(e.unpriced, [
      "aws:elasticache/cluster:Cluster cache: the cost model has no price for this type; not priced",
      "cloudflare:index/record:Record dns: the cost model has no price for this type; not priced",
    ]);
  });

  it("says how expected was built, and the notes every estimate carries", () => {
    const plain = estimate([P, ...ide()]);
    assert.equal(plain.expectedBasis, "same as the floor (no scheduled windows this month)");
    assert.equal(plain.currency, "USD");
    assert.deepEqual(plain.notes, [
      "free tiers not applied (assumption freeTier, --free-tier: 10 alarms, 3 dashboards, 5 GB of logs per account); the 12-month tiers of new accounts (750 load balancer hours, 750 public IPv4 hours, an RDS micro) are not applied",
      "Fargate Spot is priced as a factor of on-demand, an assumption (AWS publishes no fixed Spot price)",
    ]);
    const withStaging = estimate(
      [
        P,
        ...ide(),
        ...serviceRecords({
          name: "stg",
          cpu: 512,
          memory: 1024,
          minTasks: 0,
          maxTasks: 1,
          environment: "staging",
        }),
      ],
      { stagingActiveHoursPerMonth: 12 },
    );
    assert.equal(
      withStaging.expectedBasis,
      "the floor plus staging on for 12 hours a month (no scheduled windows)",
    );
  });

  it("takes the earliest of two months whose windows cost the same", () => {
    const w = (name: string, day: string) => ({
      name,
      from: new Date(`${day}T13:00Z`),
      to: new Date(`${day}T15:00Z`),
      tasks: 3,
    });
    const records = [
      P,
      ...ide({ minTasks: 0, maxTasks: 5, windows: [w("b", "2027-06-08"), w("a", "2027-03-16")] }),
    ];
    assert.equal(estimate(records).expectedMonth, "2027-03");
  });

  it("prices a recorded staging RDS instance (dbKind instance) all month, whether staging is on or off", () => {
    const db = { ...databaseRecordFor("staging"), name: "stg-db" };
    // Switched on: the target's floor is 1 until an at() action returns it to 0.
    const service = serviceRecords({
      name: "stg",
      cpu: 512,
      memory: 1024,
      minTasks: 1,
      maxTasks: 2,
      environment: "staging",
    });
    const target = service.find((r) => r.type === TARGET)!;
    const on = [P, ...service, switchOffAction(target, "2027-01-01T00:00Z"), db];
    const e = estimate(on, { stagingActiveHoursPerMonth: 10 });
    const inst = e.lines.find((l) => l.item.startsWith("RDS PostgreSQL"))!;
    assert.deepEqual(
      [inst.quantity.floor, inst.quantity.expected, inst.quantity.ceiling],
      [M, M, M],
    );
    assert.equal(inst.assumed, "single-AZ");
  });
});
