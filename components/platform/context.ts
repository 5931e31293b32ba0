import * as pulumi from "@pulumi/pulumi";

/** Where the parts of one Platform live: its name, parent and tags. */
export interface PlatformPartContext {
  /** The Platform's name: children are named `${name}-<suffix>`. */
  name: string;
  /** The Platform itself (every child's parent). */
  parent: pulumi.Resource;
  /** Tags of every taggable child. */
  tags: Record<string, string>;
}
