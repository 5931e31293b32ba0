/**
 * Observability: logs that expire, and target groups that can tell a healthy task from a broken
 * one (the circuit breaker and the load balancer both rely on it).
 */
import * as aws from "@pulumi/aws";
import {
  PolicyConfigSchema,
  ResourceValidationPolicy,
  validateResourceOfType,
} from "@pulumi/policy";
import { LOG_RETENTION_DAYS } from "../../model/config";
import { settings, validateResourceOfTypes } from "./common";

// ---------------------------------------------------------------------------------------------
// cloudwatch-log-retention

const retentionSchema: PolicyConfigSchema = {
  properties: {
    maxRetentionDays: {
      type: "integer",
      enum: [...LOG_RETENTION_DAYS],
      default: 365,
      description: "Longest retention a log group may have, in days.",
    },
  },
};

/** Logs that never expire are paid for every month, forever (DESIGN convention 4). */
export const cloudwatchLogRetention: ResourceValidationPolicy = {
  name: "cloudwatch-log-retention",
  description:
    'CloudWatch log groups must set retentionInDays (never "never expire") to a value CloudWatch accepts, at most the configured maximum.',
  remediationSteps:
    "Set pythonide:logRetentionDays in the stack's config (one of the values CloudWatch accepts, e.g. 7, 30, 90); the monitoring component passes it as retentionInDays.",
  configSchema: retentionSchema,
  validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (group, args, report) => {
    const { maxRetentionDays } = settings<{ maxRetentionDays: number }>(retentionSchema, args);
    const days = group.retentionInDays;
    const what = `CloudWatch log group '${args.name}'`;
    if (days === undefined || days === 0) {
      report(
        `${what} must set retentionInDays (at most ${maxRetentionDays}); it is ${days ?? "(not set)"}, so its logs never expire.`,
      );
    } else if (!LOG_RETENTION_DAYS.includes(days)) {
      report(
        `${what} must set retentionInDays to a value CloudWatch accepts (${LOG_RETENTION_DAYS.join(", ")}); it is ${days}.`,
      );
    } else if (days > maxRetentionDays) {
      report(
        `${what} must keep logs at most ${maxRetentionDays} days; retentionInDays is ${days}.`,
      );
    }
  }),
};

// ---------------------------------------------------------------------------------------------
// lb-target-group-health-check

interface TargetGroupProps {
  protocol?: string;
  targetType?: string;
  healthCheck?: { enabled?: boolean; path?: string; protocol?: string };
}

/**
 * A target group must tell a healthy task from a broken one: its health check must not be
 * switched off. Where the program leaves the health check or its path out, AWS's defaults
 * apply and are not findings: health checks are on (and cannot be switched off) for targets of
 * type instance, ip and alb, and an HTTP/HTTPS check pings "/" (Elastic Load Balancing API
 * Reference, CreateTargetGroup / ModifyTargetGroup: HealthCheckEnabled "If the target type is
 * instance, ip, or alb, health checks are always enabled"; HealthCheckPath "[HTTP1 or HTTP2
 * protocol version] The ping path. The default is /.").
 */
export const lbTargetGroupHealthCheck: ResourceValidationPolicy = {
  name: "lb-target-group-health-check",
  description:
    "Load balancer target groups must keep their health check enabled (AWS's defaults, a check on /, count as configured).",
  remediationSteps:
    'Remove healthCheck.enabled: false from the aws.lb.TargetGroup; prefer a path the application answers only when it works, e.g. healthCheck: { path: "/api/health", matcher: "200" }.',
  configSchema: { properties: {} },
  validateResource: validateResourceOfTypes<TargetGroupProps>(
    [aws.lb.TargetGroup, aws.alb.TargetGroup],
    (tg, args, report) => {
      if (tg.targetType === "lambda") {
        args.notApplicable("Lambda target groups need no health check");
      }
      if (tg.healthCheck?.enabled === false) {
        report(
          `Target group '${args.name}' must have its health check enabled; healthCheck.enabled is false.`,
        );
      }
    },
  ),
};
