/**
 * Exam windows: each `examWindows` entry parsed, checked and given the tasks the capacity planner
 * computes for its students; windows already over are skipped with a warning. No Pulumi imports.
 */
import { examTasks, studentsPerTask } from "../capacity";
import { isTimeZone, parseZonedTime, utcMinute } from "../time";
import type { Reader } from "./reader";
import type { ExamConfig, ExamWindow, ServiceConfig } from "./types";

const WINDOW_NAME = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** Reads the exam settings and windows, judged against `now`. */
export function readExam(
  r: Reader,
  service: ServiceConfig,
  timeZone: string,
  now: Date,
): ExamConfig {
  const leadMinutes = r.int("leadMinutes");
  const graceMinutes = r.int("graceMinutes");
  // An invalid taskCpu or cpuTargetPercent is reported on its own key and read as its default.
  const derived = studentsPerTask(service.cpu, service.cpuTargetPercent);
  const perTask = r.maybeInt("studentsPerTask") ?? derived;
  const entries = r.list("examWindows");
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
    if (!isTimeZone(zone)) {
      // A bad stack-wide timeZone is reported once, on its own key.
      if (parts.length === 4) fail(`"${zone}" is not an IANA time zone such as Australia/Sydney`);
      return;
    }
    const [startText, endText, extra] = interval.split("/");
    if (endText === undefined || extra !== undefined) return fail(format);
    const start = parseZonedTime(startText, zone);
    if (!start) return fail(`the start "${startText}" is not a time YYYY-MM-DDTHH:MM`);
    const end = parseZonedTime(endText, zone);
    if (!end) return fail(`the end "${endText}" is not a time YYYY-MM-DDTHH:MM`);
    if (end.getTime() <= start.getTime())
      return fail(`the end ${endText} is not after its start ${startText}`);
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
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (b.start.getTime() < a.end.getTime()) {
      r.problems.push(
        `${r.k("examWindows")}: "${a.name}" (${utcMinute(a.start)}Z-${utcMinute(a.end)}Z) and "${b.name}" (${utcMinute(b.start)}Z-${utcMinute(b.end)}Z) overlap; merge them into one window with the total number of students`,
      );
    }
  }
  const ahead = sorted.filter((w) => w.end.getTime() > now.getTime());
  const skipped = sorted.filter((w) => w.end.getTime() <= now.getTime());
  for (const w of skipped) {
    r.warnings.push(
      `exam window "${w.name}" ended at ${utcMinute(w.end)}Z, before now (${utcMinute(now)}Z): skipped`,
    );
  }
  return { windows: ahead, skipped, leadMinutes, graceMinutes, studentsPerTask: perTask };
}
