/**
 * What an IdeService's tasks are: its directory on the shared file system (an EFS access point),
 * its log group, the cookie secret, the execution and task roles with least-privilege policies,
 * and the Fargate task definition that ties them together. Children of the IdeService, named
 * from its name (the names users' state holds: tests/components/urns.test.ts).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ecrRepositoryArn, parseEcrImage } from "../../model/image";
import { DEFAULT_DATABASE_NAME } from "../database";
import { CONTAINER_PORT } from "../platform";
import type { IdeServiceArgs } from "../ideService";

/** Name of the IDE container in the task definition. */
export const CONTAINER_NAME = "pythonide";
/** Where student files are mounted in the container (IDE_DATA_PATH). */
export const DATA_MOUNT_PATH = "/mnt/efs/pythonide-data";
/** POSIX user and group the IDE writes student files as (through the access point). */
export const DATA_POSIX_ID = 1000;

/** Where the parts of one IdeService live: its name, parent, tags, region and account. */
export interface IdePartContext {
  /** The IdeService's name: children are named `${name}-<suffix>`. */
  name: string;
  /** The IdeService itself (every child's parent). */
  parent: pulumi.Resource;
  /** Tags of every taggable child. */
  tags: Record<string, string>;
  /** The provider's region (log configuration, dashboard). */
  region: pulumi.Output<string>;
  /** The deploying account (the task role's trust condition). */
  accountId: pulumi.Output<string>;
}

/** What addTaskDefinition creates. */
export interface IdeTask {
  /** The service's EFS access point (its own directory, POSIX user 1000). */
  accessPoint: aws.efs.AccessPoint;
  /** The container's log group. */
  logGroup: aws.cloudwatch.LogGroup;
  /** Role ECS uses to start tasks (pull the image, write logs, read the secrets). */
  executionRole: aws.iam.Role;
  /** Role the IDE runs as (mount and write its EFS access point). */
  taskRole: aws.iam.Role;
  /** Secrets Manager secret of the cookie secret, when one is configured. */
  cookieSecret?: aws.secretsmanager.Secret;
  /** The task definition. */
  taskDefinition: aws.ecs.TaskDefinition;
  /**
   * The container definitions as structured data: in a new stack's first preview the task
   * definition's JSON is unknown as a whole, while these are unknown only where a value is.
   */
  containers: unknown[];
}

/** Creates the access point, log group, secrets, roles and task definition of an IdeService. */
export function addTaskDefinition(ctx: IdePartContext, args: IdeServiceArgs): IdeTask {
  const { name, tags } = ctx;
  const parent = { parent: ctx.parent };
  const s = args.service;

  // Student files: the service's own directory on the shared file system.
  const dataDirectory = args.dataDirectory ?? `/pythonide/${args.environment}`;
  const accessPoint = new aws.efs.AccessPoint(
    `${name}-data`,
    {
      fileSystemId: args.fileSystemId,
      posixUser: { uid: DATA_POSIX_ID, gid: DATA_POSIX_ID },
      rootDirectory: {
        path: dataDirectory,
        creationInfo: { ownerUid: DATA_POSIX_ID, ownerGid: DATA_POSIX_ID, permissions: "750" },
      },
      tags: { ...tags, Name: `${name}-data` },
    },
    parent,
  );

  const logGroup = new aws.cloudwatch.LogGroup(
    `${name}-logs`,
    { name: `/ecs/pythonide/${name}`, retentionInDays: s.retentionInDays, tags },
    parent,
  );

  // Secrets: the database credentials RDS manages, and the cookie secret if configured.
  const secrets: { name: string; valueFrom: pulumi.Input<string> }[] = [];
  const secretArns: pulumi.Input<string>[] = [];
  if (args.databaseSecretArn !== undefined) {
    secrets.push(
      {
        name: "DATABASE_USER",
        valueFrom: pulumi.interpolate`${args.databaseSecretArn}:username::`,
      },
      {
        name: "DATABASE_PASSWORD",
        valueFrom: pulumi.interpolate`${args.databaseSecretArn}:password::`,
      },
    );
    secretArns.push(args.databaseSecretArn);
  }
  let cookieSecret: aws.secretsmanager.Secret | undefined;
  let cookieSecretVersion: aws.secretsmanager.SecretVersion | undefined;
  if (s.cookieSecret !== undefined) {
    cookieSecret = new aws.secretsmanager.Secret(
      `${name}-cookie-secret`,
      {
        description: `Tornado cookie secret of the ${args.environment} IDE`,
        recoveryWindowInDays: 7,
        tags,
      },
      parent,
    );
    cookieSecretVersion = new aws.secretsmanager.SecretVersion(
      `${name}-cookie-secret-value`,
      { secretId: cookieSecret.id, secretString: pulumi.secret(s.cookieSecret) },
      parent,
    );
    secrets.push({ name: "COOKIE_SECRET", valueFrom: cookieSecret.arn });
    secretArns.push(cookieSecret.arn);
  }

  const { executionRole, taskRole } = addRoles(ctx, args, {
    logGroup,
    accessPoint,
    secretArns,
  });

  const containers = [
    {
      name: CONTAINER_NAME,
      image: s.image,
      essential: true,
      portMappings: [{ containerPort: CONTAINER_PORT, protocol: "tcp" }],
      environment: containerEnvironment(args),
      secrets,
      mountPoints: [{ sourceVolume: "ide-data", containerPath: DATA_MOUNT_PATH, readOnly: false }],
      // Student programs run as child processes: an init process reaps them.
      linuxParameters: { initProcessEnabled: true },
      logConfiguration: {
        logDriver: "awslogs",
        options: {
          "awslogs-group": logGroup.name,
          "awslogs-region": ctx.region,
          "awslogs-stream-prefix": "ide",
        },
      },
    },
  ];
  const taskDefinition = new aws.ecs.TaskDefinition(
    `${name}-task`,
    {
      family: `pythonide-${name}`,
      cpu: String(s.cpu),
      memory: String(s.memory),
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: s.cpuArchitecture },
      executionRoleArn: executionRole.arn,
      taskRoleArn: taskRole.arn,
      volumes: [
        {
          name: "ide-data",
          efsVolumeConfiguration: {
            fileSystemId: args.fileSystemId,
            transitEncryption: "ENABLED",
            authorizationConfig: { accessPointId: accessPoint.id, iam: "ENABLED" },
          },
        },
      ],
      containerDefinitions: pulumi.jsonStringify(containers),
      tags,
    },
    { parent: ctx.parent, dependsOn: cookieSecretVersion ? [cookieSecretVersion] : [] },
  );
  return {
    accessPoint,
    logGroup,
    executionRole,
    taskRole,
    cookieSecret,
    taskDefinition,
    containers,
  };
}

/** The app's settings as container environment (never a credential: those are `secrets`). */
function containerEnvironment(
  args: IdeServiceArgs,
): { name: string; value: pulumi.Input<string> }[] {
  const app = args.service.app;
  const examMode = args.examMode ?? args.environment === "exam";
  const database: { name: string; value: pulumi.Input<string> }[] = [];
  if (args.databaseEndpoint !== undefined) {
    const [dbHost, dbPort] = splitEndpoint(args.databaseEndpoint);
    database.push(
      { name: "DATABASE_HOST", value: dbHost },
      { name: "DATABASE_NAME", value: args.databaseName ?? DEFAULT_DATABASE_NAME },
      { name: "DATABASE_PORT", value: dbPort },
    );
  }
  return [
    ...database,
    { name: "EXECUTION_TIMEOUT", value: String(app.executionTimeoutSeconds) },
    { name: "IDE_DATA_PATH", value: DATA_MOUNT_PATH },
    { name: "IS_EXAM_MODE", value: String(examMode) },
    { name: "MAX_CONCURRENT_EXECUTIONS", value: String(app.maxConcurrentExecutions) },
    { name: "MEMORY_LIMIT_MB", value: String(app.memoryLimitMb) },
    { name: "TORNADO_PROCESSES", value: String(app.tornadoProcesses) },
  ];
}

/**
 * The execution role (write its own log group, read its own secrets, pull its own ECR image) and
 * the task role (mount and write the file system through its own access point only).
 */
function addRoles(
  ctx: IdePartContext,
  args: IdeServiceArgs,
  own: {
    logGroup: aws.cloudwatch.LogGroup;
    accessPoint: aws.efs.AccessPoint;
    secretArns: pulumi.Input<string>[];
  },
): { executionRole: aws.iam.Role; taskRole: aws.iam.Role } {
  const { name, tags, region, accountId } = ctx;
  const parent = { parent: ctx.parent };
  const assumedByEcsTasks = (conditions: boolean) =>
    pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "ecs-tasks.amazonaws.com" },
          Action: "sts:AssumeRole",
          ...(conditions
            ? {
                Condition: {
                  StringEquals: { "aws:SourceAccount": accountId },
                  ArnLike: {
                    "aws:SourceArn": pulumi.interpolate`arn:aws:ecs:${region}:${accountId}:*`,
                  },
                },
              }
            : {}),
        },
      ],
    });
  const executionRole = new aws.iam.Role(
    `${name}-execution-role`,
    {
      description: `Starts ${args.environment} IDE tasks: pull the image, write logs, read the task's secrets`,
      assumeRolePolicy: assumedByEcsTasks(false),
      tags,
    },
    parent,
  );
  const executionStatements: unknown[] = [
    {
      Sid: "WriteOwnLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: pulumi.interpolate`${own.logGroup.arn}:*`,
    },
  ];
  if (own.secretArns.length > 0) {
    executionStatements.push({
      Sid: "ReadOwnSecrets",
      Effect: "Allow",
      Action: "secretsmanager:GetSecretValue",
      Resource: own.secretArns,
    });
  }
  const ecr = parseEcrImage(args.service.image);
  if (ecr) {
    executionStatements.push(
      { Sid: "EcrLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: "PullOwnImage",
        Effect: "Allow",
        Action: [
          "ecr:BatchCheckLayerAvailability",
          "ecr:GetDownloadUrlForLayer",
          "ecr:BatchGetImage",
        ],
        Resource: ecrRepositoryArn(ecr),
      },
    );
  }
  new aws.iam.RolePolicy(
    `${name}-execution-policy`,
    {
      role: executionRole.id,
      policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: executionStatements }),
    },
    parent,
  );
  const taskRole = new aws.iam.Role(
    `${name}-task-role`,
    {
      description: `Runs the ${args.environment} IDE: mount and write its own EFS access point`,
      assumeRolePolicy: assumedByEcsTasks(true),
      tags,
    },
    parent,
  );
  new aws.iam.RolePolicy(
    `${name}-task-policy`,
    {
      role: taskRole.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "OwnAccessPointOnly",
            Effect: "Allow",
            Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
            Resource: args.fileSystemArn,
            Condition: {
              StringEquals: { "elasticfilesystem:AccessPointArn": own.accessPoint.arn },
            },
          },
        ],
      }),
    },
    parent,
  );
  return { executionRole, taskRole };
}

/** Splits `host:port` into its parts (port 5432 when absent). */
function splitEndpoint(
  endpoint: pulumi.Input<string>,
): [pulumi.Output<string>, pulumi.Output<string>] {
  const parts = pulumi.output(endpoint).apply((e) => {
    const i = e.lastIndexOf(":");
    return i > 0 && /^\d+$/.test(e.slice(i + 1)) ? [e.slice(0, i), e.slice(i + 1)] : [e, "5432"];
  });
  return [parts.apply((p) => p[0]), parts.apply((p) => p[1])];
}
