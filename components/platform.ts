/**
 * Platform: what the prod stack owns and every environment shares. A VPC (awsx, NAT strategy
 * from config), an ECS cluster with the Fargate and Fargate Spot capacity providers, an
 * Application Load Balancer with an HTTPS listener (HTTP redirects to it), an encrypted EFS file
 * system with a mount target per task subnet, the prod database, an SNS alarm topic, and the
 * security groups that chain them: internet -> load balancer (80/443) -> tasks (8080) ->
 * database (5432) and file system (2049), nothing else open.
 */
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import {
  DatabaseConfig,
  isAcmCertificateArn,
  isEmail,
  NatStrategy,
  PlatformConfig,
} from "../model/config";
import { autoNameProblems } from "../model/awsLimits";
import { Database, platformDatabaseArgs } from "./database";
import { standardTags } from "./tags";
import { ArgsChecker } from "./validate";

/** Port the IDE container listens on. */
export const CONTAINER_PORT = 8080;
/** PostgreSQL port. */
export const DATABASE_PORT = 5432;
/** NFS port (EFS). */
export const NFS_PORT = 2049;
/** TLS policy of the HTTPS listener: TLS 1.3 and 1.2 with forward-secret ciphers only. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** awsx's NAT gateway strategy for each config value. */
export const NAT_GATEWAY_STRATEGY: Readonly<
  Record<NatStrategy, awsx.types.enums.ec2.NatGatewayStrategy>
> = {
  none: "None",
  single: "Single",
  "one-per-az": "OnePerAz",
};

export interface PlatformArgs {
  /** The stack the platform belongs to (prod): the `Environment` tag of everything it creates. */
  environment: string;
  /** Network, certificate and file system settings (model/config/types.ts PlatformConfig). */
  platform: PlatformConfig;
  /** Settings of the prod database (model/config/types.ts DatabaseConfig). */
  database: DatabaseConfig;
  /** Email address subscribed to the alarm topic. Default: none (no subscription). */
  alarmEmail?: string;
  /**
   * ECS Container Insights on the cluster. Default `false`: it is billed as CloudWatch custom
   * metrics per cluster, service and task plus performance-log ingestion, a noticeable share of
   * a one-task bill; the dashboard and alarms use the free AWS/ECS and AWS/ApplicationELB
   * metrics instead.
   */
  containerInsights?: boolean;
  /** Name of the database the prod IDE uses inside the instance. Default `pythonide`. */
  databaseName?: string;
}

/**
 * The platform outputs an IdeService (and the staging and exam stacks, through a
 * StackReference) needs. Every key is also a prod stack output of the same name; each is
 * documented on the Platform property of the same name.
 */
export interface PlatformOutputs {
  vpcId: pulumi.Output<string>;
  publicSubnetIds: pulumi.Output<string[]>;
  privateSubnetIds: pulumi.Output<string[]>;
  taskSubnetIds: pulumi.Output<string[]>;
  assignPublicIp: pulumi.Output<boolean>;
  clusterName: pulumi.Output<string>;
  clusterArn: pulumi.Output<string>;
  httpsListenerArn: pulumi.Output<string>;
  loadBalancerArnSuffix: pulumi.Output<string>;
  loadBalancerDnsName: pulumi.Output<string>;
  loadBalancerSecurityGroupId: pulumi.Output<string>;
  taskSecurityGroupId: pulumi.Output<string>;
  databaseSecurityGroupId: pulumi.Output<string>;
  fileSystemSecurityGroupId: pulumi.Output<string>;
  dbSubnetGroupName: pulumi.Output<string>;
  fileSystemId: pulumi.Output<string>;
  fileSystemArn: pulumi.Output<string>;
  databaseEndpoint: pulumi.Output<string>;
  databaseSecretArn: pulumi.Output<string>;
  alarmTopicArn: pulumi.Output<string>;
}

/** The shared platform of all environments, owned by the prod stack. */
export class Platform extends pulumi.ComponentResource implements PlatformOutputs {
  /** The awsx VPC (public subnets and private subnets in each availability zone). */
  readonly vpc: awsx.ec2.Vpc;
  /** ID of the VPC. */
  readonly vpcId: pulumi.Output<string>;
  /** Public subnets (load balancer; tasks too when natStrategy is none). */
  readonly publicSubnetIds: pulumi.Output<string[]>;
  /** Private subnets (database; tasks too when a NAT strategy is set). */
  readonly privateSubnetIds: pulumi.Output<string[]>;
  /** Subnets tasks run in: public with natStrategy none (default), private otherwise. */
  readonly taskSubnetIds: pulumi.Output<string[]>;
  /** Whether tasks get a public IP: true with natStrategy none (their only way out). */
  readonly assignPublicIp: pulumi.Output<boolean>;
  /** The ECS cluster. */
  readonly cluster: aws.ecs.Cluster;
  /** Cluster name (resolves after the capacity providers are attached). */
  readonly clusterName: pulumi.Output<string>;
  /** Cluster ARN (resolves after the capacity providers are attached). */
  readonly clusterArn: pulumi.Output<string>;
  /** The Application Load Balancer. */
  readonly loadBalancer: aws.lb.LoadBalancer;
  /** The HTTPS listener IdeServices attach host rules to (default action: 404). */
  readonly httpsListener: aws.lb.Listener;
  /** ARN of the HTTPS listener. */
  readonly httpsListenerArn: pulumi.Output<string>;
  /** The load balancer's ARN suffix (the CloudWatch `LoadBalancer` dimension). */
  readonly loadBalancerArnSuffix: pulumi.Output<string>;
  /** DNS name of the load balancer (point the domain's records at it). */
  readonly loadBalancerDnsName: pulumi.Output<string>;
  /** Security group of the load balancer: 80/443 from the internet, 8080 to tasks. */
  readonly loadBalancerSecurityGroupId: pulumi.Output<string>;
  /** Security group of IDE tasks: 8080 from the load balancer only. */
  readonly taskSecurityGroupId: pulumi.Output<string>;
  /** Security group of databases: 5432 from tasks only. */
  readonly databaseSecurityGroupId: pulumi.Output<string>;
  /** Security group of the EFS mount targets: 2049 from tasks only. */
  readonly fileSystemSecurityGroupId: pulumi.Output<string>;
  /** DB subnet group over the private subnets (other environments' databases can use it). */
  readonly dbSubnetGroupName: pulumi.Output<string>;
  /** The EFS file system (encrypted; each IdeService mounts it through its own access point). */
  readonly fileSystem: aws.efs.FileSystem;
  /** ID of the file system. */
  readonly fileSystemId: pulumi.Output<string>;
  /** ARN of the file system. */
  readonly fileSystemArn: pulumi.Output<string>;
  /** The prod database. */
  readonly database: Database;
  /** `host:port` of the prod database. */
  readonly databaseEndpoint: pulumi.Output<string>;
  /** ARN of the RDS-managed secret holding the prod database's master credentials. */
  readonly databaseSecretArn: pulumi.Output<string>;
  /** The SNS topic alarms notify. */
  readonly alarmTopic: aws.sns.Topic;
  /** ARN of the alarm topic. */
  readonly alarmTopicArn: pulumi.Output<string>;

  constructor(name: string, args: PlatformArgs, opts: pulumi.ComponentResourceOptions = {}) {
    const check = new ArgsChecker("Platform", name);
    const p = args.platform;
    if (!args.environment) check.fail("environment", args.environment, "must be the stack name");
    check.setting("platform.availabilityZones", p.availabilityZones, "availabilityZones");
    check.setting("platform.natStrategy", p.natStrategy, "natStrategy");
    check.setting("platform.efsThroughputMode", p.efsThroughputMode, "efsThroughputMode");
    if (p.efsThroughputMode === "provisioned") {
      check.setting("platform.efsProvisionedMibps", p.efsProvisionedMibps, "efsProvisionedMibps");
    }
    if (!isAcmCertificateArn(p.certificateArn)) {
      check.fail(
        "platform.certificateArn",
        p.certificateArn,
        "must be an ACM certificate ARN, arn:aws:acm:<region>:<account>:certificate/<id>",
      );
    }
    check.problems.push(...autoNameProblems([["aws:lb/loadBalancer:LoadBalancer", `${name}-alb`]]));
    if (args.alarmEmail !== undefined && !isEmail(args.alarmEmail)) {
      check.fail("alarmEmail", args.alarmEmail, "must be an email address");
    }
    check.throwIfAny();

    super("pythonide:components:Platform", name, {}, opts);
    const tags = standardTags(args.environment, "platform");
    const parent = { parent: this };

    // Network. Private subnets exist with every strategy: with NAT "none" they have no route
    // out at all (awsx adds no default route), which is what the database wants.
    this.vpc = new awsx.ec2.Vpc(
      `${name}-vpc`,
      {
        cidrBlock: p.vpcCidr,
        numberOfAvailabilityZones: p.availabilityZones,
        subnetStrategy: "Auto",
        subnetSpecs: [
          { type: "Public", name: "public" },
          { type: "Private", name: "private" },
        ],
        natGateways: { strategy: NAT_GATEWAY_STRATEGY[p.natStrategy] },
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags,
      },
      parent,
    );
    this.vpcId = this.vpc.vpcId;
    this.publicSubnetIds = this.vpc.publicSubnetIds;
    this.privateSubnetIds = this.vpc.privateSubnetIds;
    const tasksInPublicSubnets = p.natStrategy === "none";
    this.taskSubnetIds = tasksInPublicSubnets ? this.publicSubnetIds : this.privateSubnetIds;
    this.assignPublicIp = pulumi.output(tasksInPublicSubnets);

    // Security groups: no inline rules, so each rule below is one reviewable resource and the
    // groups can reference each other without a cycle.
    const group = (suffix: string, description: string): aws.ec2.SecurityGroup =>
      new aws.ec2.SecurityGroup(
        `${name}-${suffix}`,
        {
          vpcId: this.vpcId,
          description,
          revokeRulesOnDelete: true,
          tags: { ...tags, Name: `${name}-${suffix}` },
        },
        parent,
      );
    const lbSg = group("alb-sg", "Load balancer: HTTP/HTTPS from the internet, 8080 to IDE tasks");
    const taskSg = group("task-sg", "IDE tasks: 8080 from the load balancer only");
    const dbSg = group("db-sg", "Databases: PostgreSQL from IDE tasks only");
    const efsSg = group("efs-sg", "EFS mount targets: NFS from IDE tasks only");

    // One TCP port between a group and a peer (a CIDR or another group), in or out.
    const rule =
      (Rule: typeof aws.vpc.SecurityGroupIngressRule | typeof aws.vpc.SecurityGroupEgressRule) =>
      (
        suffix: string,
        sg: aws.ec2.SecurityGroup,
        port: number,
        peer: { cidrIpv4: string } | { referencedSecurityGroupId: pulumi.Input<string> },
        description: string,
      ): void => {
        new Rule(
          `${name}-${suffix}`,
          {
            securityGroupId: sg.id,
            ipProtocol: "tcp",
            fromPort: port,
            toPort: port,
            ...peer,
            description,
            tags,
          },
          parent,
        );
      };
    const ingress = rule(aws.vpc.SecurityGroupIngressRule);
    const egress = rule(aws.vpc.SecurityGroupEgressRule);
    const internet = { cidrIpv4: "0.0.0.0/0" };
    ingress("alb-in-https", lbSg, 443, internet, "HTTPS from the internet");
    ingress("alb-in-http", lbSg, 80, internet, "HTTP from the internet (redirected to HTTPS)");
    egress(
      "alb-out-tasks",
      lbSg,
      CONTAINER_PORT,
      { referencedSecurityGroupId: taskSg.id },
      "To IDE tasks",
    );
    ingress(
      "task-in-alb",
      taskSg,
      CONTAINER_PORT,
      { referencedSecurityGroupId: lbSg.id },
      "From the load balancer",
    );
    // Tasks reach out on 443 only: image registry, Secrets Manager and CloudWatch Logs have no
    // VPC endpoints here (they would cost more than the tasks), so they are reached over HTTPS.
    egress(
      "task-out-https",
      taskSg,
      443,
      internet,
      "HTTPS: image registry, Secrets Manager, CloudWatch Logs",
    );
    egress(
      "task-out-db",
      taskSg,
      DATABASE_PORT,
      { referencedSecurityGroupId: dbSg.id },
      "To the database",
    );
    egress("task-out-efs", taskSg, NFS_PORT, { referencedSecurityGroupId: efsSg.id }, "To EFS");
    ingress(
      "db-in-tasks",
      dbSg,
      DATABASE_PORT,
      { referencedSecurityGroupId: taskSg.id },
      "From IDE tasks",
    );
    ingress(
      "efs-in-tasks",
      efsSg,
      NFS_PORT,
      { referencedSecurityGroupId: taskSg.id },
      "From IDE tasks",
    );
    this.loadBalancerSecurityGroupId = lbSg.id;
    this.taskSecurityGroupId = taskSg.id;
    this.databaseSecurityGroupId = dbSg.id;
    this.fileSystemSecurityGroupId = efsSg.id;

    // Cluster, with both Fargate capacity providers so services can choose on-demand or Spot.
    this.cluster = new aws.ecs.Cluster(
      `${name}-cluster`,
      {
        settings: [
          {
            name: "containerInsights",
            value: (args.containerInsights ?? false) ? "enabled" : "disabled",
          },
        ],
        tags,
      },
      parent,
    );
    const capacityProviders = new aws.ecs.ClusterCapacityProviders(
      `${name}-capacity-providers`,
      {
        clusterName: this.cluster.name,
        capacityProviders: ["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
      },
      parent,
    );
    // A service's capacity provider strategy names FARGATE or FARGATE_SPOT, which ECS accepts
    // only once they are attached to the cluster (CreateService: "The capacity provider must be
    // associated with the cluster", https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html).
    // The cluster's name and ARN are handed out through the attachment, so everything that
    // takes either (the services, their scalable targets) depends on it.
    this.clusterName = capacityProviders.clusterName;
    this.clusterArn = pulumi
      .all([capacityProviders.clusterName, this.cluster.arn])
      .apply(([, arn]) => arn);

    // Load balancer: HTTPS with the configured certificate; HTTP only redirects.
    this.loadBalancer = new aws.lb.LoadBalancer(
      `${name}-alb`,
      {
        loadBalancerType: "application",
        internal: false,
        securityGroups: [lbSg.id],
        subnets: this.publicSubnetIds,
        dropInvalidHeaderFields: true,
        // IDE sessions hold WebSockets open between keystrokes; 60 s (the default) cuts them.
        idleTimeout: 300,
        tags,
      },
      parent,
    );
    this.httpsListener = new aws.lb.Listener(
      `${name}-https`,
      {
        loadBalancerArn: this.loadBalancer.arn,
        port: 443,
        protocol: "HTTPS",
        sslPolicy: TLS_POLICY,
        certificateArn: p.certificateArn,
        defaultActions: [
          {
            type: "fixed-response",
            fixedResponse: {
              contentType: "text/plain",
              messageBody: "Not found",
              statusCode: "404",
            },
          },
        ],
        tags,
      },
      parent,
    );
    new aws.lb.Listener(
      `${name}-http`,
      {
        loadBalancerArn: this.loadBalancer.arn,
        port: 80,
        protocol: "HTTP",
        defaultActions: [
          {
            type: "redirect",
            redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" },
          },
        ],
        tags,
      },
      parent,
    );
    this.httpsListenerArn = this.httpsListener.arn;
    this.loadBalancerArnSuffix = this.loadBalancer.arnSuffix;
    this.loadBalancerDnsName = this.loadBalancer.dnsName;

    // File system: encrypted at rest, TLS required in transit, backed up, a mount target in
    // each subnet tasks run in.
    this.fileSystem = new aws.efs.FileSystem(
      `${name}-efs`,
      {
        encrypted: true,
        performanceMode: "generalPurpose",
        throughputMode: p.efsThroughputMode,
        provisionedThroughputInMibps:
          p.efsThroughputMode === "provisioned" ? p.efsProvisionedMibps : undefined,
        tags: { ...tags, Name: `${name}-efs` },
      },
      parent,
    );
    this.fileSystemId = this.fileSystem.id;
    this.fileSystemArn = this.fileSystem.arn;
    new aws.efs.FileSystemPolicy(
      `${name}-efs-policy`,
      {
        fileSystemId: this.fileSystem.id,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "DenyUnencryptedTransport",
              Effect: "Deny",
              Principal: { AWS: "*" },
              Action: "*",
              Resource: this.fileSystem.arn,
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
          ],
        }),
      },
      parent,
    );
    new aws.efs.BackupPolicy(
      `${name}-efs-backup`,
      { fileSystemId: this.fileSystem.id, backupPolicy: { status: "ENABLED" } },
      parent,
    );
    for (let i = 0; i < p.availabilityZones; i++) {
      new aws.efs.MountTarget(
        `${name}-efs-mount-${i + 1}`,
        {
          fileSystemId: this.fileSystem.id,
          subnetId: this.taskSubnetIds.apply((ids) => ids[i]),
          securityGroups: [efsSg.id],
        },
        // EFS allows one mount target per zone ("MountTargetConflict": CreateMountTarget,
        // https://docs.aws.amazon.com/efs/latest/ug/API_CreateMountTarget.html), and a new
        // subnet (natStrategy moves the task subnets) replaces it: delete the old one first,
        // or the engine's create-before-delete fails. Tasks in that zone lose the file system
        // for the minutes in between; `npm start -- --against` shows the replacement.
        { parent: this, deleteBeforeReplace: true },
      );
    }

    // Alarm topic (+ email subscription when an address is configured).
    this.alarmTopic = new aws.sns.Topic(`${name}-alarms`, { tags }, parent);
    this.alarmTopicArn = this.alarmTopic.arn;
    if (args.alarmEmail !== undefined) {
      new aws.sns.TopicSubscription(
        `${name}-alarms-email`,
        { topic: this.alarmTopic.arn, protocol: "email", endpoint: args.alarmEmail },
        parent,
      );
    }

    // The prod database, in the private subnets, reachable from tasks only.
    const subnetGroup = new aws.rds.SubnetGroup(
      `${name}-db-subnets`,
      {
        description: "Private subnets for the IDE databases",
        subnetIds: this.privateSubnetIds,
        tags,
      },
      parent,
    );
    this.dbSubnetGroupName = subnetGroup.name;
    this.database = new Database(
      `${name}-db`,
      {
        environment: args.environment,
        settings: args.database,
        ...platformDatabaseArgs(this),
        databaseName: args.databaseName,
      },
      parent,
    );
    this.databaseEndpoint = this.database.endpoint;
    this.databaseSecretArn = this.database.secretArn;

    this.registerOutputs(this.stackOutputs());
  }

  /** The outputs other stacks read, keyed by their stack-output names. */
  stackOutputs(): PlatformOutputs {
    return {
      vpcId: this.vpcId,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetIds: this.privateSubnetIds,
      taskSubnetIds: this.taskSubnetIds,
      assignPublicIp: this.assignPublicIp,
      clusterName: this.clusterName,
      clusterArn: this.clusterArn,
      httpsListenerArn: this.httpsListenerArn,
      loadBalancerArnSuffix: this.loadBalancerArnSuffix,
      loadBalancerDnsName: this.loadBalancerDnsName,
      loadBalancerSecurityGroupId: this.loadBalancerSecurityGroupId,
      taskSecurityGroupId: this.taskSecurityGroupId,
      databaseSecurityGroupId: this.databaseSecurityGroupId,
      fileSystemSecurityGroupId: this.fileSystemSecurityGroupId,
      dbSubnetGroupName: this.dbSubnetGroupName,
      fileSystemId: this.fileSystemId,
      fileSystemArn: this.fileSystemArn,
      databaseEndpoint: this.databaseEndpoint,
      databaseSecretArn: this.databaseSecretArn,
      alarmTopicArn: this.alarmTopicArn,
    };
  }
}
