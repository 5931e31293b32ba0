/**
 * The month arithmetic: task-hours of a service in each scenario, the months scheduled windows
 * touch, and the hours a database that pauses itself is awake. No Pulumi imports.
 */
import { HOURS_PER_MONTH } from "../prices";
import { monthBounds, monthOf } from "../time";
import { CostAssumptions } from "./assumptions";
import { Segment, ServiceModel, Split } from "./services";
import { PerScenario, Scenario } from "./types";

/** Hours of [from, to) that fall inside `month` in `zone`. */
export function hoursIn(from: number, to: number, month: string, zone: string): number {
  const [a, b] = monthBounds(month, zone);
  return Math.max(0, Math.min(to, b) - Math.max(from, a)) / 3_600_000;
}

/** Task-hours per month on each kind of capacity, per scenario. */
export function serviceHours(
  s: ServiceModel,
  a: CostAssumptions,
  month?: string,
): Record<Scenario, Split> {
  const hours = (tasks: number, h: number): Split => {
    const x = s.split(tasks);
    return { onDemand: x.onDemand * h, spot: x.spot * h };
  };
  const add = (p: Split, q: Split): Split => ({
    onDemand: p.onDemand + q.onDemand,
    spot: p.spot + q.spot,
  });
  const floor = hours(s.restingMin, HOURS_PER_MONTH);
  let expected = floor;
  if (s.staging) {
    const h = a.stagingActiveHoursPerMonth;
    expected = add(hours(s.restingMin, HOURS_PER_MONTH - h), hours(s.stagingTasks, h));
  } else if (month) {
    const parts = s.segments
      .map((seg) => ({ tasks: seg.tasks, h: hoursIn(seg.from, seg.to, month, s.zone) }))
      .filter((p) => p.h > 0);
    const windowHours = parts.reduce((sum, p) => sum + p.h, 0);
    // A month raised throughout (longer than 730 h) is counted as 730 h, like every month.
    const k = windowHours > HOURS_PER_MONTH ? HOURS_PER_MONTH / windowHours : 1;
    expected = parts.reduce(
      (sum, p) => add(sum, hours(p.tasks, p.h * k)),
      hours(s.restingMin, HOURS_PER_MONTH - windowHours * k),
    );
  }
  return { floor, expected, ceiling: hours(s.maxEver, HOURS_PER_MONTH) };
}

/** Months touched by scheduled windows, in the zone of each service's schedule. */
export function candidateMonths(services: ServiceModel[]): string[] {
  const months = new Set<string>();
  for (const s of services) {
    if (s.staging) continue;
    for (const seg of s.segments) {
      let t = seg.from;
      while (t < seg.to) {
        const m = monthOf(t, s.zone);
        months.add(m);
        t = monthBounds(m, s.zone)[1];
      }
    }
  }
  return [...months].sort();
}

/**
 * Hours a month an Aurora Serverless v2 cluster that may pause is awake, per scenario. The IDE's
 * tasks hold connections while they run, so it is awake while a service of its environment runs
 * a task, plus the pause delay after each stretch of tasks; paused (no compute) otherwise.
 * - floor: paused all month, unless a service rests above 0 tasks (then awake all month);
 * - expected: the stretches of the expected month (exam windows from the scheduled actions, each
 *   with one pause delay; segments that meet, as the steps between overlapping exams do, are one
 *   stretch), or staging's hours on plus one pause delay per session;
 * - ceiling: awake all month.
 */
export function awakeHours(
  services: readonly Pick<
    ServiceModel,
    "restingMin" | "segments" | "staging" | "zone" | "session"
  >[],
  a: Pick<CostAssumptions, "stagingActiveHoursPerMonth" | "stagingSessionsPerMonth">,
  pauseHours: number,
  month: string | undefined,
): { hours: PerScenario; basis: string } {
  const M = HOURS_PER_MONTH;
  if (services.some((s) => s.restingMin > 0)) {
    return {
      hours: { floor: M, expected: M, ceiling: M },
      basis: "a service of its environment always runs a task, so it never pauses",
    };
  }
  let expected = 0;
  let basis: string;
  if (services.some((s) => s.staging)) {
    expected = a.stagingActiveHoursPerMonth + a.stagingSessionsPerMonth * pauseHours;
    basis = `awake while staging is on, ${stagingHoursText(services, a)}, plus ${a.stagingSessionsPerMonth} pause delays of ${fmtHours(pauseHours)} (assumption stagingSessionsPerMonth)`;
  } else {
    let stretches = 0;
    for (const s of services) {
      // Segments that meet (the steps between overlapping exams) are one stretch: one pause delay.
      let stretchEnd: number | undefined;
      for (const seg of [...s.segments].sort((p, q) => p.from - q.from)) {
        const h = month && seg.tasks > 0 ? hoursIn(seg.from, seg.to, month, s.zone) : 0;
        if (h <= 0) continue;
        expected += h;
        if (seg.from !== stretchEnd) {
          expected += pauseHours;
          stretches++;
        }
        stretchEnd = seg.to;
      }
    }
    basis =
      stretches > 0
        ? `awake while tasks run in ${month} (${stretches} scheduled stretch${stretches === 1 ? "" : "es"}, each plus a pause delay of ${fmtHours(pauseHours)}), paused otherwise`
        : "paused: no task runs in the expected month";
  }
  return { hours: { floor: 0, expected: Math.min(expected, M), ceiling: M }, basis };
}

/** A session's hours (staging switched on now, to its switch-off), to a thousandth of an hour. */
export function sessionHours(session: Segment): number {
  return Math.round((session.to - session.from) / 3_600) / 1000;
}

/**
 * Staging's hours on a month as the estimate says them: `10 h (assumption
 * stagingActiveHoursPerMonth)`, or, when the estimate counts the session it is switched on for
 * now instead (longer than the assumption), `30.5 h (this session)`.
 */
export function stagingHoursText(
  services: readonly Pick<ServiceModel, "session">[],
  a: Pick<CostAssumptions, "stagingActiveHoursPerMonth">,
): string {
  const h = a.stagingActiveHoursPerMonth;
  const session = services.find((s) => s.session)?.session;
  const mine = session !== undefined && sessionHours(session) === h;
  return `${fmtHours(h)} (${mine ? "this session" : "assumption stagingActiveHoursPerMonth"})`;
}

/** Hours to three decimals, `4.583 h`. */
export function fmtHours(h: number): string {
  return `${Number(h.toFixed(3))} h`;
}
