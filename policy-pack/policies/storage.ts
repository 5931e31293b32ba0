/**
 * Storage: the database and the file system hold students' work; they are encrypted, private,
 * backed up and hard to delete.
 */
import * as aws from "@pulumi/aws";
import {
  PolicyConfigSchema,
  ResourceValidationPolicy,
  validateResourceOfType,
} from "@pulumi/policy";
import {
  ENVIRONMENTS,
  Environment,
  environmentOf,
  rdsKind,
  settings,
  show,
  validateResourceOfTypes,
} from "./common";

// ---------------------------------------------------------------------------------------------
// rds-storage-encrypted

/** Encryption at rest can only be chosen when the database is created: get it right at once. */
export const rdsStorageEncrypted: ResourceValidationPolicy = {
  name: "rds-storage-encrypted",
  description: "RDS instances and clusters must encrypt their storage (storageEncrypted: true).",
  remediationSteps:
    "Set storageEncrypted: true. An existing unencrypted database has to be migrated: snapshot it, copy the snapshot with encryption, restore from the copy.",
  configSchema: { properties: {} },
  validateResource: validateResourceOfTypes<{ storageEncrypted?: boolean }>(
    [aws.rds.Instance, aws.rds.Cluster],
    (db, args, report) => {
      if (db.storageEncrypted !== true) {
        report(
          `${rdsKind(args.type)} '${args.name}' must have storageEncrypted true; it is ${show(db.storageEncrypted)}.`,
        );
      }
    },
  ),
};

// ---------------------------------------------------------------------------------------------
// rds-not-publicly-accessible

/** Only the tasks reach the database (DESIGN convention 3). */
export const rdsNotPubliclyAccessible: ResourceValidationPolicy = {
  name: "rds-not-publicly-accessible",
  description:
    "RDS instances must not be publicly accessible (publiclyAccessible must not be true).",
  remediationSteps:
    "Remove publiclyAccessible (or set it false) and keep the database in the private subnets; reach it for maintenance through ECS Exec into a task.",
  configSchema: { properties: {} },
  validateResource: validateResourceOfTypes<{ publiclyAccessible?: boolean }>(
    [aws.rds.Instance, aws.rds.ClusterInstance],
    (db, args, report) => {
      if (db.publiclyAccessible === true) {
        report(
          `${rdsKind(args.type)} '${args.name}' must not be publicly accessible; publiclyAccessible is true.`,
        );
      }
    },
  ),
};

// ---------------------------------------------------------------------------------------------
// rds-backup-retention

const backupSchema: PolicyConfigSchema = {
  properties: {
    prodMinDays: {
      type: "integer",
      minimum: 1,
      maximum: 35,
      default: 7,
      description: "Fewest days of automated backups in prod (and for untagged databases).",
    },
    examMinDays: {
      type: "integer",
      minimum: 1,
      maximum: 35,
      default: 7,
      description: "Fewest days of automated backups in exam.",
    },
    stagingMinDays: {
      type: "integer",
      minimum: 1,
      maximum: 35,
      default: 1,
      description: "Fewest days of automated backups in staging.",
    },
  },
};

/** A retention of 0 turns automated backups off (seed 000's staging database did). */
export const rdsBackupRetention: ResourceValidationPolicy = {
  name: "rds-backup-retention",
  description:
    "RDS instances and clusters must keep automated backups (backupRetentionPeriod) for at least the configured days of their environment.",
  remediationSteps:
    "Set pythonide:dbBackupRetentionDays (1-35) in the stack's config; the database component passes it as backupRetentionPeriod.",
  configSchema: backupSchema,
  validateResource: validateResourceOfTypes<{ backupRetentionPeriod?: number }>(
    [aws.rds.Instance, aws.rds.Cluster],
    (db, args, report) => {
      const cfg = settings<Record<`${Environment}MinDays`, number>>(backupSchema, args);
      const env: Environment = environmentOf(args.props, args.provider) ?? "prod";
      const min = cfg[`${env}MinDays` as const];
      const days = db.backupRetentionPeriod;
      if (days === undefined || days < min) {
        report(
          `${rdsKind(args.type)} '${args.name}' must keep automated backups for at least ${min} days in ${env}; backupRetentionPeriod is ${show(days)}.`,
        );
      }
    },
  ),
};

// ---------------------------------------------------------------------------------------------
// rds-deletion-protection

const deletionSchema: PolicyConfigSchema = {
  properties: {
    environments: {
      type: "array",
      items: { type: "string", enum: [...ENVIRONMENTS] },
      default: ["prod", "exam"],
      description: "Environments whose databases must have deletion protection.",
    },
  },
};

/** A prod or exam database deleted by a mistaken `pulumi destroy` takes the students' work. */
export const rdsDeletionProtection: ResourceValidationPolicy = {
  name: "rds-deletion-protection",
  description:
    "RDS instances and clusters of prod and exam must have deletion protection (deletionProtection: true).",
  remediationSteps:
    "Set pythonide:deletionProtection true in Pulumi.prod.yaml / Pulumi.exam.yaml (the default); to retire a database, turn it off in a reviewed change first.",
  configSchema: deletionSchema,
  validateResource: validateResourceOfTypes<{ deletionProtection?: boolean }>(
    [aws.rds.Instance, aws.rds.Cluster],
    (db, args, report) => {
      const { environments } = settings<{ environments: string[] }>(deletionSchema, args);
      const env: Environment = environmentOf(args.props, args.provider) ?? "prod";
      if (!environments.includes(env)) {
        args.notApplicable(
          `deletion protection is required only in ${environments.join(", ")}; this is ${env}`,
        );
      }
      if (db.deletionProtection !== true) {
        report(
          `${rdsKind(args.type)} '${args.name}' must have deletionProtection true in ${env}; it is ${show(db.deletionProtection)}.`,
        );
      }
    },
  ),
};

// ---------------------------------------------------------------------------------------------
// efs-encrypted

/** Student files at rest are encrypted; like RDS, only at creation. */
export const efsEncrypted: ResourceValidationPolicy = {
  name: "efs-encrypted",
  description: "EFS file systems must be encrypted at rest (encrypted: true).",
  remediationSteps:
    "Set encrypted: true on the aws.efs.FileSystem. An existing unencrypted file system has to be copied (AWS DataSync) into a new encrypted one.",
  configSchema: { properties: {} },
  validateResource: validateResourceOfType(aws.efs.FileSystem, (fs, args, report) => {
    if (fs.encrypted !== true) {
      report(
        `EFS file system '${args.name}' must have encrypted true; it is ${show(fs.encrypted)}.`,
      );
    }
  }),
};

// ---------------------------------------------------------------------------------------------
// ecs-efs-transit-encryption

/** The file system is mounted over the network: the mount must be TLS. */
export const ecsEfsTransitEncryption: ResourceValidationPolicy = {
  name: "ecs-efs-transit-encryption",
  description:
    "ECS task definitions must mount EFS volumes with transit encryption (efsVolumeConfiguration.transitEncryption: ENABLED).",
  remediationSteps:
    'Set transitEncryption: "ENABLED" in every volume\'s efsVolumeConfiguration (with an access point and authorizationConfig.iam ENABLED).',
  configSchema: { properties: {} },
  validateResource: validateResourceOfType(aws.ecs.TaskDefinition, (td, args, report) => {
    const efs = (td.volumes ?? []).filter((v) => v.efsVolumeConfiguration !== undefined);
    if (efs.length === 0) args.notApplicable("the task definition mounts no EFS volume");
    for (const volume of efs) {
      const transit = volume.efsVolumeConfiguration?.transitEncryption;
      if (transit !== "ENABLED") {
        report(
          `ECS task definition '${args.name}' must mount EFS volume '${volume.name}' with transitEncryption ENABLED; it is ${show(transit)}.`,
        );
      }
    }
  }),
};
