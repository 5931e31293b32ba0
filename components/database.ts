/**
 * Database: one RDS PostgreSQL instance with the settings every environment shares (encrypted,
 * private, gp3, backups, its master password managed by RDS in Secrets Manager) and its two
 * alarms (CPU, connections near the class's limit). The prod Platform creates one; staging and
 * exam can create their own from the platform's subnet group and security group.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DatabaseConfig } from "../model/config";
import { defaultMaxConnections } from "../model/rds";
import type { PlatformOutputs } from "./platform";
import { standardTags } from "./tags";
import { ArgsChecker } from "./validate";

/** Fraction of the class's default `max_connections` at which the connections alarm fires. */
export const CONNECTIONS_ALARM_FRACTION = 0.8;
/** Database CPU (percent) above which the CPU alarm fires. */
export const DB_CPU_ALARM_PERCENT = 80;
/** Name of the database created in the instance unless `databaseName` says otherwise. */
export const DEFAULT_DATABASE_NAME = "pythonide";

/** RDS instance identifiers: lower-case letters, digits and single hyphens, starting with a letter. */
export const RDS_IDENTIFIER = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PG_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

export interface DatabaseArgs {
  /** The stack the database belongs to (prod, staging or exam): its `Environment` tag. */
  environment: string;
  /** Instance class, storage, backups, deletion protection, Multi-AZ (model/config/types.ts). */
  settings: DatabaseConfig;
  /** Name of the DB subnet group to place the instance in (private subnets only). */
  subnetGroupName: pulumi.Input<string>;
  /** Security groups of the instance (the platform's database group: 5432 from tasks only). */
  securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
  /** SNS topic the CPU and connections alarms notify. */
  alarmTopicArn: pulumi.Input<string>;
  /** Name of the database created in the instance. Default `pythonide` (DEFAULT_DATABASE_NAME). */
  databaseName?: string;
  /** Master user name (its password is generated and rotated by RDS). Default `pythonide_admin`. */
  username?: string;
  /** PostgreSQL major version; minor versions upgrade automatically. Default `16`. */
  engineVersion?: string;
  /**
   * Take a final snapshot when the instance is deleted. Default: `settings.deletionProtection`
   * (prod keeps one; a throwaway database does not).
   */
  keepFinalSnapshot?: boolean;
  /** Identifier of that final snapshot. Default `<name>-final`. */
  finalSnapshotIdentifier?: pulumi.Input<string>;
  /**
   * Create the instance from this DB snapshot (staging's on-demand database: the last session's
   * final snapshot). Undefined, or an output that resolves to undefined: an empty database.
   * Read at creation only: later changes are ignored (`ignoreChanges`), since a different
   * snapshot would replace the running instance. Default: not set (prod and exam never restore).
   */
  restoreFromSnapshot?: pulumi.Input<string | undefined>;
}

/**
 * Picks the platform-side Database arguments (subnet group, security group, alarm topic) from
 * anything that carries them under the prod stack's output names: the Platform component, or a
 * StackReference to it.
 */
export function platformDatabaseArgs(
  platform: Pick<
    PlatformOutputs,
    "dbSubnetGroupName" | "databaseSecurityGroupId" | "alarmTopicArn"
  >,
): Pick<DatabaseArgs, "subnetGroupName" | "securityGroupIds" | "alarmTopicArn"> {
  return {
    subnetGroupName: platform.dbSubnetGroupName,
    securityGroupIds: [platform.databaseSecurityGroupId],
    alarmTopicArn: platform.alarmTopicArn,
  };
}

/**
 * Why an update stops when RDS returns no managed master user secret for the instance, and what
 * to do: turn the managed password on for the instance, then run the update again.
 */
export function missingSecretMessage(component: string, identifier: string): string {
  return (
    `Database "${component}": RDS returned no managed master user secret for DB instance ${identifier} ` +
    "(masterUserSecrets is empty; an instance restored from a snapshot keeps the snapshot's password " +
    "until the managed password is applied). The IDE's DATABASE_USER and DATABASE_PASSWORD and its " +
    "execution role's policy need the secret's ARN, so nothing that uses it was changed. Turn the " +
    `managed password on: aws rds modify-db-instance --db-instance-identifier ${identifier} ` +
    "--manage-master-user-password --apply-immediately, wait until the instance is available, then " +
    "run pulumi refresh and pulumi up again."
  );
}

/**
 * An encrypted, private RDS PostgreSQL instance whose password RDS manages, with alarms. The
 * instance's identifier is the component's name (stable, so snapshots and alarms can name it).
 */
export class Database extends pulumi.ComponentResource {
  /** The RDS instance. */
  readonly instance: aws.rds.Instance;
  /** `host:port` of the instance. */
  readonly endpoint: pulumi.Output<string>;
  /** Host name of the instance. */
  readonly address: pulumi.Output<string>;
  /** Port: 5432. */
  readonly port: pulumi.Output<number>;
  /** Name of the database inside the instance. */
  readonly databaseName: string;
  /** ARN of the Secrets Manager secret RDS keeps the master user name and password in. */
  readonly secretArn: pulumi.Output<string>;
  /** The connection limit the connections alarm is computed from (model/rds.ts). */
  readonly maxConnections: number;
  /** Alarm: CPU above DB_CPU_ALARM_PERCENT for 10 minutes. */
  readonly cpuAlarm: aws.cloudwatch.MetricAlarm;
  /** Alarm: connections above CONNECTIONS_ALARM_FRACTION of maxConnections. */
  readonly connectionsAlarm: aws.cloudwatch.MetricAlarm;

  constructor(name: string, args: DatabaseArgs, opts: pulumi.ComponentResourceOptions = {}) {
    const check = new ArgsChecker("Database", name);
    if (!RDS_IDENTIFIER.test(name) || name.length > 50) {
      check.problems.push(
        `the name ${JSON.stringify(name)} must be lower-case letters, digits and single hyphens, starting with a letter, at most 50 characters (it names the RDS instance)`,
      );
    }
    const s = args.settings;
    check.setting("settings.instanceClass", s.instanceClass, "dbInstanceClass");
    check.setting("settings.allocatedStorageGb", s.allocatedStorageGb, "dbAllocatedStorageGb");
    check.setting("settings.backupRetentionDays", s.backupRetentionDays, "dbBackupRetentionDays");
    const databaseName = args.databaseName ?? DEFAULT_DATABASE_NAME;
    if (!PG_NAME.test(databaseName)) {
      check.fail(
        "databaseName",
        databaseName,
        "must start with a letter and hold only letters, digits and underscores (at most 63)",
      );
    }
    const username = args.username ?? "pythonide_admin";
    if (!PG_NAME.test(username) || username.length > 16) {
      check.fail(
        "username",
        username,
        "must start with a letter and hold only letters, digits and underscores (at most 16)",
      );
    }
    check.throwIfAny();

    super("pythonide:components:Database", name, {}, opts);
    const tags = standardTags(args.environment, "database");
    const keepFinalSnapshot = args.keepFinalSnapshot ?? s.deletionProtection;

    this.instance = new aws.rds.Instance(
      `${name}-instance`,
      {
        identifier: name,
        engine: "postgres",
        engineVersion: args.engineVersion ?? "16",
        autoMinorVersionUpgrade: true,
        instanceClass: s.instanceClass,
        allocatedStorage: s.allocatedStorageGb,
        storageType: "gp3",
        storageEncrypted: true,
        port: 5432,
        dbName: databaseName,
        username,
        manageMasterUserPassword: true,
        dbSubnetGroupName: args.subnetGroupName,
        vpcSecurityGroupIds: args.securityGroupIds,
        publiclyAccessible: false,
        multiAz: s.multiAz,
        backupRetentionPeriod: s.backupRetentionDays,
        copyTagsToSnapshot: true,
        deletionProtection: s.deletionProtection,
        skipFinalSnapshot: !keepFinalSnapshot,
        finalSnapshotIdentifier: keepFinalSnapshot
          ? (args.finalSnapshotIdentifier ?? `${name}-final`)
          : undefined,
        snapshotIdentifier: args.restoreFromSnapshot,
        tags,
      },
      args.restoreFromSnapshot === undefined
        ? { parent: this }
        : { parent: this, ignoreChanges: ["snapshotIdentifier"] },
    );

    this.databaseName = databaseName;
    this.endpoint = this.instance.endpoint;
    this.address = this.instance.address;
    this.port = this.instance.port;
    // The task's DATABASE_USER/DATABASE_PASSWORD and the execution role's policy are built from
    // this ARN: without it they would read "undefined:password::" and "Resource": [null]. RDS
    // may return no managed secret (an instance restored from a snapshot keeps the snapshot's
    // password until manageMasterUserPassword is applied to it), so the update fails instead.
    this.secretArn = pulumi
      .all([this.instance.masterUserSecrets, this.instance.identifier])
      .apply(([secrets, identifier]) => {
        const arn = secrets?.[0]?.secretArn;
        if (typeof arn !== "string" || arn === "") {
          throw new pulumi.RunError(missingSecretMessage(name, identifier));
        }
        return arn;
      });
    this.maxConnections = defaultMaxConnections(s.instanceClass);

    const dimensions = { DBInstanceIdentifier: this.instance.identifier };
    const actions = [args.alarmTopicArn];
    this.cpuAlarm = new aws.cloudwatch.MetricAlarm(
      `${name}-cpu-high`,
      {
        alarmDescription: `Database CPU above ${DB_CPU_ALARM_PERCENT}% for 10 minutes`,
        namespace: "AWS/RDS",
        metricName: "CPUUtilization",
        dimensions,
        statistic: "Average",
        period: 300,
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
        comparisonOperator: "GreaterThanThreshold",
        threshold: DB_CPU_ALARM_PERCENT,
        treatMissingData: "missing",
        alarmActions: actions,
        okActions: actions,
        tags,
      },
      { parent: this },
    );
    const connectionsThreshold = Math.floor(this.maxConnections * CONNECTIONS_ALARM_FRACTION);
    this.connectionsAlarm = new aws.cloudwatch.MetricAlarm(
      `${name}-connections-high`,
      {
        alarmDescription: `Database connections above ${connectionsThreshold} (${CONNECTIONS_ALARM_FRACTION * 100}% of the ${this.maxConnections} a ${s.instanceClass} allows)`,
        namespace: "AWS/RDS",
        metricName: "DatabaseConnections",
        dimensions,
        statistic: "Maximum",
        period: 300,
        evaluationPeriods: 1,
        comparisonOperator: "GreaterThanThreshold",
        threshold: connectionsThreshold,
        treatMissingData: "missing",
        alarmActions: actions,
        okActions: actions,
        tags,
      },
      { parent: this },
    );

    this.registerOutputs({
      endpoint: this.endpoint,
      address: this.address,
      secretArn: this.secretArn,
    });
  }
}
