import { strict as assert } from "assert";
import { examTasks, studentsPerTask } from "../../model/capacity";
import type { ExamConfig, ExamWindow, StagingConfig } from "../../model/config";
import {
  atExpression,
  examPlan,
  isAtSchedule,
  parseAtExpression,
  stagingPlan,
} from "../../model/schedule";

const iso = (s: string) => new Date(s);

function window(name: string, start: string, end: string, tasks: number): ExamWindow {
  return { name, start: iso(start), end: iso(end), students: tasks * 31, timeZone: "UTC", tasks };
}

function exam(windows: ExamWindow[]): ExamConfig {
  return { windows, skipped: [], leadMinutes: 60, graceMinutes: 30, studentsPerTask: 31 };
}

const steps = (plan: ReturnType<typeof examPlan>) =>
  plan.steps.map((s) => [s.name, s.at.toISOString(), s.minCapacity, s.maxCapacity]);

describe("capacity planner", () => {
  it("derives students per task from seed 001 (34 students = 65% of 1 vCPU)", () => {
    // 1 vCPU at a 60% target: 0.60 / (0.65 / 34) = 31.38 -> 31 students.
    assert.equal(studentsPerTask(1024, 60), 31);
    // 2 vCPU at 60%: 62.77 -> 62; 0.5 vCPU at 60%: 15.69 -> 15; 1 vCPU at 45%: 23.5 -> 23.
    assert.equal(studentsPerTask(2048, 60), 62);
    assert.equal(studentsPerTask(512, 60), 15);
    assert.equal(studentsPerTask(1024, 45), 23);
  });

  it("plans ceil(students / per task) tasks, never fewer than 2 during an exam", () => {
    assert.equal(examTasks(34, 31), 2); // seed 001's exam: 2 tasks, not 1
    assert.equal(examTasks(10, 31), 2);
    assert.equal(examTasks(120, 31), 4); // 3.87 -> 4
    assert.equal(examTasks(124, 31), 4); // exactly 4
    assert.equal(examTasks(125, 31), 5);
    assert.equal(examTasks(240, 31), 8); // prod's peak: the ceiling of 8
  });
});

describe("exam schedule", () => {
  const idle = { minTasks: 0, maxTasks: 10 };
  const now = iso("2027-01-01T00:00:00Z");

  it("two windows: raise lead minutes before each start, lower grace minutes after each end", () => {
    const plan = examPlan(
      exam([
        window("midsem", "2027-03-16T14:00:00Z", "2027-03-16T16:00:00Z", 4),
        window("final", "2027-06-08T18:00:00Z", "2027-06-08T21:00:00Z", 6),
      ]),
      idle,
      now,
    );
    assert.equal(plan.minCapacity, 0);
    assert.equal(plan.maxCapacity, 10);
    assert.deepEqual(steps(plan), [
      ["midsem-scale-up", "2027-03-16T13:00:00.000Z", 4, 10],
      ["midsem-scale-down", "2027-03-16T16:30:00.000Z", 0, 10],
      ["final-scale-up", "2027-06-08T17:00:00.000Z", 6, 10],
      ["final-scale-down", "2027-06-08T21:30:00.000Z", 0, 10],
    ]);
    assert.equal(atExpression(plan.steps[0].at), "at(2027-03-16T13:00:00)");
  });

  it("merges windows whose lead and grace periods touch, keeping the larger floor", () => {
    const plan = examPlan(
      exam([
        window("morning", "2027-03-16T09:00:00Z", "2027-03-16T11:00:00Z", 3),
        window("noon", "2027-03-16T12:00:00Z", "2027-03-16T13:00:00Z", 5),
      ]),
      idle,
      now,
    );
    assert.deepEqual(steps(plan), [
      ["morning-scale-up", "2027-03-16T08:00:00.000Z", 5, 10],
      ["noon-scale-down", "2027-03-16T13:30:00.000Z", 0, 10],
    ]);
  });

  it("a window under way raises the floor now and keeps only its scale-down", () => {
    const plan = examPlan(
      exam([window("midsem", "2027-03-16T14:00:00Z", "2027-03-16T16:00:00Z", 4)]),
      idle,
      iso("2027-03-16T13:30:00Z"),
    );
    assert.equal(plan.minCapacity, 4);
    assert.deepEqual(steps(plan), [["midsem-scale-down", "2027-03-16T16:30:00.000Z", 0, 10]]);
  });

  it("never lowers below a nonzero idle floor", () => {
    const plan = examPlan(
      exam([window("quiz", "2027-03-16T14:00:00Z", "2027-03-16T15:00:00Z", 2)]),
      { minTasks: 3, maxTasks: 10 },
      now,
    );
    assert.deepEqual(steps(plan), [
      ["quiz-scale-up", "2027-03-16T13:00:00.000Z", 3, 10],
      ["quiz-scale-down", "2027-03-16T15:30:00.000Z", 3, 10],
    ]);
  });
});

describe("staging schedule", () => {
  const base: StagingConfig = {
    active: false,
    maxActiveHours: 12,
    activeTasks: 1,
  };

  it("switched off: 0/0 and no step", () => {
    assert.deepEqual(stagingPlan(base, { minTasks: 0, maxTasks: 0 }), {
      minCapacity: 0,
      maxCapacity: 0,
      reason: "staging is off",
      steps: [],
    });
  });

  it("active: floor activeTasks and exactly one step at the expiry setting 0/0", () => {
    const plan = stagingPlan(
      { ...base, active: true, activeUntil: iso("2026-11-22T18:00:00Z") },
      { minTasks: 1, maxTasks: 2 },
    );
    assert.deepEqual([plan.minCapacity, plan.maxCapacity], [1, 2]);
    assert.deepEqual(
      plan.steps.map((s) => [s.name, s.at.toISOString(), s.minCapacity, s.maxCapacity]),
      [["switch-off", "2026-11-22T18:00:00.000Z", 0, 0]],
    );
  });
});

describe("at() expressions", () => {
  it("reads back what atExpression writes, in the action's time zone", () => {
    const at = new Date("2027-03-16T13:00:00Z");
    assert.equal(parseAtExpression(atExpression(at))?.toISOString(), at.toISOString());
    assert.equal(
      parseAtExpression("at(2027-03-16T09:00:00)", "America/Chicago")?.toISOString(),
      "2027-03-16T14:00:00.000Z",
    );
  });

  it("refuses cron/rate schedules, malformed times and unknown zones", () => {
    assert.equal(parseAtExpression("cron(0 9 * * ? *)"), undefined);
    assert.equal(parseAtExpression("at(2027-02-30T09:00:00)"), undefined);
    assert.equal(parseAtExpression("at(2027-03-16T09:00:00)", "Mars/Olympus"), undefined);
    assert.equal(isAtSchedule("cron(0 9 * * ? *)"), false);
    assert.equal(isAtSchedule(" at(soon)"), true);
  });
});
