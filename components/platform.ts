/**
 * Platform: what the prod stack owns and every environment shares. A VPC (awsx, NAT strategy
 * from config), an ECS cluster with the Fargate and Fargate Spot capacity providers, an
 * Application Load Balancer with an HTTPS listener (HTTP redirects to it), an encrypted EFS file
 * system with a mount target per task subnet, the prod database, an SNS alarm topic, and the
 * security groups that chain them: internet -> load balancer (80/443) -> tasks (8080) ->
 * database (5432) and file system (2049), nothing else open.
 *
 * The constructor composes parts with one job each, in components/platform/: network.ts (VPC,
 * security groups and rules), cluster.ts (cluster, capacity providers), loadBalancer.ts (ALB,
 * listeners), fileSystem.ts (EFS, policies, backup, mount targets), alarms.ts (SNS topic) and
 * database.ts (DB subnet group, prod Database). Every child's parent is the Platform.
 */
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { EfsThroughputMode, isAcmCertificateArn, isEmail, NatStrategy } from "../model/config";
import { isPrivateCidr } from "../model/config/checks";
import { autoNameProblems } from "../model/awsLimits";
import { Database, DatabaseSettings } from "./database";
import { addAlarmTopic } from "./platform/alarms";
import { addCluster } from "./platform/cluster";
import { PlatformPartContext } from "./platform/context";
import { addPlatformDatabase } from "./platform/database";
import { addFileSystem } from "./platform/fileSystem";
import { addLoadBalancer } from "./platform/loadBalancer";
import { addNetwork } from "./platform/network";
import { standardTags } from "./tags";
import { ArgsChecker } from "./validate";

export { CONTAINER_PORT, DATABASE_PORT, NAT_GATEWAY_STRATEGY, NFS_PORT } from "./platform/network";
export { TLS_POLICY } from "./platform/loadBalancer";

/**
 * The network, load balancer and file system settings of a Platform under the names and units of
 * the APIs they end up in (EC2 CreateVpc, awsx Vpc, ELB CreateListener, EFS CreateFileSystem).
 * Stack config keys differ (`vpcCidr`, `availabilityZones`, `efsThroughputMode`, ...):
 * stacks/componentArgs.ts maps a stack's validated config to these, in one place. Ranges and
 * allowed values are the config schema's (model/config/schema.ts), checked by the component.
 */
export interface PlatformSettings {
  /** VPC `cidrBlock`, a private IPv4 range of /16 to /22 such as `10.0.0.0/16` (config `vpcCidr`, default 10.0.0.0/16). */
  cidrBlock: string;
  /**
   * awsx Vpc `numberOfAvailabilityZones`: zones with a public and a private subnet each, 2 to 4
   * (config `availabilityZones`, default 2). One EFS mount target per zone.
   */
  numberOfAvailabilityZones: number;
  /**
   * NAT gateways (awsx `natGateways.strategy` None, Single or OnePerAz): `none` (tasks in the
   * public subnets with a public IP), `single` or `one-per-az` (tasks in the private subnets).
   * Config `natStrategy`, default none.
   */
  natStrategy: NatStrategy;
  /** `certificateArn` of the HTTPS listener: an ACM certificate ARN in the stack's region (config `certificateArn`). */
  certificateArn: string;
  /** EFS `throughputMode`: bursting, elastic or provisioned (config `efsThroughputMode`, default elastic). */
  throughputMode: EfsThroughputMode;
  /**
   * EFS `provisionedThroughputInMibps`, MiB/s, 1 to 1024; only with `throughputMode`
   * provisioned, and required then (config `efsProvisionedMibps`).
   */
  provisionedThroughputInMibps?: number;
}

export interface PlatformArgs {
  /** The stack the platform belongs to (prod): the `Environment` tag of everything it creates. */
  environment: string;
  /** Network, certificate and file system settings, under AWS's names. */
  platform: PlatformSettings;
  /** Settings of the prod database, under RDS's names (kind `instance`). */
  database: DatabaseSettings;
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
    validate(name, args);
    const p = args.platform;
    super("pythonide:components:Platform", name, {}, opts);
    const ctx: PlatformPartContext = {
      name,
      parent: this,
      tags: standardTags(args.environment, "platform"),
    };

    const network = addNetwork(ctx, p);
    this.vpc = network.vpc;
    ({
      vpcId: this.vpcId,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetIds: this.privateSubnetIds,
      taskSubnetIds: this.taskSubnetIds,
      assignPublicIp: this.assignPublicIp,
    } = network);
    this.loadBalancerSecurityGroupId = network.loadBalancerSecurityGroup.id;
    this.taskSecurityGroupId = network.taskSecurityGroup.id;
    this.databaseSecurityGroupId = network.databaseSecurityGroup.id;
    this.fileSystemSecurityGroupId = network.fileSystemSecurityGroup.id;

    ({
      cluster: this.cluster,
      clusterName: this.clusterName,
      clusterArn: this.clusterArn,
    } = addCluster(ctx, args.containerInsights ?? false));

    ({ loadBalancer: this.loadBalancer, httpsListener: this.httpsListener } = addLoadBalancer(ctx, {
      securityGroupId: this.loadBalancerSecurityGroupId,
      subnetIds: this.publicSubnetIds,
      certificateArn: p.certificateArn,
    }));
    this.httpsListenerArn = this.httpsListener.arn;
    this.loadBalancerArnSuffix = this.loadBalancer.arnSuffix;
    this.loadBalancerDnsName = this.loadBalancer.dnsName;

    this.fileSystem = addFileSystem(ctx, p, {
      subnetIds: this.taskSubnetIds,
      securityGroupId: this.fileSystemSecurityGroupId,
    });
    this.fileSystemId = this.fileSystem.id;
    this.fileSystemArn = this.fileSystem.arn;

    this.alarmTopic = addAlarmTopic(ctx, args.alarmEmail);
    this.alarmTopicArn = this.alarmTopic.arn;

    const db = addPlatformDatabase(ctx, {
      environment: args.environment,
      settings: args.database,
      databaseName: args.databaseName,
      privateSubnetIds: this.privateSubnetIds,
      databaseSecurityGroupId: this.databaseSecurityGroupId,
      alarmTopicArn: this.alarmTopicArn,
    });
    this.dbSubnetGroupName = db.subnetGroup.name;
    this.database = db.database;
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

/** Checks the Platform's arguments; throws every problem at once, before anything is registered. */
function validate(name: string, args: PlatformArgs): void {
  const check = new ArgsChecker("Platform", name);
  const p = args.platform;
  if (!args.environment) check.fail("environment", args.environment, "must be the stack name");
  if (!isPrivateCidr(p.cidrBlock)) {
    check.fail(
      "platform.cidrBlock",
      p.cidrBlock,
      "must be a private IPv4 range (10/8, 172.16/12 or 192.168/16) from /16 to /22, such as 10.0.0.0/16",
    );
  }
  check.setting(
    "platform.numberOfAvailabilityZones",
    p.numberOfAvailabilityZones,
    "availabilityZones",
  );
  check.setting("platform.natStrategy", p.natStrategy, "natStrategy");
  check.setting("platform.throughputMode", p.throughputMode, "efsThroughputMode");
  if (p.throughputMode === "provisioned") {
    check.setting(
      "platform.provisionedThroughputInMibps",
      p.provisionedThroughputInMibps,
      "efsProvisionedMibps",
    );
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
}
