/**
 * The monthly-budget policy at its edges: a month exactly at the budget, the assumption
 * override, the expected month in the message, the records it hands the cost model (providers
 * once, custom resources, dependencies).
 */
import { strict as assert } from "assert";
import { estimate, usd } from "../../model/cost";
import { ResourceRecord } from "../../model/records";
import { loadBalancerRecord, providerRecord, serviceRecords } from "../../model/synthetic";
import { monthlyBudget, recordsOf, stackOf } from "../../policy-pack/policies/cost";
import { FixtureResource, messages, runStackPolicy, stackResources } from "../policy/helpers";

const PROVIDER = { type: "pulumi:providers:aws", name: "default", props: { region: "us-east-2" } };
const fixtures = (records: ResourceRecord[]): FixtureResource[] =>
  records.map((r) => ({ type: r.type, name: r.name, props: r.inputs, provider: PROVIDER }));
const run = async (records: ResourceRecord[], config: Record<string, unknown>) =>
  messages(await runStackPolicy(monthlyBudget, fixtures(records), { config }));
const seed004 = (): ResourceRecord[] => [
  ...serviceRecords({ name: "chat", cpu: 512, memory: 1024, minTasks: 1, maxTasks: 3 }),
  loadBalancerRecord("alb"),
];
const P = providerRecord("us-east-2");

describe("monthly-budget policy at its edges", () => {
  it("passes a month exactly at the budget, refuses one a cent above it", async () => {
    const expected = estimate([P, ...seed004()]).expected;
    assert.deepEqual(await run(seed004(), { budgetUsd: expected }), []);
    assert.equal((await run(seed004(), { budgetUsd: expected - 0.01 })).length, 1);
  });

  it("prices with the assumptions it is configured with", async () => {
    const assumptions = { albLcuPerHour: 2 };
    const expected = estimate([P, ...seed004()], assumptions).expected;
    assert.ok(expected > estimate([P, ...seed004()]).expected + 1);
    const [message] = await run(seed004(), { budgetUsd: 50, assumptions });
    assert.match(
      message,
      new RegExp(
        `^Stack 'test' expected month \\${usd(expected)} \\(us-east-2\\) must stay under the budget \\$50\\.00;`,
      ),
    );
  });

  it("names the month of the scheduled windows in an expected month, not in a ceiling", async () => {
    const exam = serviceRecords({
      name: "exam",
      cpu: 1024,
      memory: 2048,
      minTasks: 0,
      maxTasks: 10,
      windows: [
        {
          name: "mid",
          from: new Date("2027-03-16T13:00Z"),
          to: new Date("2027-03-16T16:00Z"),
          tasks: 4,
        },
      ],
    });
    const [expected] = await run(exam, { budgetUsd: 0.01 });
    assert.match(
      expected,
      /^Stack 'test' expected month \$[\d.,]+ \(us-east-2, windows of 2027-03\) must stay under/,
    );
    const [ceiling] = await run(exam, { budgetUsd: 0.01, scenario: "ceiling" });
    assert.match(ceiling, /^Stack 'test' ceiling month \$[\d.,]+ \(us-east-2\) must stay under/);
  });

  it("says nothing about unpriced items when everything was priced", async () => {
    const [message] = await run(seed004(), { budgetUsd: 1 });
    assert.match(message, /Floor \$[\d.,]+, expected \$[\d.,]+, ceiling \$[\d.,]+\.$/);
  });
});

describe("monthly-budget policy: the records it prices", () => {
  it("lists each AWS provider once, before the resources; other providers not at all", () => {
    const other = { type: "pulumi:providers:random", name: "rnd", props: {} };
    const resources = stackResources([
      { type: "aws:sns/topic:Topic", name: "a", props: {}, provider: PROVIDER },
      { type: "aws:sns/topic:Topic", name: "b", props: {}, provider: PROVIDER },
      { type: "random:index/randomPassword:RandomPassword", name: "c", props: {}, provider: other },
      { type: "pythonide:index:IdeService", name: "d", props: {} },
    ]);
    const records = recordsOf(resources);
    assert.deepEqual(
      records.map((r) => [r.type, r.name, r.custom]),
      [
        ["pulumi:providers:aws", "default", true],
        ["aws:sns/topic:Topic", "a", true],
        ["aws:sns/topic:Topic", "b", true],
        ["random:index/randomPassword:RandomPassword", "c", false],
        ["pythonide:index:IdeService", "d", false],
      ],
    );
  });

  it("keeps each resource's dependencies as URNs, and its parent", () => {
    const resources = stackResources([
      { type: "aws:sns/topic:Topic", name: "a", props: {} },
      { type: "aws:sns/topic:Topic", name: "b", props: {}, dependsOn: ["a"], parent: "a" },
    ]);
    const [a, b] = recordsOf(resources);
    assert.deepEqual(a.dependencies, []);
    assert.deepEqual(b.dependencies, [a.urn]);
    assert.equal(b.parent, a.urn);
  });

  it("keeps each resource's property dependencies as URNs, per property", () => {
    const resources = stackResources([
      { type: "aws:sns/topic:Topic", name: "a", props: {} },
      { type: "aws:sns/topic:Topic", name: "b", props: {} },
      {
        type: "aws:sns/topic:Topic",
        name: "c",
        props: {},
        propertyDependencies: { policy: ["a", "b"], name: ["b"] },
      },
    ]);
    const [a, b, c] = recordsOf(resources);
    assert.deepStrictEqual(a.propertyDependencies, {});
    assert.deepStrictEqual(c.propertyDependencies, { policy: [a.urn, b.urn], name: [b.urn] });
  });

  it("does not list an AWS provider twice when it is among the resources", () => {
    const resources = stackResources([
      { type: "aws:sns/topic:Topic", name: "a", props: {}, provider: PROVIDER },
    ]);
    const provider = resources[0].provider!;
    // The provider as a resource of the stack: only the fields recordsOf reads.
    const records = recordsOf([provider as unknown as (typeof resources)[number], ...resources]);
    assert.deepStrictEqual(
      records.map((r) => [r.type, r.name]),
      [
        ["pulumi:providers:aws", "default"],
        ["aws:sns/topic:Topic", "a"],
      ],
    );
  });

  it("copies inputs through the proxy, keeping null, numbers and text as they are", () => {
    const [r] = recordsOf(
      stackResources([
        { type: "aws:sns/topic:Topic", name: "t", props: { a: null, b: 2, c: "x", d: [true] } },
      ]),
    );
    assert.deepEqual(r.inputs, { a: null, b: 2, c: "x", d: [true] });
  });

  it("reads the stack name from a URN, and nothing from text that is not one", () => {
    assert.equal(stackOf("urn:pulumi:exam::pythonide::aws:sns/topic:Topic::t"), "exam");
    assert.equal(stackOf("x-urn:pulumi:exam::pythonide::t"), undefined);
    assert.equal(stackOf("not a urn"), undefined);
  });
});

describe("monthly-budget policy: which budget it names", () => {
  it("calls a stack's own budget the budget even when it equals the default figure", async () => {
    const [message] = await run(seed004(), { budgetsUsd: { test: 20 } });
    assert.match(message, /must stay under the budget \$20\.00;/);
  });

  it("works from the overrides alone when the caller applies no defaults", async () => {
    const out = await runStackPolicy(monthlyBudget, fixtures(seed004()), {
      config: { budgetUsd: 10 },
      applyDefaults: false,
    });
    assert.match(
      messages(out)[0],
      /^Stack 'test' expected month \$[\d.,]+ \(us-east-2\) must stay under the budget \$10\.00;/,
    );
  });
});
