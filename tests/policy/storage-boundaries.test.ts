/**
 * The storage policies at their edges: databases without an Environment tag held to prod's
 * rules, the backup floor on both sides, task definitions mixing EFS and other volumes.
 */
import * as assert from "assert";
import {
  ecsEfsTransitEncryption,
  rdsBackupRetention,
  rdsDeletionProtection,
} from "../../policy-pack/policies/storage";
import { rdsInstance, taskDefinition, withProps } from "./fixtures";
import { messages, runResourcePolicy } from "./helpers";

describe("storage policies at their edges", () => {
  it("holds an untagged database to prod's backup floor and deletion protection", async () => {
    const db = withProps(rdsInstance("staging"), {
      tags: undefined,
      backupRetentionPeriod: 1,
      deletionProtection: false,
    });
    assert.deepStrictEqual(messages(await runResourcePolicy(rdsBackupRetention, db)), [
      "RDS instance 'db' must keep automated backups for at least 7 days in prod; backupRetentionPeriod is 1.",
    ]);
    assert.deepStrictEqual(messages(await runResourcePolicy(rdsDeletionProtection, db)), [
      "RDS instance 'db' must have deletionProtection true in prod; it is false.",
    ]);
  });

  it("accepts backups exactly at the floor, refuses a day less", async () => {
    const days = async (backupRetentionPeriod: number) =>
      messages(
        await runResourcePolicy(
          rdsBackupRetention,
          withProps(rdsInstance("prod"), { backupRetentionPeriod }),
        ),
      );
    assert.deepStrictEqual(await days(7), []);
    assert.deepStrictEqual(await days(6), [
      "RDS instance 'db' must keep automated backups for at least 7 days in prod; backupRetentionPeriod is 6.",
    ]);
  });

  it("checks only the EFS volumes of a task definition that also has other volumes", async () => {
    const volumes = (transitEncryption: string) => [
      { name: "scratch", hostPath: "/tmp" },
      { name: "student-data", efsVolumeConfiguration: { fileSystemId: "fs-0", transitEncryption } },
    ];
    const run = async (transit: string) =>
      messages(
        await runResourcePolicy(
          ecsEfsTransitEncryption,
          withProps(taskDefinition("prod"), { volumes: volumes(transit) }),
        ),
      );
    assert.deepStrictEqual(await run("ENABLED"), []);
    assert.deepStrictEqual(await run("DISABLED"), [
      "ECS task definition 'ide-task' must mount EFS volume 'student-data' with transitEncryption ENABLED; it is DISABLED.",
    ]);
    const onlyScratch = await runResourcePolicy(
      ecsEfsTransitEncryption,
      withProps(taskDefinition("prod"), { volumes: [{ name: "scratch" }] }),
    );
    assert.deepStrictEqual(onlyScratch.notApplicable, ["the task definition mounts no EFS volume"]);
  });
});
