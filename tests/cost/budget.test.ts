/**
 * The monthly-budget stack policy, driven the way the engine drives it (tests/policy/helpers.ts:
 * props through the SDK's deserializer and unknownCheckingProxy, schema defaults applied to the
 * config, the provider on each resource).
 */
import { strict as assert } from "assert";
import { UNKNOWN } from "../../model/graph";
import { ResourceRecord } from "../../model/records";
import { databaseRecord, loadBalancerRecord, serviceRecords } from "../../model/synthetic";
import { POLICY_LEVELS } from "../../policy-pack/policies";
import { snapshot } from "../../policy-pack/policies/common";
import { DEFAULT_BUDGET_USD, monthlyBudget, recordsOf } from "../../policy-pack/policies/cost";
import {
  engineProps,
  FixtureResource,
  messages,
  runStackPolicy,
  stackResources,
  unknown,
} from "../policy/helpers";

const PROVIDER = { type: "pulumi:providers:aws", name: "default", props: { region: "us-east-2" } };

/** Synthetic records as policy fixtures, each with the AWS provider. */
const fixtures = (records: ResourceRecord[]): FixtureResource[] =>
  records.map((r) => ({ type: r.type, name: r.name, props: r.inputs, provider: PROVIDER }));

/** The messages the policy reports for the stack (the helpers' stack is named "test"). */
async function run(records: ResourceRecord[], config: Record<string, unknown> = {}) {
  const outcome = await runStackPolicy(monthlyBudget, fixtures(records), { config });
  assert.deepEqual(outcome.previewNotes, []);
  assert.deepEqual(outcome.notApplicable, []);
  return messages(outcome);
}

// Seed 004 strategy 1: 1-3 x 0.5 vCPU/1 GB on-demand and a load balancer: $47.59 expected,
// $83.63 ceiling (see tests/cost/cost.test.ts for the arithmetic).
const seed004 = (): ResourceRecord[] => [
  ...serviceRecords({ name: "chat", cpu: 512, memory: 1024, minTasks: 1, maxTasks: 3 }),
  loadBalancerRecord("alb"),
];

describe("monthly-budget policy", () => {
  it("passes a stack whose expected month is under the budget", async () => {
    assert.deepEqual(await run(seed004(), { budgetUsd: 50 }), []);
  });

  it("reports a stack over its budget with the figures and the largest items", async () => {
    const [message, ...rest] = await run(seed004(), { budgetUsd: 40 });
    assert.equal(rest.length, 0);
    assert.equal(
      message,
      "Stack 'test' expected month $41.94 (us-east-2) must stay under the budget $40.00; largest items: alb Application Load Balancer $16.43; chat Fargate vCPU (X86_64, on-demand) $14.78; alb Public IPv4 of the internet-facing load balancer $7.30. Floor $41.94, expected $41.94, ceiling $77.98.",
    );
  });

  it("takes a stack's own budget from budgetsUsd over budgetUsd", async () => {
    const config = { budgetUsd: 1000, budgetsUsd: { test: 35, exam: 1 } };
    const [message] = await run(seed004(), config);
    assert.match(message, /must stay under the budget \$35\.00;/);
    assert.deepEqual(await run(seed004(), { ...config, budgetsUsd: { other: 1 } }), []);
  });

  it("checks the ceiling when configured to", async () => {
    assert.deepEqual(await run(seed004(), { budgetUsd: 50 }), []);
    const [message] = await run(seed004(), { budgetUsd: 50, scenario: "ceiling" });
    assert.match(message, /^Stack 'test' ceiling month \$77\.98 \(us-east-2\) must stay under/);
  });

  it("warns against the default budget, saying how to make a budget a limit", async () => {
    const big = [
      ...serviceRecords({ name: "ide", cpu: 2048, memory: 8192, minTasks: 2, autoscaling: false }),
    ];
    const [message] = await run(big); // $170.12: under the default
    assert.equal(message, undefined);
    const bigger = [
      ...serviceRecords({ name: "ide", cpu: 4096, memory: 8192, minTasks: 2, autoscaling: false }),
    ];
    const [warning] = await run(bigger);
    assert.equal(DEFAULT_BUDGET_USD, 200);
    assert.match(
      warning,
      /must stay under the default budget \$200\.00 \(a heads-up: set budgetUsd or budgetsUsd\.test with enforcementLevel mandatory to make your own budget a limit\)/,
    );
  });

  it("is assembled advisory, with a config schema whose defaults the pack applies", () => {
    const entry = POLICY_LEVELS.find(([p]) => p.name === "monthly-budget");
    assert.ok(entry);
    assert.equal(entry[1], "advisory");
    const props = monthlyBudget.configSchema!.properties;
    assert.equal(props.budgetUsd.default, 200);
    assert.deepEqual(props.budgetsUsd.default, {});
    assert.equal(props.scenario.default, "expected");
  });

  it("prices what it can when values are unknown during a preview", async () => {
    const records = seed004();
    records.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")!.inputs.cpu =
      unknown.number;
    const [message] = await run(records, { budgetUsd: 10 });
    assert.match(message, /expected month \$23\.92 .* 1 item\(s\) could not be priced\.$/);
    // The proxy's unknowns become undefined in the records the estimate reads.
    const td = recordsOf(stackResources(fixtures(records))).find((r) => r.name === "chat-task")!;
    assert.equal(td.inputs.cpu, undefined);
    assert.equal(td.inputs.memory, "1024");
  });

  it("reads the region from the resources' provider", () => {
    const recs = recordsOf(stackResources(fixtures(seed004())));
    assert.equal(recs[0].type, "pulumi:providers:aws");
    assert.deepEqual(recs[0].inputs, { region: "us-east-2" });
    assert.equal(recs.length, seed004().length + 1);
  });

  it("reports a stack it cannot price, naming what is unknown to the price table", async () => {
    const records = [databaseRecord("db", { instanceClass: "db.r5.large" })];
    const [message] = await run(records, { budgetUsd: 100 });
    assert.equal(
      message,
      "Stack 'test' must have a cost estimate to check against its budget of $100.00; the estimate failed: no price for RDS instance class \"db.r5.large\" in us-east-2: priced classes are db.t4g.micro, db.t4g.small, db.t4g.medium, db.t3.micro.",
    );
  });

  it("copies arrays and nested objects through the proxy, unknowns as UNKNOWN or as asked", () => {
    const value = engineProps({ a: [1, { b: unknown.number }], c: { d: "x" } });
    assert.deepEqual(snapshot(value, true), { a: [1, { b: undefined }], c: { d: "x" } });
    assert.deepEqual(snapshot(value), { a: [1, { b: UNKNOWN }], c: { d: "x" } });
  });
});
