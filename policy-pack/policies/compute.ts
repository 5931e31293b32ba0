/**
 * Compute: how big a task may be, which images it may run, and how a service deploys.
 */
import * as aws from "@pulumi/aws";
import {
  PolicyConfigSchema,
  ResourceValidationPolicy,
  validateResourceOfType,
} from "@pulumi/policy";
import {
  FARGATE_CPU_UNITS,
  fargateSizeProblem,
  parseTaskCpu,
  parseTaskMemory,
} from "../../model/fargate";
import {
  ContainerDefinition,
  ENVIRONMENTS,
  Environment,
  UNKNOWN,
  containerLabel,
  environmentOf,
  parseContainerDefinitions,
  settings,
} from "./common";

// ---------------------------------------------------------------------------------------------
// ecs-task-size-ceiling

const taskSizeSchema: PolicyConfigSchema = {
  properties: {
    prodMaxCpu: {
      type: "integer",
      enum: [...FARGATE_CPU_UNITS],
      default: 1024,
      description: "Most CPU units (1024 = 1 vCPU) a prod task may ask for.",
    },
    prodMaxMemoryMib: {
      type: "integer",
      minimum: 512,
      default: 4096,
      description: "Most memory (MiB) a prod task may ask for.",
    },
    stagingMaxCpu: {
      type: "integer",
      enum: [...FARGATE_CPU_UNITS],
      default: 512,
      description: "Most CPU units a staging task may ask for.",
    },
    stagingMaxMemoryMib: {
      type: "integer",
      minimum: 512,
      default: 1024,
      description: "Most memory (MiB) a staging task may ask for.",
    },
    examMaxCpu: {
      type: "integer",
      enum: [...FARGATE_CPU_UNITS],
      default: 2048,
      description: "Most CPU units an exam task may ask for.",
    },
    examMaxMemoryMib: {
      type: "integer",
      minimum: 512,
      default: 4096,
      description: "Most memory (MiB) an exam task may ask for.",
    },
  },
};

interface TaskSizeConfig {
  prodMaxCpu: number;
  prodMaxMemoryMib: number;
  stagingMaxCpu: number;
  stagingMaxMemoryMib: number;
  examMaxCpu: number;
  examMaxMemoryMib: number;
}

/**
 * Oversized tasks (mandated guardrail): a task definition above its environment's ceiling, or
 * with a CPU/memory pair Fargate does not offer. A task definition without a valid Environment
 * tag is held to the prod ceiling.
 */
export const ecsTaskSizeCeiling: ResourceValidationPolicy = {
  name: "ecs-task-size-ceiling",
  description:
    "ECS task definitions must stay within their environment's CPU/memory ceiling (staging far below prod) and use a size Fargate offers.",
  remediationSteps:
    "Lower pythonide:taskCpu / pythonide:taskMemory in the stack's Pulumi.<stack>.yaml to a pair within the ceiling (the valid pairs are in model/fargate.ts); add tasks (maxTasks) rather than growing each task. Raise a ceiling only through this policy's config (prodMaxCpu / prodMaxMemoryMib, stagingMaxCpu / stagingMaxMemoryMib, examMaxCpu / examMaxMemoryMib), with a measurement that justifies it.",
  configSchema: taskSizeSchema,
  validateResource: validateResourceOfType(aws.ecs.TaskDefinition, (td, args, report) => {
    const cfg = settings<TaskSizeConfig>(taskSizeSchema, args);
    const env: Environment = environmentOf(args.props, args.provider) ?? "prod";
    const what = `ECS task definition '${args.name}'`;
    const fargate = (td.requiresCompatibilities ?? []).includes("FARGATE");
    if (td.cpu === undefined || td.memory === undefined) {
      if (fargate) {
        report(
          `${what} must set task-level cpu and memory (Fargate requires both); cpu is ${td.cpu ?? "(not set)"}, memory is ${td.memory ?? "(not set)"}.`,
        );
      }
      return;
    }
    const cpu = parseTaskCpu(td.cpu);
    const memory = parseTaskMemory(td.memory);
    if (cpu === undefined || memory === undefined) {
      report(
        `${what} must give cpu in CPU units and memory in MiB; it has cpu "${td.cpu}", memory "${td.memory}".`,
      );
      return;
    }
    const maxCpu = cfg[`${env}MaxCpu` as const];
    const maxMemory = cfg[`${env}MaxMemoryMib` as const];
    if (cpu > maxCpu || memory > maxMemory) {
      // Name only what is over: the stack's keys to lower, the policy settings that raise it.
      const over = [
        ...(cpu > maxCpu ? [["taskCpu", `${env}MaxCpu`]] : []),
        ...(memory > maxMemory ? [["taskMemory", `${env}MaxMemoryMib`]] : []),
      ];
      report(
        `${what} must fit the ${env} ceiling of ${maxCpu} CPU units and ${maxMemory} MiB; it asks for ${cpu} CPU units and ${memory} MiB. Lower ${over.map(([key]) => `pythonide:${key}`).join(" / ")} in the stack's config, or raise the ceiling with this policy's ${over.map(([, setting]) => setting).join(" / ")} in the policy config (pulumi: --policy-pack-config; npm start: --policy-config).`,
      );
    }
    if (fargate) {
      const problem = fargateSizeProblem(cpu, memory);
      if (problem) report(`${what} must use a CPU/memory pair Fargate offers: ${problem}.`);
    }
  }),
};

// ---------------------------------------------------------------------------------------------
// ecs-image-tag-pinned

export const imageTagSchema: PolicyConfigSchema = {
  properties: {
    environments: {
      type: "array",
      items: { type: "string", enum: [...ENVIRONMENTS] },
      default: ["prod", "exam"],
      description: "Environments whose task definitions must pin their images.",
    },
    mutableTags: {
      type: "array",
      items: { type: "string" },
      default: ["latest"],
      description: "Tags treated as mutable (an image without a tag or digest always is).",
    },
  },
};

export interface ImageTagConfig {
  environments: string[];
  mutableTags: string[];
}

/**
 * The tag of an image reference (`registry:5000/repo:tag`), "" when it has none, or undefined when
 * it is pinned by digest.
 */
export function imageTag(image: string): string | undefined {
  if (image.includes("@sha256:")) return undefined;
  const last = image.slice(image.lastIndexOf("/") + 1);
  const colon = last.indexOf(":");
  return colon >= 0 ? last.slice(colon + 1) : "";
}

/**
 * What ecs-image-tag-pinned finds in the containers of task definition `name` in `env`, as
 * messages. An image not known yet (UNKNOWN) is not judged.
 */
export function imageMessages(
  containers: ContainerDefinition[],
  cfg: ImageTagConfig,
  name: string,
  env: Environment,
): string[] {
  const out: string[] = [];
  containers.forEach((c, i) => {
    if ((c.image as unknown) === UNKNOWN) return;
    const image = typeof c.image === "string" ? c.image : "";
    const tag = imageTag(image);
    if (tag === undefined) return;
    if (tag === "" || cfg.mutableTags.includes(tag)) {
      const shown = image === "" ? "no image" : `"${image}"`;
      out.push(
        `ECS task definition '${name}' must pin container ${containerLabel(c, i)} to a version tag or digest in ${env}; it uses ${shown}${tag === "" ? " (no tag)" : ""}.`,
      );
    }
  });
  return out;
}

/**
 * No mutable image tag in prod or exam: `:latest` or no tag at all means the running image can
 * change under an exam and a rollback cannot return to the previous one.
 */
export const ecsImageTagPinned: ResourceValidationPolicy = {
  name: "ecs-image-tag-pinned",
  description:
    "Containers in prod and exam task definitions must run an image pinned by a version tag or digest, never :latest or no tag.",
  remediationSteps:
    "Set pythonide:image to a version tag (registry/repository:2025.10.1) or a digest (registry/repository@sha256:...), built and pushed by CI.",
  configSchema: imageTagSchema,
  validateResource: validateResourceOfType(aws.ecs.TaskDefinition, (td, args, report) => {
    const cfg = settings<ImageTagConfig>(imageTagSchema, args);
    const env: Environment = environmentOf(args.props, args.provider) ?? "prod";
    if (!cfg.environments.includes(env)) {
      args.notApplicable(
        `images are pinned only in ${cfg.environments.join(", ")}; this is ${env}`,
      );
    }
    // Unparseable definitions are refused by ecs-no-plaintext-credentials.
    const containers = parseContainerDefinitions(td.containerDefinitions) ?? [];
    for (const m of imageMessages(containers, cfg, args.name, env)) report(m);
  }),
};

// ---------------------------------------------------------------------------------------------
// ecs-deployment-circuit-breaker

/**
 * Deployments that fail must roll back by themselves: without the circuit breaker a bad image
 * keeps replacing healthy tasks until someone notices, possibly during an exam.
 */
export const ecsDeploymentCircuitBreaker: ResourceValidationPolicy = {
  name: "ecs-deployment-circuit-breaker",
  description:
    "ECS services must enable the deployment circuit breaker with rollback, so a failed deployment returns to the last working one.",
  remediationSteps:
    "Set deploymentCircuitBreaker: { enable: true, rollback: true } on the aws.ecs.Service (the IdeService component does).",
  configSchema: { properties: {} },
  validateResource: validateResourceOfType(aws.ecs.Service, (svc, args, report) => {
    const controller = svc.deploymentController?.type ?? "ECS";
    if (controller !== "ECS") {
      args.notApplicable(`the circuit breaker exists only for the ECS deployment controller`);
    }
    const cb = svc.deploymentCircuitBreaker;
    const what = `ECS service '${args.name}'`;
    if (!cb) {
      report(
        `${what} must enable the deployment circuit breaker with rollback; deploymentCircuitBreaker is not set.`,
      );
    } else if (cb.enable !== true || cb.rollback !== true) {
      report(
        `${what} must enable the deployment circuit breaker with rollback; it has enable ${cb.enable ?? "(not set)"}, rollback ${cb.rollback ?? "(not set)"}.`,
      );
    }
  }),
};
