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

/**
 * Reads the platform from the prod stack `stackName` (org/project/stack). Each value is a
 * `requireOutput`: an output the prod stack does not export fails the update with its name.
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
    PLATFORM_REFERENCE_KEYS.map((key) => [key, stack.requireOutput(key)]),
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
