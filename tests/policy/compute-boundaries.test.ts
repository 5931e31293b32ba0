/**
 * The compute policies at the edges: each ceiling on both sides, task definitions that are not
 * for Fargate, each missing or unreadable size, bare image names, containers without an image,
 * and a circuit breaker with a flag left out.
 */
import * as assert from "assert";
import {
  ecsDeploymentCircuitBreaker,
  ecsImageTagPinned,
  ecsTaskSizeCeiling,
  imageTag,
} from "../../policy-pack/policies/compute";
import { Env, container, service, taskDefinition, withProps } from "./fixtures";
import { messages, runResourcePolicy } from "./helpers";

const sizeMessages = async (env: Env, changes: Record<string, unknown>) =>
  messages(await runResourcePolicy(ecsTaskSizeCeiling, withProps(taskDefinition(env), changes)));
/** The message when the CPU (`over` "cpu") or the memory is above the ceiling. */
const ceiling = (
  env: Env,
  maxCpu: number,
  maxMib: number,
  cpu: number,
  mib: number,
  over: "cpu" | "memory",
) =>
  `ECS task definition 'ide-task' must fit the ${env} ceiling of ${maxCpu} CPU units and ${maxMib} MiB; it asks for ${cpu} CPU units and ${mib} MiB. Lower pythonide:${over === "cpu" ? "taskCpu" : "taskMemory"} in the stack's config, or raise the ceiling with this policy's ${env}${over === "cpu" ? "MaxCpu" : "MaxMemoryMib"} in the policy config (pulumi: --policy-pack-config; npm start: --policy-config).`;

describe("policy ecs-task-size-ceiling: each ceiling on both sides", () => {
  for (const [env, cpu, mib] of [
    ["prod", 1024, 4096],
    ["staging", 512, 1024],
    ["exam", 2048, 4096],
  ] as const) {
    it(`${env}: accepts ${cpu} CPU units / ${mib} MiB, refuses more CPU, refuses more memory`, async () => {
      assert.deepStrictEqual(await sizeMessages(env, { cpu: `${cpu}`, memory: `${mib}` }), []);
      // Not for Fargate, so the pair check stays silent and only the ceiling speaks.
      const ec2 = { requiresCompatibilities: ["EC2"] };
      assert.deepStrictEqual(
        await sizeMessages(env, { ...ec2, cpu: `${cpu + 1}`, memory: `${mib}` }),
        [ceiling(env, cpu, mib, cpu + 1, mib, "cpu")],
      );
      assert.deepStrictEqual(
        await sizeMessages(env, { ...ec2, cpu: `${cpu}`, memory: `${mib + 1}` }),
        [ceiling(env, cpu, mib, cpu, mib + 1, "memory")],
      );
    });
  }
  it("exam: a size over the ceiling that is also no Fargate pair gets both messages", async () => {
    assert.deepStrictEqual(await sizeMessages("exam", { cpu: "4096", memory: "4096" }), [
      ceiling("exam", 2048, 4096, 4096, 4096, "cpu"),
      "ECS task definition 'ide-task' must use a CPU/memory pair Fargate offers: memory 4096 MiB is not offered with CPU 4096; valid memory is 8192 to 30720 MiB in steps of 1024.",
    ]);
  });
});

describe("policy ecs-task-size-ceiling: sizes missing or unreadable", () => {
  it("refuses a Fargate task definition without task-level memory", async () => {
    assert.deepStrictEqual(await sizeMessages("prod", { memory: undefined }), [
      "ECS task definition 'ide-task' must set task-level cpu and memory (Fargate requires both); cpu is 1024, memory is (not set).",
    ]);
  });

  it("lets a task definition that is not for Fargate leave cpu and memory to its containers", async () => {
    for (const requiresCompatibilities of [["EC2"], undefined]) {
      assert.deepStrictEqual(
        await sizeMessages("prod", { requiresCompatibilities, cpu: undefined, memory: undefined }),
        [],
      );
      assert.deepStrictEqual(
        await sizeMessages("prod", { requiresCompatibilities, memory: undefined }),
        [],
      );
    }
  });

  it("holds a task definition that is not for Fargate to the ceiling, but not to Fargate's pairs", async () => {
    assert.deepStrictEqual(
      await sizeMessages("prod", { requiresCompatibilities: ["EC2"], cpu: "1024", memory: "1024" }),
      [],
    );
    assert.deepStrictEqual(
      await sizeMessages("prod", { requiresCompatibilities: ["EC2"], cpu: "768", memory: "8192" }),
      [ceiling("prod", 1024, 4096, 768, 8192, "memory")],
    );
  });

  it("refuses memory text ECS cannot read", async () => {
    assert.deepStrictEqual(await sizeMessages("prod", { memory: "plenty" }), [
      'ECS task definition \'ide-task\' must give cpu in CPU units and memory in MiB; it has cpu "1024", memory "plenty".',
    ]);
  });
});

describe("policy ecs-image-tag-pinned: image references at the edges", () => {
  const imageMessages = async (env: Env, ...containers: Record<string, unknown>[]) =>
    messages(
      await runResourcePolicy(
        ecsImageTagPinned,
        withProps(taskDefinition(env), { containerDefinitions: JSON.stringify(containers) }),
      ),
    );
  const pin = (env: string, label: string, uses: string) =>
    `ECS task definition 'ide-task' must pin container ${label} to a version tag or digest in ${env}; it uses ${uses}.`;

  it("reads the tag of a bare image name (no registry, no slash)", async () => {
    assert.deepStrictEqual(await imageMessages("prod", container({ image: "python:3.12" })), []);
    assert.deepStrictEqual(await imageMessages("prod", container({ image: "python:latest" })), [
      pin("prod", "'ide'", '"python:latest"'),
    ]);
    assert.deepStrictEqual(await imageMessages("exam", container({ image: "python" })), [
      pin("exam", "'ide'", '"python" (no tag)'),
    ]);
  });

  it("refuses a container without an image, or with an image that is not text", async () => {
    assert.deepStrictEqual(
      await imageMessages(
        "prod",
        container({ image: undefined }),
        container({ name: "sidecar", image: 42 }),
      ),
      [pin("prod", "'ide'", "no image (no tag)"), pin("prod", "'sidecar'", "no image (no tag)")],
    );
  });

  it("holds a task definition without an Environment tag to prod's rule", async () => {
    const f = withProps(taskDefinition("prod"), {
      tags: undefined,
      containerDefinitions: JSON.stringify([container({ image: "python:latest" })]),
    });
    assert.deepStrictEqual(messages(await runResourcePolicy(ecsImageTagPinned, f)), [
      pin("prod", "'ide'", '"python:latest"'),
    ]);
  });

  it("leaves unparseable container definitions to ecs-no-plaintext-credentials", async () => {
    const f = withProps(taskDefinition("prod"), { containerDefinitions: "[{not json" });
    const out = await runResourcePolicy(ecsImageTagPinned, f);
    assert.deepStrictEqual(out.violations, []);
  });

  it("imageTag: the tag after the last slash, '' without one, undefined for a digest", () => {
    assert.strictEqual(imageTag("registry.example.invalid:5000/team/ide:2025.10.1"), "2025.10.1");
    assert.strictEqual(imageTag("registry.example.invalid:5000/team/ide"), "");
    assert.strictEqual(imageTag("ide:latest"), "latest");
    assert.strictEqual(imageTag("ide"), "");
    assert.strictEqual(imageTag(`ide@sha256:${"a".repeat(64)}`), undefined);
    assert.strictEqual(imageTag(`ide:latest@sha256:${"a".repeat(64)}`), undefined);
  });
});

describe("policy ecs-deployment-circuit-breaker: flags left out", () => {
  it("shows a flag that is not set as (not set)", async () => {
    const run = (deploymentCircuitBreaker: Record<string, unknown>) =>
      runResourcePolicy(
        ecsDeploymentCircuitBreaker,
        withProps(service("prod"), { deploymentCircuitBreaker }),
      );
    assert.deepStrictEqual(messages(await run({ enable: true })), [
      "ECS service 'ide-service' must enable the deployment circuit breaker with rollback; it has enable true, rollback (not set).",
    ]);
    assert.deepStrictEqual(messages(await run({ rollback: true })), [
      "ECS service 'ide-service' must enable the deployment circuit breaker with rollback; it has enable (not set), rollback true.",
    ]);
  });
});
