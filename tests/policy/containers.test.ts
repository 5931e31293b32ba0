import * as assert from "assert";
import { ecsDeclaredContainers } from "../../policy-pack/policies/containers";
import { Env, container, taskDefinition, withProps } from "./fixtures";
import { FixtureResource, messages, runStackPolicy, unknown } from "./helpers";

/** IdeService as the engine shows it: its registered outputs declare the containers. */
function component(containers: Record<string, unknown>[]): FixtureResource {
  return {
    type: "pythonide:components:IdeService",
    name: "ide",
    props: { containerDefinitions: containers },
  };
}

/** A task definition whose container JSON is unknown (a first preview), under the component. */
function pending(env: Env = "prod"): FixtureResource {
  return {
    ...withProps(taskDefinition(env), { containerDefinitions: unknown.string }),
    parent: "ide",
  };
}

describe("policy ecs-declared-containers", () => {
  it("accepts declared containers with credentials as secrets and a pinned image", async () => {
    const out = await runStackPolicy(ecsDeclaredContainers, [component([container()]), pending()]);
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.previewNotes, []);
  });

  it("refuses a credential named in the environment even while its value is unknown, and a mutable tag", async () => {
    const declared = container({
      image: "registry.example.com/pythonide:latest",
      environment: [
        { name: "DB_PASSWORD", value: unknown.string },
        { name: "DB_HOST", value: unknown.string },
      ],
    });
    const out = await runStackPolicy(ecsDeclaredContainers, [component([declared]), pending()]);
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must not put credential 'DB_PASSWORD' in container 'ide' environment (value not shown); pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN.",
      "ECS task definition 'ide-task' must pin container 'ide' to a version tag or digest in prod; it uses \"registry.example.com/pythonide:latest\".",
    ]);
  });

  it("leaves task definitions whose containers are known to the resource policies", async () => {
    const out = await runStackPolicy(ecsDeclaredContainers, [
      component([container({ image: "x:latest" })]),
      { ...taskDefinition("prod"), parent: "ide" },
    ]);
    assert.deepStrictEqual(out.violations, []);
    assert.equal(out.notApplicable.length, 1);
  });

  it("says why it is not applicable when every task definition's containers are known", async () => {
    const out = await runStackPolicy(ecsDeclaredContainers, [
      component([container({ image: "x:latest" })]),
      { ...taskDefinition("prod"), parent: "ide" },
    ]);
    assert.deepStrictEqual(out.notApplicable, [
      "every task definition's containers are known: the resource policies judge them",
    ]);
  });

  it("judges credentials but not image tags in an environment that is not pinned (staging)", async () => {
    const declared = container({
      image: "registry.example.com/pythonide:latest",
      environment: [{ name: "API_TOKEN", value: unknown.string }],
    });
    const out = await runStackPolicy(ecsDeclaredContainers, [
      component([declared]),
      pending("staging"),
    ]);
    assert.deepStrictEqual(out.notApplicable, []);
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must not put credential 'API_TOKEN' in container 'ide' environment (value not shown); pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN.",
    ]);
  });

  it("pins images of a task definition with no Environment tag as in prod", async () => {
    const td = withProps(pending(), { tags: undefined });
    const out = await runStackPolicy(ecsDeclaredContainers, [
      component([container({ image: "registry.example.com/pythonide:latest" })]),
      td,
    ]);
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must pin container 'ide' to a version tag or digest in prod; it uses \"registry.example.com/pythonide:latest\".",
    ]);
  });

  it("skips declarations that are not a list of container objects, and task definitions with no parent", async () => {
    const bad = container({
      image: "x:latest",
      environment: [{ name: "DB_PASSWORD", value: "p" }],
    });
    for (const declared of [undefined, "[]", { 0: bad }, [bad, null], [bad, "ide"]]) {
      const out = await runStackPolicy(ecsDeclaredContainers, [
        { ...component([]), props: { containerDefinitions: declared } },
        pending(),
      ]);
      assert.deepStrictEqual(messages(out), [], JSON.stringify(declared));
    }
    const orphan: FixtureResource = { ...pending(), parent: undefined };
    const out = await runStackPolicy(ecsDeclaredContainers, [component([bad]), orphan]);
    assert.deepStrictEqual(messages(out), []);
  });

  it("reads unknown containerDefinitions of task definitions only", async () => {
    const other: FixtureResource = {
      type: "aws:ssm/parameter:Parameter",
      name: "p",
      props: { containerDefinitions: unknown.string },
      parent: "ide",
    };
    const out = await runStackPolicy(ecsDeclaredContainers, [
      component([container({ environment: [{ name: "DB_PASSWORD", value: unknown.string }] })]),
      other,
    ]);
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable.length, 1);
  });
});
