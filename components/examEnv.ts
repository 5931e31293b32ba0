/**
 * ExamEnv: the IDE in exam mode on the prod platform (read through a StackReference, as every
 * environment does: ./environmentOnPlatform.ts), pre-scaled
 * on a schedule before each exam.
 *
 * - IdeService with `IS_EXAM_MODE=true` and the exam limits of seed 001 (config defaults:
 *   MAX_CONCURRENT_EXECUTIONS 60, EXECUTION_TIMEOUT 30, MEMORY_LIMIT_MB 128), its own directory
 *   on the shared file system (`/pythonide/exam`) and its own database: never prod's data. By
 *   default Aurora Serverless v2 that pauses itself between exams (./serverlessDatabase.ts):
 *   the tasks connect when the windows' scale-up starts them, `leadMinutes` ahead, so the
 *   database has resumed before a student arrives; with deletion protection and a final snapshot.
 * - A host rule `exam.<domain>` on the prod listener; tasks in the platform's task subnets, one
 *   per availability zone: at least two, or the update fails (Fargate spreads a service's tasks
 *   across the subnets' zones).
 * - Scheduled actions from model/schedule.ts examPlan: `leadMinutes` before each window the floor
 *   rises to the planner's task count, `graceMinutes` after it returns to the idle floor; where
 *   windows' periods overlap, the floor is the planner's count for their students together, with
 *   a step at each instant it changes; each an `at()` in UTC. Windows already over (config's
 *   `skipped`) get no action.
 */
import * as pulumi from "@pulumi/pulumi";
import { ExamConfig } from "../model/config";
import { DatabaseSettings } from "./database";
import { examPeak, examPlan, examRuns } from "../model/schedule";
import { localMinute, utcMinute } from "../model/time";
import { EnvironmentOnPlatform } from "./environmentOnPlatform";
import { IdeSettings } from "./ideService";
import { checkEnvironmentArgs, PlatformReference } from "./platformReference";
import { scheduleOutputs } from "./scheduledScaling";
import { ArgsChecker, ComponentArgsError } from "./validate";

/** Fewest subnets (availability zones) exam tasks may run in. */
export const MIN_EXAM_SUBNETS = 2;

export interface ExamEnvArgs {
  /** Fully qualified name of the prod stack whose platform the exam runs on (org/project/stack). */
  platformStack: string;
  /** Host the exam IDE answers on (`exam.<domain>`). */
  host: string;
  /**
   * Task size, image, capacity and app settings (config defaults: 1 vCPU / 2 GB on-demand, the
   * seed 001 exam limits). `minCapacity` is the idle floor between exams, `maxCapacity` the
   * ceiling; `desiredCount` is replaced by the plan's floor now.
   */
  service: IdeSettings;
  /** Exam windows still ahead (with the planner's task counts), lead and grace minutes. */
  exam: ExamConfig;
  /** Settings of the exam's own database (config defaults: serverless from 0 ACU, deletion protection). */
  database: DatabaseSettings;
  /** The clock: windows and periods that have begun are judged against it (index.ts PYTHONIDE_NOW). */
  now: Date;
  /** The stack's time zone (canonical IANA name or UTC): the schedule outputs show times in it. Default UTC. */
  timeZone?: string;
  /** Directory of exam student files on the shared file system. Default `/pythonide/exam`. */
  dataDirectory?: string;
  /** Priority of the host rule on the prod listener. Default 300 (IdeService's exam default). */
  listenerRulePriority?: number;
}

/** The exam IDE: exam mode, own data, at least two zones, capacity scheduled from the windows. */
export class ExamEnv extends EnvironmentOnPlatform {
  /** The windows and skipped windows, as given. */
  readonly exam: ExamConfig;

  constructor(name: string, args: ExamEnvArgs, opts: pulumi.ComponentResourceOptions = {}) {
    validate(name, args);
    const plan = examPlan(
      args.exam,
      { minTasks: args.service.minCapacity, maxTasks: args.service.maxCapacity },
      args.now,
    );
    super(
      "pythonide:components:ExamEnv",
      name,
      {
        environment: "exam",
        platformStack: args.platformStack,
        host: args.host,
        // The bounds now: the idle floor, or a window's count when one is under way.
        service: {
          ...args.service,
          minCapacity: plan.minCapacity,
          desiredCount: plan.minCapacity,
          maxCapacity: plan.maxCapacity,
        },
        examMode: true,
        database: args.database,
        plan,
        timeZone: args.timeZone,
        taskSubnetIds: (platform) => atLeastTwoZones(name, args.platformStack, platform),
        dataDirectory: args.dataDirectory,
        listenerRulePriority: args.listenerRulePriority,
      },
      opts,
    );
    this.exam = args.exam;
    this.registerOutputs(this.stackOutputs());
  }

  /** The exam stack's outputs: where it runs and its capacity schedule. */
  stackOutputs(): Record<string, pulumi.Input<unknown>> {
    return {
      url: this.url,
      serviceName: this.serviceName,
      dashboardName: this.dashboardName,
      databaseEndpoint: this.database.endpoint,
      ...scheduleOutputs(this.plan, this.timeZone),
      windows: this.exam.windows.map((w) => ({
        name: w.name,
        start: `${utcMinute(w.start)}Z`,
        end: `${utcMinute(w.end)}Z`,
        timeZone: w.timeZone,
        local: `${localMinute(w.start, w.timeZone)} to ${localMinute(w.end, w.timeZone)} ${w.timeZone}`,
        students: w.students,
        tasks: w.tasks,
      })),
      skippedWindows: this.exam.skipped.map((w) => w.name),
    };
  }
}

/**
 * The platform's task subnets, checked when the StackReference resolves: at least two zones (one
 * subnet per zone is how the platform lays out its task subnets), or the update fails.
 */
function atLeastTwoZones(
  name: string,
  platformStack: string,
  platform: PlatformReference,
): pulumi.Output<string[]> {
  return platform.taskSubnetIds.apply((ids) => {
    const distinct = [...new Set(ids ?? [])];
    if (distinct.length < MIN_EXAM_SUBNETS) {
      throw new ComponentArgsError("ExamEnv", name, [
        `the platform output taskSubnetIds of ${platformStack} is ${JSON.stringify(ids ?? [])}: exam tasks must run in at least ${MIN_EXAM_SUBNETS} subnets (availability zones) so one zone's outage does not stop an exam; give the prod stack pythonide:availabilityZones 2 or more and run pulumi up on prod first`,
      ]);
    }
    return distinct;
  });
}

function validate(name: string, args: ExamEnvArgs): void {
  const check = new ArgsChecker("ExamEnv", name);
  checkEnvironmentArgs(check, name, args, "exam");
  if (!(args.now instanceof Date) || Number.isNaN(args.now.getTime())) {
    check.fail(
      "now",
      String(args.now),
      "must be a valid Date (the clock the schedule is judged by)",
    );
  }
  const s = args.service;
  for (const w of args.exam.windows) {
    if (w.tasks > s.maxCapacity) {
      check.problems.push(
        `args.exam.windows "${w.name}" needs ${w.tasks} tasks but args.service.maxCapacity is ${s.maxCapacity}: raise maxCapacity (config maxTasks) to at least ${w.tasks}`,
      );
    }
  }
  // Overlapping windows need the planner's tasks for their students together (examPlan).
  const peak = examPeak(examRuns(args.exam));
  if (peak && peak.windows.length > 1 && peak.tasks > s.maxCapacity) {
    check.problems.push(
      `args.exam.windows ${peak.windows.map((w) => `"${w.name}"`).join(" + ")} are open together from ${utcMinute(peak.from)}Z and need ${peak.tasks} tasks for their ${peak.students} students but args.service.maxCapacity is ${s.maxCapacity}: raise maxCapacity (config maxTasks) to at least ${peak.tasks}`,
    );
  }
  check.throwIfAny();
}
