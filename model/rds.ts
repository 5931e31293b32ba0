/**
 * The RDS PostgreSQL instance classes the stacks may use. A class must be here to be priced
 * (model/prices/) and to have a connection limit for the "connections near limit" alarm.
 */

/**
 * The RDS engines the price table prices (model/prices/ holds PostgreSQL's hourly rates only),
 * by the `engine` input's value, with the name an estimate shows. An instance of any other
 * engine is listed as not priced, never priced at another engine's rate (MySQL, MariaDB, Oracle
 * and SQL Server bill differently per class).
 */
export const PRICED_DB_ENGINES: Readonly<Record<string, string>> = {
  postgres: "PostgreSQL",
};

export interface DbClass {
  /** Memory in GiB. */
  memoryGib: number;
  /** vCPUs. */
  vcpus: number;
}

export const DB_CLASSES: Readonly<Record<string, DbClass>> = {
  "db.t4g.micro": { memoryGib: 1, vcpus: 2 },
  "db.t4g.small": { memoryGib: 2, vcpus: 2 },
  "db.t4g.medium": { memoryGib: 4, vcpus: 2 },
  "db.t3.micro": { memoryGib: 1, vcpus: 2 },
};

/**
 * PostgreSQL's default `max_connections` on RDS: LEAST(DBInstanceClassMemory / 9531392, 5000).
 * Computed on the nominal memory, so it is an upper bound: the instance reserves some memory.
 */
export function defaultMaxConnections(instanceClass: string): number {
  const cls = DB_CLASSES[instanceClass];
  if (!cls) throw new Error(`unknown RDS instance class ${instanceClass}`);
  return Math.min(Math.floor((cls.memoryGib * 1024 ** 3) / 9531392), 5000);
}

/** Fraction of the connection limit at which the connections alarm fires (and the planner stops). */
export const CONNECTIONS_ALARM_FRACTION = 0.8;

// ---------------------------------------------------------------------------------------------
// Aurora PostgreSQL Serverless v2

/**
 * Default `max_connections` of an Aurora PostgreSQL Serverless v2 instance by its maximum
 * capacity (ACUs), from the table "Maximum connections for Aurora Serverless v2" in the Aurora
 * User Guide (aurora-serverless-v2.setting-capacity.html#aurora-serverless-v2.max-connections;
 * re:Post article "Working of max_connections for Amazon Aurora PostgreSQL Serverless" confirms
 * 189 at 1 ACU and 3,360 at 16 ACUs). The limit follows the memory of the MAXIMUM capacity, not
 * the current one. Between rows it grows with memory, so the row at or below is a lower bound.
 */
export const AURORA_PG_MAX_CONNECTIONS: readonly (readonly [acu: number, connections: number])[] = [
  [1, 189],
  [4, 823],
  [8, 1669],
  [16, 3360],
  [32, 5000],
];

/**
 * With a minimum capacity of 0 or 0.5 ACU, Aurora PostgreSQL caps `max_connections` at 2,000
 * (same re:Post article: "MIN ACU 0.5, MAX ACU 16 ... 2000").
 */
export const AURORA_PG_LOW_MIN_CONNECTION_CAP = 2000;

/** The largest maximum capacity Aurora Serverless v2 accepts (recent engine versions), ACUs. */
export const AURORA_MAX_ACU = 256;

/**
 * The connection limit of an Aurora PostgreSQL Serverless v2 instance that scales between
 * `minAcu` and `maxAcu`: the table's row at or below `maxAcu`, capped at 2,000 when `minAcu` is
 * below 1. An error below 1 ACU (the table starts there).
 */
export function auroraMaxConnections(maxAcu: number, minAcu = 0): number {
  const row = [...AURORA_PG_MAX_CONNECTIONS].reverse().find(([acu]) => acu <= maxAcu);
  if (!row) {
    throw new Error(
      `Aurora Serverless v2 maximum capacity ${maxAcu} ACU is below the documented connection table (1 ACU and up)`,
    );
  }
  return minAcu < 1 ? Math.min(row[1], AURORA_PG_LOW_MIN_CONNECTION_CAP) : row[1];
}

/**
 * The first minor version of each Aurora PostgreSQL major version that accepts a minimum capacity
 * of 0 ACU (automatic pause): 13.15, 14.12, 15.7, 16.3; every later major version does. Sources:
 * Aurora User Guide "Scaling to Zero ACUs with automatic pause and resume for Aurora Serverless
 * v2" (aurora-serverless-v2-auto-pause.html, which points at the capacity table for versions) and
 * the RDS API reference, ServerlessV2ScalingConfiguration.MinCapacity: "For Aurora versions that
 * support the Aurora Serverless v2 auto-pause feature, the smallest value that you can use is 0".
 */
export const AURORA_PG_AUTO_PAUSE_SINCE: Readonly<Record<number, number>> = {
  13: 15,
  14: 12,
  15: 7,
  16: 3,
};

/**
 * Whether an Aurora PostgreSQL `engineVersion` ("16.6") accepts a minimum capacity of 0 ACU. A
 * version without its minor ("16") is refused: RDS would pick a minor we cannot check.
 */
export function supportsAutoPause(engineVersion: string): boolean {
  const m = /^(\d+)\.(\d+)$/.exec(engineVersion);
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major < 13) return false;
  const since = AURORA_PG_AUTO_PAUSE_SINCE[major];
  return since === undefined ? true : minor >= since;
}

/**
 * Seconds an Aurora Serverless v2 instance must be idle before it pauses: 300 to 86,400 (RDS API
 * reference, ServerlessV2ScalingConfiguration.SecondsUntilAutoPause).
 */
export const AURORA_AUTO_PAUSE_SECONDS = { min: 300, max: 86400 } as const;
