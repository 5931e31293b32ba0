import * as aws from "@pulumi/aws";
import { StackConfig } from "../model/config";
import type { StackOutputs } from ".";

/** Placeholder until the prod stack is composed. */
export function prod(config: StackConfig): StackOutputs {
  const cluster = new aws.ecs.Cluster("prod-placeholder", { tags: { Environment: config.stack } });
  return { clusterName: cluster.name };
}
