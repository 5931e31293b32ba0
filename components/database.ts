/**
 * Database: one RDS PostgreSQL instance with the settings every environment shares (encrypted,
 * private, gp3, backups, its master password managed by RDS in Secrets Manager) and its two
 * alarms (CPU, connections near the class's limit). The prod Platform creates one; staging and
 * exam create their own from the platform's subnet group and security group: by default an
 * Aurora Serverless v2 cluster that pauses itself (./serverlessDatabase.ts), with `dbKind`
 * instance one of these (`environmentDatabase` picks).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DbKind } from "../model/config";
import { CONNECTIONS_ALARM_FRACTION, defaultMaxConnections } from "../model/rds";
import type { PlatformOutputs } from "./platform";
import { standardTags } from "./tags";
import { ArgsChecker } from "./validate";

export { CONNECTIONS_ALARM_FRACTION };
/** Database CPU (percent) above which the CPU alarm fires. */
export const DB_CPU_ALARM_PERCENT = 80;
/** Name of the database created in the instance unless `databaseName` says otherwise. */
export const DEFAULT_DATABASE_NAME = "pythonide";

/** RDS instance identifiers: lower-case letters, digits and single hyphens, starting with a letter. */
export const RDS_IDENTIFIER = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PG_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/**
 * A database's settings under the names and units of the RDS API (CreateDBInstance,
 * CreateDBCluster). Stack config keys differ (`dbAllocatedStorageGb`, `dbBackupRetentionDays`,
 * ...): stacks/componentArgs.ts maps a stack's validated config to these, in one place. Ranges
 * and allowed values are the config schema's (model/config/schema.ts), checked by the component.
 */
export interface DatabaseSettings {
  /**
   * `instance` (an RDS PostgreSQL instance, Database) or `serverless` (Aurora Serverless v2,
   * ServerlessDatabase). Config `dbKind`: prod always instance, staging and exam serverless by default.
   */
  kind: DbKind;
  /**
   * RDS `instanceClass`, one whose default connection limit is known (model/rds.ts DB_CLASSES,
   * e.g. db.t4g.small). Config `dbInstanceClass`; read for an instance only.
   */
  instanceClass: string;
  /** RDS `allocatedStorage`, GiB, 20 to 1000 (config `dbAllocatedStorageGb`, default 20); instance only. */
  allocatedStorage: number;
  /** `backupRetentionPeriod`, days of automated backups, 1 to 35 (config `dbBackupRetentionDays`: prod 7, staging 1, exam 14). */
  backupRetentionPeriod: number;
  /** `deletionProtection` (config `deletionProtection`: prod and exam true, staging false). */
  deletionProtection: boolean;
  /** `multiAz`: a standby in a second zone (config `dbMultiAz`, default false); instance only. */
  multiAz: boolean;
  /**
   * Aurora Serverless v2 scaling, set exactly when `kind` is serverless: `maxCapacity` in ACU,
   * 1 to 256 (config `dbMaxCapacityAcu`, planner default), and `secondsUntilAutoPause`, a whole
   * number of minutes in seconds within config `dbAutoPauseMinutes`' range.
   */
  serverless?: { maxCapacity: number; secondsUntilAutoPause: number };
}

export interface DatabaseArgs {
  /** The stack the database belongs to (prod, staging or exam): its `Environment` tag. */
  environment: string;
  /** Instance class, storage, backups, deletion protection, Multi-AZ, under RDS's names. */
  settings: DatabaseSettings;
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
  finalSnapshotIdentifier?: string;
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
 * Why an update stops when RDS returns no managed master user secret for a database, and what to
 * do: turn the managed password on for it, then run the update again.
 * @param kind `DB instance` (default) or `DB cluster`
 */
export function missingSecretMessage(
  component: string,
  identifier: string,
  kind: "DB instance" | "DB cluster" = "DB instance",
): string {
  const [modify, flag, which] =
    kind === "DB instance"
      ? ["modify-db-instance", "--db-instance-identifier", "the instance"]
      : ["modify-db-cluster", "--db-cluster-identifier", "the cluster"];
  return (
    `Database "${component}": RDS returned no managed master user secret for ${kind} ${identifier} ` +
    `(masterUserSecrets is empty; ${kind === "DB instance" ? "an instance" : "a cluster"} restored from a snapshot keeps the snapshot's password ` +
    "until the managed password is applied). The IDE's DATABASE_USER and DATABASE_PASSWORD and its " +
    "execution role's policy need the secret's ARN, so nothing that uses it was changed. Turn the " +
    `managed password on: aws rds ${modify} ${flag} ${identifier} ` +
    `--manage-master-user-password --apply-immediately, wait until ${which} is available, then ` +
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
    const s = args.settings;
    const { databaseName, username } = checkCommonArgs(check, name, args, "RDS instance");
    check.setting("settings.instanceClass", s.instanceClass, "dbInstanceClass");
    check.setting("settings.allocatedStorage", s.allocatedStorage, "dbAllocatedStorageGb");
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
        allocatedStorage: s.allocatedStorage,
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
        backupRetentionPeriod: s.backupRetentionPeriod,
        copyTagsToSnapshot: true,
        deletionProtection: s.deletionProtection,
        skipFinalSnapshot: !keepFinalSnapshot,
        finalSnapshotIdentifier: keepFinalSnapshot
          ? (args.finalSnapshotIdentifier ?? `${name}-final`)
          : undefined,
        tags,
      },
      { parent: this },
    );

    this.databaseName = databaseName;
    this.endpoint = this.instance.endpoint;
    this.address = this.instance.address;
    this.port = this.instance.port;
    this.secretArn = managedSecretArn(
      name,
      "DB instance",
      this.instance.identifier,
      this.instance.masterUserSecrets,
    );
    this.maxConnections = defaultMaxConnections(s.instanceClass);

    [this.cpuAlarm, this.connectionsAlarm] = addDatabaseAlarms(this, name, {
      dimensions: { DBInstanceIdentifier: this.instance.identifier },
      maxConnections: this.maxConnections,
      limitOf: `a ${s.instanceClass}`,
      alarmTopicArn: args.alarmTopicArn,
      tags,
      treatMissingData: "missing",
    });

    this.registerOutputs({
      endpoint: this.endpoint,
      address: this.address,
      secretArn: this.secretArn,
    });
  }
}

/** What an IDE service needs of its database: either kind. */
export interface DatabaseConnection {
  /** `host:port`. */
  readonly endpoint: pulumi.Output<string>;
  /** ARN of the RDS-managed secret with the master user name and password. */
  readonly secretArn: pulumi.Output<string>;
  /** Name of the database inside. */
  readonly databaseName: string;
}

/**
 * Checks the arguments both kinds share (the component name that names the RDS resource, backup
 * days, database and user names) and returns the names with their defaults.
 * @param what `RDS instance` or `Aurora cluster`, for the message about the name
 */
export function checkCommonArgs(
  check: ArgsChecker,
  name: string,
  args: Pick<DatabaseArgs, "settings" | "databaseName" | "username">,
  what: string,
): { databaseName: string; username: string } {
  if (!RDS_IDENTIFIER.test(name) || name.length > 50) {
    check.problems.push(
      `the name ${JSON.stringify(name)} must be lower-case letters, digits and single hyphens, starting with a letter, at most 50 characters (it names the ${what})`,
    );
  }
  check.setting(
    "settings.backupRetentionPeriod",
    args.settings.backupRetentionPeriod,
    "dbBackupRetentionDays",
  );
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
  return { databaseName, username };
}

/**
 * The ARN of the master user secret RDS manages, or a failed update that names the database and
 * the fix: the tasks' DATABASE_USER/DATABASE_PASSWORD and the execution role's policy are built
 * from it, and would otherwise read "undefined:username::".
 * @param component the Database component's name
 * @param kind `DB instance` or `DB cluster`
 */
export function managedSecretArn(
  component: string,
  kind: "DB instance" | "DB cluster",
  identifier: pulumi.Output<string>,
  secrets: pulumi.Output<{ secretArn: string }[] | undefined>,
): pulumi.Output<string> {
  // The task's DATABASE_USER/DATABASE_PASSWORD and the execution role's policy are built from
  // this ARN: without it they would read "undefined:password::" and "Resource": [null].
  return pulumi.all([secrets, identifier]).apply(([list, id]) => {
    const arn = list?.[0]?.secretArn;
    if (typeof arn !== "string" || arn === "") {
      throw new pulumi.RunError(missingSecretMessage(component, id, kind));
    }
    return arn;
  });
}

/**
 * The two alarms every database has: CPU above DB_CPU_ALARM_PERCENT for 10 minutes, and
 * connections above CONNECTIONS_ALARM_FRACTION of its limit.
 */
export function addDatabaseAlarms(
  parent: pulumi.Resource,
  name: string,
  a: {
    dimensions: Record<string, pulumi.Input<string>>;
    /** The connection limit the threshold is a fraction of. */
    maxConnections: number;
    /** Whose limit it is, for the description ("a db.t4g.small"). */
    limitOf: string;
    alarmTopicArn: pulumi.Input<string>;
    tags: Record<string, string>;
    /** `notBreaching` for a database that pauses (no data while paused). */
    treatMissingData: "missing" | "notBreaching";
  },
): [aws.cloudwatch.MetricAlarm, aws.cloudwatch.MetricAlarm] {
  const actions = [a.alarmTopicArn];
  const common = {
    namespace: "AWS/RDS",
    dimensions: a.dimensions,
    treatMissingData: a.treatMissingData,
    alarmActions: actions,
    okActions: actions,
    tags: a.tags,
  };
  const cpu = new aws.cloudwatch.MetricAlarm(
    `${name}-cpu-high`,
    {
      alarmDescription: `Database CPU above ${DB_CPU_ALARM_PERCENT}% for 10 minutes`,
      metricName: "CPUUtilization",
      statistic: "Average",
      period: 300,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      comparisonOperator: "GreaterThanThreshold",
      threshold: DB_CPU_ALARM_PERCENT,
      ...common,
    },
    { parent },
  );
  const threshold = Math.floor(a.maxConnections * CONNECTIONS_ALARM_FRACTION);
  const connections = new aws.cloudwatch.MetricAlarm(
    `${name}-connections-high`,
    {
      alarmDescription: `Database connections above ${threshold} (${CONNECTIONS_ALARM_FRACTION * 100}% of the ${a.maxConnections} ${a.limitOf} allows)`,
      metricName: "DatabaseConnections",
      statistic: "Maximum",
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: "GreaterThanThreshold",
      threshold,
      ...common,
    },
    { parent },
  );
  return [cpu, connections];
}
