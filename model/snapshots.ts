/**
 * Staging's on-demand database between sessions: which snapshot a new instance is restored from,
 * and which identifier the final snapshot of the instance gets when it is deleted. Pure: the
 * StagingEnv component hands in the manual snapshots `aws.rds.getSnapshots` lists.
 *
 * The scheme needs no config and no state of its own. Every final snapshot is
 * `<instance>-final-<n>`, n one more than the highest n among the instance's snapshots, so two
 * sessions never ask RDS for the same identifier (RDS refuses to delete an instance whose final
 * snapshot identifier is taken). The instance is restored from its newest available manual
 * snapshot, which is the last session's final snapshot (or a newer one someone took by hand).
 */

/** The fields of a listed DB snapshot the choice reads (`aws.rds.getSnapshots` snapshots). */
export interface SnapshotListing {
  /** Snapshot identifier. */
  dbSnapshotIdentifier: string;
  /** When the snapshot was taken, RFC 3339 UTC. */
  snapshotCreateTime: string;
  /** `available` once it can be restored from (`creating` before). */
  status: string;
}

/** Digits of the generation number in a final snapshot identifier (`-final-0007`). */
const GENERATION_DIGITS = 4;

/**
 * The snapshot to restore from: the newest one that is `available` (ties: the greater
 * identifier). Undefined when there is none yet (the first session starts with an empty database).
 */
export function latestSnapshot(snapshots: readonly SnapshotListing[]): string | undefined {
  const usable = snapshots
    .filter((s) => s.status === "available" && !Number.isNaN(Date.parse(s.snapshotCreateTime)))
    .sort(
      (a, b) =>
        Date.parse(b.snapshotCreateTime) - Date.parse(a.snapshotCreateTime) ||
        (a.dbSnapshotIdentifier < b.dbSnapshotIdentifier ? 1 : -1),
    );
  return usable[0]?.dbSnapshotIdentifier;
}

/**
 * The identifier the instance's final snapshot gets: `<instance>-final-<n>` with n one more than
 * the highest generation among `existing` (1 when there is none), zero-padded to four digits.
 * Stable while the instance lives: no snapshot of it is added until it is deleted.
 * @param instanceIdentifier the RDS instance identifier (`staging-db`)
 * @param existing identifiers of the instance's snapshots (any status)
 */
export function nextFinalSnapshotIdentifier(
  instanceIdentifier: string,
  existing: readonly string[],
): string {
  const prefix = `${instanceIdentifier}-final-`;
  let highest = 0;
  for (const id of existing) {
    const lower = id.toLowerCase();
    if (!lower.startsWith(prefix)) continue;
    const rest = lower.slice(prefix.length);
    if (/^\d+$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  return `${prefix}${String(highest + 1).padStart(GENERATION_DIGITS, "0")}`;
}
