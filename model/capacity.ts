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

import {
  AURORA_AUTO_PAUSE_SECONDS,
  AURORA_PG_MAX_CONNECTIONS,
  auroraMaxConnections,
  CONNECTIONS_ALARM_FRACTION,
} from "./rds";

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
  // The epsilon keeps float error from dropping a whole student (0.6 / (0.2 / 60) = 179.999...).
  const perTask = Math.floor(
    ((cpuUnits / 1024) * (targetCpuPercent / 100)) / vcpuPerStudent + 1e-9,
  );
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

/**
 * A daily traffic profile (seed 004's concurrency estimate): how many sessions run at once at
 * the peak, from how many users come in a day and how they use it.
 */
export interface TrafficProfile {
  /** Distinct users in a day. */
  dailyUsers: number;
  /** Sessions (requests) each user starts in a day. Seed 004: 5. */
  requestsPerUser: number;
  /** Hours of the day the traffic is spread over. Seed 004: 8 (9am-5pm). */
  activeHours: number;
  /** How long one session lasts, in seconds. Seed 004: 30. */
  requestSeconds: number;
  /** Peak over the average (seed 004: 2, the lunch-hour spike). */
  peakFactor: number;
}

/** Seed 004's assumptions for everything but the number of users. */
export const SEED_004_TRAFFIC: Readonly<Omit<TrafficProfile, "dailyUsers">> = {
  requestsPerUser: 5,
  activeHours: 8,
  requestSeconds: 30,
  peakFactor: 2,
};

/**
 * Sessions running at once at the peak: sessions per minute x minutes each lasts x peak factor
 * (Little's law, seed 004: 1000 users x 5 / 480 min = 10.4 a minute, x 0.5 min x 2 = 10.4, which
 * the seed rounds to 11). Fractional: round up for a count of sessions.
 */
export function peakConcurrentSessions(p: TrafficProfile): number {
  for (const [key, value] of Object.entries(p)) {
    if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
      throw new Error(`traffic profile ${key} is ${value}: must be a number >= 0`);
    }
  }
  if (p.activeHours <= 0 || p.activeHours > 24) {
    throw new Error(
      `traffic profile activeHours is ${p.activeHours}: must be more than 0 and at most 24`,
    );
  }
  const perMinute = (p.dailyUsers * p.requestsPerUser) / (p.activeHours * 60);
  return perMinute * (p.requestSeconds / 60) * p.peakFactor;
}

// ---------------------------------------------------------------------------------------------
// The database that pauses itself (Aurora PostgreSQL Serverless v2, staging and exam)

/**
 * Database connections one task holds at most: the application's connection pool maximum (seed
 * 001: "Connection Pool: Min 5, Max 25 connections", with "~10-15 connections for 34 students"
 * in use). The config default of `dbConnectionsPerTask`.
 */
export const DB_CONNECTIONS_PER_TASK = 25;

/** Connections one task's pool keeps open even when idle (seed 001: "Connection Pool: Min 5"). */
export const DB_POOL_MIN_CONNECTIONS = 5;

/**
 * Database connections in use per student at exam load: the upper end of seed 001's measurement,
 * "~10-15 connections for 34 students" on one task (15 / 34 = 0.44).
 */
export const DB_CONNECTIONS_PER_STUDENT = 15 / 34;

/**
 * Connections a service's tasks hold at its peak, each task full at `perTask` students: each
 * holds what its students use (DB_CONNECTIONS_PER_STUDENT, rounded up), at least its pool's
 * minimum and at most its pool's maximum. Connections follow students, not tasks: the same
 * students on twice as many tasks raise only the pool minimums. Sizes an always-on instance (its
 * class bills all month, so it is sized for the measured peak); a serverless database's maximum
 * capacity bills nothing until used, so serverlessMaxAcu sizes it for every pool at its maximum.
 * Example (prod as shipped): 16 tasks of 15 students: ceil(15 x 15 / 34) = 7 each, 112.
 * @param tasks tasks running at the peak (`maxTasks`)
 * @param perTask students one task serves (studentsPerTask)
 * @param poolMax a task's pool maximum (default DB_CONNECTIONS_PER_TASK)
 */
export function peakDbConnections(
  tasks: number,
  perTask: number,
  poolMax: number = DB_CONNECTIONS_PER_TASK,
): number {
  const used = Math.ceil(perTask * DB_CONNECTIONS_PER_STUDENT - 1e-9);
  return tasks * Math.min(poolMax, Math.max(DB_POOL_MIN_CONNECTIONS, used));
}

/**
 * Minutes without a connection before the database pauses: AWS's smallest, 5 (300 s). A longer
 * delay buys nothing here: every task keeps its pool's minimum of connections open (seed 001:
 * "Min 5"), so the database is awake exactly while a task runs, and a paused database resumes
 * on the first connection, which the tasks open when they start, `leadMinutes` before an exam
 * (exam) or when someone switches staging on. The config default of `dbAutoPauseMinutes`.
 */
export const DB_AUTO_PAUSE_MINUTES = AURORA_AUTO_PAUSE_SECONDS.min / 60;

/**
 * The maximum capacity (ACUs) of a database that pauses itself, sized for the connections its
 * tasks may open: `maxTasks` x `connectionsPerTask`, kept below the connections alarm
 * (CONNECTIONS_ALARM_FRACTION of the limit). Aurora sets `max_connections` from the maximum
 * capacity (model/rds.ts AURORA_PG_MAX_CONNECTIONS), so the answer is the smallest documented
 * capacity whose limit holds them. Compute follows load below that maximum, and a paused
 * database bills none.
 * Example (the exam defaults): 10 tasks x 25 = 250 connections; 250 / 0.8 = 313 > 189 (1 ACU),
 * <= 823 (4 ACUs): 4 ACUs. Staging: 2 x 25 = 50; 50 / 0.8 = 63 <= 189: 1 ACU.
 * @param maxTasks the most tasks the stack's service may run
 * @param connectionsPerTask connections one task's pool may hold (default DB_CONNECTIONS_PER_TASK)
 * @throws when no documented capacity holds them (more than 4,000 connections at the alarm)
 */
export function serverlessMaxAcu(
  maxTasks: number,
  connectionsPerTask: number = DB_CONNECTIONS_PER_TASK,
): number {
  const connections = maxTasks * connectionsPerTask;
  const row = AURORA_PG_MAX_CONNECTIONS.find(
    ([acu]) => auroraMaxConnections(acu) * CONNECTIONS_ALARM_FRACTION >= connections,
  );
  if (!row) {
    throw new Error(
      `${maxTasks} tasks x ${connectionsPerTask} connections = ${connections} connections: more than any Aurora Serverless v2 capacity with a minimum of 0 ACU allows below the alarm (${Math.floor(auroraMaxConnections(256) * CONNECTIONS_ALARM_FRACTION)}); use fewer connections per task`,
    );
  }
  return row[0];
}
