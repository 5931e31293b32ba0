/**
 * Monitoring of one IDE service: the alarms seed 001 asks for (CPU, memory, target 5xx,
 * unhealthy hosts) to the alarm topic, and a dashboard of CPU, memory, task count, requests,
 * latency and 5xx. CloudWatch lives in `@pulumi/aws` (`aws.cloudwatch`); there is no
 * `@pulumi/cloudwatch` package.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Alarm thresholds of an IDE service. */
export interface AlarmThresholds {
  /** Average CPU percent over 2 minutes. Default 80 (seed 001). */
  cpuPercent?: number;
  /** Average memory percent over 2 minutes. Default 75 (seed 001). */
  memoryPercent?: number;
  /** 5xx responses from the tasks in 5 minutes. Default 10. */
  target5xxCount?: number;
}

/** The thresholds an IdeService uses where AlarmThresholds leaves one unset. */
export const DEFAULT_ALARM_THRESHOLDS: Required<AlarmThresholds> = {
  cpuPercent: 80,
  memoryPercent: 75,
  target5xxCount: 10,
};

export interface MonitoringArgs {
  /** ECS cluster name (the `ClusterName` dimension). */
  clusterName: pulumi.Input<string>;
  /** ECS service name (the `ServiceName` dimension). */
  serviceName: pulumi.Input<string>;
  /** The load balancer's ARN suffix (`app/<name>/<id>`). */
  loadBalancerArnSuffix: pulumi.Input<string>;
  /** The target group's ARN suffix (`targetgroup/<name>/<id>`). */
  targetGroupArnSuffix: pulumi.Input<string>;
  /** SNS topic every alarm notifies (on alarm and on recovery). */
  alarmTopicArn: pulumi.Input<string>;
  /** Alarm thresholds (no defaults here: IdeService merges DEFAULT_ALARM_THRESHOLDS). */
  thresholds: Required<AlarmThresholds>;
  /** Dashboard name. */
  dashboardName: string;
  /** Region the metrics are in (dashboard widgets name it). */
  region: pulumi.Input<string>;
  /** Tags of the alarms (dashboards take none). */
  tags: Record<string, string>;
}

/** What addMonitoring creates. */
export interface Monitoring {
  /** Service CPU above `cpuPercent` for 2 minutes. */
  cpuAlarm: aws.cloudwatch.MetricAlarm;
  /** Service memory above `memoryPercent` for 2 minutes. */
  memoryAlarm: aws.cloudwatch.MetricAlarm;
  /** More than `target5xxCount` 5xx responses from the tasks in 5 minutes. */
  target5xxAlarm: aws.cloudwatch.MetricAlarm;
  /** Any unhealthy target for 2 minutes. */
  unhealthyHostsAlarm: aws.cloudwatch.MetricAlarm;
  /** The service's dashboard. */
  dashboard: aws.cloudwatch.Dashboard;
}

/** Creates the alarms and the dashboard as children of `parent`, named from `name`. */
export function addMonitoring(
  name: string,
  args: MonitoringArgs,
  parent: pulumi.Resource,
): Monitoring {
  const opts = { parent };
  const t = args.thresholds;
  const serviceDims = { ClusterName: args.clusterName, ServiceName: args.serviceName };
  const targetDims = {
    LoadBalancer: args.loadBalancerArnSuffix,
    TargetGroup: args.targetGroupArnSuffix,
  };
  const actions = [args.alarmTopicArn];
  const alarm = (
    suffix: string,
    props: Omit<
      aws.cloudwatch.MetricAlarmArgs,
      "alarmActions" | "okActions" | "tags" | "comparisonOperator"
    >,
  ): aws.cloudwatch.MetricAlarm =>
    new aws.cloudwatch.MetricAlarm(
      `${name}-${suffix}`,
      {
        comparisonOperator: "GreaterThanThreshold",
        treatMissingData: "notBreaching",
        ...props,
        alarmActions: actions,
        okActions: actions,
        tags: args.tags,
      },
      opts,
    );

  // Average service utilization above a percentage for 2 one-minute datapoints.
  const utilizationAlarm = (
    suffix: string,
    what: string,
    metricName: string,
    percent: number,
  ): aws.cloudwatch.MetricAlarm =>
    alarm(suffix, {
      alarmDescription: `IDE service ${what} above ${percent}% for 2 minutes`,
      namespace: "AWS/ECS",
      metricName,
      dimensions: serviceDims,
      statistic: "Average",
      period: 60,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      threshold: percent,
    });
  const cpuAlarm = utilizationAlarm("cpu-high", "CPU", "CPUUtilization", t.cpuPercent);
  const memoryAlarm = utilizationAlarm(
    "memory-high",
    "memory",
    "MemoryUtilization",
    t.memoryPercent,
  );
  const target5xxAlarm = alarm("target-5xx", {
    alarmDescription: `More than ${t.target5xxCount} 5xx responses from IDE tasks in 5 minutes`,
    namespace: "AWS/ApplicationELB",
    metricName: "HTTPCode_Target_5XX_Count",
    dimensions: targetDims,
    statistic: "Sum",
    period: 300,
    evaluationPeriods: 1,
    threshold: t.target5xxCount,
  });
  const unhealthyHostsAlarm = alarm("unhealthy-hosts", {
    alarmDescription: "An IDE task failed its load balancer health check for 2 minutes",
    namespace: "AWS/ApplicationELB",
    metricName: "UnHealthyHostCount",
    dimensions: targetDims,
    statistic: "Maximum",
    period: 60,
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    threshold: 0,
  });

  const ecs = (metric: string, stat: string, label: string) => [
    "AWS/ECS",
    metric,
    "ClusterName",
    args.clusterName,
    "ServiceName",
    args.serviceName,
    { stat, label },
  ];
  const elb = (metric: string, stat: string, label: string) => [
    "AWS/ApplicationELB",
    metric,
    "LoadBalancer",
    args.loadBalancerArnSuffix,
    "TargetGroup",
    args.targetGroupArnSuffix,
    { stat, label },
  ];
  const widget = (
    title: string,
    x: number,
    y: number,
    metrics: unknown[][],
    yAxisMax?: number,
  ) => ({
    type: "metric",
    x,
    y,
    width: 12,
    height: 6,
    properties: {
      title,
      region: args.region,
      view: "timeSeries",
      stacked: false,
      period: 60,
      metrics,
      ...(yAxisMax === undefined ? {} : { yAxis: { left: { min: 0, max: yAxisMax } } }),
    },
  });
  const dashboard = new aws.cloudwatch.Dashboard(
    `${name}-dashboard`,
    {
      dashboardName: args.dashboardName,
      dashboardBody: pulumi.jsonStringify({
        widgets: [
          widget(
            "CPU (%)",
            0,
            0,
            [ecs("CPUUtilization", "Average", "average"), ecs("CPUUtilization", "Maximum", "max")],
            100,
          ),
          widget(
            "Memory (%)",
            12,
            0,
            [
              ecs("MemoryUtilization", "Average", "average"),
              ecs("MemoryUtilization", "Maximum", "max"),
            ],
            100,
          ),
          widget("Tasks (load balancer targets)", 0, 6, [
            elb("HealthyHostCount", "Maximum", "healthy"),
            elb("UnHealthyHostCount", "Maximum", "unhealthy"),
          ]),
          widget("Requests", 12, 6, [elb("RequestCount", "Sum", "requests")]),
          widget("Latency (s)", 0, 12, [
            elb("TargetResponseTime", "p50", "p50"),
            elb("TargetResponseTime", "p95", "p95"),
            elb("TargetResponseTime", "p99", "p99"),
          ]),
          widget("5xx responses", 12, 12, [
            elb("HTTPCode_Target_5XX_Count", "Sum", "from tasks"),
            [
              "AWS/ApplicationELB",
              "HTTPCode_ELB_5XX_Count",
              "LoadBalancer",
              args.loadBalancerArnSuffix,
              { stat: "Sum", label: "from the load balancer (all hosts)" },
            ],
          ]),
        ],
      }),
    },
    opts,
  );
  return { cpuAlarm, memoryAlarm, target5xxAlarm, unhealthyHostsAlarm, dashboard };
}
