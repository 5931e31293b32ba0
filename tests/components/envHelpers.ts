/**
 * Shared by the staging and exam tests: runs the real program on mocks for a stack with its
 * shipped stack file (plus overrides), the StackReference mocked with the prod output names.
 */
import * as assert from "assert";
import { runProgram } from "../../preview/program";
import { ResourceRecord } from "../../model/records";
import { changedConfig, containers, NOW, Run, T } from "./helpers";

const PLACEHOLDER =
  'is the shipped placeholder and cannot deploy; replace it with your own value before pulumi up (README "Deploying for real")';

/** The warnings a run of the shipped staging or exam stack logs last: its placeholder values. */
export const SHIPPED_PLACEHOLDERS: Record<"staging" | "exam", string[]> = {
  staging: [
    `pythonide:domain is "ide.example.edu": example.edu ${PLACEHOLDER}`,
    `pythonide:image is "registry.example.com/pythonide:2025.10.1": example.com ${PLACEHOLDER}`,
    `pythonide:platformStack is "example-org/pythonide/prod": example-org ${PLACEHOLDER}`,
  ],
  exam: [
    `pythonide:domain is "ide.example.edu": example.edu ${PLACEHOLDER}`,
    `pythonide:image is "registry.example.com/pythonide-exam:2025.10.1": example.com ${PLACEHOLDER}`,
    `pythonide:platformStack is "example-org/pythonide/prod": example-org ${PLACEHOLDER}`,
  ],
};

/** One run of a stack: records, outputs, warnings and the stacks it referenced. */
export class EnvRun extends Run {
  constructor(
    records: ResourceRecord[],
    outputs: Record<string, unknown>,
    readonly warnings: string[],
    readonly stackReferences: string[],
  ) {
    super(records, outputs);
  }

  /** The scheduled actions as [AWS name, schedule, timezone, min, max], in registration order. */
  actions(): [string, string, string, number, number][] {
    return this.all(T.action).map((a) => {
      const i = a.inputs as Record<string, any>;
      return [
        i.name,
        i.schedule,
        i.timezone,
        i.scalableTargetAction.minCapacity,
        i.scalableTargetAction.maxCapacity,
      ];
    });
  }

  /** The container's environment of a task definition, as a name -> value map. */
  environment(taskDefinition: string): Record<string, string> {
    const [c] = containers(this.get(T.taskDefinition, taskDefinition));
    return Object.fromEntries(
      (c.environment as { name: string; value: string }[]).map((e) => [e.name, e.value]),
    );
  }

  /** The container's secrets of a task definition, as a name -> valueFrom map. */
  secrets(taskDefinition: string): Record<string, string> {
    const [c] = containers(this.get(T.taskDefinition, taskDefinition));
    return Object.fromEntries(
      ((c.secrets ?? []) as { name: string; valueFrom: string }[]).map((e) => [
        e.name,
        e.valueFrom,
      ]),
    );
  }
}

export interface EnvRunOptions {
  /** Config keys to set (`pythonide:` is added to bare keys); arrays are written as lists. */
  set?: Record<string, string | string[]>;
  /** Config keys to remove. */
  unset?: string[];
  /** The clock (default NOW, 2026-02-02T12:00Z). */
  now?: Date;
  /** What the StackReference returns (default: platformOutputsFixture()). */
  platformOutputs?: Record<string, unknown>;
  /** Whether RDS returns the databases' managed secrets (default true). */
  managedDbSecrets?: boolean;
}

/** Runs `stack` with its shipped stack file's config changed by `options`. */
export async function runEnv(
  stack: "staging" | "exam",
  options: EnvRunOptions = {},
): Promise<EnvRun> {
  const run = await runProgram({
    stack,
    config: changedConfig(stack, options.set, options.unset),
    now: options.now ?? NOW,
    platformOutputs: options.platformOutputs,
    managedDbSecrets: options.managedDbSecrets,
  });
  return new EnvRun(run.records, run.outputs, run.warnings, run.stackReferences);
}

/** The error message a run fails with (fails the test when it does not fail). */
export async function runError(stack: "staging" | "exam", options: EnvRunOptions): Promise<string> {
  try {
    await runEnv(stack, options);
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail(`the ${stack} run was expected to fail`);
}
