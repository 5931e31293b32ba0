/**
 * The Platform's file system of student files: encrypted EFS, TLS required in transit (a file
 * system policy), AWS Backup on, and one mount target in each task subnet.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformSettings } from "../platform";
import { PlatformPartContext } from "./context";

/** Creates the file system, its policies and its mount targets; returns the file system. */
export function addFileSystem(
  ctx: PlatformPartContext,
  p: Pick<
    PlatformSettings,
    "throughputMode" | "provisionedThroughputInMibps" | "numberOfAvailabilityZones"
  >,
  mount: {
    /** Subnets tasks run in, one per zone: mount target `i` goes into subnet `i`. */
    subnetIds: pulumi.Output<string[]>;
    /** Security group of the mount targets. */
    securityGroupId: pulumi.Input<string>;
  },
): aws.efs.FileSystem {
  const { name, tags } = ctx;
  const parent = { parent: ctx.parent };
  const fileSystem = new aws.efs.FileSystem(
    `${name}-efs`,
    {
      encrypted: true,
      performanceMode: "generalPurpose",
      throughputMode: p.throughputMode,
      provisionedThroughputInMibps:
        p.throughputMode === "provisioned" ? p.provisionedThroughputInMibps : undefined,
      tags: { ...tags, Name: `${name}-efs` },
    },
    parent,
  );
  new aws.efs.FileSystemPolicy(
    `${name}-efs-policy`,
    {
      fileSystemId: fileSystem.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyUnencryptedTransport",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "*",
            Resource: fileSystem.arn,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      }),
    },
    parent,
  );
  new aws.efs.BackupPolicy(
    `${name}-efs-backup`,
    { fileSystemId: fileSystem.id, backupPolicy: { status: "ENABLED" } },
    parent,
  );
  for (let i = 0; i < p.numberOfAvailabilityZones; i++) {
    new aws.efs.MountTarget(
      `${name}-efs-mount-${i + 1}`,
      {
        fileSystemId: fileSystem.id,
        subnetId: mount.subnetIds.apply((ids) => ids[i]),
        securityGroups: [mount.securityGroupId],
      },
      // EFS allows one mount target per zone ("MountTargetConflict": CreateMountTarget,
      // https://docs.aws.amazon.com/efs/latest/ug/API_CreateMountTarget.html), and a new
      // subnet (natStrategy moves the task subnets) replaces it: delete the old one first,
      // or the engine's create-before-delete fails. Tasks in that zone lose the file system
      // for the minutes in between; `npm start -- --against` shows the replacement.
      { parent: ctx.parent, deleteBeforeReplace: true },
    );
  }
  return fileSystem;
}
