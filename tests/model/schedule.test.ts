import { strict as assert } from "assert";
import { examTasks, studentsPerTask } from "../../model/capacity";
import type { ExamConfig, ExamWindow, StagingConfig } from "../../model/config";
import {
  atExpression,
  examPeak,
  examPlan,
  examRuns,
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

  it("back to back: the sum while one's grace overlaps the next's lead", () => {
    // morning 93 students (3 tasks), period 08:00-11:30; noon 155 (5 tasks), period 11:00-13:30.
    // 11:00-11:30: 248 students -> ceil(248 / 31) = 8 tasks, not max(3, 5).
    const plan = examPlan(
      exam([
        window("morning", "2027-03-16T09:00:00Z", "2027-03-16T11:00:00Z", 3),
        window("noon", "2027-03-16T12:00:00Z", "2027-03-16T13:00:00Z", 5),
      ]),
      idle,
      now,
    );
    assert.deepEqual(steps(plan), [
      ["morning-scale-up", "2027-03-16T08:00:00.000Z", 3, 10],
      ["noon-scale-up", "2027-03-16T11:00:00.000Z", 8, 10],
      ["morning-scale-down", "2027-03-16T11:30:00.000Z", 5, 10],
      ["noon-scale-down", "2027-03-16T13:30:00.000Z", 0, 10],
    ]);
    assert.deepEqual(
      plan.steps.map((s) => s.reason),
      [
        "60 min before morning starts: 3 tasks for morning (93 students)",
        "60 min before noon starts: 8 tasks for morning + noon (248 students)",
        "30 min after morning ends: 5 tasks for noon (155 students)",
        "30 min after noon ends (the last of morning + noon): back to the idle floor",
      ],
    );
  });

  it("periods that only touch: one action at the shared instant, none when the floor holds", () => {
    // early's period ends at 11:00 exactly when late's begins: never two actions at one instant.
    const touching = (lateTasks: number) =>
      steps(
        examPlan(
          exam([
            window("early", "2027-03-16T09:00:00Z", "2027-03-16T10:30:00Z", 3),
            window("late", "2027-03-16T12:00:00Z", "2027-03-16T13:00:00Z", lateTasks),
          ]),
          idle,
          now,
        ),
      );
    assert.deepEqual(touching(5), [
      ["early-scale-up", "2027-03-16T08:00:00.000Z", 3, 10],
      ["late-scale-up", "2027-03-16T11:00:00.000Z", 5, 10],
      ["late-scale-down", "2027-03-16T13:30:00.000Z", 0, 10],
    ]);
    assert.deepEqual(touching(2), [
      ["early-scale-up", "2027-03-16T08:00:00.000Z", 3, 10],
      ["early-scale-down", "2027-03-16T11:00:00.000Z", 2, 10],
      ["late-scale-down", "2027-03-16T13:30:00.000Z", 0, 10],
    ]);
    assert.deepEqual(touching(3), [
      ["early-scale-up", "2027-03-16T08:00:00.000Z", 3, 10],
      ["late-scale-down", "2027-03-16T13:30:00.000Z", 0, 10],
    ]);
  });

  describe("overlapping exams of several courses", () => {
    const course = (name: string, start: string, end: string, students: number): ExamWindow => ({
      name,
      start: iso(`2027-03-16T${start}:00Z`),
      end: iso(`2027-03-16T${end}:00Z`),
      students,
      timeZone: "UTC",
      tasks: examTasks(students, 31),
    });
    /** The plan of these windows at the suite's clock, idle floor 0, ceiling 10. */
    const planned = (...windows: ExamWindow[]) => examPlan(exam(windows), idle, now);
    /** A step on 2027-03-16 at `hhmm` UTC setting the minimum to `min` under the ceiling 10. */
    const row = (name: string, hhmm: string, min: number) => [
      name,
      `2027-03-16T${hhmm}:00.000Z`,
      min,
      10,
    ];

    it("two courses at the same time: one period, the tasks for their sum", () => {
      // 120 + 30 = 150 students: ceil(150 / 31) = 5 tasks (each course planned alone: 4 + 2 = 6).
      const plan = planned(
        course("cs101", "09:00", "11:00", 120),
        course("ma201", "09:00", "11:00", 30),
      );
      assert.deepEqual(steps(plan), [
        row("cs101-scale-up", "08:00", 5),
        row("ma201-scale-down", "11:30", 0),
      ]);
      assert.equal(
        plan.steps[0].reason,
        "60 min before cs101 starts: 5 tasks for cs101 + ma201 (150 students)",
      );
    });

    it("partly overlapping: up, a step when the second starts and when the first ends, down", () => {
      // cs101 09:00-11:00 (120), period 08:00-11:30; ma201 10:00-12:00 (60), period 09:00-12:30.
      // 08:00 120 -> 4; 09:00 180 -> 6; 11:30 60 -> 2; 12:30 idle.
      const plan = planned(
        course("cs101", "09:00", "11:00", 120),
        course("ma201", "10:00", "12:00", 60),
      );
      assert.deepEqual(steps(plan), [
        row("cs101-scale-up", "08:00", 4),
        row("ma201-scale-up", "09:00", 6),
        row("cs101-scale-down", "11:30", 2),
        row("ma201-scale-down", "12:30", 0),
      ]);
      assert.deepEqual(
        plan.steps.map((s) => atExpression(s.at)),
        [
          "at(2027-03-16T08:00:00)",
          "at(2027-03-16T09:00:00)",
          "at(2027-03-16T11:30:00)",
          "at(2027-03-16T12:30:00)",
        ],
      );
    });

    it("ending together: three steps, up, change, down", () => {
      // cs101 09:00-12:00 (120) from 08:00; ma201 10:00-12:00 (60) from 09:00; both until 12:30.
      const plan = planned(
        course("cs101", "09:00", "12:00", 120),
        course("ma201", "10:00", "12:00", 60),
      );
      assert.deepEqual(steps(plan), [
        row("cs101-scale-up", "08:00", 4),
        row("ma201-scale-up", "09:00", 6),
        row("ma201-scale-down", "12:30", 0),
      ]);
    });

    it("three windows chaining: a step at every change, each named from its window", () => {
      // a 62 (08:00-10:30), b 93 (09:00-11:30), c 31 (10:00-12:30):
      // 08:00 a 62 -> 2; 09:00 a+b 155 -> 5; 10:00 a+b+c 186 -> 6; 10:30 b+c 124 -> 4;
      // 11:30 c 31 -> 2; 12:30 idle.
      const plan = planned(
        course("a", "09:00", "10:00", 62),
        course("b", "10:00", "11:00", 93),
        course("c", "11:00", "12:00", 31),
      );
      assert.deepEqual(steps(plan), [
        row("a-scale-up", "08:00", 2),
        row("b-scale-up", "09:00", 5),
        row("c-scale-up", "10:00", 6),
        row("a-scale-down", "10:30", 4),
        row("b-scale-down", "11:30", 2),
        row("c-scale-down", "12:30", 0),
      ]);
    });

    it("a window under way now overlapping one ahead: the floor now, only the steps ahead", () => {
      const windows = [
        course("cs101", "09:00", "11:00", 120),
        course("ma201", "10:00", "12:00", 60),
      ];
      const at = (clock: string) => {
        const plan = examPlan(exam(windows), idle, iso(clock));
        return [plan.minCapacity, plan.reason, steps(plan).map((s) => `${s[0]} ${s[2]}`)];
      };
      assert.deepEqual(at("2027-03-16T08:30:00Z"), [
        4,
        "cs101 under way: 4 tasks for cs101 (120 students) now, back to the idle floor at 2027-03-16T12:30Z",
        ["ma201-scale-up 6", "cs101-scale-down 2", "ma201-scale-down 0"],
      ]);
      // At the very instant of a step the floor is already the new one, and the step is not scheduled.
      assert.deepEqual(at("2027-03-16T09:00:00Z"), [
        6,
        "cs101 + ma201 under way: 6 tasks for cs101 + ma201 (180 students) now, back to the idle floor at 2027-03-16T12:30Z",
        ["cs101-scale-down 2", "ma201-scale-down 0"],
      ]);
      assert.deepEqual(at("2027-03-16T12:00:00Z"), [
        2,
        "ma201 under way: 2 tasks for ma201 (60 students) now, back to the idle floor at 2027-03-16T12:30Z",
        ["ma201-scale-down 0"],
      ]);
    });

    it("a nonzero idle floor: steps only where the floor changes", () => {
      // a 62 -> 2, a+b 93 -> 3, b 31 -> 2: under an idle floor of 3 the floor never moves inside.
      const plan = examPlan(
        exam([course("a", "09:00", "11:00", 62), course("b", "10:00", "12:00", 31)]),
        { minTasks: 3, maxTasks: 10 },
        now,
      );
      assert.deepEqual(steps(plan), [
        row("a-scale-up", "08:00", 3),
        row("b-scale-down", "12:30", 3),
      ]);
    });

    it("the peak: the busiest load, the earliest of equals", () => {
      const runs = examRuns(
        exam([
          course("a", "09:00", "10:00", 62),
          course("b", "10:00", "11:00", 93),
          course("c", "11:00", "12:00", 31),
          course("d", "16:00", "17:00", 186),
        ]),
      );
      assert.deepEqual(
        runs.map((r) => [r.from.toISOString(), r.to.toISOString(), r.loads.map((l) => l.tasks)]),
        [
          ["2027-03-16T08:00:00.000Z", "2027-03-16T12:30:00.000Z", [2, 5, 6, 4, 2]],
          ["2027-03-16T15:00:00.000Z", "2027-03-16T17:30:00.000Z", [6]],
        ],
      );
      const peak = examPeak(runs)!;
      assert.deepEqual(
        [peak.from.toISOString(), peak.windows.map((w) => w.name), peak.students, peak.tasks],
        ["2027-03-16T10:00:00.000Z", ["a", "b", "c"], 186, 6],
      );
      assert.equal(examPeak([]), undefined);
    });
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
