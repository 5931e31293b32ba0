/**
 * The RDS PostgreSQL instance classes the stacks may use. A class must be here to be priced
 * (model/prices.ts) and to have a connection limit for the "connections near limit" alarm.
 */

/**
 * The RDS engines the price table prices (model/prices.ts holds PostgreSQL's hourly rates only),
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
