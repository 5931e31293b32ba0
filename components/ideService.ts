/**
 * IdeService: one IDE environment on the shared platform. A Fargate task definition (size,
 * architecture, image, the app's settings as environment, credentials only as container
 * secrets), student files on EFS through the service's own access point, a log group with
 * retention, least-privilege roles, a target group and host rule on the platform's HTTPS
 * listener, the ECS service (capacity strategy, circuit breaker, desired count left to
 * autoscaling), autoscaling, alarms and a dashboard.
 *
 * The constructor composes parts with one job each: components/ide/taskDefinition.ts (access
 * point, log group, secrets, roles, task definition), components/ide/service.ts (target group,
 * host rule, ECS service), ./autoscaling.ts and ./monitoring.ts. Every child's parent is the
 * IdeService.
 *
 * Every platform-side value is a `pulumi.Input`, so the prod stack passes the Platform's
 * outputs and staging and exam pass values read from a StackReference.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  isHostName,
  isImageReference,
  rangeOf,
  ServiceConfig,
  STACKS,
  StackName,
} from "../model/config";
import {
  CapacityProviderStrategyItem,
  CpuArchitecture,
  FARGATE_CAPACITY_PROVIDERS,
  fargateSizeProblem,
} from "../model/fargate";
import { autoNameProblems } from "../model/awsLimits";
import { addAutoscaling, Autoscaling } from "./autoscaling";
import { DatabaseConnection } from "./database";
import { addService } from "./ide/service";
import { addTaskDefinition, IdePartContext } from "./ide/taskDefinition";
import { addMonitoring, AlarmThresholds, DEFAULT_ALARM_THRESHOLDS, Monitoring } from "./monitoring";
import { standardTags } from "./tags";
import { ArgsChecker } from "./validate";

export { CONTAINER_NAME, DATA_MOUNT_PATH, DATA_POSIX_ID } from "./ide/taskDefinition";
export { DEFAULT_RULE_PRIORITY, HEALTH_CHECK } from "./ide/service";

/**
 * What runs and how many: the task and service settings of an IdeService under the names and
 * units of the AWS APIs they end up in (ECS RegisterTaskDefinition and CreateService,
 * Application Auto Scaling, CloudWatch Logs). Stack config keys differ (`taskCpu`, `minTasks`, ...):
 * stacks/componentArgs.ts maps a stack's validated config to these, in one place. Ranges and
 * allowed values are the config schema's (model/config/schema.ts), checked by the component.
 */
export interface IdeSettings {
  /** Container image reference, `registry/repository:tag` (config `image`). */
  image: string;
  /**
   * Task CPU in CPU units (1024 = 1 vCPU), ECS `cpu`: 256, 512, 1024, 2048, 4096, 8192 or 16384
   * (model/fargate.ts FARGATE_SIZES). Config `taskCpu`; no default here.
   */
  cpu: number;
  /**
   * Task memory in MiB, ECS `memory`: a size Fargate offers with `cpu` (for 1024 CPU units,
   * 2048 to 8192 in steps of 1024; model/fargate.ts). Config `taskMemory`.
   */
  memory: number;
  /** ECS `runtimePlatform.cpuArchitecture`: `X86_64` or `ARM64` (config `cpuArchitecture`, default X86_64). */
  cpuArchitecture: CpuArchitecture;
  /**
   * ECS `desiredCount`: tasks when the service is created, 0 to `maxCapacity`; autoscaling owns
   * the count afterwards (ignoreChanges). Config `desiredTasks`.
   */
  desiredCount: number;
  /** Application Auto Scaling `minCapacity`: the task-count floor, 0 to `maxCapacity` (config `minTasks`). */
  minCapacity: number;
  /** Application Auto Scaling `maxCapacity`: the task-count ceiling, 0 to 100 (config `maxTasks`). */
  maxCapacity: number;
  /**
   * ECS `capacityProviderStrategies`: items naming `FARGATE` or `FARGATE_SPOT` once each, `base`
   * tasks 0-100 (config `onDemandBase`) and `weight` 1-100 (config `spotWeight`); config
   * `capacityProvider` picks the items (model/fargate.ts capacityProviderStrategy).
   */
  capacityProviderStrategies: CapacityProviderStrategyItem[];
  /** `targetValue` of CPU target tracking, average CPU percent 10-90 (config `cpuTargetPercent`, default 60). */
  cpuTargetValue: number;
  /** `targetValue` of memory target tracking, average memory percent (config `memoryTargetPercent`, default 70). */
  memoryTargetValue: number;
  /** Log group `retentionInDays`: a value CloudWatch accepts, 1 to 3653 (config `logRetentionDays`). */
  retentionInDays: number;
  /**
   * The IDE's own settings, its container environment: MAX_CONCURRENT_EXECUTIONS,
   * EXECUTION_TIMEOUT (seconds), MEMORY_LIMIT_MB (MiB), TORNADO_PROCESSES (config keys of the same names).
   */
  app: ServiceConfig["app"];
  /** Tornado cookie secret, at least 32 characters; stored in Secrets Manager. Default: none. */
  cookieSecret?: string;
}

export interface IdeServiceArgs {
  /** The environment (= stack name): prod, staging or exam. Its `Environment` tag. */
  environment: StackName;
  /** Host name the service answers on, by host-header rule (e.g. `exam.ide.example.edu`). */
  host: string;
  /** Task size, image, counts, capacity, scaling targets, app settings, under AWS's names. */
  service: IdeSettings;
  /** `IS_EXAM_MODE`. Default: true in the exam environment only. */
  examMode?: boolean;

  /** VPC of the platform (the target group lives in it). */
  vpcId: pulumi.Input<string>;
  /** Subnets tasks run in (platform output `taskSubnetIds`). */
  taskSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether tasks get a public IP (platform output `assignPublicIp`; true without NAT). */
  assignPublicIp: pulumi.Input<boolean>;
  /** Security group of tasks (platform output `taskSecurityGroupId`). */
  taskSecurityGroupId: pulumi.Input<string>;
  /** ECS cluster name (scaling target and metrics). */
  clusterName: pulumi.Input<string>;
  /** ECS cluster ARN (the service runs in it). */
  clusterArn: pulumi.Input<string>;
  /** The platform's HTTPS listener the host rule is added to. */
  httpsListenerArn: pulumi.Input<string>;
  /** The load balancer's ARN suffix (CloudWatch `LoadBalancer` dimension). */
  loadBalancerArnSuffix: pulumi.Input<string>;
  /** EFS file system of student files. */
  fileSystemId: pulumi.Input<string>;
  /** ARN of that file system (the task role may mount it through its access point only). */
  fileSystemArn: pulumi.Input<string>;
  /**
   * `host:port` of the database (DATABASE_HOST and DATABASE_PORT). Give it with
   * `databaseSecretArn`, or neither: a service whose database does not exist now (staging's
   * on-demand database while staging is off, when no task runs) gets no DATABASE_* settings.
   */
  databaseEndpoint?: pulumi.Input<string>;
  /** ARN of the RDS-managed secret with the database user name and password (see databaseEndpoint). */
  databaseSecretArn?: pulumi.Input<string>;
  /** Database name inside the instance (DATABASE_NAME). Default `pythonide` (DEFAULT_DATABASE_NAME). */
  databaseName?: pulumi.Input<string>;
  /** SNS topic alarms notify. */
  alarmTopicArn: pulumi.Input<string>;

  /** Priority of the host rule on the shared listener. Default: prod 100, staging 200, exam 300. */
  listenerRulePriority?: number;
  /** Directory on EFS this service's access point is rooted at. Default `/pythonide/<environment>`. */
  dataDirectory?: string;
  /** Seconds the service ignores failing health checks after a task starts. Default 120. */
  healthCheckGracePeriodSeconds?: number;
  /** Alarm thresholds. Default: CPU 80%, memory 75%, 10 target 5xx in 5 minutes. */
  alarmThresholds?: AlarmThresholds;
}

/** The IdeService arguments that come from the platform, named as the prod stack exports them. */
export const PLATFORM_ARG_KEYS = [
  "vpcId",
  "taskSubnetIds",
  "assignPublicIp",
  "taskSecurityGroupId",
  "clusterName",
  "clusterArn",
  "httpsListenerArn",
  "loadBalancerArnSuffix",
  "fileSystemId",
  "fileSystemArn",
  "alarmTopicArn",
] as const;

/** The platform-side IdeService arguments. */
export type IdeServicePlatformArgs = Pick<IdeServiceArgs, (typeof PLATFORM_ARG_KEYS)[number]>;

/**
 * Picks the platform-side IdeService arguments from anything that carries them under the prod
 * stack's output names: the Platform component, or a StackReference to it.
 */
export function platformArgs(platform: IdeServicePlatformArgs): IdeServicePlatformArgs {
  return Object.fromEntries(
    PLATFORM_ARG_KEYS.map((key) => [key, platform[key]]),
  ) as unknown as IdeServicePlatformArgs;
}

/**
 * The IdeService arguments of the database a service uses: its endpoint, secret and database
 * name, or none of them when `database` is undefined (no DATABASE_* settings).
 */
export function databaseArgs(
  database: DatabaseConnection | undefined,
): Pick<IdeServiceArgs, "databaseEndpoint" | "databaseSecretArn" | "databaseName"> {
  return {
    databaseEndpoint: database?.endpoint,
    databaseSecretArn: database?.secretArn,
    databaseName: database?.databaseName,
  };
}

/** The IDE as an autoscaled Fargate service behind the platform's load balancer. */
export class IdeService extends pulumi.ComponentResource {
  /** `https://<host>`. */
  readonly url: pulumi.Output<string>;
  /** The task definition. */
  readonly taskDefinition: aws.ecs.TaskDefinition;
  /** The ECS service (its desired count is owned by autoscaling after creation). */
  readonly service: aws.ecs.Service;
  /** Name of the ECS service. */
  readonly serviceName: pulumi.Output<string>;
  /** The scalable target: add scheduled actions to it (staging expiry, exam windows). */
  readonly scalableTarget: aws.appautoscaling.Target;
  /** Target tracking, step policies and their alarms. */
  readonly autoscaling: Autoscaling;
  /** The target group tasks register in. */
  readonly targetGroup: aws.lb.TargetGroup;
  /** The host-header rule on the HTTPS listener. */
  readonly listenerRule: aws.lb.ListenerRule;
  /** The service's EFS access point. */
  readonly accessPoint: aws.efs.AccessPoint;
  /** The log group of the container. */
  readonly logGroup: aws.cloudwatch.LogGroup;
  /** Role ECS uses to start tasks (pull the image, write logs, read the secrets). */
  readonly executionRole: aws.iam.Role;
  /** Role the IDE runs as (mount and write its EFS access point). */
  readonly taskRole: aws.iam.Role;
  /** Secrets Manager secret of the cookie secret, when one is configured. */
  readonly cookieSecret?: aws.secretsmanager.Secret;
  /** Alarms and dashboard. */
  readonly monitoring: Monitoring;
  /** The dashboard. */
  readonly dashboard: aws.cloudwatch.Dashboard;
  /** Name of the dashboard. */
  readonly dashboardName: pulumi.Output<string>;

  constructor(name: string, args: IdeServiceArgs, opts: pulumi.ComponentResourceOptions = {}) {
    validate(name, args);
    super("pythonide:components:IdeService", name, {}, opts);
    const ctx: IdePartContext = {
      name,
      parent: this,
      tags: standardTags(args.environment, "ide"),
      region: aws.getRegionOutput({}, { parent: this }).region,
      accountId: aws.getCallerIdentityOutput({}, { parent: this }).accountId,
    };
    const task = addTaskDefinition(ctx, args);
    ({
      accessPoint: this.accessPoint,
      logGroup: this.logGroup,
      executionRole: this.executionRole,
      taskRole: this.taskRole,
      cookieSecret: this.cookieSecret,
      taskDefinition: this.taskDefinition,
    } = task);
    ({
      targetGroup: this.targetGroup,
      listenerRule: this.listenerRule,
      service: this.service,
    } = addService(ctx, args, this.taskDefinition));
    this.serviceName = this.service.name;

    const s = args.service;
    this.autoscaling = addAutoscaling(
      name,
      {
        clusterName: args.clusterName,
        serviceName: this.service.name,
        minCapacity: s.minCapacity,
        maxCapacity: s.maxCapacity,
        cpuTargetValue: s.cpuTargetValue,
        memoryTargetValue: s.memoryTargetValue,
        tags: ctx.tags,
      },
      this,
    );
    this.scalableTarget = this.autoscaling.target;

    this.monitoring = addMonitoring(
      name,
      {
        clusterName: args.clusterName,
        serviceName: this.service.name,
        loadBalancerArnSuffix: args.loadBalancerArnSuffix,
        targetGroupArnSuffix: this.targetGroup.arnSuffix,
        alarmTopicArn: args.alarmTopicArn,
        thresholds: { ...DEFAULT_ALARM_THRESHOLDS, ...args.alarmThresholds },
        dashboardName: `pythonide-${name}`,
        region: ctx.region,
        tags: ctx.tags,
      },
      this,
    );
    this.dashboard = this.monitoring.dashboard;
    this.dashboardName = this.dashboard.dashboardName;
    this.url = pulumi.output(`https://${args.host}`);

    this.registerOutputs({
      url: this.url,
      serviceName: this.serviceName,
      dashboardName: this.dashboardName,
      // What the pack's ecs-declared-containers policy reads while containerDefinitions is unknown.
      containerDefinitions: task.containers,
    });
  }
}

const DASHBOARD_NAME = /^[A-Za-z0-9_-]+$/;

/** The children the provider autonames, `[type token, logical name]`: their names must fit AWS's limits. */
function autonamedChildren(name: string): [string, string][] {
  return [
    ["aws:lb/targetGroup:TargetGroup", `${name}-tg`],
    ["aws:iam/role:Role", `${name}-execution-role`],
    ["aws:iam/role:Role", `${name}-task-role`],
  ];
}

function validate(name: string, args: IdeServiceArgs): void {
  const check = new ArgsChecker("IdeService", name);
  check.oneOf("environment", args.environment, STACKS);
  if (!DASHBOARD_NAME.test(name) || name.length > 40) {
    check.problems.push(
      `the name ${JSON.stringify(name)} must be letters, digits, hyphens and underscores, at most 40 characters (it names the dashboard, log group and task family)`,
    );
  } else check.problems.push(...autoNameProblems(autonamedChildren(name)));
  if ((args.databaseEndpoint === undefined) !== (args.databaseSecretArn === undefined)) {
    check.problems.push(
      `args.databaseEndpoint and args.databaseSecretArn go together: give both (the service's database) or neither (no database now); ${args.databaseEndpoint === undefined ? "databaseEndpoint" : "databaseSecretArn"} is missing`,
    );
  }
  if (typeof args.host !== "string" || !isHostName(args.host)) {
    check.fail("host", args.host, "must be a host name such as ide.example.edu");
  }
  const s = args.service;
  if (!isImageReference(s.image)) {
    check.fail(
      "service.image",
      s.image,
      "must be an image reference such as registry.example.com/pythonide:1.4.2",
    );
  }
  const size = fargateSizeProblem(s.cpu, s.memory);
  if (size)
    check.problems.push(`args.service.cpu ${s.cpu} / args.service.memory ${s.memory}: ${size}`);
  check.setting("service.cpuArchitecture", s.cpuArchitecture, "cpuArchitecture");
  // Task counts: the schema's ceiling, and 0 allowed (a switched-off staging runs none).
  const tasks = rangeOf("maxTasks")!;
  check.int("service.minCapacity", s.minCapacity, 0, tasks.max);
  check.int("service.maxCapacity", s.maxCapacity, 0, tasks.max);
  check.int("service.desiredCount", s.desiredCount, 0, tasks.max);
  if (s.minCapacity > s.maxCapacity || s.desiredCount > s.maxCapacity) {
    check.problems.push(
      `args.service.minCapacity ${s.minCapacity}, desiredCount ${s.desiredCount} and maxCapacity ${s.maxCapacity}: minCapacity and desiredCount must not exceed maxCapacity`,
    );
  }
  checkStrategy(check, s.capacityProviderStrategies);
  check.setting("service.cpuTargetValue", s.cpuTargetValue, "cpuTargetPercent");
  check.setting("service.memoryTargetValue", s.memoryTargetValue, "memoryTargetPercent");
  const app = s.app;
  check.setting(
    "service.app.maxConcurrentExecutions",
    app.maxConcurrentExecutions,
    "maxConcurrentExecutions",
  );
  check.setting(
    "service.app.executionTimeoutSeconds",
    app.executionTimeoutSeconds,
    "executionTimeoutSeconds",
  );
  check.setting("service.app.memoryLimitMb", app.memoryLimitMb, "memoryLimitMb");
  check.setting("service.app.tornadoProcesses", app.tornadoProcesses, "tornadoProcesses");
  check.setting("service.retentionInDays", s.retentionInDays, "logRetentionDays");
  if (s.cookieSecret !== undefined)
    check.setting("service.cookieSecret", s.cookieSecret, "cookieSecret");
  if (args.listenerRulePriority !== undefined) {
    check.int("listenerRulePriority", args.listenerRulePriority, 1, 50000);
  }
  if (args.healthCheckGracePeriodSeconds !== undefined) {
    check.int("healthCheckGracePeriodSeconds", args.healthCheckGracePeriodSeconds, 0, 3600);
  }
  if (args.dataDirectory !== undefined && !/^\/[A-Za-z0-9_.\/-]{1,99}$/.test(args.dataDirectory)) {
    check.fail(
      "dataDirectory",
      args.dataDirectory,
      "must be an absolute path such as /pythonide/staging (letters, digits, _ . - /)",
    );
  }
  const t = args.alarmThresholds ?? {};
  if (t.cpuPercent !== undefined) check.int("alarmThresholds.cpuPercent", t.cpuPercent, 1, 100);
  if (t.memoryPercent !== undefined) {
    check.int("alarmThresholds.memoryPercent", t.memoryPercent, 1, 100);
  }
  if (t.target5xxCount !== undefined) {
    check.int("alarmThresholds.target5xxCount", t.target5xxCount, 0, 100000);
  }
  check.throwIfAny();
}

/**
 * The capacity provider strategy: one to two items, each naming a Fargate capacity provider once,
 * `base` within config `onDemandBase`'s range and `weight` within `spotWeight`'s.
 */
function checkStrategy(check: ArgsChecker, items: CapacityProviderStrategyItem[]): void {
  const key = "service.capacityProviderStrategies";
  if (!Array.isArray(items) || items.length === 0) {
    check.fail(key, items, "must name FARGATE, FARGATE_SPOT or both");
    return;
  }
  const names = items.map((i) => i.capacityProvider);
  if (new Set(names).size !== names.length) {
    check.fail(key, names, "must name each capacity provider at most once");
  }
  items.forEach((item, i) => {
    check.oneOf(`${key}[${i}].capacityProvider`, item.capacityProvider, FARGATE_CAPACITY_PROVIDERS);
    check.setting(`${key}[${i}].base`, item.base, "onDemandBase");
    check.setting(`${key}[${i}].weight`, item.weight, "spotWeight");
  });
}
