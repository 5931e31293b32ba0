import * as assert from "assert";
import { ecsDeclaredContainers } from "../../policy-pack/policies/containers";
import { container, taskDefinition, withProps } from "./fixtures";
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
function pending(): FixtureResource {
  return {
    ...withProps(taskDefinition("prod"), { containerDefinitions: unknown.string }),
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
});
