/**
 * The staging switch: staging runs only while `active` is true and `activeUntil` is ahead (at
 * most `maxActiveHours`); otherwise its service has no tasks. No Pulumi imports.
 */
import { raiseStagingPolicy } from "../schedule";
import { readTime, utcMinute } from "../time";
import type { Reader } from "./reader";
import { schemaDefault } from "./schema";
import type { ServiceConfig, StagingConfig } from "./types";

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
  const policyLimit = schemaDefault("maxActiveHours", "staging") as number;
  if (maxActiveHours > policyLimit) {
    r.warnings.push(
      `${r.k("maxActiveHours")} is ${maxActiveHours}, above the ${policyLimit} hours the mandatory staging policy allows by default: raise ${raiseStagingPolicy(maxActiveHours)} in the same change; otherwise the policy refuses an activeUntil more than ${policyLimit} hours ahead`,
    );
  }
  let activeUntil: Date | undefined;
  // A bad stack-wide timeZone is reported once, on its own key.
  if (untilText !== undefined && timeZone !== undefined) {
    const read = readTime(untilText, timeZone);
    if (read.note) r.warnings.push(`${r.k("activeUntil")}: ${read.note}`);
    if (read.problem === undefined) activeUntil = read.instant;
    else
      r.problems.push(`${r.k("activeUntil")} ${r.shown("activeUntil", untilText)} ${read.problem}`);
  }
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
          `is ${hoursAhead.toFixed(1)} hours ahead; staging may be active for at most ${maxActiveHours} hours (maxActiveHours): use a time before ${utcMinute(new Date(now.getTime() + maxActiveHours * 3_600_000))}Z, or raise ${r.k("maxActiveHours")} to ${Math.ceil(hoursAhead)} (at most 168) and, in the same change, ${raiseStagingPolicy(Math.ceil(hoursAhead))}`,
        );
      } else if (hoursAhead <= 0) {
        r.warnings.push(
          `staging expired at ${utcMinute(activeUntil)}Z and stays off; set a new ${r.k("activeUntil")} to switch it on again`,
        );
      } else {
        active = true;
      }
    }
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
