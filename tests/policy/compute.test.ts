import * as assert from "assert";
import {
  ecsDeploymentCircuitBreaker,
  ecsImageTagPinned,
  ecsTaskSizeCeiling,
} from "../../policy-pack/policies/compute";
import { Env, container, IMAGE, service, taskDefinition, withProps } from "./fixtures";
import { messages, runResourcePolicy, unknown } from "./helpers";

describe("policy ecs-task-size-ceiling", () => {
  const run = (f: Parameters<typeof runResourcePolicy>[1], config?: Record<string, unknown>) =>
    runResourcePolicy(ecsTaskSizeCeiling, f, { config });

  it("accepts the prod default size (1024 CPU units / 2048 MiB)", async () => {
    const out = await run(taskDefinition("prod"));
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, []);
  });

  it("accepts the staging default size (512 / 1024) at the staging ceiling", async () => {
    assert.deepStrictEqual(messages(await run(taskDefinition("staging"))), []);
  });

  it("refuses seed 000's production task (2 vCPU / 8 GB) in prod", async () => {
    const out = await run(withProps(taskDefinition("prod"), { cpu: "2048", memory: "8192" }));
    assert.deepStrictEqual(out.violations, [
      {
        policy: "ecs-task-size-ceiling",
        message:
          "ECS task definition 'ide-task' must fit the prod ceiling of 1024 CPU units and 4096 MiB; it asks for 2048 CPU units and 8192 MiB. Lower pythonide:taskCpu / pythonide:taskMemory in the stack's config, or raise the ceiling with this policy's prodMaxCpu / prodMaxMemoryMib in the policy config (pulumi: --policy-pack-config; npm start: --policy-config).",
      },
    ]);
  });

  it("refuses memory alone above the ceiling (1024 / 8192 is a valid Fargate pair)", async () => {
    const out = await run(withProps(taskDefinition("prod"), { memory: "8192" }));
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must fit the prod ceiling of 1024 CPU units and 4096 MiB; it asks for 1024 CPU units and 8192 MiB. Lower pythonide:taskMemory in the stack's config, or raise the ceiling with this policy's prodMaxMemoryMib in the policy config (pulumi: --policy-pack-config; npm start: --policy-config).",
    ]);
  });

  it("holds staging far below prod: the prod size is refused in staging", async () => {
    const out = await run(withProps(taskDefinition("staging"), { cpu: "1024", memory: "2048" }));
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must fit the staging ceiling of 512 CPU units and 1024 MiB; it asks for 1024 CPU units and 2048 MiB. Lower pythonide:taskCpu / pythonide:taskMemory in the stack's config, or raise the ceiling with this policy's stagingMaxCpu / stagingMaxMemoryMib in the policy config (pulumi: --policy-pack-config; npm start: --policy-config).",
    ]);
  });

  it("refuses a memory size Fargate does not offer with the CPU (1024 / 1024)", async () => {
    const out = await run(withProps(taskDefinition("prod"), { memory: "1024" }));
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must use a CPU/memory pair Fargate offers: memory 1024 MiB is not offered with CPU 1024; valid memory is 2048 to 8192 MiB in steps of 1024.",
    ]);
  });

  it("refuses a CPU value Fargate does not offer (768)", async () => {
    const out = await run(withProps(taskDefinition("prod"), { cpu: "768" }));
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must use a CPU/memory pair Fargate offers: CPU 768 is not a Fargate size; valid CPU units are 256, 512, 1024, 2048, 4096, 8192, 16384.",
    ]);
  });

  it("refuses a Fargate task definition without task-level cpu", async () => {
    const out = await run(withProps(taskDefinition("prod"), { cpu: undefined }));
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must set task-level cpu and memory (Fargate requires both); cpu is (not set), memory is 2048.",
    ]);
  });

  it("refuses cpu/memory text ECS cannot read", async () => {
    const out = await run(withProps(taskDefinition("prod"), { cpu: "lots" }));
    assert.deepStrictEqual(messages(out), [
      'ECS task definition \'ide-task\' must give cpu in CPU units and memory in MiB; it has cpu "lots", memory "2048".',
    ]);
  });

  it("reads the vCPU / GB forms ECS also accepts", async () => {
    const out = await run(withProps(taskDefinition("prod"), { cpu: "2 vCPU", memory: "8 GB" }));
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must fit the prod ceiling of 1024 CPU units and 4096 MiB; it asks for 2048 CPU units and 8192 MiB. Lower pythonide:taskCpu / pythonide:taskMemory in the stack's config, or raise the ceiling with this policy's prodMaxCpu / prodMaxMemoryMib in the policy config (pulumi: --policy-pack-config; npm start: --policy-config).",
    ]);
  });

  it("holds a task definition without an Environment tag to the prod ceiling", async () => {
    const out = await run(
      withProps(taskDefinition("staging"), { tags: undefined, cpu: "2048", memory: "4096" }),
    );
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must fit the prod ceiling of 1024 CPU units and 4096 MiB; it asks for 2048 CPU units and 4096 MiB. Lower pythonide:taskCpu in the stack's config, or raise the ceiling with this policy's prodMaxCpu in the policy config (pulumi: --policy-pack-config; npm start: --policy-config).",
    ]);
  });

  it("takes its ceilings from policy config", async () => {
    const f = withProps(taskDefinition("prod"), { cpu: "2048", memory: "8192" });
    const out = await run(f, { prodMaxCpu: 2048, prodMaxMemoryMib: 8192 });
    assert.deepStrictEqual(out.violations, []);
  });

  it("applies its defaults itself when the caller gives no config", async () => {
    const f = withProps(taskDefinition("prod"), { cpu: "2048", memory: "8192" });
    const out = await runResourcePolicy(ecsTaskSizeCeiling, f, { applyDefaults: false });
    assert.strictEqual(out.violations.length, 1);
  });

  it("cannot judge an unknown cpu in a preview: the SDK's advisory note, no verdict", async () => {
    const out = await run(withProps(taskDefinition("prod"), { cpu: unknown.string }));
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.previewNotes, [
      "can't run policy 'ecs-task-size-ceiling' during preview: string value at .cpu can't be known during preview",
    ]);
  });

  it("is not applicable to other resource types", async () => {
    const out = await run(service("prod"));
    assert.deepStrictEqual(out.notApplicable, [
      "Policy only applies to resources of type 'aws:ecs/taskDefinition:TaskDefinition'",
    ]);
  });
});

describe("policy ecs-image-tag-pinned", () => {
  const withImage = (env: Env, image: string) =>
    withProps(taskDefinition(env), {
      containerDefinitions: JSON.stringify([container({ image })]),
    });

  it("accepts a version tag in prod", async () => {
    const out = await runResourcePolicy(ecsImageTagPinned, taskDefinition("prod"));
    assert.deepStrictEqual(out.violations, []);
  });

  it("accepts a digest in exam", async () => {
    const digest = `${IMAGE.split(":")[0]}@sha256:${"a".repeat(64)}`;
    const out = await runResourcePolicy(ecsImageTagPinned, withImage("exam", digest));
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses :latest in prod", async () => {
    const image = "000000000000.dkr.ecr.us-east-1.amazonaws.com/pythonide:latest";
    const out = await runResourcePolicy(ecsImageTagPinned, withImage("prod", image));
    assert.deepStrictEqual(out.violations, [
      {
        policy: "ecs-image-tag-pinned",
        message: `ECS task definition 'ide-task' must pin container 'ide' to a version tag or digest in prod; it uses "${image}".`,
      },
    ]);
  });

  it("refuses an image without a tag in exam (a registry port is not a tag)", async () => {
    const image = "registry.example.invalid:5000/pythonide";
    const out = await runResourcePolicy(ecsImageTagPinned, withImage("exam", image));
    assert.deepStrictEqual(messages(out), [
      `ECS task definition 'ide-task' must pin container 'ide' to a version tag or digest in exam; it uses "${image}" (no tag).`,
    ]);
  });

  it("refuses a tag listed as mutable in config", async () => {
    const image = "000000000000.dkr.ecr.us-east-1.amazonaws.com/pythonide:stable";
    const out = await runResourcePolicy(ecsImageTagPinned, withImage("prod", image), {
      config: { mutableTags: ["latest", "stable"] },
    });
    assert.strictEqual(out.violations.length, 1);
  });

  it("leaves staging alone", async () => {
    const out = await runResourcePolicy(
      ecsImageTagPinned,
      withImage("staging", "pythonide:latest"),
    );
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, [
      "images are pinned only in prod, exam; this is staging",
    ]);
  });
});

describe("policy ecs-deployment-circuit-breaker", () => {
  it("accepts enable and rollback", async () => {
    const out = await runResourcePolicy(ecsDeploymentCircuitBreaker, service("prod"));
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses a service without the circuit breaker", async () => {
    const out = await runResourcePolicy(
      ecsDeploymentCircuitBreaker,
      withProps(service("prod"), { deploymentCircuitBreaker: undefined }),
    );
    assert.deepStrictEqual(out.violations, [
      {
        policy: "ecs-deployment-circuit-breaker",
        message:
          "ECS service 'ide-service' must enable the deployment circuit breaker with rollback; deploymentCircuitBreaker is not set.",
      },
    ]);
  });

  it("refuses a circuit breaker without rollback", async () => {
    const out = await runResourcePolicy(
      ecsDeploymentCircuitBreaker,
      withProps(service("exam"), { deploymentCircuitBreaker: { enable: true, rollback: false } }),
    );
    assert.deepStrictEqual(messages(out), [
      "ECS service 'ide-service' must enable the deployment circuit breaker with rollback; it has enable true, rollback false.",
    ]);
  });

  it("refuses a disabled circuit breaker", async () => {
    const out = await runResourcePolicy(
      ecsDeploymentCircuitBreaker,
      withProps(service("staging"), {
        deploymentCircuitBreaker: { enable: false, rollback: true },
      }),
    );
    assert.deepStrictEqual(messages(out), [
      "ECS service 'ide-service' must enable the deployment circuit breaker with rollback; it has enable false, rollback true.",
    ]);
  });

  it("does not apply to services deployed by CodeDeploy", async () => {
    const out = await runResourcePolicy(
      ecsDeploymentCircuitBreaker,
      withProps(service("prod"), {
        deploymentController: { type: "CODE_DEPLOY" },
        deploymentCircuitBreaker: undefined,
      }),
    );
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, [
      "the circuit breaker exists only for the ECS deployment controller",
    ]);
  });
});
