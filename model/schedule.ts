/**
 * Schedule arithmetic: exam windows and staging expiry -> the scheduled scaling steps a service's
 * scalable target needs. Pure: components turn each step into an
 * `aws.appautoscaling.ScheduledAction`, the cost model reads those back.
 */
import type { ExamConfig, StagingConfig } from "./config";
import { isKnownTimeZone, localMinute, parseZonedTime, utcMinute } from "./time";

/** One scheduled change of a scalable target's bounds. */
export interface ScalingStep {
  /** Name for the scheduled action, unique within the service (`<window>-scale-up`). */
  name: string;
  /** When it runs (UTC). */
  at: Date;
  minCapacity: number;
  maxCapacity: number;
  /** Why, for people reading the preview: `60 min before midsem starts`. */
  reason: string;
}

/** The bounds a scalable target is registered with now, and the steps that change them later. */
export interface ScalingPlan {
  minCapacity: number;
  maxCapacity: number;
  /** Why the bounds are what they are now: `midsem under way until 2027-03-16T16:30Z`. */
  reason: string;
  steps: ScalingStep[];
}

/** `at(2027-03-16T13:00:00)`: the one-time schedule expression Application Auto Scaling takes. */
export function atExpression(date: Date): string {
  return `at(${date.toISOString().slice(0, 19)})`;
}

const AT = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)\)$/;

/** Whether `schedule` is a one-time `at(...)` expression (well formed or not), not cron/rate. */
export function isAtSchedule(schedule: string): boolean {
  return schedule.trim().startsWith("at(");
}

/**
 * The instant a one-time `at(YYYY-MM-DDTHH:MM[:SS])` schedule runs, read in the scheduled
 * action's `timezone` (default UTC), or undefined when it is not such an expression or the time
 * or zone is not valid. The reverse of atExpression.
 */
export function parseAtExpression(schedule: string, timezone = "UTC"): Date | undefined {
  const m = AT.exec(schedule.trim());
  if (!m || !isKnownTimeZone(timezone)) return undefined;
  return parseZonedTime(m[1], timezone);
}

/** A run of windows whose capacity periods (lead time before, grace after) touch or overlap. */
interface Period {
  names: string[];
  from: Date;
  to: Date;
  tasks: number;
}

/**
 * The exam service's plan: the idle floor between exams; `leadMinutes` before each window the
 * floor rises to the planned tasks; `graceMinutes` after it the floor returns to idle. Windows
 * whose periods touch are merged (the floor never dips between back-to-back exams). A period is
 * under way from its lead start (inclusive) to its grace end (exclusive): then the floor is
 * raised at once, instead of by a step AWS would never run, and only the return is scheduled.
 * @param exam the validated exam settings (windows whose grace has not ended, planned tasks)
 * @param idle the idle floor and the ceiling (`minTasks`, `maxTasks`)
 * @param now the clock
 */
export function examPlan(
  exam: ExamConfig,
  idle: { minTasks: number; maxTasks: number },
  now: Date,
): ScalingPlan {
  const periods: Period[] = [];
  for (const w of exam.windows) {
    const from = new Date(w.start.getTime() - exam.leadMinutes * 60_000);
    const to = new Date(w.end.getTime() + exam.graceMinutes * 60_000);
    const last = periods[periods.length - 1];
    if (last && from.getTime() <= last.to.getTime()) {
      last.names.push(w.name);
      last.to = new Date(Math.max(last.to.getTime(), to.getTime()));
      last.tasks = Math.max(last.tasks, w.tasks);
    } else {
      periods.push({ names: [w.name], from, to, tasks: w.tasks });
    }
  }
  const plan: ScalingPlan = {
    minCapacity: idle.minTasks,
    maxCapacity: idle.maxTasks,
    reason: "the idle floor: no exam under way",
    steps: [],
  };
  for (const p of periods) {
    const merged = p.names.length > 1 ? ` (${p.names.join(" + ")}, back to back)` : "";
    if (p.to.getTime() <= now.getTime()) continue;
    if (p.from.getTime() <= now.getTime()) {
      plan.minCapacity = Math.max(idle.minTasks, p.tasks);
      plan.reason = `${p.names.join(" + ")} under way: ${p.tasks} tasks from ${exam.leadMinutes} min before the start until ${exam.graceMinutes} min after the end (${utcMinute(p.to)}Z)`;
    } else {
      plan.steps.push({
        name: `${p.names[0]}-scale-up`,
        at: p.from,
        minCapacity: Math.max(idle.minTasks, p.tasks),
        maxCapacity: idle.maxTasks,
        reason: `${exam.leadMinutes} min before ${p.names[0]} starts${merged}`,
      });
    }
    plan.steps.push({
      name: `${p.names[p.names.length - 1]}-scale-down`,
      at: p.to,
      minCapacity: idle.minTasks,
      maxCapacity: idle.maxTasks,
      reason: `${exam.graceMinutes} min after ${p.names[p.names.length - 1]} ends${merged}: back to the idle floor`,
    });
  }
  return plan;
}

/**
 * Staging's plan: the bounds config validation decided (0/0 when switched off; `activeTasks` and
 * the ceiling while active) and, while active, exactly one step at the expiry that sets minimum
 * and maximum back to 0.
 * @param staging the validated staging settings
 * @param bounds the service's validated `minTasks` and `maxTasks`
 */
export function stagingPlan(
  staging: StagingConfig,
  bounds: { minTasks: number; maxTasks: number },
): ScalingPlan {
  const plan: ScalingPlan = {
    minCapacity: bounds.minTasks,
    maxCapacity: bounds.maxTasks,
    reason: "staging is off",
    steps: [],
  };
  if (staging.active && staging.activeUntil) {
    plan.reason = `staging is switched on until ${utcMinute(staging.activeUntil)}Z (activeUntil)`;
    plan.steps.push({
      name: "switch-off",
      at: staging.activeUntil,
      minCapacity: 0,
      maxCapacity: 0,
      reason: "staging switches itself off (activeUntil)",
    });
  }
  return plan;
}

/** One scheduled change of capacity, as the preview and the stack outputs say it. */
export interface ScheduleEntry {
  /** The scheduled action's name. */
  name: string;
  /** When, on the stack's clocks: `2027-03-16 08:00 (UTC-05:00) America/Chicago`. */
  local: string;
  /** When, in UTC: `2027-03-16T13:00Z`. */
  utc: string;
  /** The bounds before and after the change, `min/max` tasks: `0/10`. */
  before: string;
  after: string;
  /** Why: the window and the phase, or the staging switch-off. */
  reason: string;
  /** All of the above in one line. */
  text: string;
}

/**
 * A plan in plain words: each step in order with its time on the stack's clocks and in UTC, the
 * bounds before and after it (starting from the plan's bounds now) and why.
 * @param plan examPlan or stagingPlan
 * @param timeZone the stack's `timeZone` (a canonical IANA name or UTC)
 */
export function describeSchedule(plan: ScalingPlan, timeZone: string): ScheduleEntry[] {
  let before = `${plan.minCapacity}/${plan.maxCapacity}`;
  return [...plan.steps]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((step) => {
      const after = `${step.minCapacity}/${step.maxCapacity}`;
      const local = `${localMinute(step.at, timeZone)} ${timeZone}`;
      const utc = `${utcMinute(step.at)}Z`;
      const entry: ScheduleEntry = {
        name: step.name,
        local,
        utc,
        before,
        after,
        reason: step.reason,
        text: `${local} = ${utc}: min/max tasks ${before} -> ${after}, ${step.reason}`,
      };
      before = after;
      return entry;
    });
}

/** The mandatory policy that holds staging to its expiry (policy-pack/policies/staging.ts). */
export const STAGING_EXPIRY_POLICY = "staging-scales-to-zero";

/**
 * What to raise so the staging policy allows an expiry `hours` ahead (`raise <this>`): its
 * `maxActiveHours` setting, in the policy config file the CLI reads (`--policy-pack-config`; the offline
 * preview's `--policy-config`), beside `pythonide:maxActiveHours` in the stack.
 */
export function raiseStagingPolicy(hours: number): string {
  return `the ${STAGING_EXPIRY_POLICY} policy's maxActiveHours to ${hours} in the policy config file given to pulumi preview and pulumi up with --policy-pack-config (npm start: --policy-config), {"${STAGING_EXPIRY_POLICY}": {"maxActiveHours": ${hours}}}`;
}
