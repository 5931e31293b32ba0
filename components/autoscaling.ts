/**
 * Autoscaling of one ECS service: the scalable target (the task-count floor and ceiling), CPU
 * and memory target tracking, and the CPU step scaling seed 000 asks for. Used by IdeService.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Seconds after a scale-out before another scale-out (tasks start in about a minute). */
export const SCALE_OUT_COOLDOWN_SECONDS = 60;
/** Seconds after a scale-in before another scale-in (students are not moved around twice). */
export const SCALE_IN_COOLDOWN_SECONDS = 300;

/** One CPU step-scaling rule: an alarm on the service's average CPU and the change it makes. */
export interface CpuStep {
  /** Suffix of the policy's and alarm's names. */
  id: string;
  /** `GreaterThanThreshold` or `LessThanThreshold`. */
  comparison: "GreaterThanThreshold" | "LessThanThreshold";
  /** CPU percent. */
  threshold: number;
  /** Minutes the condition must hold (one-minute datapoints, all of them breaching). */
  minutes: number;
  /** Tasks added (positive) or removed (negative). */
  adjustment: number;
  /** Cooldown of the policy, seconds. */
  cooldown: number;
}

/**
 * Seed 000's step scaling: CPU > 60% for 2 minutes adds 1 task, > 80% for 1 minute adds 2,
 * < 30% for 5 minutes removes 1. The floor (minCapacity) is never crossed: the target enforces it.
 */
export const CPU_STEPS: readonly CpuStep[] = [
  {
    id: "cpu-step-up-1",
    comparison: "GreaterThanThreshold",
    threshold: 60,
    minutes: 2,
    adjustment: 1,
    cooldown: SCALE_OUT_COOLDOWN_SECONDS,
  },
  {
    id: "cpu-step-up-2",
    comparison: "GreaterThanThreshold",
    threshold: 80,
    minutes: 1,
    adjustment: 2,
    cooldown: SCALE_OUT_COOLDOWN_SECONDS,
  },
  {
    id: "cpu-step-down-1",
    comparison: "LessThanThreshold",
    threshold: 30,
    minutes: 5,
    adjustment: -1,
    cooldown: SCALE_IN_COOLDOWN_SECONDS,
  },
];

export interface AutoscalingArgs {
  /** Name of the ECS cluster the service runs in. */
  clusterName: pulumi.Input<string>;
  /** Name of the ECS service. */
  serviceName: pulumi.Input<string>;
  /** Task-count floor (the scalable target's `minCapacity`). */
  minCapacity: number;
  /** Task-count ceiling (the scalable target's `maxCapacity`). */
  maxCapacity: number;
  /** Average CPU percent target tracking holds (its `targetValue`). */
  cpuTargetValue: number;
  /** Average memory percent target tracking holds (its `targetValue`). */
  memoryTargetValue: number;
  /** Tags of the scalable target and the step alarms. */
  tags: Record<string, string>;
}

/** What addAutoscaling creates. */
export interface Autoscaling {
  /** The scalable target (`service/<cluster>/<service>`, min/max tasks). */
  target: aws.appautoscaling.Target;
  /** Target tracking on average CPU. */
  cpuTracking: aws.appautoscaling.Policy;
  /** Target tracking on average memory. */
  memoryTracking: aws.appautoscaling.Policy;
  /** Step policies, in CPU_STEPS order. */
  steps: aws.appautoscaling.Policy[];
  /** The alarms that trigger the step policies, in CPU_STEPS order. */
  stepAlarms: aws.cloudwatch.MetricAlarm[];
}

/**
 * Creates the scalable target and its policies as children of `parent`, named from `name`.
 */
export function addAutoscaling(
  name: string,
  args: AutoscalingArgs,
  parent: pulumi.Resource,
): Autoscaling {
  const opts = { parent };
  const target = new aws.appautoscaling.Target(
    `${name}-scaling-target`,
    {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: pulumi.interpolate`service/${args.clusterName}/${args.serviceName}`,
      minCapacity: args.minCapacity,
      maxCapacity: args.maxCapacity,
      tags: args.tags,
    },
    opts,
  );
  const onTarget = {
    serviceNamespace: target.serviceNamespace,
    scalableDimension: target.scalableDimension,
    resourceId: target.resourceId,
  };
  const tracking = (
    suffix: string,
    metric: "ECSServiceAverageCPUUtilization" | "ECSServiceAverageMemoryUtilization",
    targetValue: number,
  ): aws.appautoscaling.Policy =>
    new aws.appautoscaling.Policy(
      `${name}-${suffix}`,
      {
        ...onTarget,
        policyType: "TargetTrackingScaling",
        targetTrackingScalingPolicyConfiguration: {
          predefinedMetricSpecification: { predefinedMetricType: metric },
          targetValue,
          scaleOutCooldown: SCALE_OUT_COOLDOWN_SECONDS,
          scaleInCooldown: SCALE_IN_COOLDOWN_SECONDS,
        },
      },
      opts,
    );
  const cpuTracking = tracking(
    "cpu-tracking",
    "ECSServiceAverageCPUUtilization",
    args.cpuTargetValue,
  );
  const memoryTracking = tracking(
    "memory-tracking",
    "ECSServiceAverageMemoryUtilization",
    args.memoryTargetValue,
  );

  const steps: aws.appautoscaling.Policy[] = [];
  const stepAlarms: aws.cloudwatch.MetricAlarm[] = [];
  for (const step of CPU_STEPS) {
    const up = step.adjustment > 0;
    const policy = new aws.appautoscaling.Policy(
      `${name}-${step.id}`,
      {
        ...onTarget,
        policyType: "StepScaling",
        stepScalingPolicyConfiguration: {
          adjustmentType: "ChangeInCapacity",
          cooldown: step.cooldown,
          metricAggregationType: "Average",
          stepAdjustments: [
            up
              ? { metricIntervalLowerBound: "0", scalingAdjustment: step.adjustment }
              : { metricIntervalUpperBound: "0", scalingAdjustment: step.adjustment },
          ],
        },
      },
      opts,
    );
    steps.push(policy);
    stepAlarms.push(
      new aws.cloudwatch.MetricAlarm(
        `${name}-${step.id}-alarm`,
        {
          alarmDescription: `Scaling: CPU ${up ? ">" : "<"} ${step.threshold}% for ${step.minutes} min -> ${up ? "+" : ""}${step.adjustment} task(s)`,
          namespace: "AWS/ECS",
          metricName: "CPUUtilization",
          dimensions: { ClusterName: args.clusterName, ServiceName: args.serviceName },
          statistic: "Average",
          period: 60,
          evaluationPeriods: step.minutes,
          datapointsToAlarm: step.minutes,
          comparisonOperator: step.comparison,
          threshold: step.threshold,
          // No datapoints means no running task: nothing to scale on.
          treatMissingData: "notBreaching",
          alarmActions: [policy.arn],
          tags: args.tags,
        },
        opts,
      ),
    );
  }
  return { target, cpuTracking, memoryTracking, steps, stepAlarms };
}
