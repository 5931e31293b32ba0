/** The Platform's ECS cluster with both Fargate capacity providers attached. */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformPartContext } from "./context";

/** What addCluster creates. */
export interface Cluster {
  cluster: aws.ecs.Cluster;
  /** The cluster's name, resolved after the capacity providers are attached. */
  clusterName: pulumi.Output<string>;
  /** The cluster's ARN, resolved after the capacity providers are attached. */
  clusterArn: pulumi.Output<string>;
}

/**
 * Creates the cluster (Container Insights on or off) and attaches FARGATE and FARGATE_SPOT, so
 * services can choose on-demand or Spot.
 */
export function addCluster(ctx: PlatformPartContext, containerInsights: boolean): Cluster {
  const { name, tags } = ctx;
  const parent = { parent: ctx.parent };
  const cluster = new aws.ecs.Cluster(
    `${name}-cluster`,
    {
      settings: [{ name: "containerInsights", value: containerInsights ? "enabled" : "disabled" }],
      tags,
    },
    parent,
  );
  const capacityProviders = new aws.ecs.ClusterCapacityProviders(
    `${name}-capacity-providers`,
    {
      clusterName: cluster.name,
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
  return {
    cluster,
    clusterName: capacityProviders.clusterName,
    clusterArn: pulumi.all([capacityProviders.clusterName, cluster.arn]).apply(([, arn]) => arn),
  };
}
