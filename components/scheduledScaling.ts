/**
 * Scheduled scaling of one ECS service: each step of a scaling plan (model/schedule.ts) becomes a
 * one-time `at()` scheduled action on the service's scalable target, in UTC. Used by StagingEnv
 * (the switch-off at the expiry) and ExamEnv (capacity before each exam, idle floor after it).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { atExpression, describeSchedule, ScalingPlan, ScalingStep } from "../model/schedule";

/** The time zone every scheduled action is written in: steps are UTC instants. */
export const SCHEDULE_TIME_ZONE = "UTC";

/** A step's schedule as stack outputs show it: `at(2027-03-16T13:00:00) UTC`. */
export function scheduleText(at: Date): string {
  return `${atExpression(at)} ${SCHEDULE_TIME_ZONE}`;
}

/**
 * What a stack's outputs say about its capacity: the bounds now and why (`scaling`), and each
 * scheduled change in the stack's local time and UTC with the bounds before and after and why
 * (`schedule`, model/schedule.ts describeSchedule, plus the action's `at()` schedule).
 * @param plan the component's scaling plan
 * @param timeZone the stack's time zone (canonical IANA name or UTC)
 */
export function scheduleOutputs(plan: ScalingPlan, timeZone: string) {
  return {
    scaling: { minTasks: plan.minCapacity, maxTasks: plan.maxCapacity, reason: plan.reason },
    schedule: describeSchedule(plan, timeZone).map((entry, i) => ({
      ...entry,
      schedule: scheduleText(plan.steps[i].at),
    })),
  };
}

/** Names AWS accepts for a scheduled action (unique per scalable target). */
const ACTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,255}$/;

/**
 * Creates one `aws.appautoscaling.ScheduledAction` per step on `target`, as children of
 * `parent` named `${name}-${step.name}`; the action's AWS name is `step.name`. Throws before
 * registering anything when two steps share a name or a name is not one AWS accepts.
 * @param name prefix of the actions' logical names (the service's name)
 * @param target the scalable target the actions change
 * @param steps the plan's steps (model/schedule.ts examPlan / stagingPlan)
 * @param parent the component that owns the actions
 */
export function addScheduledScaling(
  name: string,
  target: aws.appautoscaling.Target,
  steps: readonly ScalingStep[],
  parent: pulumi.Resource,
): aws.appautoscaling.ScheduledAction[] {
  const seen = new Set<string>();
  for (const step of steps) {
    if (!ACTION_NAME.test(step.name)) {
      throw new Error(
        `scheduled action name ${JSON.stringify(step.name)} must be letters, digits, hyphens and underscores (at most 256)`,
      );
    }
    if (seen.has(step.name)) {
      throw new Error(
        `scheduled action name ${JSON.stringify(step.name)} is used twice on ${name}'s scalable target: names must be unique`,
      );
    }
    seen.add(step.name);
  }
  return steps.map(
    (step) =>
      new aws.appautoscaling.ScheduledAction(
        `${name}-${step.name}`,
        {
          name: step.name,
          serviceNamespace: target.serviceNamespace,
          scalableDimension: target.scalableDimension,
          resourceId: target.resourceId,
          schedule: atExpression(step.at),
          timezone: SCHEDULE_TIME_ZONE,
          scalableTargetAction: {
            minCapacity: step.minCapacity,
            maxCapacity: step.maxCapacity,
          },
        },
        { parent },
      ),
  );
}
