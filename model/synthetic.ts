/**
 * Small builders of ResourceRecords for configurations that are not stacks of this program:
 * the seeds' setups in the cost comparison, the capacity planner's "what would N tasks cost",
 * and hand-computed test cases. They produce the same shapes the program registers under mocks
 * (type tokens, input names, mock ARNs `arn:aws:<svc>:<region>:000000000000:<type>/<name>`), so
 * they are priced by the same estimate as the real stacks. No Pulumi imports.
 */
import { CapacityStrategy, schemaDefault } from "./config";
import { capacityProviderStrategy, CapacityProviderStrategyItem, CpuArchitecture } from "./fargate";
import type { ResourceRecord } from "./records";
import { atExpression } from "./schedule";

/** The account id every mocked and synthetic ARN carries: obviously not a real one. */
export const MOCK_ACCOUNT = "000000000000";

function record(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  environment?: string,
): ResourceRecord {
  const withTags =
    environment === undefined ? inputs : { ...inputs, tags: { Environment: environment } };
  return {
    type,
    name,
    urn: `urn:pulumi:synthetic::pythonide::${type}::${name}`,
    inputs: withTags,
    custom: true,
  };
}

/**
 * The mock ARN a resource of `type` named `name` gets, as preview/program.ts builds them:
 * `aws:ecs/taskDefinition:TaskDefinition` -> `arn:aws:ecs:<region>:000000000000:task-definition/<name>`.
 */
export function mockArn(type: string, name: string, region: string): string {
  const resourceType = (type.split(":").pop() ?? type)
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();
  return mockResourceArn(type, `${resourceType}/${name}`, region);
}

/** `arn:aws:<service of type>:<region>:000000000000:<resource>`, the resource part as given. */
export function mockResourceArn(type: string, resource: string, region: string): string {
  const service = type.split(":")[1]?.split("/")[0] ?? "unknown";
  return `arn:aws:${service}:${region}:${MOCK_ACCOUNT}:${resource}`;
}

/** A scheduled raise of the floor: `tasks` from `from` until `to`. */
export interface ScheduledWindow {
  name: string;
  from: Date;
  to: Date;
  tasks: number;
}

/** An ECS service as the seeds describe one. */
export interface ServiceSpec {
  /** Logical name; the service, task definition and target are named from it. */
  name: string;
  /** CPU units (1024 = 1 vCPU). */
  cpu: number;
  /** Memory, MiB. */
  memory: number;
  /** Default X86_64. */
  architecture?: CpuArchitecture;
  /** Autoscaling floor (with `autoscaling: false`, the fixed task count). */
  minTasks: number;
  /** Autoscaling ceiling. Default `minTasks`. */
  maxTasks?: number;
  /** Default true; false: a fixed desiredCount and no scalable target (seed 001's exam service). */
  autoscaling?: boolean;
  /**
   * Default on-demand. A config setting (`onDemandBase` and `spotWeight` default to the config
   * schema's) or the raw strategy items (seed 004; `base` defaults to 0).
   */
  capacity?:
    | { strategy: CapacityStrategy; onDemandBase?: number; spotWeight?: number }
    | (Omit<CapacityProviderStrategyItem, "base"> & { base?: number })[];
  /** Tasks get public IPv4 addresses. Default false. */
  publicIp?: boolean;
  /** The Environment tag (staging services are priced with the staging assumptions). */
  environment?: string;
  /** Raised floors at scheduled times (exam windows). */
  windows?: ScheduledWindow[];
  /** Region of the ARNs. Default us-east-2. */
  region?: string;
  /** Cluster name. Default `pythonide-cluster`. */
  cluster?: string;
  /**
   * CPU percent of a target-tracking policy on the scalable target (seed 000's 60%); default
   * none. AWS creates (and bills) two alarms for it.
   */
  cpuTargetTracking?: number;
}

/**
 * Task definition, service, scalable target (unless fixed), its CPU target-tracking policy (when
 * asked) and one action per window edge.
 */
export function serviceRecords(spec: ServiceSpec): ResourceRecord[] {
  const region = spec.region ?? "us-east-2";
  const cluster = spec.cluster ?? "pythonide-cluster";
  const tdName = `${spec.name}-task`;
  const maxTasks = spec.maxTasks ?? spec.minTasks;
  const capacity: NonNullable<ServiceSpec["capacity"]> = spec.capacity ?? { strategy: "on-demand" };
  const strategies = Array.isArray(capacity)
    ? capacity
    : capacityProviderStrategy({
        strategy: capacity.strategy,
        onDemandBase: capacity.onDemandBase ?? Number(schemaDefault("onDemandBase", "prod")),
        spotWeight: capacity.spotWeight ?? Number(schemaDefault("spotWeight", "prod")),
      });
  const env = spec.environment;
  const out: ResourceRecord[] = [
    record(
      "aws:ecs/taskDefinition:TaskDefinition",
      tdName,
      {
        family: tdName,
        cpu: String(spec.cpu),
        memory: String(spec.memory),
        requiresCompatibilities: ["FARGATE"],
        networkMode: "awsvpc",
        runtimePlatform: {
          cpuArchitecture: spec.architecture ?? "X86_64",
          operatingSystemFamily: "LINUX",
        },
      },
      env,
    ),
    record(
      "aws:ecs/service:Service",
      spec.name,
      {
        name: spec.name,
        cluster: mockArn("aws:ecs/cluster:Cluster", cluster, region),
        taskDefinition: mockArn("aws:ecs/taskDefinition:TaskDefinition", tdName, region),
        desiredCount: spec.minTasks,
        capacityProviderStrategies: strategies,
        networkConfiguration: {
          assignPublicIp: spec.publicIp ?? false,
          subnets: ["subnet-a", "subnet-b"],
        },
      },
      env,
    ),
  ];
  if (spec.autoscaling === false) return out;
  const resourceId = `service/${cluster}/${spec.name}`;
  out.push(
    record("aws:appautoscaling/target:Target", `${spec.name}-target`, {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId,
      minCapacity: spec.minTasks,
      maxCapacity: maxTasks,
    }),
  );
  if (spec.cpuTargetTracking !== undefined) {
    out.push(
      record("aws:appautoscaling/policy:Policy", `${spec.name}-cpu-tracking`, {
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId,
        policyType: "TargetTrackingScaling",
        targetTrackingScalingPolicyConfiguration: {
          predefinedMetricSpecification: {
            predefinedMetricType: "ECSServiceAverageCPUUtilization",
          },
          targetValue: spec.cpuTargetTracking,
        },
      }),
    );
  }
  for (const w of spec.windows ?? []) {
    const action = (suffix: string, at: Date, min: number) =>
      record(
        "aws:appautoscaling/scheduledAction:ScheduledAction",
        `${spec.name}-${w.name}-${suffix}`,
        {
          serviceNamespace: "ecs",
          scalableDimension: "ecs:service:DesiredCount",
          resourceId,
          schedule: atExpression(at),
          timezone: "UTC",
          scalableTargetAction: { minCapacity: min, maxCapacity: Math.max(maxTasks, min) },
        },
      );
    out.push(action("scale-up", w.from, w.tasks), action("scale-down", w.to, spec.minTasks));
  }
  return out;
}

/** An Application Load Balancer, internet-facing unless `internal`, over `azs` subnets. */
export function loadBalancerRecord(
  name: string,
  opts: { internal?: boolean; azs?: number } = {},
): ResourceRecord {
  return record("aws:lb/loadBalancer:LoadBalancer", name, {
    loadBalancerType: "application",
    internal: opts.internal ?? false,
    subnets: Array.from({ length: opts.azs ?? 2 }, (_, i) => `subnet-public-${i}`),
  });
}

/** An RDS PostgreSQL instance with its RDS-managed master password secret. */
export function databaseRecord(
  name: string,
  opts: {
    instanceClass: string;
    storageGb?: number;
    multiAz?: boolean;
    environment?: string;
    managedSecret?: boolean;
  },
): ResourceRecord {
  return record(
    "aws:rds/instance:Instance",
    name,
    {
      engine: "postgres",
      instanceClass: opts.instanceClass,
      allocatedStorage: opts.storageGb ?? 20,
      storageType: "gp3",
      multiAz: opts.multiAz ?? false,
      manageMasterUserPassword: opts.managedSecret ?? true,
    },
    opts.environment,
  );
}

/**
 * An Aurora PostgreSQL Serverless v2 cluster with its RDS-managed master password secret, scaling
 * from `minAcu` (default 0: it pauses) to `maxAcu`, pausing after `pauseSeconds` (default 300).
 */
export function auroraClusterRecord(
  name: string,
  opts: { maxAcu: number; minAcu?: number; pauseSeconds?: number; environment?: string },
): ResourceRecord {
  return record(
    "aws:rds/cluster:Cluster",
    name,
    {
      engine: "aurora-postgresql",
      engineMode: "provisioned",
      serverlessv2ScalingConfiguration: {
        minCapacity: opts.minAcu ?? 0,
        maxCapacity: opts.maxAcu,
        secondsUntilAutoPause: opts.pauseSeconds ?? 300,
      },
      storageEncrypted: true,
      manageMasterUserPassword: true,
    },
    opts.environment,
  );
}

/** An EFS file system: bursting, elastic or provisioned MiB/s. */
export function fileSystemRecord(
  name: string,
  opts: { mode: "bursting" | "elastic" | "provisioned"; mibps?: number },
): ResourceRecord {
  return record("aws:efs/fileSystem:FileSystem", name, {
    encrypted: true,
    throughputMode: opts.mode,
    ...(opts.mode === "provisioned" ? { provisionedThroughputInMibps: opts.mibps ?? 1 } : {}),
  });
}

/** The awsx VPC, one opaque record, with its NAT strategy. */
export function vpcRecord(
  name: string,
  opts: { nat: "None" | "Single" | "OnePerAz"; azs?: number },
): ResourceRecord {
  return {
    ...record("awsx:ec2:Vpc", name, {
      natGateways: { strategy: opts.nat },
      numberOfAvailabilityZones: opts.azs ?? 2,
    }),
    custom: false,
  };
}

/** `count` standard-resolution CloudWatch alarms. */
export function alarmRecords(prefix: string, count: number): ResourceRecord[] {
  return Array.from({ length: count }, (_, i) =>
    record("aws:cloudwatch/metricAlarm:MetricAlarm", `${prefix}-alarm-${i + 1}`, {
      period: 60,
      evaluationPeriods: 2,
      threshold: 80,
    }),
  );
}

/** A CloudWatch dashboard. */
export function dashboardRecord(name: string): ResourceRecord {
  return record("aws:cloudwatch/dashboard:Dashboard", name, { dashboardName: name });
}

/** A log group with its retention. */
export function logGroupRecord(name: string, retentionInDays: number): ResourceRecord {
  return record("aws:cloudwatch/logGroup:LogGroup", name, { retentionInDays });
}

/** A Secrets Manager secret. */
export function secretRecord(name: string): ResourceRecord {
  return record("aws:secretsmanager/secret:Secret", name, {});
}

/** The AWS provider, which carries the region. */
export function providerRecord(region: string): ResourceRecord {
  return record("pulumi:providers:aws", "default", { region });
}
