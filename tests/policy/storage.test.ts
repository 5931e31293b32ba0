import * as assert from "assert";
import {
  ecsEfsTransitEncryption,
  efsEncrypted,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsNotPubliclyAccessible,
  rdsStorageEncrypted,
} from "../../policy-pack/policies/storage";
import {
  TYPES,
  fileSystem,
  rdsCluster,
  rdsInstance,
  tags,
  taskDefinition,
  withProps,
} from "./fixtures";
import { messages, runResourcePolicy } from "./helpers";

describe("policy rds-storage-encrypted", () => {
  it("accepts an encrypted instance and an encrypted cluster", async () => {
    assert.deepStrictEqual(
      (await runResourcePolicy(rdsStorageEncrypted, rdsInstance("prod"))).violations,
      [],
    );
    assert.deepStrictEqual(
      (await runResourcePolicy(rdsStorageEncrypted, rdsCluster("prod"))).violations,
      [],
    );
  });

  it("refuses an instance with storageEncrypted false", async () => {
    const out = await runResourcePolicy(
      rdsStorageEncrypted,
      withProps(rdsInstance("prod"), { storageEncrypted: false }),
    );
    assert.deepStrictEqual(out.violations, [
      {
        policy: "rds-storage-encrypted",
        message: "RDS instance 'db' must have storageEncrypted true; it is false.",
      },
    ]);
  });

  it("refuses a cluster that leaves storageEncrypted unset", async () => {
    const out = await runResourcePolicy(
      rdsStorageEncrypted,
      withProps(rdsCluster("exam"), { storageEncrypted: undefined }),
    );
    assert.deepStrictEqual(messages(out), [
      "RDS cluster 'db-cluster' must have storageEncrypted true; it is (not set).",
    ]);
  });
});

describe("policy rds-not-publicly-accessible", () => {
  it("accepts a private instance", async () => {
    assert.deepStrictEqual(
      (await runResourcePolicy(rdsNotPubliclyAccessible, rdsInstance("prod"))).violations,
      [],
    );
  });

  it("refuses a publicly accessible instance", async () => {
    const out = await runResourcePolicy(
      rdsNotPubliclyAccessible,
      withProps(rdsInstance("staging"), { publiclyAccessible: true }),
    );
    assert.deepStrictEqual(out.violations, [
      {
        policy: "rds-not-publicly-accessible",
        message: "RDS instance 'db' must not be publicly accessible; publiclyAccessible is true.",
      },
    ]);
  });

  it("accepts a private Aurora Serverless v2 writer (publiclyAccessible false)", async () => {
    const f = {
      type: TYPES.rdsClusterInstance,
      name: "exam-db-writer",
      props: {
        clusterIdentifier: "exam-db",
        engine: "aurora-postgresql",
        instanceClass: "db.serverless",
        publiclyAccessible: false,
        tags: tags("exam"),
      },
    };
    assert.deepStrictEqual((await runResourcePolicy(rdsNotPubliclyAccessible, f)).violations, []);
  });

  it("refuses a publicly accessible cluster instance", async () => {
    const f = {
      type: TYPES.rdsClusterInstance,
      name: "db-1",
      props: {
        clusterIdentifier: "pythonide-prod",
        engine: "aurora-postgresql",
        instanceClass: "db.t4g.medium",
        publiclyAccessible: true,
        tags: tags("prod"),
      },
    };
    const out = await runResourcePolicy(rdsNotPubliclyAccessible, f);
    assert.deepStrictEqual(messages(out), [
      "RDS cluster instance 'db-1' must not be publicly accessible; publiclyAccessible is true.",
    ]);
  });
});

describe("policy rds-backup-retention", () => {
  it("accepts 7 days in prod and 1 day in staging", async () => {
    assert.deepStrictEqual(
      (await runResourcePolicy(rdsBackupRetention, rdsInstance("prod"))).violations,
      [],
    );
    assert.deepStrictEqual(
      (await runResourcePolicy(rdsBackupRetention, rdsInstance("staging"))).violations,
      [],
    );
  });

  it("accepts an exam cluster keeping 14 days (the exam default)", async () => {
    const f = withProps(rdsCluster("exam"), { backupRetentionPeriod: 14 });
    assert.deepStrictEqual((await runResourcePolicy(rdsBackupRetention, f)).violations, []);
  });

  it("refuses backups turned off (seed 000's staging database: --backup-retention-period 0)", async () => {
    const out = await runResourcePolicy(
      rdsBackupRetention,
      withProps(rdsInstance("staging"), { backupRetentionPeriod: 0 }),
    );
    assert.deepStrictEqual(out.violations, [
      {
        policy: "rds-backup-retention",
        message:
          "RDS instance 'db' must keep automated backups for at least 1 days in staging; backupRetentionPeriod is 0.",
      },
    ]);
  });

  it("refuses fewer days than prod requires", async () => {
    const out = await runResourcePolicy(
      rdsBackupRetention,
      withProps(rdsInstance("prod"), { backupRetentionPeriod: 3 }),
    );
    assert.deepStrictEqual(messages(out), [
      "RDS instance 'db' must keep automated backups for at least 7 days in prod; backupRetentionPeriod is 3.",
    ]);
  });

  it("refuses a retention left unset", async () => {
    const out = await runResourcePolicy(
      rdsBackupRetention,
      withProps(rdsCluster("exam"), { backupRetentionPeriod: undefined }),
    );
    assert.deepStrictEqual(messages(out), [
      "RDS cluster 'db-cluster' must keep automated backups for at least 7 days in exam; backupRetentionPeriod is (not set).",
    ]);
  });
});

describe("policy rds-deletion-protection", () => {
  it("accepts a protected prod database", async () => {
    assert.deepStrictEqual(
      (await runResourcePolicy(rdsDeletionProtection, rdsInstance("prod"))).violations,
      [],
    );
  });

  it("refuses an unprotected prod instance", async () => {
    const out = await runResourcePolicy(
      rdsDeletionProtection,
      withProps(rdsInstance("prod"), { deletionProtection: false }),
    );
    assert.deepStrictEqual(out.violations, [
      {
        policy: "rds-deletion-protection",
        message: "RDS instance 'db' must have deletionProtection true in prod; it is false.",
      },
    ]);
  });

  it("accepts a protected exam cluster", async () => {
    assert.deepStrictEqual(
      (await runResourcePolicy(rdsDeletionProtection, rdsCluster("exam"))).violations,
      [],
    );
  });

  it("refuses an exam cluster that leaves it unset", async () => {
    const out = await runResourcePolicy(
      rdsDeletionProtection,
      withProps(rdsCluster("exam"), { deletionProtection: undefined }),
    );
    assert.deepStrictEqual(messages(out), [
      "RDS cluster 'db-cluster' must have deletionProtection true in exam; it is (not set).",
    ]);
  });

  it("does not require it in staging", async () => {
    const out = await runResourcePolicy(rdsDeletionProtection, rdsInstance("staging"));
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, [
      "deletion protection is required only in prod, exam; this is staging",
    ]);
  });
});

describe("policy efs-encrypted", () => {
  it("accepts an encrypted file system", async () => {
    assert.deepStrictEqual((await runResourcePolicy(efsEncrypted, fileSystem())).violations, []);
  });

  it("refuses encrypted false", async () => {
    const out = await runResourcePolicy(
      efsEncrypted,
      withProps(fileSystem(), { encrypted: false }),
    );
    assert.deepStrictEqual(out.violations, [
      {
        policy: "efs-encrypted",
        message: "EFS file system 'files' must have encrypted true; it is false.",
      },
    ]);
  });

  it("refuses encrypted left unset (the provider's default is unencrypted)", async () => {
    const out = await runResourcePolicy(
      efsEncrypted,
      withProps(fileSystem(), { encrypted: undefined }),
    );
    assert.deepStrictEqual(messages(out), [
      "EFS file system 'files' must have encrypted true; it is (not set).",
    ]);
  });
});

describe("policy ecs-efs-transit-encryption", () => {
  const withTransit = (transitEncryption: string | undefined) =>
    withProps(taskDefinition("prod"), {
      volumes: [
        {
          name: "student-data",
          efsVolumeConfiguration: { fileSystemId: "fs-00000000", transitEncryption },
        },
      ],
    });

  it("accepts an EFS volume mounted with transit encryption", async () => {
    assert.deepStrictEqual(
      (await runResourcePolicy(ecsEfsTransitEncryption, taskDefinition("prod"))).violations,
      [],
    );
  });

  it("refuses transitEncryption DISABLED", async () => {
    const out = await runResourcePolicy(ecsEfsTransitEncryption, withTransit("DISABLED"));
    assert.deepStrictEqual(out.violations, [
      {
        policy: "ecs-efs-transit-encryption",
        message:
          "ECS task definition 'ide-task' must mount EFS volume 'student-data' with transitEncryption ENABLED; it is DISABLED.",
      },
    ]);
  });

  it("refuses transitEncryption left unset (ECS defaults to DISABLED)", async () => {
    const out = await runResourcePolicy(ecsEfsTransitEncryption, withTransit(undefined));
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must mount EFS volume 'student-data' with transitEncryption ENABLED; it is (not set).",
    ]);
  });

  it("is not applicable to a task definition without EFS volumes", async () => {
    const out = await runResourcePolicy(
      ecsEfsTransitEncryption,
      withProps(taskDefinition("prod"), { volumes: undefined }),
    );
    assert.deepStrictEqual(out.notApplicable, ["the task definition mounts no EFS volume"]);
  });
});
