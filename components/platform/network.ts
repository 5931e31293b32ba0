/**
 * The Platform's network: the awsx VPC (public and private subnets in each zone, NAT gateways by
 * `natStrategy`) and the four security groups with one rule resource per opening, chained
 * internet -> load balancer (80/443) -> tasks (8080) -> database (5432) and file system (2049).
 */
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { NatStrategy } from "../../model/config";
import type { PlatformSettings } from "../platform";
import { PlatformPartContext } from "./context";

/** Port the IDE container listens on. */
export const CONTAINER_PORT = 8080;
/** PostgreSQL port. */
export const DATABASE_PORT = 5432;
/** NFS port (EFS). */
export const NFS_PORT = 2049;

/** awsx's NAT gateway strategy for each config value. */
export const NAT_GATEWAY_STRATEGY: Readonly<
  Record<NatStrategy, awsx.types.enums.ec2.NatGatewayStrategy>
> = {
  none: "None",
  single: "Single",
  "one-per-az": "OnePerAz",
};

/**
 * The VPC's subnet specs: a public and a private subnet in each zone. Private subnets exist with
 * every NAT strategy: with "none" they have no route out at all (awsx adds no default route),
 * which is what the database wants.
 */
export const SUBNET_SPECS: awsx.types.input.ec2.SubnetSpecArgs[] = [
  { type: "Public", name: "public" },
  { type: "Private", name: "private" },
];

/** What addNetwork creates. */
export interface Network {
  vpc: awsx.ec2.Vpc;
  vpcId: pulumi.Output<string>;
  publicSubnetIds: pulumi.Output<string[]>;
  privateSubnetIds: pulumi.Output<string[]>;
  /** Public subnets with natStrategy none, private otherwise. */
  taskSubnetIds: pulumi.Output<string[]>;
  /** True with natStrategy none (a public IP is the tasks' only way out). */
  assignPublicIp: pulumi.Output<boolean>;
  loadBalancerSecurityGroup: aws.ec2.SecurityGroup;
  taskSecurityGroup: aws.ec2.SecurityGroup;
  databaseSecurityGroup: aws.ec2.SecurityGroup;
  fileSystemSecurityGroup: aws.ec2.SecurityGroup;
}

/** Creates the VPC, the security groups and their rules. */
export function addNetwork(
  ctx: PlatformPartContext,
  p: Pick<PlatformSettings, "cidrBlock" | "numberOfAvailabilityZones" | "natStrategy">,
): Network {
  const { name, tags } = ctx;
  const parent = { parent: ctx.parent };

  const vpc = new awsx.ec2.Vpc(
    `${name}-vpc`,
    {
      cidrBlock: p.cidrBlock,
      numberOfAvailabilityZones: p.numberOfAvailabilityZones,
      subnetStrategy: "Auto",
      subnetSpecs: SUBNET_SPECS,
      natGateways: { strategy: NAT_GATEWAY_STRATEGY[p.natStrategy] },
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags,
    },
    parent,
  );
  const tasksInPublicSubnets = p.natStrategy === "none";

  // Security groups: no inline rules, so each rule below is one reviewable resource and the
  // groups can reference each other without a cycle.
  const group = (suffix: string, description: string): aws.ec2.SecurityGroup =>
    new aws.ec2.SecurityGroup(
      `${name}-${suffix}`,
      {
        vpcId: vpc.vpcId,
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
  const from = (sg: aws.ec2.SecurityGroup) => ({ referencedSecurityGroupId: sg.id });
  ingress("alb-in-https", lbSg, 443, internet, "HTTPS from the internet");
  ingress("alb-in-http", lbSg, 80, internet, "HTTP from the internet (redirected to HTTPS)");
  egress("alb-out-tasks", lbSg, CONTAINER_PORT, from(taskSg), "To IDE tasks");
  ingress("task-in-alb", taskSg, CONTAINER_PORT, from(lbSg), "From the load balancer");
  // Tasks reach out on 443 only: image registry, Secrets Manager and CloudWatch Logs have no
  // VPC endpoints here (they would cost more than the tasks), so they are reached over HTTPS.
  egress(
    "task-out-https",
    taskSg,
    443,
    internet,
    "HTTPS: image registry, Secrets Manager, CloudWatch Logs",
  );
  egress("task-out-db", taskSg, DATABASE_PORT, from(dbSg), "To the database");
  egress("task-out-efs", taskSg, NFS_PORT, from(efsSg), "To EFS");
  ingress("db-in-tasks", dbSg, DATABASE_PORT, from(taskSg), "From IDE tasks");
  ingress("efs-in-tasks", efsSg, NFS_PORT, from(taskSg), "From IDE tasks");

  return {
    vpc,
    vpcId: vpc.vpcId,
    publicSubnetIds: vpc.publicSubnetIds,
    privateSubnetIds: vpc.privateSubnetIds,
    taskSubnetIds: tasksInPublicSubnets ? vpc.publicSubnetIds : vpc.privateSubnetIds,
    assignPublicIp: pulumi.output(tasksInPublicSubnets),
    loadBalancerSecurityGroup: lbSg,
    taskSecurityGroup: taskSg,
    databaseSecurityGroup: dbSg,
    fileSystemSecurityGroup: efsSg,
  };
}
