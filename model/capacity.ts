/**
 * The capacity planner: students -> tasks. It decides task counts; components, config
 * validation, the cost model and the README's sizing all call it instead of restating numbers.
 *
 * Per-student load comes from the seeds' own measurements:
 * - exam load (seed 001): 34 students put one 1-vCPU task at 60-70% CPU, so one exam student
 *   uses about 0.65 / 34 = 0.0191 vCPU;
 * - ordinary load (seed 000): 60 students stayed under 5% of 2 x 2 vCPU, so one student uses
 *   at most 0.05 * 4 / 60 = 0.0033 vCPU.
 */

/** vCPU one student uses during an exam (seed 001: 65% of 1 vCPU for 34 students). */
export const EXAM_VCPU_PER_STUDENT = 0.65 / 34;
/** vCPU one student uses on an ordinary day (seed 000: under 5% of 4 vCPU for 60 students). */
export const ORDINARY_VCPU_PER_STUDENT = (0.05 * 4) / 60;
/** Tasks an exam never runs with fewer of: one task is a single point of failure (seed 001). */
export const MIN_TASKS_DURING_EXAM = 2;

/**
 * How many students one task serves while its CPU stays at the target.
 * @param cpuUnits task CPU units (1024 = 1 vCPU)
 * @param targetCpuPercent the autoscaling CPU target (the planner keeps tasks at or below it)
 * @param vcpuPerStudent load per student, default exam load
 */
export function studentsPerTask(
  cpuUnits: number,
  targetCpuPercent: number,
  vcpuPerStudent: number = EXAM_VCPU_PER_STUDENT,
): number {
  const perTask = Math.floor(((cpuUnits / 1024) * (targetCpuPercent / 100)) / vcpuPerStudent);
  return Math.max(1, perTask);
}

/**
 * Tasks needed to serve `students` at `perTask` students a task.
 * @param floor the fewest tasks to plan (default 1; exams pass MIN_TASKS_DURING_EXAM)
 */
export function tasksFor(students: number, perTask: number, floor = 1): number {
  if (!(perTask > 0)) throw new Error(`students per task must be positive, got ${perTask}`);
  return Math.max(floor, Math.ceil(students / perTask));
}

/** Tasks an exam for `students` needs: never fewer than MIN_TASKS_DURING_EXAM. */
export function examTasks(students: number, perTask: number): number {
  return tasksFor(students, perTask, MIN_TASKS_DURING_EXAM);
}
