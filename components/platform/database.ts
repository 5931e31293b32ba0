/**
 * The prod database on the Platform: a DB subnet group over the private subnets (other
 * environments' databases use it too) and the Database component in it, reachable from tasks only.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Database, DatabaseSettings } from "../database";
import { PlatformPartContext } from "./context";

/** Creates the DB subnet group and the prod Database (`${name}-db`). */
export function addPlatformDatabase(
  ctx: PlatformPartContext,
  args: {
    /** The stack the database belongs to (its Environment tag). */
    environment: string;
    /** Its settings, under RDS's names. */
    settings: DatabaseSettings;
    /** Name of the database inside the instance. Default `pythonide`. */
    databaseName?: string;
    /** Private subnets, one per zone. */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Security group of databases (PostgreSQL from tasks only). */
    databaseSecurityGroupId: pulumi.Input<string>;
    /** SNS topic the database's alarms notify. */
    alarmTopicArn: pulumi.Input<string>;
  },
): { subnetGroup: aws.rds.SubnetGroup; database: Database } {
  const { name, tags } = ctx;
  const subnetGroup = new aws.rds.SubnetGroup(
    `${name}-db-subnets`,
    {
      description: "Private subnets for the IDE databases",
      subnetIds: args.privateSubnetIds,
      tags,
    },
    { parent: ctx.parent },
  );
  const database = new Database(
    `${name}-db`,
    {
      environment: args.environment,
      settings: args.settings,
      subnetGroupName: subnetGroup.name,
      securityGroupIds: [args.databaseSecurityGroupId],
      alarmTopicArn: args.alarmTopicArn,
      databaseName: args.databaseName,
    },
    { parent: ctx.parent },
  );
  return { subnetGroup, database };
}
