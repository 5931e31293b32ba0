/**
 * Reading recorded resources: typed accessors for their inputs, the types the model prices or
 * knows to be free, and the region to price. No Pulumi imports.
 */
import { LOAD_BALANCER_TYPES, TYPES } from "../graph";
import { ResourceRecord } from "../records";

/** Record inputs. */
export type Props = Record<string, unknown>;

/** The type tokens the cost model reads. */
export const T = {
  taskDefinition: TYPES.taskDefinition,
  service: TYPES.service,
  target: TYPES.scalableTarget,
  scalingPolicy: TYPES.scalingPolicy,
  scheduledAction: TYPES.scheduledAction,
  lb: LOAD_BALANCER_TYPES,
  vpc: "awsx:ec2:Vpc",
  natGateway: "aws:ec2/natGateway:NatGateway",
  eip: "aws:ec2/eip:Eip",
  endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
  rds: TYPES.rdsInstance,
  cluster: TYPES.rdsCluster,
  clusterInstance: TYPES.rdsClusterInstance,
  efs: TYPES.efs,
  alarm: TYPES.alarm,
  dashboard: "aws:cloudwatch/dashboard:Dashboard",
  logGroup: TYPES.logGroup,
  secret: "aws:secretsmanager/secret:Secret",
} as const;

/** Types that bill nothing by themselves (or whose cost is priced on another record). */
export const FREE = [
  /^pulumi:/,
  /^random:/,
  /^aws:iam\//,
  /^aws:ec2\/(securityGroup|securityGroupRule|subnet|routeTable|route|routeTableAssociation|internetGateway|vpc|defaultSecurityGroup|defaultRouteTable|mainRouteTableAssociation)(:|$)/,
  /^aws:vpc\/securityGroup(Ingress|Egress)Rule:/,
  /^aws:(lb|alb)\/(targetGroup|listener|listenerRule|targetGroupAttachment):/,
  /^aws:ecs\/(cluster|clusterCapacityProviders):/,
  /^aws:sns\/(topic|topicSubscription|topicPolicy):/,
  /^aws:efs\/(mountTarget|accessPoint|backupPolicy|fileSystemPolicy):/,
  /^aws:rds\/(subnetGroup|parameterGroup|optionGroup):/,
  /^aws:cloudwatch\/logMetricFilter:/,
  /^aws:secretsmanager\/(secretVersion|secretPolicy|secretRotation):/,
  /^aws:acm\/certificateValidation:/,
  /^aws:route53\/record:/,
];

/** A finite number, or a numeric string, as a number. */
export const num = (v: unknown): number | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
/** A string, else undefined. */
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
/** A plain object, else undefined. */
export const obj = (v: unknown): Props | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Props) : undefined;
/** An array, else undefined. */
export const arr = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
/** A record's own tags. */
export const tagsOf = (r: ResourceRecord): Props => obj(r.inputs.tags) ?? {};

/** The region in an ARN. */
export const REGION_IN_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-gov)?-[a-z]+-\d):/;

/**
 * The region: the assumption, else the AWS provider record's, else the configured provider
 * region (`aws:region`), else the region of the first ARN among the inputs.
 */
export function regionOf(records: ResourceRecord[], assumed?: string, configured?: string): string {
  if (assumed) return assumed;
  for (const r of records) {
    if (r.type === "pulumi:providers:aws") {
      const region = str(r.inputs.region);
      if (region) return region;
    }
  }
  if (configured) return configured;
  const visit = (v: unknown): string | undefined => {
    if (typeof v === "string") return REGION_IN_ARN.exec(v)?.[1];
    if (Array.isArray(v)) {
      for (const x of v) {
        const found = visit(x);
        if (found) return found;
      }
    } else if (v !== null && typeof v === "object") {
      for (const x of Object.values(v)) {
        const found = visit(x);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const r of records) {
    const found = visit(r.inputs);
    if (found) return found;
  }
  throw new Error(
    `cannot tell which region to price: no AWS provider region and no ARN with a region among ${records.length} resources; pass the region assumption`,
  );
}
