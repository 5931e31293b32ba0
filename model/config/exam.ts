/**
 * Exam windows: each `examWindows` entry parsed, checked and given the tasks the capacity planner
 * computes for its students; windows whose grace is over are skipped with a warning. Windows may
 * overlap: `maxTasks` must hold the planner's tasks for their students together at the busiest
 * instant (model/schedule.ts examRuns). No Pulumi imports.
 */
import { examTasks, studentsPerTask } from "../capacity";
import { examPeak, examRuns } from "../schedule";
import { localMinute, readTime, utcMinute } from "../time";
import { timeZoneProblem } from "../timeZones";
import type { Reader } from "./reader";
import type { ExamConfig, ExamWindow, ServiceConfig } from "./types";

const WINDOW_NAME = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** Reads the exam settings and windows, judged against `now`. */
export function readExam(
  r: Reader,
  service: ServiceConfig,
  timeZone: string | undefined,
  now: Date,
): ExamConfig {
  const leadMinutes = r.int("leadMinutes");
  const graceMinutes = r.int("graceMinutes");
  // An invalid taskCpu or cpuTargetPercent is reported on its own key and read as its default.
  const derived = studentsPerTask(service.cpu, service.cpuTargetPercent);
  const perTask = r.maybeInt("studentsPerTask") ?? derived;
  const entries = r.list("examWindows");
  if (entries.length === 0 && r.valid("examWindows")) {
    r.warnings.push(
      `${r.k("examWindows")} is empty: the exam stack schedules no capacity and stays at its idle floor (minTasks ${service.minTasks}); add a window per exam (README "Exam: capacity in place before each exam")`,
    );
  }
  const windows: ExamWindow[] = [];
  const names = new Set<string>();
  entries.forEach((entry, i): void => {
    const key = `examWindows[${i}]`;
    const fail = (what: string): void => {
      r.problems.push(`${r.k(key)} is ${JSON.stringify(entry)}: ${what}`);
    };
    const parts = entry.trim().split(/\s+/);
    const format = `write "<name> <start>/<end> <students> [time zone]", such as "midsem 2026-03-10T09:00/2026-03-10T11:00 120"`;
    if (parts.length < 3 || parts.length > 4) return fail(format);
    const [name, interval, studentsText, zone = timeZone] = parts;
    if (!WINDOW_NAME.test(name))
      return fail(`the name "${name}" must be lower-case letters, digits and hyphens (at most 32)`);
    if (names.has(name))
      return fail(`the name "${name}" is used by an earlier window; names must be unique`);
    names.add(name);
    // A bad stack-wide timeZone is reported once, on its own key.
    if (zone === undefined) return;
    const zoneProblem = timeZoneProblem(zone);
    if (zoneProblem) return fail(`the time zone "${zone}" ${zoneProblem}`);
    const [startText, endText, extra] = interval.split("/");
    if (endText === undefined || extra !== undefined) return fail(format);
    const startRead = readTime(startText, zone);
    if (startRead.problem !== undefined)
      return fail(`the start "${startText}" ${startRead.problem}`);
    const endRead = readTime(endText, zone);
    if (endRead.problem !== undefined) return fail(`the end "${endText}" ${endRead.problem}`);
    for (const note of [startRead.note, endRead.note])
      if (note) r.warnings.push(`${r.k(key)}: ${note}`);
    const [start, end] = [startRead.instant, endRead.instant];
    if (end.getTime() <= start.getTime())
      return fail(
        `the end ${endText} (${utcMinute(end)}Z) is not after its start ${startText} (${utcMinute(start)}Z)`,
      );
    if (end.getTime() - start.getTime() > 24 * 3_600_000)
      return fail(`the window is longer than 24 hours; split it into one window per exam`);
    if (!/^\d+$/.test(studentsText) || Number(studentsText) < 1 || Number(studentsText) > 100000) {
      return fail(`the student count "${studentsText}" must be a whole number from 1 to 100000`);
    }
    const students = Number(studentsText);
    const tasks = examTasks(students, perTask);
    if (r.valid("maxTasks") && tasks > service.maxTasks) {
      return fail(
        `needs ${tasks} tasks for ${students} students at ${perTask} students per task, but maxTasks is ${service.maxTasks}: raise ${r.k("maxTasks")} to at least ${tasks}, or use larger tasks`,
      );
    }
    windows.push({ name, start, end, students, timeZone: zone, tasks });
  });
  const sorted = [...windows].sort((a, b) => a.start.getTime() - b.start.getTime());
  // A window is under way until its grace period ends (model/schedule.ts examPlan).
  const graceEnd = (w: ExamWindow) => w.end.getTime() + graceMinutes * 60_000;
  const ahead = sorted.filter((w) => graceEnd(w) > now.getTime());
  const skipped = sorted.filter((w) => graceEnd(w) <= now.getTime());
  for (const w of skipped) {
    r.warnings.push(
      `exam window "${w.name}" ended at ${utcMinute(w.end)}Z and its ${graceMinutes} min grace before now (${utcMinute(now)}Z): skipped`,
    );
  }
  const exam = { windows: ahead, skipped, leadMinutes, graceMinutes, studentsPerTask: perTask };
  // Windows may overlap (courses examined at once): the ceiling must hold their sum at its peak.
  const peak = examPeak(examRuns(exam));
  if (peak && peak.windows.length > 1 && r.valid("maxTasks") && peak.tasks > service.maxTasks) {
    const zone = timeZone ?? "UTC";
    r.problems.push(
      `${r.k("examWindows")}: ${peakNames(peak.windows)} are open together from ${utcMinute(peak.from)}Z (${localMinute(peak.from, zone)} ${zone}), ${leadMinutes} min lead and ${graceMinutes} min grace included: their ${peak.students} students need ${peak.tasks} tasks at ${perTask} students per task, but maxTasks is ${service.maxTasks}: raise ${r.k("maxTasks")} to at least ${peak.tasks}, or use larger tasks`,
    );
  }
  return exam;
}

/** `"a", "b" and "c"`. */
function peakNames(windows: readonly ExamWindow[]): string {
  const quoted = windows.map((w) => `"${w.name}"`);
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}
