import * as assert from "assert";
import { requiredTags } from "../../policy-pack/policies/tagging";
import { TYPES, scheduledAction, service, withProps } from "./fixtures";
import { messages, runResourcePolicy, unknown } from "./helpers";

describe("policy required-tags", () => {
  it("accepts a service with Environment, Service and ManagedBy", async () => {
    const out = await runResourcePolicy(requiredTags, service("prod"));
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, []);
  });

  it("refuses missing tags, naming the ones missing", async () => {
    const out = await runResourcePolicy(
      requiredTags,
      withProps(service("prod"), { tags: { Environment: "prod" } }),
    );
    assert.deepStrictEqual(out.violations, [
      {
        policy: "required-tags",
        message:
          "aws:ecs/service:Service 'ide-service' must carry the tags Environment, Service, ManagedBy; it lacks Service, ManagedBy.",
      },
    ]);
  });

  it("refuses a taggable resource created without any tags", async () => {
    const out = await runResourcePolicy(
      requiredTags,
      withProps(service("prod"), { tags: undefined }),
    );
    assert.deepStrictEqual(messages(out), [
      "aws:ecs/service:Service 'ide-service' must carry the tags Environment, Service, ManagedBy; it lacks Environment, Service, ManagedBy.",
    ]);
  });

  it("refuses an Environment outside prod, staging, exam", async () => {
    const out = await runResourcePolicy(
      requiredTags,
      withProps(service("prod"), {
        tags: { Environment: "production", Service: "ide", ManagedBy: "pulumi" },
      }),
    );
    assert.deepStrictEqual(messages(out), [
      "aws:ecs/service:Service 'ide-service' must have an Environment tag of prod, staging, exam; it has \"production\".",
    ]);
  });

  it("counts the provider's defaultTags (sent JSON-encoded)", async () => {
    const f = {
      ...withProps(service("prod"), { tags: { Service: "ide" } }),
      provider: {
        type: "pulumi:providers:aws",
        name: "aws-tagged",
        props: {
          region: "us-east-1",
          defaultTags: JSON.stringify({ tags: { Environment: "prod", ManagedBy: "pulumi" } }),
        },
      },
    };
    const out = await runResourcePolicy(requiredTags, f);
    assert.deepStrictEqual(out.violations, []);
  });

  it("takes the required tags from config", async () => {
    const out = await runResourcePolicy(requiredTags, service("prod"), {
      config: { requiredTags: ["Environment", "Service", "ManagedBy", "CostCentre"] },
    });
    assert.deepStrictEqual(messages(out), [
      "aws:ecs/service:Service 'ide-service' must carry the tags Environment, Service, ManagedBy, CostCentre; it lacks CostCentre.",
    ]);
  });

  it("is not applicable to resources that take no tags (a scheduled action)", async () => {
    const out = await runResourcePolicy(
      requiredTags,
      scheduledAction("prod", "open", "at(2030-01-01T00:00:00)", { minCapacity: 2 }),
    );
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, [
      `${TYPES.scheduledAction} is not a type this policy knows to take tags`,
    ]);
  });

  it("is not applicable to components", async () => {
    const out = await runResourcePolicy(requiredTags, {
      type: "pythonide:components:IdeService",
      name: "ide",
      props: {},
    });
    assert.deepStrictEqual(out.notApplicable, ["applies to AWS resources"]);
  });

  it("cannot judge a tag map that is unknown in a preview: the SDK's advisory note", async () => {
    const out = await runResourcePolicy(
      requiredTags,
      withProps(service("prod"), { tags: unknown.object }),
    );
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.previewNotes, [
      "can't run policy 'required-tags' during preview: Object value at .tags can't be known during preview",
    ]);
  });
});
