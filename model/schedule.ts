/**
 * Schedule arithmetic: exam windows and staging expiry -> the scheduled scaling steps a service's
 * scalable target needs. Pure: components turn each step into an
 * `aws.appautoscaling.ScheduledAction`, the cost model reads those back.
 */
import type { ExamConfig, StagingConfig } from "./config";
import { isTimeZone, parseZonedTime, utcMinute } from "./time";

/** One scheduled change of a scalable target's bounds. */
export interface ScalingStep {
  /** Name for the scheduled action, unique within the service (`<window>-scale-up`). */
  name: string;
  /** When it runs (UTC). */
  at: Date;
  minCapacity: number;
  maxCapacity: number;
  /** Why, for people reading the preview. */
  reason: string;
}

/** The bounds a scalable target is registered with now, and the steps that change them later. */
export interface ScalingPlan {
  minCapacity: number;
  maxCapacity: number;
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
  if (!m || !isTimeZone(timezone)) return undefined;
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
 * whose periods touch are merged (the floor never dips between back-to-back exams). A period
 * already under way is applied at once instead of as a step that AWS would never run.
 * @param exam the validated exam settings (windows still ahead, planned tasks)
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
  const plan: ScalingPlan = { minCapacity: idle.minTasks, maxCapacity: idle.maxTasks, steps: [] };
  for (const p of periods) {
    const label = p.names.join(" + ");
    if (p.to.getTime() <= now.getTime()) continue;
    if (p.from.getTime() <= now.getTime()) {
      plan.minCapacity = Math.max(idle.minTasks, p.tasks);
    } else {
      plan.steps.push({
        name: `${p.names[0]}-scale-up`,
        at: p.from,
        minCapacity: Math.max(idle.minTasks, p.tasks),
        maxCapacity: idle.maxTasks,
        reason: `${label}: ${p.tasks} tasks from ${exam.leadMinutes} min before the start (${utcMinute(p.from)}Z)`,
      });
    }
    plan.steps.push({
      name: `${p.names[p.names.length - 1]}-scale-down`,
      at: p.to,
      minCapacity: idle.minTasks,
      maxCapacity: idle.maxTasks,
      reason: `${label}: back to the idle floor ${exam.graceMinutes} min after the end (${utcMinute(p.to)}Z)`,
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
    steps: [],
  };
  if (staging.active && staging.activeUntil) {
    plan.steps.push({
      name: "switch-off",
      at: staging.activeUntil,
      minCapacity: 0,
      maxCapacity: 0,
      reason: `staging switches itself off at ${utcMinute(staging.activeUntil)}Z`,
    });
  }
  return plan;
}
