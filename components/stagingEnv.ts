/**
 * StagingEnv: a copy of the IDE for trying changes, on the prod platform (read through a
 * StackReference), that costs nothing unless someone switches it on and that switches itself off.
 *
 * - The ECS service is created with desired count 0, always; only its scalable target runs
 *   tasks. Switched off (the default), the target's minimum and maximum are 0 and there is no
 *   scheduled action. Switched on (`active` with `activeUntil`, validated in
 *   model/config/staging.ts), the minimum is `activeTasks` and one `at(activeUntil)` scheduled
 *   action sets minimum and maximum back to 0, so a forgotten staging stops its tasks by itself.
 * - Its own small database. In the on-demand mode (the default) the instance exists only while
 *   staging is active: switching on restores it from its newest snapshot, switching off (a
 *   `pulumi up` with staging off or expired) deletes it with a final snapshot, so data survives
 *   a round trip. The always-on mode keeps the instance. model/snapshots.ts names the snapshots.
 * - Its own directory on the shared file system (`/pythonide/staging`, own access point), a host
 *   rule `staging.<domain>` on the prod listener, a small Spot task by default (config defaults).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DatabaseConfig, ServiceConfig, STAGING_DB_MODES, StagingConfig } from "../model/config";
import { stagingPlan, ScalingPlan } from "../model/schedule";
import { latestSnapshot, nextFinalSnapshotIdentifier, SnapshotListing } from "../model/snapshots";
import { utcMinute } from "../model/time";
import { Database, platformDatabaseArgs } from "./database";
import { IdeService } from "./ideService";
import { checkEnvironmentArgs, ideOnPlatform, referencePlatform } from "./platformReference";
import { scheduleOutputs, scheduleText } from "./scheduledScaling";
import { ArgsChecker } from "./validate";

export interface StagingEnvArgs {
  /** Fully qualified name of the prod stack whose platform staging runs on (org/project/stack). */
  platformStack: string;
  /** Host staging answers on (`staging.<domain>`). */
  host: string;
  /**
   * Task size, image, capacity and app settings (config defaults: 0.5 vCPU / 1 GB on Spot).
   * `minTasks`/`maxTasks` are the bounds config validation decided: 0/0 while off,
   * `activeTasks`/ceiling while on. `desiredTasks` must be 0.
   */
  service: ServiceConfig;
  /** Whether staging is on, until when, and the database mode (model/config/types.ts). */
  staging: StagingConfig;
  /** Settings of staging's own database (config defaults: db.t4g.micro, 1 day of backups). */
  database: DatabaseConfig;
  /** The stack's time zone (canonical IANA name or UTC): the schedule outputs show times in it. Default UTC. */
  timeZone?: string;
  /** Directory of staging's student files on the shared file system. Default `/pythonide/staging`. */
  dataDirectory?: string;
  /** Priority of the host rule on the prod listener. Default 200 (IdeService's staging default). */
  listenerRulePriority?: number;
}

/** Staging: the IDE on the prod platform at zero tasks unless switched on, and self-expiring. */
export class StagingEnv extends pulumi.ComponentResource {
  /** Whether staging is on, until when, and the database mode (as given). */
  readonly staging: StagingConfig;
  /** The stack's time zone the outputs show times in. */
  readonly timeZone: string;
  /** The prod stack the platform is read from. */
  readonly platformStack: pulumi.StackReference;
  /** The IDE service (desired count 0; the scalable target holds its tasks while on). */
  readonly ide: IdeService;
  /** Staging's database; undefined in the on-demand mode while staging is off. */
  readonly database?: Database;
  /** The scaling plan: the target's bounds now and the switch-off step while on. */
  readonly plan: ScalingPlan;
  /** The `at(activeUntil)` action setting minimum and maximum to 0 (only while on). */
  readonly scheduledActions: aws.appautoscaling.ScheduledAction[];
  /** `https://staging.<domain>`. */
  readonly url: pulumi.Output<string>;
  /** Name of the ECS service. */
  readonly serviceName: pulumi.Output<string>;
  /** Name of the dashboard. */
  readonly dashboardName: pulumi.Output<string>;
  /**
   * The snapshot the database was created from (undefined: an empty database, or none exists
   * now). Read from the instance, so it stays the one it was created from.
   */
  readonly restoredFromSnapshot: pulumi.Output<string | undefined>;
  /** The identifier of the final snapshot the database leaves when deleted (undefined: no database). */
  readonly finalSnapshotIdentifier: pulumi.Output<string | undefined>;

  constructor(name: string, args: StagingEnvArgs, opts: pulumi.ComponentResourceOptions = {}) {
    validate(name, args);
    super("pythonide:components:StagingEnv", name, {}, opts);
    const parent = { parent: this };
    const { platform, stack } = referencePlatform(`${name}-platform`, args.platformStack, this);
    this.platformStack = stack;
    const staging = args.staging;
    this.staging = staging;
    this.timeZone = args.timeZone ?? "UTC";

    const databaseExists = staging.dbMode === "always-on" || staging.active;
    let restoredFrom: pulumi.Output<string | undefined> = pulumi.output(undefined);
    let finalSnapshot: pulumi.Output<string | undefined> = pulumi.output(undefined);
    if (databaseExists) {
      const identifier = `${name}-db`;
      // Manual snapshots of this instance: final snapshots of earlier sessions (and any taken
      // by hand). An empty list is the first session, not an error.
      const snapshots = aws.rds
        .getSnapshotsOutput({ dbInstanceIdentifier: identifier, snapshotType: "manual" }, parent)
        .apply((r) => (r.snapshots ?? []) as SnapshotListing[]);
      this.database = new Database(
        identifier,
        {
          environment: "staging",
          settings: args.database,
          ...platformDatabaseArgs(platform),
          keepFinalSnapshot: true,
          finalSnapshotIdentifier: snapshots.apply((list) =>
            nextFinalSnapshotIdentifier(
              identifier,
              list.map((s) => s.dbSnapshotIdentifier),
            ),
          ),
          restoreFromSnapshot: snapshots.apply((list) => latestSnapshot(list)),
        },
        parent,
      );
      restoredFrom = this.database.instance.snapshotIdentifier.apply((id) => id || undefined);
      finalSnapshot = this.database.instance.finalSnapshotIdentifier;
    }
    this.restoredFromSnapshot = restoredFrom;
    this.finalSnapshotIdentifier = finalSnapshot;

    this.plan = stagingPlan(staging, args.service);
    ({ ide: this.ide, scheduledActions: this.scheduledActions } = ideOnPlatform(this, name, {
      environment: "staging",
      host: args.host,
      // validate() holds desiredTasks at 0: the scalable target alone runs tasks.
      service: args.service,
      examMode: false,
      platform,
      database: this.database,
      plan: this.plan,
      dataDirectory: args.dataDirectory,
      listenerRulePriority: args.listenerRulePriority,
    }));
    this.url = this.ide.url;
    this.serviceName = this.ide.serviceName;
    this.dashboardName = this.ide.dashboardName;

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
      database: {
        mode: staging.dbMode,
        exists: this.database !== undefined,
        endpoint: this.database?.endpoint ?? "none (on-demand database, staging is off)",
        restoredFromSnapshot: this.restoredFromSnapshot.apply((id) => id ?? "none"),
        finalSnapshotIdentifier: this.finalSnapshotIdentifier.apply((id) => id ?? "none"),
      },
    };
  }
}

function validate(name: string, args: StagingEnvArgs): void {
  const check = new ArgsChecker("StagingEnv", name);
  checkEnvironmentArgs(check, name, args, "staging");
  const s = args.service;
  const st = args.staging;
  if (s.desiredTasks !== 0) {
    check.fail(
      "service.desiredTasks",
      s.desiredTasks,
      "must be 0: a staging service never holds tasks by its own count; its scalable target does while staging is on",
    );
  }
  if (st.active) {
    if (!st.activeUntil) {
      check.problems.push(
        "args.staging.active is true but args.staging.activeUntil is not set: an active staging needs an expiry, so it switches itself off",
      );
    }
    if (s.minTasks < 1 || s.minTasks > s.maxTasks) {
      check.problems.push(
        `args.service.minTasks ${s.minTasks} and maxTasks ${s.maxTasks}: an active staging runs at least 1 task, at most maxTasks`,
      );
    }
  } else if (s.minTasks !== 0 || s.maxTasks !== 0) {
    check.problems.push(
      `args.service.minTasks ${s.minTasks} and maxTasks ${s.maxTasks}: a staging that is off must have minTasks 0 and maxTasks 0`,
    );
  }
  check.oneOf("staging.dbMode", st.dbMode, STAGING_DB_MODES);
  check.throwIfAny();
}
