/**
 * Staging costs nothing unless someone switches it on, and it switches itself off again
 * (mandated guardrail: "a staging environment nobody remembered to stop").
 */
import * as aws from "@pulumi/aws";
import {
  PolicyConfigSchema,
  ResourceValidationPolicy,
  StackValidationPolicy,
  validateResourceOfType,
} from "@pulumi/policy";
import { schemaDefault } from "../../model/config";
import { parseAtExpression, raiseStagingPolicy, STAGING_EXPIRY_POLICY } from "../../model/schedule";
import { numberAt, stringAt } from "../../model/graph";
import {
  PackNode,
  T,
  UNKNOWN,
  Unknown,
  clock,
  environmentOf,
  graphOf,
  settings,
  targetEnvironment,
} from "./common";

// ---------------------------------------------------------------------------------------------
// staging-service-desired-zero

/**
 * A staging ECS service must be created with no tasks: its scalable target raises the floor
 * while staging is switched on, and the service's own count never keeps tasks alive.
 */
export const stagingServiceDesiredZero: ResourceValidationPolicy = {
  name: "staging-service-desired-zero",
  description:
    "ECS services of the staging environment must have desiredCount 0; staging runs tasks only through its scalable target while switched on.",
  remediationSteps:
    'Set desiredCount: 0 on the staging aws.ecs.Service (with ignoreChanges: ["desiredCount"]); switch staging on with pythonide:active and pythonide:activeUntil, which raise the scalable target\'s minimum until activeUntil.',
  configSchema: { properties: {} },
  validateResource: validateResourceOfType(aws.ecs.Service, (svc, args, report) => {
    const env = environmentOf(args.props, args.provider);
    if (env !== "staging") {
      args.notApplicable(`applies to staging services; this one is ${env ?? "untagged"}`);
    }
    // The aws provider's default desiredCount is 0.
    const count = svc.desiredCount ?? 0;
    if (count !== 0) {
      report(
        `ECS service '${args.name}' must have desiredCount 0 in staging; it has desiredCount ${count}.`,
      );
    }
  }),
};

// ---------------------------------------------------------------------------------------------
// staging-scales-to-zero

interface ReturnAction {
  action: PackNode;
  max: number | Unknown | undefined;
  actMin: number | Unknown | undefined;
  schedule: string | Unknown | undefined;
  tz: string | Unknown | undefined;
}

const maxActiveHoursDefault = schemaDefault("maxActiveHours", "staging") as number;

const scalesToZeroSchema: PolicyConfigSchema = {
  properties: {
    maxActiveHours: {
      type: "integer",
      minimum: 1,
      default: maxActiveHoursDefault,
      description:
        "Hours from now within which a staging target with a minimum above 0 must be returned to 0 by a scheduled action.",
    },
  },
};

/**
 * For a switch-off that is merely further ahead than this policy's limit: how to allow it (the
 * stack's pythonide:maxActiveHours and this policy's setting are raised together).
 */
function longer(hours: number | undefined, limit: number): string {
  if (hours === undefined || hours <= limit) return "";
  const needed = Math.ceil(hours);
  return ` To keep staging on that long, raise ${raiseStagingPolicy(needed)} (or to the stack's pythonide:maxActiveHours, if that is more; raise it too if it is less).`;
}

/**
 * A staging scalable target with a minimum above 0 must have a one-time `at()` scheduled action,
 * due within `maxActiveHours` from now, that sets maxCapacity 0 (and minCapacity 0 or unset).
 * cron()/rate() schedules do not count: they are not how staging switches itself off.
 */
export const stagingScalesToZero: StackValidationPolicy = {
  name: STAGING_EXPIRY_POLICY,
  description:
    "A staging scalable target with minCapacity above 0 must have a scheduled action that returns it to 0 tasks within the configured number of hours.",
  remediationSteps:
    "Switch staging on only with pythonide:active true and pythonide:activeUntil at most maxActiveHours ahead: the StagingEnv component then adds an at(activeUntil) scheduled action setting min and max capacity to 0. To switch off now, set pythonide:active false and run pulumi up.",
  configSchema: scalesToZeroSchema,
  validateStack: (args, report) => {
    const { maxActiveHours } = settings<{ maxActiveHours: number }>(scalesToZeroSchema, args);
    const now = clock().getTime();
    const deadline = now + maxActiveHours * 3_600_000;
    const graph = graphOf(args.resources);
    const targets = graph
      .ofType(T.scalableTarget)
      .filter((t) => graph.isEcsServiceScaler(t))
      .filter((t) => targetEnvironment(t, graph) === "staging");
    if (targets.length === 0) args.notApplicable("the stack has no staging scalable targets");
    for (const target of targets) {
      const min = numberAt(target.props, "minCapacity");
      if (typeof min !== "number" || min === 0) continue;
      const returns = graph
        .actionsOn(target, graph.serviceOfTarget(target), [T.scheduledAction])
        .map(({ resource: action }): ReturnAction => {
          const max = numberAt(action.props, "scalableTargetAction", "maxCapacity");
          const actMin = numberAt(action.props, "scalableTargetAction", "minCapacity");
          const schedule = stringAt(action.props, "schedule");
          const tz = stringAt(action.props, "timezone");
          return { action, max, actMin, schedule, tz };
        })
        .filter((a) => a.max === 0 || a.max === UNKNOWN)
        .filter((a) => a.actMin === undefined || a.actMin === 0 || a.actMin === UNKNOWN);
      let nearest: { name: string; schedule: string; hours: number } | undefined;
      let satisfied = false;
      for (const a of returns) {
        if (a.schedule === UNKNOWN || a.tz === UNKNOWN || a.max === UNKNOWN) {
          satisfied = true; // undecided in a preview: re-checked after the update
          break;
        }
        if (typeof a.schedule !== "string") continue;
        const at = parseAtExpression(a.schedule, a.tz);
        if (!at) continue;
        if (at.getTime() > now && at.getTime() <= deadline) {
          satisfied = true;
          break;
        }
        const hours = (at.getTime() - now) / 3_600_000;
        if (!nearest || Math.abs(hours) < Math.abs(nearest.hours)) {
          nearest = { name: a.action.name, schedule: a.schedule, hours };
        }
      }
      if (satisfied) continue;
      const found = !nearest
        ? "none does"
        : nearest.hours <= 0
          ? `'${nearest.name}' (${nearest.schedule}) is in the past`
          : `'${nearest.name}' (${nearest.schedule}) is ${nearest.hours.toFixed(1)} hours away`;
      report(
        `Staging scalable target '${target.name}' (minCapacity ${min}) must have a one-time at() scheduled action returning it to 0 tasks (maxCapacity 0) within ${maxActiveHours} hours; ${found}.${longer(nearest?.hours, maxActiveHours)}`,
        target.urn,
      );
    }
  },
};
