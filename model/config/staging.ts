/**
 * The staging switch: staging runs only while `active` is true and `activeUntil` is ahead (at
 * most `maxActiveHours`); otherwise its service has no tasks. No Pulumi imports.
 */
import { raiseStagingPolicy } from "../schedule";
import { localMinute, readTime, utcMinute } from "../time";
import type { Reader } from "./reader";
import { PROJECT, schemaDefault } from "./schema";
import type { ServiceConfig, StagingConfig } from "./types";

/**
 * The warning for a stack `pythonide:maxActiveHours` above the staging policy's default limit
 * (undefined when within it). The program cannot see the policy config the CLI hands the pack,
 * so it warns unless the limit is within the default; the offline preview, which knows the
 * policy config, drops the warning when that config already allows `maxActiveHours` (gate.ts).
 */
/**
 * Go's `Time.String()`, which is what a program receives for an unquoted YAML timestamp in a
 * stack file (`activeUntil: 2026-11-20T21:13:00Z` arrives as "2026-11-20 21:13:00 +0000 UTC";
 * the CLI reads stack files with yaml.v3: preview/cli-config/go-yaml.ts `goTimestamp`). A time
 * written without an offset arrives as UTC too, so the text cannot be read back safely.
 */
const GO_TIME =
  /^([0-9]{4}-[0-9]{2}-[0-9]{2}) ([0-9]{2}:[0-9]{2}):[0-9]{2}(?:\.[0-9]+)? [+-][0-9]{4} \S+$/;

export function policyLimitWarning(maxActiveHours: number): string | undefined {
  const policyLimit = schemaDefault("maxActiveHours", "staging") as number;
  if (maxActiveHours <= policyLimit) return undefined;
  return `${PROJECT}:maxActiveHours is ${maxActiveHours}, above the ${policyLimit} hours the mandatory staging policy allows by default: unless its policy config already allows ${maxActiveHours}, raise ${raiseStagingPolicy(maxActiveHours)} in the same change; otherwise the policy refuses an activeUntil more than ${policyLimit} hours ahead`;
}

/**
 * An instant in UTC and on the stack's clocks, as the stack file's local times are written:
 * `2026-12-05T16:20Z (2026-12-05 10:20 in America/Chicago, UTC-06:00)`; UTC alone when the zone
 * is UTC or unknown (a bad timeZone is reported on its own key).
 */
function shownInZone(instant: Date, timeZone: string | undefined): string {
  const utc = `${utcMinute(instant)}Z`;
  if (timeZone === undefined || timeZone === "UTC") return utc;
  // localMinute: `2026-12-05 10:20 (UTC-06:00)`.
  const [clock, offset] = localMinute(instant, timeZone).split(" (");
  return `${utc} (${clock} in ${timeZone}, ${offset}`;
}

/** Reads staging's switch and sets the service's task counts from it (0 while off). */
export function readStaging(
  r: Reader,
  service: ServiceConfig,
  timeZone: string | undefined,
  now: Date,
): StagingConfig {
  const switchedOn = r.bool("active");
  const maxActiveHours = r.int("maxActiveHours");
  const activeTasks = r.int("activeTasks");
  if (activeTasks > service.maxTasks && r.valid("maxTasks")) {
    r.fail("activeTasks", String(activeTasks), `must not exceed maxTasks (${service.maxTasks})`);
  }
  const untilText = r.maybeStr("activeUntil");
  const warning = policyLimitWarning(maxActiveHours);
  if (warning) r.warnings.push(warning);
  let activeUntil: Date | undefined;
  // A bad stack-wide timeZone is reported once, on its own key.
  if (untilText !== undefined && timeZone !== undefined) {
    const read = readTime(untilText, timeZone);
    if (read.note) r.warnings.push(`${r.k("activeUntil")}: ${read.note}`);
    if (read.problem === undefined) activeUntil = read.instant;
    else {
      const go = GO_TIME.exec(untilText);
      const problem = go
        ? `is how the Pulumi CLI hands over an unquoted YAML timestamp (Go's time text; one written without an offset has become UTC): put the time in quotes in the stack file, e.g. ${r.k("activeUntil")}: "${go[1]}T${go[2]}"`
        : read.problem;
      r.problems.push(`${r.k("activeUntil")} ${r.shown("activeUntil", untilText)} ${problem}`);
    }
  }
  const limitText = shownInZone(new Date(now.getTime() + maxActiveHours * 3_600_000), timeZone);
  let active = false;
  if (switchedOn) {
    if (untilText === undefined) {
      r.problems.push(
        `${r.k("active")} is true but ${r.k("activeUntil")} is not set: an active staging needs an expiry within ${maxActiveHours} hours (maxActiveHours), so a forgotten staging switches itself off`,
      );
    } else if (activeUntil) {
      const hoursAhead = (activeUntil.getTime() - now.getTime()) / 3_600_000;
      if (hoursAhead > maxActiveHours) {
        r.fail(
          "activeUntil",
          untilText,
          `${hoursAhead.toFixed(1)} hours ahead, but staging may be active for at most ${maxActiveHours} hours (maxActiveHours): use a time before ${limitText}, or raise ${r.k("maxActiveHours")} to ${Math.ceil(hoursAhead)} (at most 168) and, in the same change, ${raiseStagingPolicy(Math.ceil(hoursAhead))}`,
        );
      } else if (hoursAhead <= 0) {
        r.warnings.push(
          `staging expired at ${shownInZone(activeUntil, timeZone)} and stays off; to switch it on, set ${r.k("activeUntil")} to a future time at most ${maxActiveHours} hours ahead, now before ${limitText}, and run pulumi up`,
        );
      } else {
        active = true;
      }
    }
  } else if (activeUntil && activeUntil.getTime() > now.getTime()) {
    // The easy slip: a session's expiry written, the switch left off.
    r.warnings.push(
      `${r.k("activeUntil")} is ${shownInZone(activeUntil, timeZone)}, still ahead, but ${r.k("active")} is false: staging stays off; set ${r.k("active")} to true to switch it on until then`,
    );
  }
  service.minTasks = active ? activeTasks : 0;
  service.maxTasks = active ? Math.max(service.maxTasks, activeTasks) : 0;
  service.desiredTasks = 0;
  return {
    active,
    activeUntil: active ? activeUntil : undefined,
    maxActiveHours,
    activeTasks,
  };
}
