/**
 * The prod platform as the staging and exam stacks see it: the prod stack's outputs read through
 * a StackReference, each by the name the prod stack exports it under (Platform.stackOutputs()).
 * Only what a second environment needs is read; prod's own database endpoint and secret never
 * are (staging and exam each have their own database).
 */
import * as pulumi from "@pulumi/pulumi";
import { isHostName, isStackReference } from "../model/config";
import { timeZoneProblem } from "../model/timeZones";
import { RDS_IDENTIFIER } from "./database";
import { PLATFORM_ARG_KEYS } from "./ideService";
import type { PlatformOutputs } from "./platform";
import { ArgsChecker } from "./validate";

/** The prod stack outputs a staging or exam environment reads. */
export const PLATFORM_REFERENCE_KEYS = [
  ...PLATFORM_ARG_KEYS,
  // For the environment's own database.
  "dbSubnetGroupName",
  "databaseSecurityGroupId",
] as const satisfies readonly (keyof PlatformOutputs)[];

/** One output per key, typed as the Platform declares it. */
export type PlatformReference = Pick<PlatformOutputs, (typeof PLATFORM_REFERENCE_KEYS)[number]>;

/** A stack output that cannot be wired into a resource: absent, null, empty text or an empty list. */
function isMissing(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && (value.length === 0 || value.some((v) => v === null || v === "")))
  );
}

/** Why the update stops when the prod stack lacks an output, and what to do. */
export function missingOutputMessage(
  reference: string,
  stackName: string,
  key: string,
  value: unknown,
): string {
  const found =
    value === undefined
      ? `does not export the output ${key}`
      : `exports the output ${key} empty (${JSON.stringify(value)})`;
  return (
    `StackReference "${reference}": the prod stack ${stackName} ${found}, which this ` +
    "stack wires into its resources. Run pulumi up on the prod stack (its outputs are written by a " +
    "successful update of the current program; pulumi stack output --stack " +
    `${stackName} lists them), check that platformStack names it, then run this update again.`
  );
}

/**
 * Reads the platform from the prod stack `stackName` (org/project/stack). An output the prod
 * stack does not export, or exports empty, fails the update with its name and what to do
 * (missingOutputMessage): never an undefined value in a resource input.
 * @param name logical name of the StackReference (`${componentName}-platform`)
 * @param stackName fully qualified name of the prod stack (config `platformStack`)
 * @param parent the component that owns the reference
 */
export function referencePlatform(
  name: string,
  stackName: string,
  parent: pulumi.Resource,
): { stack: pulumi.StackReference; platform: PlatformReference } {
  const stack = new pulumi.StackReference(name, { name: stackName }, { parent });
  const platform = Object.fromEntries(
    PLATFORM_REFERENCE_KEYS.map((key) => [
      key,
      stack.getOutput(key).apply((value) => {
        if (isMissing(value)) {
          throw new pulumi.RunError(missingOutputMessage(name, stackName, key, value));
        }
        return value;
      }),
    ]),
  ) as unknown as PlatformReference;
  return { stack, platform };
}

/**
 * Checks the arguments every environment on the prod platform shares: its name (which names its
 * database instance `${name}-db`), the prod stack to read and the host it answers on.
 * @param check the environment component's checker
 * @param environment `staging` or `exam`: the example host of the message
 */
export function checkEnvironmentArgs(
  check: ArgsChecker,
  name: string,
  args: { platformStack: string; host: string; timeZone?: string },
  environment: "staging" | "exam",
): void {
  if (!RDS_IDENTIFIER.test(name) || name.length > 30) {
    check.problems.push(
      `the name ${JSON.stringify(name)} must be lower-case letters, digits and single hyphens, starting with a letter, at most 30 characters (it names the database instance ${name}-db)`,
    );
  }
  if (!isStackReference(args.platformStack)) {
    check.fail(
      "platformStack",
      args.platformStack,
      "must be a fully qualified stack name, org/project/stack (for example acme/pythonide/prod)",
    );
  }
  if (!isHostName(args.host)) {
    check.fail("host", args.host, `must be a host name such as ${environment}.ide.example.edu`);
  }
  const zoneProblem = args.timeZone === undefined ? undefined : timeZoneProblem(args.timeZone);
  if (zoneProblem)
    check.problems.push(`args.timeZone ${JSON.stringify(args.timeZone)} ${zoneProblem}`);
}
