/**
 * The staging switch: staging runs only while `active` is true and `activeUntil` is ahead (at
 * most `maxActiveHours`); otherwise its service has no tasks. No Pulumi imports.
 */
import { parseZonedTime, utcMinute } from "../time";
import type { Reader } from "./reader";
import type { ServiceConfig, StagingConfig } from "./types";

/** Reads staging's switch and sets the service's task counts from it (0 while off). */
export function readStaging(
  r: Reader,
  service: ServiceConfig,
  timeZone: string,
  now: Date,
): StagingConfig {
  const switchedOn = r.bool("active");
  const maxActiveHours = r.int("maxActiveHours");
  const activeTasks = r.int("activeTasks");
  if (activeTasks > service.maxTasks && r.valid("maxTasks")) {
    r.fail("activeTasks", String(activeTasks), `must not exceed maxTasks (${service.maxTasks})`);
  }
  const untilText = r.maybeStr("activeUntil");
  let activeUntil: Date | undefined;
  if (untilText !== undefined) {
    activeUntil = parseZonedTime(untilText, timeZone);
    if (!activeUntil) {
      r.fail(
        "activeUntil",
        untilText,
        `must be a time YYYY-MM-DDTHH:MM (in ${timeZone}) or with Z or an offset, such as 2026-03-10T18:00`,
      );
    }
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
          `is ${hoursAhead.toFixed(1)} hours ahead; staging may be active for at most ${maxActiveHours} hours (maxActiveHours): use a time before ${utcMinute(new Date(now.getTime() + maxActiveHours * 3_600_000))}Z`,
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
