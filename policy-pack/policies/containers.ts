/**
 * Container checks that do not wait for `pulumi up`. In a new stack's first preview a task
 * definition's `containerDefinitions` JSON is unknown as a whole as soon as one value in it is (a
 * secret's ARN, a log group's name): the engine sends the unknown sentinel for the whole string,
 * and ecs-no-plaintext-credentials and ecs-image-tag-pinned can only answer "can't run policy
 * during preview". The IdeService component also declares its containers as structured data
 * (its registered output `containerDefinitions`), which the engine keeps with only the unknown
 * parts unknown and hands AnalyzeStack as the component's outputs (pulumi/pulumi
 * pkg/resource/deploy/step_executor.go ExecuteRegisterResourceOutputs; step_generator.go
 * AnalyzeResources). This policy judges those with the same checks.
 */
import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { TYPES } from "../../model/graph";
import {
  ContainerDefinition,
  Environment,
  UNKNOWN,
  environmentOf,
  peek,
  settings,
  snapshot,
} from "./common";
import { ImageTagConfig, imageMessages, imageTagSchema } from "./compute";
import { CredentialsConfig, credentialMessages, credentialsSchema } from "./secrets";

const declaredSchema: PolicyConfigSchema = {
  properties: { ...credentialsSchema.properties, ...imageTagSchema.properties },
};

/**
 * Task definitions whose containerDefinitions are not known yet are judged from the containers
 * their parent component declares: no plaintext credentials (by name; values that are known are
 * judged by shape too) and, in the pinned environments, no mutable image tag. A task definition
 * whose containers are known is left to the resource policies; one with neither is noted in the
 * report as a policy that could not run.
 */
export const ecsDeclaredContainers: StackValidationPolicy = {
  name: "ecs-declared-containers",
  description:
    "While a task definition's containerDefinitions are unknown (a new stack's first preview), the containers its component declares must carry no plaintext credentials and, in prod and exam, pinned images.",
  remediationSteps:
    "As for ecs-no-plaintext-credentials and ecs-image-tag-pinned; a component creating a task definition should register its containers as the output containerDefinitions so they can be judged before the update.",
  configSchema: declaredSchema,
  validateStack: (args, report) => {
    const cfg = settings<CredentialsConfig & ImageTagConfig>(declaredSchema, args);
    const pending = args.resources.filter(
      (r) => r.type === TYPES.taskDefinition && peek(r.props, "containerDefinitions") === UNKNOWN,
    );
    if (pending.length === 0) {
      args.notApplicable(
        "every task definition's containers are known: the resource policies judge them",
      );
    }
    for (const td of pending) {
      const declared = snapshot(peek(td.parent?.props, "containerDefinitions"));
      if (!Array.isArray(declared) || declared.some((c) => c === null || typeof c !== "object")) {
        continue;
      }
      const containers = declared as ContainerDefinition[];
      const what = `ECS task definition '${td.name}'`;
      for (const m of credentialMessages(containers, cfg, what)) report(m, td.urn);
      const env: Environment = environmentOf(td.props, td.provider) ?? "prod";
      if (cfg.environments.includes(env)) {
        for (const m of imageMessages(containers, cfg, td.name, env)) report(m, td.urn);
      }
    }
  },
};
