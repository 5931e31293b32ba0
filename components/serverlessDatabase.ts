/**
 * ServerlessDatabase: an Aurora PostgreSQL Serverless v2 cluster that pauses itself, for staging
 * and exam (`dbKind` serverless, the default). One `db.serverless` writer scaling from 0 ACU (paused,
 * no compute billed) to `serverless.maxCapacity` ACU; it pauses after `secondsUntilAutoPause` without a
 * connection and resumes on the next one ("Scaling to Zero ACUs with automatic pause and resume
 * for Aurora Serverless v2", Aurora User Guide; up to about 15 seconds, AWS Database Blog
 * "Introducing scaling to 0 capacity with Amazon Aurora Serverless v2"). The IDE's tasks hold
 * connections while they run, so the database is awake while tasks run and paused otherwise:
 * between exams, and while staging is off.
 *
 * Like the instance (./database.ts): encrypted, private, backed up, its master password managed by
 * RDS in Secrets Manager, deletion protection and a final snapshot where config says so, and the
 * CPU and connections alarms.
 *
 * `@pulumi/aws` 7.48's `aws.rds.Cluster` documents this shape (rds/cluster.d.ts, "RDS
 * Serverless v2 Cluster": engineMode provisioned, serverlessv2ScalingConfiguration with
 * minCapacity 0 and secondsUntilAutoPause, and a ClusterInstance of class db.serverless). Unlike
 * Serverless v1, storageEncrypted defaults to false there, so it is always set.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { auroraMaxConnections, supportsAutoPause, AURORA_PG_AUTO_PAUSE_SINCE } from "../model/rds";
import {
  addDatabaseAlarms,
  checkCommonArgs,
  Database,
  DatabaseArgs,
  DatabaseConnection,
  managedSecretArn,
} from "./database";
import { standardTags } from "./tags";
import { ArgsChecker } from "./validate";

/**
 * The Aurora PostgreSQL version a new cluster gets: 16.6, a 16.x at or above 16.3, the first that
 * accepts a minimum of 0 ACU (model/rds.ts AURORA_PG_AUTO_PAUSE_SINCE).
 */
export const AURORA_ENGINE_VERSION = "16.6";

export interface ServerlessDatabaseArgs extends Omit<DatabaseArgs, "engineVersion"> {
  /**
   * Aurora PostgreSQL version, major.minor; one that accepts 0 ACU. Default AURORA_ENGINE_VERSION.
   * Minor versions then upgrade automatically (the writer's autoMinorVersionUpgrade); the program
   * ignores later changes of it (`ignoreChanges`) so an upgraded cluster is never downgraded.
   */
  engineVersion?: string;
}

/** An Aurora PostgreSQL Serverless v2 cluster from 0 ACU with one writer, and its alarms. */
export class ServerlessDatabase extends pulumi.ComponentResource implements DatabaseConnection {
  /** The cluster (its identifier is the component's name). */
  readonly cluster: aws.rds.Cluster;
  /** The writer, `<name>-writer`, of class db.serverless. */
  readonly writer: aws.rds.ClusterInstance;
  /** `host:port` of the cluster's writer endpoint. */
  readonly endpoint: pulumi.Output<string>;
  /** Name of the database inside the cluster. */
  readonly databaseName: string;
  /** ARN of the Secrets Manager secret RDS keeps the master user name and password in. */
  readonly secretArn: pulumi.Output<string>;
  /** The connection limit at the maximum capacity (model/rds.ts auroraMaxConnections). */
  readonly maxConnections: number;
  /** Alarm: CPU above DB_CPU_ALARM_PERCENT for 10 minutes. */
  readonly cpuAlarm: aws.cloudwatch.MetricAlarm;
  /** Alarm: connections above CONNECTIONS_ALARM_FRACTION of maxConnections. */
  readonly connectionsAlarm: aws.cloudwatch.MetricAlarm;

  constructor(
    name: string,
    args: ServerlessDatabaseArgs,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    const check = new ArgsChecker("ServerlessDatabase", name);
    const s = args.settings;
    const { databaseName, username } = checkCommonArgs(check, name, args, "Aurora cluster");
    const serverless = s.serverless;
    if (s.kind !== "serverless" || serverless === undefined) {
      check.fail(
        "settings.kind",
        s.kind,
        'must be "serverless" with settings.serverless set (model/config/read.ts sets both for dbKind serverless)',
      );
    } else {
      check.setting("settings.serverless.maxCapacity", serverless.maxCapacity, "dbMaxCapacityAcu");
      const minutes = serverless.secondsUntilAutoPause / 60;
      check.setting(
        "settings.serverless.secondsUntilAutoPause / 60",
        minutes,
        "dbAutoPauseMinutes",
      );
    }
    const engineVersion = args.engineVersion ?? AURORA_ENGINE_VERSION;
    if (!supportsAutoPause(engineVersion)) {
      const since = Object.entries(AURORA_PG_AUTO_PAUSE_SINCE)
        .map(([major, minor]) => `${major}.${minor}`)
        .join(", ");
      check.fail(
        "engineVersion",
        engineVersion,
        `must be an Aurora PostgreSQL major.minor version that accepts a minimum of 0 ACU: ${since} or later within its major version, or 17 and later`,
      );
    }
    check.throwIfAny();

    super("pythonide:components:ServerlessDatabase", name, {}, opts);
    const tags = standardTags(args.environment, "database");
    const keepFinalSnapshot = args.keepFinalSnapshot ?? s.deletionProtection;
    const { maxCapacity, secondsUntilAutoPause } = serverless!;

    this.cluster = new aws.rds.Cluster(
      `${name}-cluster`,
      {
        clusterIdentifier: name,
        engine: "aurora-postgresql",
        engineMode: "provisioned",
        engineVersion,
        serverlessv2ScalingConfiguration: {
          minCapacity: 0,
          maxCapacity,
          secondsUntilAutoPause,
        },
        databaseName,
        masterUsername: username,
        manageMasterUserPassword: true,
        storageEncrypted: true,
        port: 5432,
        dbSubnetGroupName: args.subnetGroupName,
        vpcSecurityGroupIds: args.securityGroupIds,
        backupRetentionPeriod: s.backupRetentionPeriod,
        copyTagsToSnapshot: true,
        deletionProtection: s.deletionProtection,
        skipFinalSnapshot: !keepFinalSnapshot,
        finalSnapshotIdentifier: keepFinalSnapshot
          ? (args.finalSnapshotIdentifier ?? `${name}-final`)
          : undefined,
        tags,
      },
      { parent: this, ignoreChanges: ["engineVersion"] },
    );
    this.writer = new aws.rds.ClusterInstance(
      `${name}-writer`,
      {
        identifier: `${name}-writer`,
        clusterIdentifier: this.cluster.id,
        instanceClass: "db.serverless",
        engine: "aurora-postgresql",
        engineVersion,
        dbSubnetGroupName: args.subnetGroupName,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        tags,
      },
      { parent: this, ignoreChanges: ["engineVersion"] },
    );

    this.databaseName = databaseName;
    this.endpoint = pulumi.interpolate`${this.cluster.endpoint}:${this.cluster.port}`;
    this.secretArn = managedSecretArn(
      name,
      "DB cluster",
      this.cluster.clusterIdentifier,
      this.cluster.masterUserSecrets,
    );
    this.maxConnections = auroraMaxConnections(maxCapacity, 0);
    [this.cpuAlarm, this.connectionsAlarm] = addDatabaseAlarms(this, name, {
      dimensions: { DBClusterIdentifier: this.cluster.clusterIdentifier },
      maxConnections: this.maxConnections,
      limitOf: `Aurora Serverless v2 at ${maxCapacity} ACU`,
      alarmTopicArn: args.alarmTopicArn,
      tags,
      // Paused, the cluster sends no data: that is no alarm.
      treatMissingData: "notBreaching",
    });

    this.registerOutputs({ endpoint: this.endpoint, secretArn: this.secretArn });
  }
}

/**
 * The own database of a staging or exam environment, of the kind its config says: a
 * ServerlessDatabase (`dbKind` serverless, the default) or an always-on instance (`instance`),
 * named `name`, in the platform's database subnet group and security group.
 */
export function environmentDatabase(
  name: string,
  args: Pick<
    DatabaseArgs,
    "environment" | "settings" | "subnetGroupName" | "securityGroupIds" | "alarmTopicArn"
  >,
  opts: pulumi.ComponentResourceOptions,
): Database | ServerlessDatabase {
  return args.settings.kind === "serverless"
    ? new ServerlessDatabase(name, args, opts)
    : new Database(name, args, opts);
}
