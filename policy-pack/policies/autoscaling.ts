/**
 * Autoscaling: every ECS service scales (mandated guardrail). A stack policy, because it has to
 * see the service, its scalable target and the target's policies and scheduled actions together.
 *
 * Matching during a preview: a target belongs to a service when its `resourceId` equals
 * `service/<cluster>/<service>` (both known), or when it depends on the service through
 * `resourceId` (the engine knows dependencies while values are unknown). A target that can be
 * neither matched nor ruled out (its resourceId unknown and no dependency reported) is given the
 * benefit of the doubt for a service that has no definite target; so is a policy or scheduled
 * action that cannot be tied to a target. The stack policy runs again after `pulumi up` with every
 * value known, where nothing is undecided.
 */
import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { EXEMPT_SERVICES_SCHEMA, ServiceExemption, exemptionFor } from "../../model/exemptions";
import { ResourceGraph, numberAt, stringAt } from "../../model/graph";
import {
  ENVIRONMENTS,
  Environment,
  PackNode,
  environmentOf,
  graphOf,
  settings,
  show,
} from "./common";

const autoscalingSchema: PolicyConfigSchema = {
  properties: {
    growEnvironments: {
      type: "array",
      items: { type: "string", enum: [...ENVIRONMENTS] },
      default: ["prod", "exam"],
      description:
        "Environments whose scalable targets must have maxCapacity above minCapacity (room to add tasks).",
    },
    exemptServices: EXEMPT_SERVICES_SCHEMA as unknown as PolicyConfigSchema["properties"][string],
  },
};

interface AutoscalingConfig {
  growEnvironments: string[];
  exemptServices: ServiceExemption[];
}

/** What is wrong with one target of a service, as messages (empty when nothing is). */
function targetProblems(
  target: PackNode,
  service: PackNode,
  env: Environment,
  cfg: AutoscalingConfig,
  graph: ResourceGraph<PackNode>,
): string[] {
  const problems: string[] = [];
  const what = `Scalable target '${target.name}' of ECS service '${service.name}'`;
  const min = numberAt(target.props, "minCapacity");
  const max = numberAt(target.props, "maxCapacity");
  if (typeof min === "number" && typeof max === "number") {
    if (min > max) {
      problems.push(
        `${what} must have minCapacity <= maxCapacity; it has minCapacity ${min}, maxCapacity ${max}.`,
      );
    } else if (min === max && cfg.growEnvironments.includes(env)) {
      problems.push(
        `${what} must have maxCapacity above minCapacity in ${env} so autoscaling can add tasks; both are ${min}.`,
      );
    }
  }
  if ((graph.service(service).actions.get(target) ?? []).length === 0) {
    const rid = stringAt(target.props, "resourceId");
    const shown = typeof rid === "string" ? rid : graph.serviceResourceId(service);
    problems.push(
      `${what} must have at least one scaling policy or scheduled action; none acts on ${show(shown)}.`,
    );
  }
  return problems;
}

/**
 * Missing autoscaling: every ECS service needs a scalable target on its desired count, with
 * minCapacity <= maxCapacity, at least one scaling policy or scheduled action on it, and in prod
 * and exam a maxCapacity above minCapacity. A service without a valid Environment tag is judged as
 * prod. A service listed in `exemptServices` (with its reason) is not judged.
 */
export const ecsServiceAutoscaling: StackValidationPolicy = {
  name: "ecs-service-autoscaling",
  description:
    "Every ECS service must have an Application Auto Scaling target (service/<cluster>/<service>) with minCapacity <= maxCapacity and at least one scaling policy or scheduled action; in prod and exam maxCapacity must exceed minCapacity.",
  remediationSteps:
    "Create the service through the IdeService component, which adds an aws.appautoscaling.Target (scalableDimension ecs:service:DesiredCount) with CPU and memory target-tracking policies; set pythonide:minTasks < pythonide:maxTasks.",
  configSchema: autoscalingSchema,
  validateStack: (args, report) => {
    const cfg = settings<AutoscalingConfig>(autoscalingSchema, args);
    const graph = graphOf(args.resources);
    const services = graph.services();
    if (services.length === 0) args.notApplicable("the stack has no ECS services");
    for (const service of services) {
      if (exemptionFor(service, cfg.exemptServices)) continue;
      const env: Environment =
        environmentOf(service.resource.props, service.resource.provider) ?? "prod";
      const { targets } = graph.service(service);
      if (targets.length === 0) {
        report(
          `ECS service '${service.name}' must have an autoscaling target (aws.appautoscaling.Target, scalableDimension ecs:service:DesiredCount); none points at ${show(graph.serviceResourceId(service))}.`,
          service.urn,
        );
        continue;
      }
      const verdicts = targets.map((t) => targetProblems(t, service, env, cfg, graph));
      if (verdicts.some((problems) => problems.length === 0)) continue;
      for (const message of verdicts[0]) report(message, targets[0].urn);
    }
  },
};
