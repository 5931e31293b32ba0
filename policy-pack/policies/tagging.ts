/**
 * Tagging: every taggable resource says which environment and service it belongs to and that
 * Pulumi manages it. The other policies read the environment from the `Environment` tag, so this
 * one keeps them honest.
 */
import { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { ENVIRONMENTS, settings, tagsOf } from "./common";

/**
 * Resource types that take tags but might be created without any: they are checked even when
 * `tags` is absent. Any other resource that has `tags` is checked too.
 */
export const TAGGABLE_TYPES: readonly string[] = [
  "aws:ecs/cluster:Cluster",
  "aws:ecs/service:Service",
  "aws:ecs/taskDefinition:TaskDefinition",
  "aws:appautoscaling/target:Target",
  "aws:lb/loadBalancer:LoadBalancer",
  "aws:lb/targetGroup:TargetGroup",
  "aws:lb/listener:Listener",
  "aws:lb/listenerRule:ListenerRule",
  "aws:alb/loadBalancer:LoadBalancer",
  "aws:alb/targetGroup:TargetGroup",
  "aws:alb/listener:Listener",
  "aws:cloudwatch/logGroup:LogGroup",
  "aws:cloudwatch/metricAlarm:MetricAlarm",
  "aws:rds/instance:Instance",
  "aws:rds/cluster:Cluster",
  "aws:rds/subnetGroup:SubnetGroup",
  "aws:efs/fileSystem:FileSystem",
  "aws:efs/accessPoint:AccessPoint",
  "aws:ec2/securityGroup:SecurityGroup",
  "aws:ec2/vpc:Vpc",
  "aws:ec2/subnet:Subnet",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
  "aws:ssm/parameter:Parameter",
  "aws:secretsmanager/secret:Secret",
  "aws:iam/role:Role",
  "aws:sns/topic:Topic",
  "aws:ecr/repository:Repository",
];

const tagsSchema: PolicyConfigSchema = {
  properties: {
    requiredTags: {
      type: "array",
      items: { type: "string" },
      default: ["Environment", "Service", "ManagedBy"],
      description:
        "Tags every taggable resource must carry (own tags or the provider's defaultTags).",
    },
    environments: {
      type: "array",
      items: { type: "string" },
      default: [...ENVIRONMENTS],
      description: "Values the Environment tag may take.",
    },
  },
};

interface TagsConfig {
  requiredTags: string[];
  environments: string[];
}

/** The required tags, counted from the resource's own tags and its provider's defaultTags. */
export const requiredTags: ResourceValidationPolicy = {
  name: "required-tags",
  description:
    "Taggable AWS resources must carry the tags Environment (prod, staging or exam), Service and ManagedBy.",
  remediationSteps:
    'Create resources through the components, which pass the stack\'s tags to every child; for a resource outside them, add tags: { Environment, Service, ManagedBy: "pulumi" } or set defaultTags on the aws provider.',
  configSchema: tagsSchema,
  validateResource: (args, report) => {
    if (!args.type.startsWith("aws:")) {
      args.notApplicable("applies to AWS resources");
    }
    // Read directly: an unknown tag map becomes the SDK's "can't run during preview" note.
    const own: unknown = args.props.tags;
    if (own === undefined && !TAGGABLE_TYPES.includes(args.type)) {
      args.notApplicable(`${args.type} is not a type this policy knows to take tags`);
    }
    const cfg = settings<TagsConfig>(tagsSchema, args);
    const tags = tagsOf(args.props, args.provider);
    const what = `${args.type} '${args.name}'`;
    const missing = cfg.requiredTags.filter((t) => tags[t] === undefined || tags[t] === "");
    if (missing.length > 0) {
      report(
        `${what} must carry the tags ${cfg.requiredTags.join(", ")}; it lacks ${missing.join(", ")}.`,
      );
    }
    const env = tags.Environment;
    if (typeof env === "string" && env !== "" && !cfg.environments.includes(env)) {
      report(
        `${what} must have an Environment tag of ${cfg.environments.join(", ")}; it has "${env}".`,
      );
    }
  },
};
