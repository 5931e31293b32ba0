/**
 * How the cost model reads what it is given, at the edges: assumptions just inside and outside
 * their ranges, where the region comes from, which task definition a service runs, task sizes
 * and architectures, ephemeral storage above the free 20 GB, launch types and capacity splits.
 */
import { strict as assert } from "assert";
import { CostEstimate, estimate, resolveAssumptions } from "../../model/cost";
import { HOURS_PER_MONTH } from "../../model/prices";
import { ResourceRecord } from "../../model/records";
import { providerRecord, serviceRecords } from "../../model/synthetic";

const M = HOURS_PER_MONTH;
const P = providerRecord("us-east-2");
const rec = (type: string, name: string, inputs: Record<string, unknown>): ResourceRecord => ({
  type,
  name,
  urn: `urn:pulumi:test::pythonide::${type}::${name}`,
  inputs,
  custom: true,
});
const fails = (overrides: Record<string, unknown>) => {
  try {
    resolveAssumptions(overrides as never);
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
};
/** One fixed 1 vCPU / 2 GB task (no autoscaling): task definition and service. */
const fixed = (td: Record<string, unknown> = {}, svc: Record<string, unknown> = {}) => {
  const [t, s] = serviceRecords({
    name: "ide",
    cpu: 1024,
    memory: 2048,
    minTasks: 1,
    autoscaling: false,
  });
  return [
    { ...t, inputs: { ...t.inputs, ...td } },
    { ...s, inputs: { ...s.inputs, ...svc } },
  ];
};
/** Fargate task-hours of the ide service per item, floor scenario. */
const fargate = (e: CostEstimate) =>
  e.lines
    .filter((l) => l.resource === "ide")
    .map((l) => [l.item, Math.round(l.quantity.floor * 1000) / 1000] as const);

describe("cost model: assumptions at their limits", () => {
  it("takes numbers from 0 up, and refuses negatives, text and infinity, naming each", () => {
    assert.equal(fails({ albLcuPerHour: 0 }), undefined);
    assert.equal(
      fails({ albLcuPerHour: -0.1 }),
      "cost assumption albLcuPerHour is -0.1: must be a number >= 0",
    );
    assert.equal(
      fails({ albLcuPerHour: "1" }),
      'cost assumption albLcuPerHour is "1": must be a number >= 0',
    );
    assert.equal(
      fails({ albLcuPerHour: Infinity }),
      "cost assumption albLcuPerHour is null: must be a number >= 0",
    );
  });

  it("takes a boolean for freeTier and text for the region, nothing else", () => {
    assert.equal(fails({ freeTier: true }), undefined);
    assert.equal(
      fails({ freeTier: "no" }),
      'cost assumption freeTier is "no": must be true or false',
    );
    assert.equal(fails({ region: 5 }), "cost assumption region is 5: must be text");
    assert.equal(resolveAssumptions({ region: "eu-west-1" }).region, "eu-west-1");
  });

  it("takes staging hours up to a whole month, not one more", () => {
    assert.equal(fails({ stagingActiveHoursPerMonth: M }), undefined);
    assert.equal(
      fails({ stagingActiveHoursPerMonth: M + 1 }),
      `cost assumption stagingActiveHoursPerMonth is ${M + 1}: a month has ${M} hours`,
    );
  });

  it("takes an expected month as YYYY-MM from 01 to 12", () => {
    for (const ok of ["2027-01", "2027-10", "2027-12"])
      assert.equal(fails({ expectedMonth: ok }), undefined, ok);
    for (const bad of ["2027-13", "2027-00", "2027-1", "x2027-03", "2027-03x", "27-03"]) {
      assert.equal(
        fails({ expectedMonth: bad }),
        `cost assumption expectedMonth is "${bad}": must be YYYY-MM`,
        bad,
      );
    }
  });

  it("names an unknown assumption with the known ones, and every problem at once", () => {
    const message = fails({ albLcu: 1, natGbPerMonth: -1 })!;
    assert.match(
      message,
      /^cost assumption natGbPerMonth is -1: must be a number >= 0; unknown cost assumption "albLcu": known ones are region, albLcuPerHour, [a-zA-Z, ]*natGbPerMonth, /,
    );
  });

  it("leaves an assumption given as undefined at its default", () => {
    assert.equal(
      resolveAssumptions({ albLcuPerHour: undefined }).albLcuPerHour,
      resolveAssumptions().albLcuPerHour,
    );
  });
});

describe("cost model: the region", () => {
  const topic = (inputs: Record<string, unknown>) => rec("aws:sns/topic:Topic", "t", inputs);

  it("takes the assumption first, then the provider's, then the configured one", () => {
    assert.equal(estimate([P], { region: "us-east-1" }).region, "us-east-1");
    assert.equal(
      estimate([rec("pulumi:providers:aws", "p", {}), providerRecord("us-east-1")]).region,
      "us-east-1",
    );
    assert.equal(estimate([P], {}, { defaultRegion: "us-east-1" }).region, "us-east-2");
    assert.equal(estimate([topic({})], {}, { defaultRegion: "us-east-1" }).region, "us-east-1");
  });

  it("else reads the first ARN with a region, in nested inputs too", () => {
    const arn = "arn:aws:sns:us-east-1:000000000000:alerts";
    assert.equal(estimate([topic({ a: { b: [null, 1, arn] } })]).region, "us-east-1");
    assert.equal(estimate([topic({ list: ["not-an-arn", arn] })]).region, "us-east-1");
    assert.equal(
      estimate([topic({ a: "arn:aws:sns:us-east-2:0:x" }), topic({ a: arn })]).region,
      "us-east-2",
    );
    // A partition's ARN is read too (the region is then one the table has no prices for).
    assert.throws(
      () => estimate([topic({ a: "arn:aws-us-gov:sns:us-gov-west-1:000000000000:x" })]),
      /no prices for region "us-gov-west-1"/,
    );
  });

  it("says so when it cannot tell", () => {
    assert.throws(
      () => estimate([topic({ a: "x-arn:aws:sns:us-west-2:0:y", b: null })]),
      (err: Error) =>
        err.message ===
        "cannot tell which region to price: no AWS provider region and no ARN with a region among 1 resources; pass the region assumption",
    );
  });
});

describe("cost model: tasks", () => {
  it("finds a service's task definition by ARN, name, family or family:revision ARN", () => {
    const arn = "arn:aws:ecs:us-east-2:000000000000:task-definition/ide-task:7";
    const other = "arn:aws:ecs:us-east-2:000000000000:task-definition/";
    for (const [name, td, ref] of [
      ["td", { arn, family: "f" }, arn],
      ["ide-task", { family: "f" }, `${other}ide-task:3`],
      ["td", { family: "ide-family" }, `${other}ide-family:2`],
      ["td", { family: "ide-family" }, "ide-family"],
    ] as const) {
      const [t, s] = fixed(td, { taskDefinition: ref });
      const e = estimate([P, { ...t, name }, s]);
      assert.deepEqual(fargate(e)[0], ["Fargate vCPU (X86_64, on-demand)", M], ref);
    }
  });

  it("does not price a service whose task definition is not among the resources", () => {
    const [t, s] = fixed(
      {},
      { taskDefinition: "arn:aws:ecs:us-east-2:000000000000:task-definition/other:1" },
    );
    const e = estimate([P, t, s]);
    assert.deepEqual(fargate(e), []);
    assert.equal(e.unpriced.length, 1);
  });

  it("names a size it cannot read and an architecture Fargate has no price for", () => {
    const e = estimate([P, ...fixed({ memory: "lots" })]);
    assert.deepEqual(fargate(e), []);
    assert.match(
      e.unpriced[0],
      /^task definition ide-task: cpu "1024" \/ memory "lots" not known, so its tasks are not priced/,
    );
    const arm = estimate([P, ...fixed({ runtimePlatform: { cpuArchitecture: "ARM64" } })]);
    assert.equal(fargate(arm)[0][0], "Fargate vCPU (ARM64, on-demand)");
    const odd = estimate([P, ...fixed({ runtimePlatform: { cpuArchitecture: "RISCV" } })]);
    assert.deepEqual(fargate(odd), []);
    assert.match(
      odd.unpriced[0],
      /^task definition ide-task: CPU architecture "RISCV" has no Fargate price/,
    );
    const none = estimate([P, ...fixed({ runtimePlatform: undefined })]);
    assert.equal(fargate(none)[0][0], "Fargate vCPU (X86_64, on-demand)");
  });

  it("prices ephemeral storage above the free 20 GB only", () => {
    const storage = (sizeInGib: unknown) =>
      fargate(estimate([P, ...fixed({ ephemeralStorage: { sizeInGib } })])).filter(([item]) =>
        item.startsWith("Fargate ephemeral"),
      );
    assert.deepEqual(storage(20), []);
    assert.deepEqual(storage(undefined), []);
    assert.equal(storage(30).length, 1);
    assert.equal(storage(30)[0][1], 10 * M);
    assert.equal(storage("21")[0][1], M);
  });

  it("reads a task count given as text, and not one that is blank", () => {
    const [t, s] = serviceRecords({
      name: "ide",
      cpu: 1024,
      memory: 2048,
      minTasks: 2,
      maxTasks: 4,
    });
    const target = rec("aws:appautoscaling/target:Target", "ide-target", {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: "service/pythonide-cluster/ide",
      minCapacity: "2",
      maxCapacity: "4",
    });
    const e = estimate([P, t, s, target]);
    assert.deepEqual(fargate(e)[0], ["Fargate vCPU (X86_64, on-demand)", 2 * M]);
  });
});

describe("cost model: launch types and capacity splits", () => {
  it("prices a service without strategies as Fargate on-demand, and not an EC2 one", () => {
    const plain = estimate([P, ...fixed({}, { capacityProviderStrategies: undefined })]);
    assert.deepEqual(fargate(plain)[0], ["Fargate vCPU (X86_64, on-demand)", M]);
    const ec2 = estimate([P, ...fixed({}, { capacityProviderStrategies: [], launchType: "EC2" })]);
    assert.deepEqual(
      fargate(ec2).filter(([, q]) => q > 0),
      [],
    );
    assert.deepEqual(ec2.unpriced, [
      "service ide: launch type EC2 is not Fargate (its instances bill, not its tasks); its tasks are not priced",
    ]);
  });

  it("splits tasks: each provider's base first, the rest by weight", () => {
    const split = (strategies: unknown[], tasks: number) => {
      const [t, s] = serviceRecords({
        name: "ide",
        cpu: 1024,
        memory: 2048,
        minTasks: tasks,
        autoscaling: false,
      });
      const e = estimate([
        P,
        t,
        { ...s, inputs: { ...s.inputs, capacityProviderStrategies: strategies } },
      ]);
      const vcpu = (kind: string) =>
        e.lines.find((l) => l.resource === "ide" && l.item === `Fargate vCPU (X86_64, ${kind})`)
          ?.quantity.floor ?? 0;
      return [vcpu("on-demand") / M, vcpu("Spot") / M];
    };
    const od = { capacityProvider: "FARGATE", base: 2, weight: 1 };
    const spot = { capacityProvider: "FARGATE_SPOT", weight: 3 };
    assert.deepEqual(split([od, spot], 1), [1, 0]);
    assert.deepEqual(split([od, spot], 2), [2, 0]);
    assert.deepEqual(split([od, spot], 6), [3, 3]);
    assert.deepEqual(
      split([{ capacityProvider: "FARGATE", base: 1 }, { capacityProvider: "FARGATE_SPOT" }], 3),
      [1, 0],
    );
    assert.deepEqual(split([null, spot], 2), [0, 2]);
  });

  it("leaves out, and names, tasks on a capacity provider that is not Fargate", () => {
    const [t, s] = serviceRecords({
      name: "ide",
      cpu: 1024,
      memory: 2048,
      minTasks: 2,
      autoscaling: false,
    });
    const strategies = [
      { capacityProvider: "FARGATE", weight: 1 },
      { capacityProvider: "my-ec2", weight: 1 },
    ];
    const e = estimate([
      P,
      t,
      { ...s, inputs: { ...s.inputs, capacityProviderStrategies: strategies } },
    ]);
    assert.equal(
      e.lines.find((l) => l.item === "Fargate vCPU (X86_64, on-demand)")?.quantity.floor,
      M,
    );
    assert.deepEqual(e.unpriced, [
      'service ide: tasks on capacity provider "my-ec2" are not Fargate; they are not priced',
    ]);
  });
});
