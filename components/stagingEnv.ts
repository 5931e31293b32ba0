/**
 * StagingEnv: a copy of the IDE for trying changes, on the prod platform (read through a
 * StackReference, as every environment does: ./environmentOnPlatform.ts), that costs nothing unless someone switches it on and that switches itself off.
 *
 * - The ECS service is created with desired count 0, always; only its scalable target runs
 *   tasks. Switched off (the default), the target's minimum and maximum are 0 and there is no
 *   scheduled action. Switched on (`active` with `activeUntil`, validated in
 *   model/config/staging.ts), the minimum is `activeTasks` and one `at(activeUntil)` scheduled
 *   action sets minimum and maximum back to 0, so a forgotten staging stops its tasks by itself.
 * - Its own database, always there: by default Aurora Serverless v2 that pauses itself while no
 *   task runs (./serverlessDatabase.ts), so a switched-off staging bills storage only and a
 *   switched-on one finds its data at once (the database resumes in seconds when the tasks
 *   connect). `dbKind` instance gives an always-on RDS instance instead.
 * - Its own directory on the shared file system (`/pythonide/staging`, own access point), a host
 *   rule `staging.<domain>` on the prod listener, a small Spot task by default (config defaults).
 */
import * as pulumi from "@pulumi/pulumi";
import { DB_KINDS, StagingConfig } from "../model/config";
import { DatabaseSettings } from "./database";
import { stagingPlan } from "../model/schedule";
import { utcMinute } from "../model/time";
import { EnvironmentOnPlatform } from "./environmentOnPlatform";
import { IdeSettings } from "./ideService";
import { checkEnvironmentArgs } from "./platformReference";
import { scheduleOutputs, scheduleText } from "./scheduledScaling";
import { ArgsChecker } from "./validate";

export interface StagingEnvArgs {
  /** Fully qualified name of the prod stack whose platform staging runs on (org/project/stack). */
  platformStack: string;
  /** Host staging answers on (`staging.<domain>`). */
  host: string;
  /**
   * Task size, image, capacity and app settings (config defaults: 0.5 vCPU / 1 GB on Spot).
   * `minCapacity`/`maxCapacity` are the bounds config validation decided: 0/0 while off,
   * `activeTasks`/ceiling while on. `desiredCount` must be 0.
   */
  service: IdeSettings;
  /** Whether staging is on and until when (model/config/types.ts). */
  staging: StagingConfig;
  /** Settings of staging's own database (config defaults: serverless from 0 ACU, 1 day of backups). */
  database: DatabaseSettings;
  /** The stack's time zone (canonical IANA name or UTC): the schedule outputs show times in it. Default UTC. */
  timeZone?: string;
  /** Directory of staging's student files on the shared file system. Default `/pythonide/staging`. */
  dataDirectory?: string;
  /** Priority of the host rule on the prod listener. Default 200 (IdeService's staging default). */
  listenerRulePriority?: number;
}

/** Staging: the IDE on the prod platform at zero tasks unless switched on, and self-expiring. */
export class StagingEnv extends EnvironmentOnPlatform {
  /** Whether staging is on and until when (as given). */
  readonly staging: StagingConfig;

  constructor(name: string, args: StagingEnvArgs, opts: pulumi.ComponentResourceOptions = {}) {
    validate(name, args);
    super(
      "pythonide:components:StagingEnv",
      name,
      {
        environment: "staging",
        platformStack: args.platformStack,
        host: args.host,
        // validate() holds desiredCount at 0: the scalable target alone runs tasks.
        service: args.service,
        examMode: false,
        database: args.database,
        plan: stagingPlan(args.staging, {
          minTasks: args.service.minCapacity,
          maxTasks: args.service.maxCapacity,
        }),
        timeZone: args.timeZone,
        dataDirectory: args.dataDirectory,
        listenerRulePriority: args.listenerRulePriority,
      },
      opts,
    );
    this.staging = args.staging;
    this.registerOutputs(this.stackOutputs());
  }

  /** The staging stack's outputs: where it runs, whether it is on and until when, its database. */
  stackOutputs(): Record<string, pulumi.Input<unknown>> {
    const staging = this.staging;
    const switchOff = this.plan.steps[0];
    const { scaling, schedule } = scheduleOutputs(this.plan, this.timeZone);
    return {
      url: this.url,
      serviceName: this.serviceName,
      dashboardName: this.dashboardName,
      active: staging.active,
      activeUntil: staging.activeUntil ? `${utcMinute(staging.activeUntil)}Z` : "off",
      scaling: {
        ...scaling,
        switchOff: switchOff ? scheduleText(switchOff.at) : "none (staging is off)",
      },
      schedule,
      database: { kind: this.databaseKind, endpoint: this.database.endpoint },
    };
  }
}

function validate(name: string, args: StagingEnvArgs): void {
  const check = new ArgsChecker("StagingEnv", name);
  checkEnvironmentArgs(check, name, args, "staging");
  const s = args.service;
  const st = args.staging;
  if (s.desiredCount !== 0) {
    check.fail(
      "service.desiredCount",
      s.desiredCount,
      "must be 0: a staging service never holds tasks by its own count; its scalable target does while staging is on",
    );
  }
  if (st.active) {
    if (!st.activeUntil) {
      check.problems.push(
        "args.staging.active is true but args.staging.activeUntil is not set: an active staging needs an expiry, so it switches itself off",
      );
    }
    if (s.minCapacity < 1 || s.minCapacity > s.maxCapacity) {
      check.problems.push(
        `args.service.minCapacity ${s.minCapacity} and maxCapacity ${s.maxCapacity}: an active staging runs at least 1 task, at most maxCapacity`,
      );
    }
  } else if (s.minCapacity !== 0 || s.maxCapacity !== 0) {
    check.problems.push(
      `args.service.minCapacity ${s.minCapacity} and maxCapacity ${s.maxCapacity}: a staging that is off must have minCapacity 0 and maxCapacity 0`,
    );
  }
  check.oneOf("database.kind", args.database.kind, DB_KINDS);
  check.throwIfAny();
}
