/**
 * How an IdeService is reached and run: a target group and a host-header rule on the platform's
 * HTTPS listener, and the ECS service (capacity strategy, circuit breaker, desired count left to
 * autoscaling after creation). Children of the IdeService, named from its name.
 */
import * as aws from "@pulumi/aws";
import { StackName } from "../../model/config";
import { CONTAINER_PORT } from "../platform";
import type { IdeServiceArgs } from "../ideService";
import { CONTAINER_NAME, IdePartContext } from "./taskDefinition";

/** The load balancer health check of the seeds (seed 001). */
export const HEALTH_CHECK = {
  path: "/api/health",
  intervalSeconds: 30,
  timeoutSeconds: 5,
  healthyThreshold: 2,
  unhealthyThreshold: 3,
} as const;

/** Default listener rule priority per environment (each host needs its own). */
export const DEFAULT_RULE_PRIORITY: Readonly<Record<StackName, number>> = {
  prod: 100,
  staging: 200,
  exam: 300,
};

/** What addService creates. */
export interface IdeEcsService {
  /** The target group tasks register in. */
  targetGroup: aws.lb.TargetGroup;
  /** The host-header rule on the HTTPS listener. */
  listenerRule: aws.lb.ListenerRule;
  /** The ECS service (its desired count is owned by autoscaling after creation). */
  service: aws.ecs.Service;
}

/** Creates the target group, the host rule and the ECS service running `taskDefinition`. */
export function addService(
  ctx: IdePartContext,
  args: IdeServiceArgs,
  taskDefinition: aws.ecs.TaskDefinition,
): IdeEcsService {
  const { name, tags } = ctx;
  const parent = { parent: ctx.parent };
  const s = args.service;

  // Load balancing: a target group and a host rule on the shared HTTPS listener.
  const targetGroup = new aws.lb.TargetGroup(
    `${name}-tg`,
    {
      vpcId: args.vpcId,
      targetType: "ip",
      protocol: "HTTP",
      port: CONTAINER_PORT,
      deregistrationDelay: 30,
      healthCheck: {
        enabled: true,
        protocol: "HTTP",
        port: "traffic-port",
        path: HEALTH_CHECK.path,
        matcher: "200",
        interval: HEALTH_CHECK.intervalSeconds,
        timeout: HEALTH_CHECK.timeoutSeconds,
        healthyThreshold: HEALTH_CHECK.healthyThreshold,
        unhealthyThreshold: HEALTH_CHECK.unhealthyThreshold,
      },
      tags,
    },
    parent,
  );
  const listenerRule = new aws.lb.ListenerRule(
    `${name}-rule`,
    {
      listenerArn: args.httpsListenerArn,
      priority: args.listenerRulePriority ?? DEFAULT_RULE_PRIORITY[args.environment],
      actions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
      conditions: [{ hostHeader: { values: [args.host] } }],
      tags,
    },
    parent,
  );

  // The service. Autoscaling owns the task count after creation.
  const service = new aws.ecs.Service(
    `${name}-service`,
    {
      cluster: args.clusterArn,
      taskDefinition: taskDefinition.arn,
      desiredCount: s.desiredCount,
      capacityProviderStrategies: s.capacityProviderStrategies,
      // "Updating [capacityProviderStrategies] requires `forceNewDeployment = true`" (@pulumi/aws
      // ecs/service.d.ts): without it the provider refuses a changed `capacityProvider` setting
      // on a deployed service. It redeploys only on an update of the service; no `triggers`,
      // so an unchanged service is not redeployed by every `pulumi up`.
      forceNewDeployment: true,
      platformVersion: "LATEST",
      networkConfiguration: {
        subnets: args.taskSubnetIds,
        securityGroups: [args.taskSecurityGroupId],
        assignPublicIp: args.assignPublicIp,
      },
      loadBalancers: [
        {
          targetGroupArn: targetGroup.arn,
          containerName: CONTAINER_NAME,
          containerPort: CONTAINER_PORT,
        },
      ],
      healthCheckGracePeriodSeconds: args.healthCheckGracePeriodSeconds ?? 120,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: 200,
      enableEcsManagedTags: true,
      propagateTags: "SERVICE",
      waitForSteadyState: false,
      tags,
    },
    // ECS refuses a service whose target group no load balancer uses yet ("The target group
    // ... does not have an associated load balancer", CreateService loadBalancers): the host
    // rule joins the target group to the load balancer, so the service waits for it. The
    // cluster ARN carries the capacity providers' attachment (Platform.clusterArn).
    { parent: ctx.parent, dependsOn: [listenerRule], ignoreChanges: ["desiredCount"] },
  );
  return { targetGroup, listenerRule, service };
}
