/**
 * Schedule arithmetic: exam windows and staging expiry -> the scheduled scaling steps a service's
 * scalable target needs. Pure: components turn each step into an
 * `aws.appautoscaling.ScheduledAction`, the cost model reads those back.
 */
import { examTasks } from "./capacity";
import type { ExamConfig, ExamWindow, StagingConfig } from "./config";
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

/** A window's capacity period: from `leadMinutes` before its start to `graceMinutes` after its end. */
export function capacityPeriod(
  w: ExamWindow,
  exam: Pick<ExamConfig, "leadMinutes" | "graceMinutes">,
): { from: Date; to: Date } {
  return {
    from: new Date(w.start.getTime() - exam.leadMinutes * 60_000),
    to: new Date(w.end.getTime() + exam.graceMinutes * 60_000),
  };
}

/** A stretch of time in which the same windows' capacity periods are open. */
export interface ExamLoad {
  /** Start (inclusive) and end (exclusive). */
  from: Date;
  to: Date;
  /** The windows whose capacity period covers it, in start order (at least one). */
  windows: ExamWindow[];
  /** Their students together. */
  students: number;
  /** The capacity planner's tasks for them together: examTasks(students, studentsPerTask). */
  tasks: number;
}

/** A run of windows whose capacity periods touch or overlap: the floor never dips inside it. */
export interface ExamRun {
  from: Date;
  to: Date;
  /** The run cut at every instant a period starts or ends, in time order, end to end. */
  loads: ExamLoad[];
}

/**
 * The exam windows' demand over time: runs of touching or overlapping capacity periods (lead
 * before, grace after), each cut into loads at every instant a period starts or ends; a load's
 * tasks are the planner's for the SUM of its windows' students (two courses examined at once
 * need capacity for both). Between runs no window is open.
 * @param exam the windows (any order), lead and grace minutes, students per task
 * @returns the runs in time order
 */
export function examRuns(
  exam: Pick<ExamConfig, "windows" | "leadMinutes" | "graceMinutes" | "studentsPerTask">,
): ExamRun[] {
  const windows = [...exam.windows].sort((a, b) => a.start.getTime() - b.start.getTime());
  // Every period is as long as its window plus lead and grace, so periods start in window order.
  const groups: { w: ExamWindow; from: Date; to: Date }[][] = [];
  let runTo = -Infinity;
  for (const w of windows) {
    const p = { w, ...capacityPeriod(w, exam) };
    const fresh = p.from.getTime() > runTo;
    if (fresh) groups.push([]);
    groups[groups.length - 1].push(p);
    runTo = fresh ? p.to.getTime() : Math.max(runTo, p.to.getTime());
  }
  return groups.map((group) => {
    const cuts = [...new Set(group.flatMap((p) => [p.from.getTime(), p.to.getTime()]))].sort(
      (a, b) => a - b,
    );
    const loads = cuts.slice(0, -1).map((t, i): ExamLoad => {
      const open = group.filter((p) => p.from.getTime() <= t && t < p.to.getTime()).map((p) => p.w);
      const students = open.reduce((sum, w) => sum + w.students, 0);
      return {
        from: new Date(t),
        to: new Date(cuts[i + 1]),
        windows: open,
        students,
        tasks: examTasks(students, exam.studentsPerTask),
      };
    });
    return { from: loads[0].from, to: loads[loads.length - 1].to, loads };
  });
}

/** The load needing the most tasks (the earliest of equals), or undefined with no window. */
export function examPeak(runs: readonly ExamRun[]): ExamLoad | undefined {
  let peak: ExamLoad | undefined;
  for (const load of runs.flatMap((r) => r.loads))
    if (!peak || load.tasks > peak.tasks) peak = load;
  return peak;
}

/**
 * The exam service's plan. Between runs of touching or overlapping capacity periods
 * (examRuns) the floor is idle (`minTasks`). Within a run there is one scheduled action at each
 * instant the floor changes, never two at one instant: the run's scale-up `leadMinutes` before
 * its first window starts (`<window>-scale-up`), a step wherever a window's period starts
 * (`<window>-scale-up`) or ends (`<window>-scale-down`) and the planner's tasks for the open
 * windows' students together change, and the run's scale-down `graceMinutes` after its last
 * window ends (`<window>-scale-down`). Each name comes from a window whose period starts or ends
 * at that instant (one starting for a rise, one ending for a fall), so names are unique and a
 * window that overlaps nothing keeps exactly its two actions. The floor never drops below `minTasks`.
 * A run is under way from its lead start (inclusive) to its grace end (exclusive): then the floor
 * is what the planner needs now, instead of a step AWS would never run, and only the steps ahead
 * are scheduled.
 * Application Auto Scaling runs a one-time `at()` action at that instant and sets the target's
 * minimum and maximum to the action's; one target holds several actions, each name unique on it
 * (API_PutScheduledAction). Its guide's "Considerations"
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/scheduled-scaling-policy-overview.html)
 * say one target's actions run in order, a few seconds late, and ones with close start times
 * take longer: two actions at one instant would leave the floor to that order, so there are none.
 * @param exam the validated exam settings (windows whose grace has not ended, students per task)
 * @param idle the idle floor and the ceiling (`minTasks`, `maxTasks`)
 * @param now the clock
 */
export function examPlan(
  exam: ExamConfig,
  idle: { minTasks: number; maxTasks: number },
  now: Date,
): ScalingPlan {
  const plan: ScalingPlan = {
    minCapacity: idle.minTasks,
    maxCapacity: idle.maxTasks,
    reason: "the idle floor: no exam under way",
    steps: [],
  };
  const floor = (load: ExamLoad) => Math.max(idle.minTasks, load.tasks);
  const names = (ws: readonly ExamWindow[]) => ws.map((w) => w.name).join(" + ");
  const forWhom = (load: ExamLoad) =>
    `${floor(load)} tasks for ${names(load.windows)} (${load.students} students)`;
  const step = (name: string, at: Date, minCapacity: number, reason: string): ScalingStep => ({
    name,
    at,
    minCapacity,
    maxCapacity: idle.maxTasks,
    reason,
  });
  for (const run of examRuns(exam)) {
    if (run.to.getTime() <= now.getTime()) continue;
    const loads = run.loads;
    const [first, last] = [loads[0], loads[loads.length - 1]];
    const all = [...new Set(loads.flatMap((l) => l.windows))];
    const alone = all.length === 1;
    const opener = first.windows[0].name;
    const closer = last.windows[last.windows.length - 1].name;
    const steps = [
      step(
        `${opener}-scale-up`,
        run.from,
        floor(first),
        `${exam.leadMinutes} min before ${opener} starts${alone ? "" : `: ${forWhom(first)}`}`,
      ),
    ];
    for (let i = 1; i < loads.length; i++) {
      const [before, after] = [floor(loads[i - 1]), floor(loads[i])];
      if (after === before) continue;
      // A rise needs a window whose period starts here, a fall one whose period ends here.
      const [was, is] = [loads[i - 1].windows, loads[i].windows];
      const rise = after > before;
      const w = rise
        ? is.find((x) => !was.includes(x))!
        : was.filter((x) => !is.includes(x)).pop()!;
      const why = rise
        ? `${exam.leadMinutes} min before ${w.name} starts`
        : `${exam.graceMinutes} min after ${w.name} ends`;
      const name = `${w.name}-${rise ? "scale-up" : "scale-down"}`;
      steps.push(step(name, loads[i].from, after, `${why}: ${forWhom(loads[i])}`));
    }
    steps.push(
      step(
        `${closer}-scale-down`,
        run.to,
        idle.minTasks,
        `${exam.graceMinutes} min after ${closer} ends${alone ? "" : ` (the last of ${names(all)})`}: back to the idle floor`,
      ),
    );
    if (run.from.getTime() <= now.getTime()) {
      const current = loads.find((l) => l.to.getTime() > now.getTime())!;
      plan.minCapacity = floor(current);
      plan.reason = alone
        ? `${opener} under way: ${current.tasks} tasks from ${exam.leadMinutes} min before the start until ${exam.graceMinutes} min after the end (${utcMinute(run.to)}Z)`
        : `${names(current.windows)} under way: ${forWhom(current)} now, back to the idle floor at ${utcMinute(run.to)}Z`;
    }
    plan.steps.push(...steps.filter((s) => s.at.getTime() > now.getTime()));
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
