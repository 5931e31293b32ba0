/**
 * Happy-path resources, shaped as the components create them (plain @pulumi/aws inputs). Each
 * factory returns a compliant resource; a test changes one property and expects one violation.
 * Ids, account numbers and hosts are placeholders (000000000000, *.invalid).
 */
import { TYPES as GRAPH_TYPES } from "../../model/graph";
import { atExpression } from "../../model/schedule";
import { FixtureResource } from "./helpers";

export type Env = "prod" | "staging" | "exam";

/** The type tokens, from the one table the pack and the cost model read (model/graph.ts). */
export const TYPES = { ...GRAPH_TYPES, target: GRAPH_TYPES.scalableTarget } as const;

export const ACCOUNT = "000000000000";
export const IMAGE = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/pythonide:2025.10.1`;
export const CLUSTER_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/pythonide`;
export const DB_SECRET_ARN = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:rds!db-0000-AbCdEf`;

export function tags(env: Env, service = "ide"): Record<string, string> {
  return { Environment: env, Service: service, ManagedBy: "pulumi" };
}

/** One container, as the IdeService component writes it. */
export function container(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "ide",
    image: IMAGE,
    essential: true,
    portMappings: [{ containerPort: 8080, protocol: "tcp" }],
    environment: [
      { name: "IS_EXAM_MODE", value: "false" },
      { name: "DB_HOST", value: "pythonide-db.example.invalid" },
      { name: "DB_SECRET_ARN", value: DB_SECRET_ARN },
      { name: "MAX_CONCURRENT_EXECUTIONS", value: "20" },
    ],
    secrets: [{ name: "DB_PASSWORD", valueFrom: `${DB_SECRET_ARN}:password::` }],
    mountPoints: [{ sourceVolume: "student-data", containerPath: "/mnt/efs/pythonide-data" }],
    ...over,
  };
}

export function taskDefinitionProps(env: Env = "prod"): Record<string, unknown> {
  return {
    family: `pythonide-${env}`,
    cpu: env === "staging" ? "512" : "1024",
    memory: env === "staging" ? "1024" : "2048",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    runtimePlatform: { cpuArchitecture: "X86_64", operatingSystemFamily: "LINUX" },
    containerDefinitions: JSON.stringify([container()]),
    volumes: [
      {
        name: "student-data",
        efsVolumeConfiguration: {
          fileSystemId: "fs-00000000",
          transitEncryption: "ENABLED",
          authorizationConfig: { accessPointId: "fsap-00000000", iam: "ENABLED" },
        },
      },
    ],
    tags: tags(env),
  };
}

export function taskDefinition(env: Env = "prod", name = "ide-task"): FixtureResource {
  return { type: TYPES.taskDefinition, name, props: taskDefinitionProps(env) };
}

export function serviceProps(
  env: Env = "prod",
  name = `pythonide-${env}`,
): Record<string, unknown> {
  return {
    name,
    cluster: CLUSTER_ARN,
    taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/pythonide-${env}:1`,
    desiredCount: env === "prod" ? 1 : 0,
    capacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
    deploymentCircuitBreaker: { enable: true, rollback: true },
    networkConfiguration: {
      subnets: ["subnet-0000000a", "subnet-0000000b"],
      securityGroups: ["sg-00000tasks"],
      assignPublicIp: false,
    },
    loadBalancers: [
      {
        targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/ide/0000`,
        containerName: "ide",
        containerPort: 8080,
      },
    ],
    tags: tags(env),
  };
}

export function service(env: Env = "prod", name = "ide-service"): FixtureResource {
  return { type: TYPES.service, name, props: serviceProps(env) };
}

/** The scalable target of `service(env)`. */
export function target(env: Env = "prod", name = "ide-target"): FixtureResource {
  return {
    type: TYPES.target,
    name,
    props: {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: `service/pythonide/pythonide-${env}`,
      minCapacity: env === "prod" ? 1 : 0,
      maxCapacity: env === "prod" ? 8 : env === "staging" ? 2 : 10,
      tags: tags(env),
    },
    propertyDependencies: { resourceId: ["ide-service"] },
  };
}

/** A CPU target-tracking policy on `target(env)`. */
export function scalingPolicy(env: Env = "prod", name = "ide-cpu"): FixtureResource {
  return {
    type: TYPES.scalingPolicy,
    name,
    props: {
      policyType: "TargetTrackingScaling",
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: `service/pythonide/pythonide-${env}`,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: 60,
        predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
      },
    },
    propertyDependencies: { resourceId: ["ide-target"] },
  };
}

/** `at(...)` text for an instant (epoch ms), in UTC. */
export function atUtc(ms: number): string {
  return atExpression(new Date(ms));
}

export const HOUR = 3_600_000;

/** A scheduled action on `target(env)`. */
export function scheduledAction(
  env: Env,
  name: string,
  schedule: string,
  action: { minCapacity?: number; maxCapacity?: number },
  timezone?: string,
): FixtureResource {
  return {
    type: TYPES.scheduledAction,
    name,
    props: {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: `service/pythonide/pythonide-${env}`,
      schedule,
      timezone,
      scalableTargetAction: action,
    },
    propertyDependencies: { resourceId: ["ide-target"] },
  };
}

/** A service with its target and a CPU policy: what the IdeService component creates. */
export function scaledService(env: Env = "prod"): FixtureResource[] {
  return [service(env), target(env), scalingPolicy(env)];
}

export function rdsInstanceProps(env: Env = "prod"): Record<string, unknown> {
  return {
    identifier: `pythonide-${env}`,
    engine: "postgres",
    instanceClass: "db.t4g.small",
    allocatedStorage: 20,
    username: "pythonide_admin",
    manageMasterUserPassword: true,
    storageEncrypted: true,
    publiclyAccessible: false,
    backupRetentionPeriod: env === "staging" ? 1 : 7,
    deletionProtection: env !== "staging",
    dbSubnetGroupName: "pythonide-db",
    vpcSecurityGroupIds: ["sg-0000000db"],
    tags: tags(env),
  };
}

export function rdsInstance(env: Env = "prod", name = "db"): FixtureResource {
  return { type: TYPES.rdsInstance, name, props: rdsInstanceProps(env) };
}

export function rdsCluster(env: Env = "prod", name = "db-cluster"): FixtureResource {
  return {
    type: TYPES.rdsCluster,
    name,
    props: {
      clusterIdentifier: `pythonide-${env}`,
      engine: "aurora-postgresql",
      masterUsername: "pythonide_admin",
      manageMasterUserPassword: true,
      storageEncrypted: true,
      backupRetentionPeriod: 7,
      deletionProtection: true,
      tags: tags(env),
    },
  };
}

export function fileSystem(env: Env = "prod", name = "files"): FixtureResource {
  return {
    type: TYPES.efs,
    name,
    props: { encrypted: true, throughputMode: "elastic", tags: tags(env) },
  };
}

export function logGroup(env: Env = "prod", name = "ide-logs"): FixtureResource {
  return {
    type: TYPES.logGroup,
    name,
    props: { name: `/ecs/pythonide-${env}`, retentionInDays: 30, tags: tags(env) },
  };
}

export function targetGroup(env: Env = "prod", name = "ide-tg"): FixtureResource {
  return {
    type: TYPES.targetGroup,
    name,
    props: {
      port: 8080,
      protocol: "HTTP",
      targetType: "ip",
      vpcId: "vpc-00000000",
      healthCheck: {
        enabled: true,
        path: "/api/health",
        matcher: "200",
        interval: 30,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
      tags: tags(env),
    },
  };
}

export function httpsListener(name = "https"): FixtureResource {
  return {
    type: TYPES.listener,
    name,
    props: {
      loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/pythonide/0000`,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/00000000-0000-0000-0000-000000000000`,
      defaultActions: [
        {
          type: "forward",
          targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/ide/0000`,
        },
      ],
      tags: tags("prod", "platform"),
    },
  };
}

export function httpRedirectListener(name = "http"): FixtureResource {
  return {
    type: TYPES.listener,
    name,
    props: {
      loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/pythonide/0000`,
      port: 80,
      protocol: "HTTP",
      defaultActions: [
        { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
      ],
      tags: tags("prod", "platform"),
    },
  };
}

/**
 * The platform's network edge: the load balancer's group open on 80/443 (inline ingress), the
 * tasks' group reachable only from it (an ingress rule), the load balancer using the first.
 */
export function edge(): FixtureResource[] {
  return [
    {
      type: TYPES.securityGroup,
      name: "lb-sg",
      props: {
        id: "sg-0000000lb",
        vpcId: "vpc-00000000",
        description: "load balancer",
        ingress: [
          {
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrBlocks: ["0.0.0.0/0"],
            ipv6CidrBlocks: ["::/0"],
          },
          { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] },
        ],
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        tags: tags("prod", "platform"),
      },
    },
    {
      type: TYPES.securityGroup,
      name: "tasks-sg",
      props: {
        id: "sg-00000tasks",
        vpcId: "vpc-00000000",
        description: "tasks",
        tags: tags("prod"),
      },
    },
    {
      type: TYPES.ingressRule,
      name: "tasks-from-lb",
      props: {
        securityGroupId: "sg-00000tasks",
        referencedSecurityGroupId: "sg-0000000lb",
        ipProtocol: "tcp",
        fromPort: 8080,
        toPort: 8080,
        tags: tags("prod"),
      },
      propertyDependencies: { securityGroupId: ["tasks-sg"], referencedSecurityGroupId: ["lb-sg"] },
    },
    {
      type: TYPES.loadBalancer,
      name: "lb",
      props: {
        loadBalancerType: "application",
        securityGroups: ["sg-0000000lb"],
        subnets: ["subnet-0000000a", "subnet-0000000b"],
        tags: tags("prod", "platform"),
      },
      propertyDependencies: { securityGroups: ["lb-sg"] },
    },
  ];
}

export function ssmParameter(name = "image-tag"): FixtureResource {
  return {
    type: TYPES.ssmParameter,
    name,
    props: {
      name: "/pythonide/prod/image-tag",
      type: "String",
      value: "2025.10.1",
      tags: tags("prod"),
    },
  };
}

/** Replaces one property of a fixture's props (returns a new fixture). */
export function withProps(f: FixtureResource, changes: Record<string, unknown>): FixtureResource {
  return { ...f, props: { ...f.props, ...changes } };
}
