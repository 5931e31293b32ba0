import * as aws from "@pulumi/aws";
import { StackConfig } from "../model/config";
import type { StackOutputs } from ".";

/** Placeholder until the staging stack is composed. */
export function staging(config: StackConfig): StackOutputs {
  const cluster = new aws.ecs.Cluster("staging-placeholder", {
    tags: { Environment: config.stack },
  });
  return { clusterName: cluster.name };
}
