/**
 * Exams: never a single task while an exam runs, and never a single subnet (seed 001: an exam
 * an hour away on one task with no autoscaling).
 */
import * as aws from "@pulumi/aws";
import {
  PolicyConfigSchema,
  ResourceValidationPolicy,
  StackValidationPolicy,
  validateResourceOfType,
} from "@pulumi/policy";
import { MIN_TASKS_DURING_EXAM } from "../../model/capacity";
import { numberAt, stringAt } from "../../model/graph";
import { T, UNKNOWN, environmentOf, graphOf, peek, settings, targetEnvironment } from "./common";

// ---------------------------------------------------------------------------------------------
// exam-capacity-during-windows

const examCapacitySchema: PolicyConfigSchema = {
  properties: {
    minTasksDuringExam: {
      type: "integer",
      minimum: 1,
      default: MIN_TASKS_DURING_EXAM,
      description: "Fewest tasks an exam service may run while an exam window is open.",
    },
  },
};

/**
 * Exam windows are the scheduled actions on an exam scalable target that raise its minimum above
 * the idle floor (the target's own minCapacity): each must raise it to at least
 * `minTasksDuringExam`, and the target's maxCapacity must leave room for that many. The steps
 * between overlapping exams (model/schedule.ts examPlan: the floor follows the students of every
 * open window) are such actions too, so none may leave fewer. A step back to the idle floor
 * reads as a window's end: the resources do not say whether another exam still runs then (the
 * schedule that writes them never does that). Only actions definitely on the target are judged
 * (an action whose target cannot be told in a preview is judged after the update).
 */
export const examCapacityDuringWindows: StackValidationPolicy = {
  name: "exam-capacity-during-windows",
  description:
    "Exam services must run at least 2 tasks during every exam window: each scheduled action that opens a window sets minCapacity >= 2, and the target's maxCapacity allows it.",
  remediationSteps:
    "Describe exams in pythonide:examWindows; the ExamEnv component schedules capacity from the capacity planner, which never plans fewer than 2 tasks. Keep pythonide:maxTasks at 2 or more.",
  configSchema: examCapacitySchema,
  validateStack: (args, report) => {
    const { minTasksDuringExam } = settings<{ minTasksDuringExam: number }>(
      examCapacitySchema,
      args,
    );
    const graph = graphOf(args.resources);
    const targets = graph
      .ofType(T.scalableTarget)
      .filter((t) => graph.isEcsServiceScaler(t))
      .filter((t) => targetEnvironment(t, graph) === "exam");
    if (targets.length === 0) args.notApplicable("the stack has no exam scalable targets");
    for (const target of targets) {
      const floor = numberAt(target.props, "minCapacity");
      const max = numberAt(target.props, "maxCapacity");
      if (typeof max === "number" && max < minTasksDuringExam) {
        report(
          `Exam scalable target '${target.name}' must allow at least ${minTasksDuringExam} tasks during exam windows; it has maxCapacity ${max}.`,
          target.urn,
        );
      }
      const idle = typeof floor === "number" ? floor : 0;
      const service = graph.serviceOfTarget(target);
      for (const { resource: action, link } of graph.actionsOn(target, service, [
        T.scheduledAction,
      ])) {
        if (link !== "yes") continue;
        const min = numberAt(action.props, "scalableTargetAction", "minCapacity");
        if (typeof min !== "number" || min <= idle || min >= minTasksDuringExam) continue;
        const schedule = stringAt(action.props, "schedule");
        const when = typeof schedule === "string" ? ` (${schedule})` : "";
        report(
          `Scheduled action '${action.name}'${when} on exam scalable target '${target.name}' must keep at least ${minTasksDuringExam} tasks during the exam window it opens; it sets minCapacity ${min}.`,
          action.urn,
        );
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// exam-service-multi-subnet

const multiSubnetSchema: PolicyConfigSchema = {
  properties: {
    minSubnets: {
      type: "integer",
      minimum: 1,
      default: 2,
      description: "Fewest subnets (one per availability zone) an exam service must span.",
    },
  },
};

/** An exam service in one subnet lives in one availability zone: one outage ends the exam. */
export const examServiceMultiSubnet: ResourceValidationPolicy = {
  name: "exam-service-multi-subnet",
  description:
    "Exam ECS services must span at least 2 subnets (availability zones) so one zone's outage does not stop an exam.",
  remediationSteps:
    "Give the exam service the platform's subnets in every availability zone (the prod stack exports them; pythonide:availabilityZones is at least 2).",
  configSchema: multiSubnetSchema,
  validateResource: validateResourceOfType(aws.ecs.Service, (svc, args, report) => {
    const env = environmentOf(args.props, args.provider);
    if (env !== "exam")
      args.notApplicable(`applies to exam services; this one is ${env ?? "untagged"}`);
    const { minSubnets } = settings<{ minSubnets: number }>(multiSubnetSchema, args);
    const subnets = svc.networkConfiguration?.subnets ?? [];
    // Subnet ids not known yet are counted as distinct subnets.
    const known = new Set<string>();
    let unknown = 0;
    for (let i = 0; i < subnets.length; i++) {
      const id = peek(subnets, i);
      if (id === UNKNOWN) unknown++;
      else if (typeof id === "string") known.add(id);
    }
    const count = known.size + unknown;
    if (count < minSubnets) {
      const listed = known.size > 0 ? ` (${[...known].join(", ")})` : "";
      report(
        `ECS service '${args.name}' must span at least ${minSubnets} subnets in exam; it has ${count}${listed}.`,
      );
    }
  }),
};
