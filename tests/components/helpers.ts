/**
 * Shared by the component tests: runs the real program on mocks with the shipped
 * Pulumi.prod.yaml (plus overrides) and finds resources in what it registered.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { ComponentArgsError } from "../../components/validate";
import type { IdeSettings } from "../../components/ideService";
import { RawConfig } from "../../model/config";
import { TYPES } from "../../model/graph";
import { ResourceRecord } from "../../model/records";
import { runProgram, shippedStackConfig } from "../../preview/program";

/** The clock of every run (staging/exam logic must not depend on the real one). */
export const NOW = new Date("2026-02-02T12:00:00Z");

/** Resource types the component tests look up. */
export const T = {
  stackComponentStaging: "pythonide:components:StagingEnv",
  stackComponentExam: "pythonide:components:ExamEnv",
  database: "pythonide:components:Database",
  serverlessDatabase: "pythonide:components:ServerlessDatabase",
  ide: "pythonide:components:IdeService",
  taskDefinition: TYPES.taskDefinition,
  service: TYPES.service,
  cluster: TYPES.cluster,
  capacityProviders: "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
  target: TYPES.scalableTarget,
  policy: TYPES.scalingPolicy,
  action: TYPES.scheduledAction,
  alarm: TYPES.alarm,
  dashboard: "aws:cloudwatch/dashboard:Dashboard",
  logGroup: TYPES.logGroup,
  targetGroup: TYPES.targetGroup,
  listener: TYPES.listener,
  listenerRule: "aws:lb/listenerRule:ListenerRule",
  loadBalancer: TYPES.loadBalancer,
  vpc: "awsx:ec2:Vpc",
  securityGroup: TYPES.securityGroup,
  ingress: TYPES.ingressRule,
  egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
  db: TYPES.rdsInstance,
  dbCluster: TYPES.rdsCluster,
  clusterInstance: TYPES.rdsClusterInstance,
  efs: TYPES.efs,
  mountTarget: "aws:efs/mountTarget:MountTarget",
  accessPoint: "aws:efs/accessPoint:AccessPoint",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  secret: "aws:secretsmanager/secret:Secret",
  secretVersion: "aws:secretsmanager/secretVersion:SecretVersion",
  topicSubscription: "aws:sns/topicSubscription:TopicSubscription",
} as const;

/** The shipped stack file's config, as raw config. */
export function shippedConfig(stack: string): RawConfig {
  return shippedStackConfig(stack);
}

/** A config value to set: text, a list (written as the engine passes lists) or a secret. */
export type ConfigChange = string | string[] | { secret: string };

/**
 * The shipped stack file's config with `set` values replacing or adding keys (`pythonide:` is
 * added to bare keys) and `unset` keys removed.
 */
export function changedConfig(
  stack: string,
  set: Record<string, ConfigChange> = {},
  unset: string[] = [],
): RawConfig {
  const config = shippedConfig(stack);
  const full = (k: string): string => (k.includes(":") ? k : `pythonide:${k}`);
  for (const k of unset) delete config[full(k)];
  for (const [k, v] of Object.entries(set)) {
    config[full(k)] =
      typeof v === "string"
        ? { value: v, secret: false }
        : Array.isArray(v)
          ? { value: JSON.stringify(v), secret: false }
          : { value: v.secret, secret: true };
  }
  return config;
}

/**
 * Valid IdeService settings for argument checks (1 vCPU / 2 GB x86, 1..8 tasks on-demand, 60% CPU
 * and 70% memory targets, 30 days of logs), changed by `overrides`.
 */
export function serviceSettings(overrides: Partial<IdeSettings> = {}): IdeSettings {
  return {
    image: "registry.example.com/pythonide:2025.10.1",
    cpu: 1024,
    memory: 2048,
    cpuArchitecture: "X86_64",
    minCapacity: 1,
    desiredCount: 1,
    maxCapacity: 8,
    capacityProviderStrategies: [{ capacityProvider: "FARGATE", base: 0, weight: 1 }],
    cpuTargetValue: 60,
    memoryTargetValue: 70,
    app: {
      maxConcurrentExecutions: 20,
      executionTimeoutSeconds: 60,
      memoryLimitMb: 256,
      tornadoProcesses: 1,
    },
    retentionInDays: 30,
    ...overrides,
  };
}

/** The ComponentArgsError `construct` throws (fails the test when it throws none or another). */
export function argsError(construct: () => unknown): ComponentArgsError {
  try {
    construct();
  } catch (err) {
    assert.ok(err instanceof ComponentArgsError, `expected ComponentArgsError, got ${err}`);
    return err;
  }
  assert.fail("expected the constructor to throw");
}

/** One prod run's records and outputs, with lookups. */
export class Run {
  constructor(
    readonly records: ResourceRecord[],
    readonly outputs: Record<string, unknown>,
  ) {}

  /** Every resource of a type. */
  all(type: string): ResourceRecord[] {
    return this.records.filter((r) => r.type === type);
  }

  /** The one resource of a type with this logical name (fails when absent). */
  get(type: string, name: string): ResourceRecord {
    const found = this.records.filter((r) => r.type === type && r.name === name);
    assert.strictEqual(
      found.length,
      1,
      `expected one ${type} named ${name}, found ${found.length}`,
    );
    return found[0];
  }

  /**
   * `type name` of each resource `record` depends on, sorted; a URN not registered in this run (a
   * StackReference read, not registered) stays a URN.
   */
  dependsOn(record: ResourceRecord): string[] {
    const byUrn = new Map(this.records.map((r) => [r.urn, `${r.type} ${r.name}`]));
    return (record.dependencies ?? []).map((u) => byUrn.get(u) ?? u).sort();
  }

  /** The inputs of the one resource of a type with this logical name. */
  inputs(type: string, name: string): Record<string, any> {
    return this.get(type, name).inputs as Record<string, any>;
  }
}

/** Runs the prod stack with Pulumi.prod.yaml's config changed (changedConfig). */
export async function runProd(
  set: Record<string, ConfigChange> = {},
  unset: string[] = [],
): Promise<Run> {
  const config = changedConfig("prod", set, unset);
  const run = await runProgram({ stack: "prod", config, now: NOW });
  return new Run(run.records, run.outputs);
}

const declarationCache = new Map<string, string>();

/**
 * Whether a resource type takes `tags`, read from its package's own type declarations (an
 * independent source: the program's tagging helper is not consulted). Throws for a type whose
 * declaration cannot be found, so an unknown type cannot pass silently.
 */
export function isTaggable(type: string): boolean {
  const [pkg, mod, resource] = type.split(":");
  let file: string;
  if (pkg === "aws") {
    const [folder, base] = mod.split("/");
    const root = path.dirname(require.resolve("@pulumi/aws/package.json"));
    file =
      folder === "index"
        ? path.join(root, `${base}.d.ts`)
        : path.join(root, folder, `${base}.d.ts`);
  } else if (pkg === "awsx") {
    const root = path.dirname(require.resolve("@pulumi/awsx/package.json"));
    file = path.join(root, mod, `${resource[0].toLowerCase()}${resource.slice(1)}.d.ts`);
  } else {
    throw new Error(`isTaggable: no declarations known for ${type}`);
  }
  let text = declarationCache.get(file);
  if (text === undefined) {
    text = fs.readFileSync(file, "utf8");
    declarationCache.set(file, text);
  }
  const args = new RegExp(`export interface ${resource}Args \\{([\\s\\S]*?)\\n\\}`).exec(text);
  if (!args) throw new Error(`isTaggable: ${file} declares no ${resource}Args`);
  return /\n {4}tags\?:/.test(args[1]);
}

/** The container definitions of a task definition record, parsed. */
export function containers(taskDefinition: ResourceRecord): any[] {
  return JSON.parse(String(taskDefinition.inputs.containerDefinitions));
}

/** A policy document input, parsed. */
export function policyDocument(record: ResourceRecord, key = "policy"): any {
  return JSON.parse(String(record.inputs[key]));
}
