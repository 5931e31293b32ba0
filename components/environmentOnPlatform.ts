/**
 * The one way staging and exam stand on the prod platform, as the base class of StagingEnv and
 * ExamEnv: the prod stack's outputs read through a StackReference (`${name}-platform`), the
 * environment's own database (`${name}-db`, serverless or an instance by `dbKind`), an IdeService
 * (`${name}-ide`) wired to both with the task-count bounds of its scaling plan, and the plan's
 * steps as scheduled actions on the service's scalable target. Each subclass keeps its own type
 * token and adds what is its own (its checks, its outputs); the child names are the ones users'
 * state holds (tests/components/urns.test.ts).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ScalingPlan } from "../model/schedule";
import { Database, DatabaseSettings, platformDatabaseArgs } from "./database";
import { databaseArgs, IdeService, IdeSettings, platformArgs } from "./ideService";
import { PlatformReference, referencePlatform } from "./platformReference";
import { addScheduledScaling } from "./scheduledScaling";
import { environmentDatabase, ServerlessDatabase } from "./serverlessDatabase";

/** What an environment on the prod platform is given by its subclass. */
export interface EnvironmentOnPlatformArgs {
  /** `staging` or `exam`: the IdeService's environment (its Environment tag, default priority). */
  environment: "staging" | "exam";
  /** Fully qualified name of the prod stack (org/project/stack). */
  platformStack: string;
  /** Host the environment answers on. */
  host: string;
  /** The service settings, with the bounds (`minCapacity`, `desiredCount`, `maxCapacity`) to run now. */
  service: IdeSettings;
  /** `IS_EXAM_MODE` of the IDE. */
  examMode: boolean;
  /** Settings of the environment's own database. */
  database: DatabaseSettings;
  /** The scaling plan: one `at()` scheduled action per step. */
  plan: ScalingPlan;
  /** The stack's time zone the outputs show times in. Default UTC. */
  timeZone?: string;
  /** Subnets tasks run in, from the referenced platform. Default: its `taskSubnetIds`. */
  taskSubnetIds?: (platform: PlatformReference) => pulumi.Input<string[]>;
  /** Directory of the environment's student files on the shared file system. Default `/pythonide/<environment>`. */
  dataDirectory?: string;
  /** Priority of the host rule on the prod listener. Default: IdeService's for the environment. */
  listenerRulePriority?: number;
}

/** An environment (staging, exam) on the prod platform: reference, database, IDE, schedule. */
export abstract class EnvironmentOnPlatform extends pulumi.ComponentResource {
  /** The prod stack the platform is read from. */
  readonly platformStack: pulumi.StackReference;
  /** The IDE service. */
  readonly ide: IdeService;
  /** The environment's own database (paused while no task runs, with the default `dbKind`). */
  readonly database: Database | ServerlessDatabase;
  /** `serverless` or `instance` (config `dbKind`). */
  readonly databaseKind: DatabaseSettings["kind"];
  /** The scaling plan: the target's bounds now and its scheduled steps. */
  readonly plan: ScalingPlan;
  /** One `at()` scheduled action per plan step, in plan order. */
  readonly scheduledActions: aws.appautoscaling.ScheduledAction[];
  /** `https://<host>`. */
  readonly url: pulumi.Output<string>;
  /** Name of the ECS service. */
  readonly serviceName: pulumi.Output<string>;
  /** Name of the dashboard. */
  readonly dashboardName: pulumi.Output<string>;
  /** The stack's time zone the outputs show times in. */
  readonly timeZone: string;

  /**
   * Registers the component under `type` and creates its children. The subclass has checked
   * `args` before (nothing is registered for bad arguments) and registers its outputs after.
   */
  protected constructor(
    type: string,
    name: string,
    args: EnvironmentOnPlatformArgs,
    opts: pulumi.ComponentResourceOptions,
  ) {
    super(type, name, {}, opts);
    const { platform, stack } = referencePlatform(`${name}-platform`, args.platformStack, this);
    this.platformStack = stack;
    this.timeZone = args.timeZone ?? "UTC";
    this.plan = args.plan;
    const taskSubnetIds = args.taskSubnetIds?.(platform);

    this.databaseKind = args.database.kind;
    this.database = environmentDatabase(
      `${name}-db`,
      {
        environment: args.environment,
        settings: args.database,
        ...platformDatabaseArgs(platform),
      },
      { parent: this },
    );

    this.ide = new IdeService(
      `${name}-ide`,
      {
        environment: args.environment,
        host: args.host,
        service: args.service,
        examMode: args.examMode,
        ...platformArgs(platform),
        ...(taskSubnetIds !== undefined ? { taskSubnetIds } : {}),
        ...databaseArgs(this.database),
        dataDirectory: args.dataDirectory,
        listenerRulePriority: args.listenerRulePriority,
      },
      { parent: this },
    );
    this.scheduledActions = addScheduledScaling(
      `${name}-ide`,
      this.ide.scalableTarget,
      args.plan.steps,
      this,
    );
    this.url = this.ide.url;
    this.serviceName = this.ide.serviceName;
    this.dashboardName = this.ide.dashboardName;
  }
}
