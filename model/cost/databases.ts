/**
 * Databases: RDS instances (hours by class and engine, storage, IOPS) and Aurora Serverless v2
 * clusters (ACU-hours while awake, storage, I/O), each with its RDS-managed secret. No Pulumi
 * imports.
 */
import { HOURS_PER_MONTH, RDS_MULTI_AZ_FACTOR } from "../prices";
import { PRICED_DB_ENGINES } from "../rds";
import { ResourceRecord } from "../records";
import { CostAssumptions } from "./assumptions";
import { Lines, scale } from "./lines";
import { awakeHours, fmtHours } from "./months";
import { num, obj, str, tagsOf } from "./records";
import { ServiceModel } from "./services";
import { PerScenario } from "./types";

/** An RDS instance: hours by engine and class (Multi-AZ doubled), storage and IOPS, its secret. */
export function priceDatabase(
  out: Lines,
  r: ResourceRecord,
  a: CostAssumptions,
  problems: string[],
): void {
  const i = r.inputs;
  const cls = str(i.instanceClass);
  if (!cls) {
    problems.push(`RDS instance ${r.name}: instance class not known; not priced`);
    return;
  }
  const engineInput = str(i.engine);
  const engine = engineInput === undefined ? undefined : PRICED_DB_ENGINES[engineInput];
  if (engine === undefined) {
    const which =
      engineInput === undefined
        ? "engine not known (restored from a snapshot, or an unknown value)"
        : `engine ${JSON.stringify(engineInput)} has no price in the table (priced: ${Object.values(PRICED_DB_ENGINES).join(", ")})`;
    problems.push(`RDS instance ${r.name}: ${which}; its instance and storage are not priced`);
    return;
  }
  const multiAz = i.multiAz === true;
  const k = multiAz ? RDS_MULTI_AZ_FACTOR : 1;
  const az = multiAz ? `Multi-AZ (x${RDS_MULTI_AZ_FACTOR})` : "single-AZ";
  out.add(r, `RDS ${engine} ${cls}`, { rdsClass: cls }, HOURS_PER_MONTH * k, { assumed: az });
  const storage = num(i.allocatedStorage);
  const type = str(i.storageType) ?? "gp2";
  if (storage === undefined) {
    problems.push(`RDS instance ${r.name}: allocated storage not known; its storage is not priced`);
  } else {
    out.add(r, `RDS storage (${type})`, "rds.gp3GbMonth", storage * k, {
      assumed: `${storage} GB, ${az}`,
    });
    const iops = num(i.iops);
    if (type === "gp3" && iops !== undefined && iops > 3000) {
      out.add(r, "RDS gp3 IOPS above 3,000", "rds.gp3IopsMonth", (iops - 3000) * k, {
        assumed: `${iops} IOPS`,
      });
    }
  }
  if (a.rdsBackupGbAboveFree > 0) {
    out.add(
      r,
      "RDS backup storage beyond the provisioned size",
      "rds.backupGbMonth",
      a.rdsBackupGbAboveFree,
      { assumed: `${a.rdsBackupGbAboveFree} GB (assumption rdsBackupGbAboveFree)` },
    );
  }
  managedSecretLine(out, r);
}

/** The Secrets Manager secret RDS creates for a managed master password, all month. */
export function managedSecretLine(out: Lines, r: ResourceRecord): void {
  if (r.inputs.manageMasterUserPassword === true) {
    out.add(
      r,
      "Secrets Manager secret (RDS-managed master password)",
      "secretsmanager.secretMonth",
      1,
      { assumed: "created by RDS" },
    );
  }
}

/**
 * An Aurora cluster. Serverless v2 (the staging and exam default): ACU-hours at its maximum
 * capacity for the hours it is awake (an upper bound: Aurora bills what it uses between 0.5 ACU
 * and the maximum), none while paused; storage and I/O (Aurora Standard); its managed secret.
 */
export function priceCluster(
  out: Lines,
  r: ResourceRecord,
  services: ServiceModel[],
  a: CostAssumptions,
  month: string | undefined,
  problems: string[],
): void {
  const i = r.inputs;
  const scaling = obj(i.serverlessv2ScalingConfiguration);
  const max = num(scaling?.maxCapacity);
  const min = num(scaling?.minCapacity) ?? 0;
  if (!scaling || max === undefined) {
    problems.push(
      `Aurora cluster ${r.name}: no Serverless v2 scaling configuration; provisioned Aurora instances are not in the price table, not priced`,
    );
    return;
  }
  const env = str(tagsOf(r).Environment)?.toLowerCase();
  const mine = services.filter(
    (s) => env === undefined || str(tagsOf(s.record).Environment)?.toLowerCase() === env,
  );
  const pauseSeconds = num(scaling.secondsUntilAutoPause) ?? 300;
  let awake: { hours: PerScenario; basis: string };
  if (min > 0) {
    const M = HOURS_PER_MONTH;
    awake = {
      hours: { floor: M, expected: M, ceiling: M },
      basis: `minimum ${min} ACU: never pauses`,
    };
  } else {
    awake = awakeHours(mine, a, pauseSeconds / 3600, month);
  }
  out.add(
    r,
    "Aurora Serverless v2 capacity",
    "aurora.serverlessV2AcuHour",
    scale(awake.hours, max),
    {
      assumed: `at its maximum ${max} ACU while awake (an upper bound), 0 while paused; ${awake.basis}; ${fmtHours(awake.hours.expected)} expected`,
    },
  );
  out.add(r, "Aurora storage (Standard)", "aurora.storageGbMonth", a.auroraStoredGb, {
    assumed: `${a.auroraStoredGb} GB (assumption auroraStoredGb)`,
  });
  out.add(
    r,
    "Aurora I/O requests (Standard)",
    "aurora.ioMillion",
    scale(awake.hours, a.auroraIoMillionsPerAwakeHour),
    {
      assumed: `${a.auroraIoMillionsPerAwakeHour} million per hour awake (assumption auroraIoMillionsPerAwakeHour)`,
    },
  );
  managedSecretLine(out, r);
}

/** A cluster instance: db.serverless is billed on its cluster; other classes are not priced. */
export function priceClusterInstance(r: ResourceRecord, problems: string[]): void {
  const cls = str(r.inputs.instanceClass);
  if (cls !== "db.serverless") {
    problems.push(
      `Aurora cluster instance ${r.name}: class ${cls ?? "(not known)"} is not in the price table; not priced`,
    );
  }
}
