/**
 * Checks that need more than one setting of one stack read alone: the stacks' regions against
 * each other (staging and exam stand on prod's platform), and the shipped placeholder values that
 * pass validation but cannot deploy. No Pulumi imports.
 */
import { REGION } from "./checks";
import { PROJECT } from "./schema";
import type { RawConfig } from "./types";

/** A stack's name and its `aws:region`, as the config reader returns them (StackConfig). */
export interface StackRegion {
  stack: string;
  region: string;
}

/** One stack's problem with another. */
export interface StackProblem {
  stack: string;
  problem: string;
}

/**
 * staging and exam read prod's VPC, subnets, load balancer (listener) and EFS file system through
 * a StackReference (`pythonide:platformStack`) and create their services, target groups, mount
 * access points and databases in them, so they must be in prod's region: one problem for each
 * stack of `stacks` whose `aws:region` differs from prod's. Nothing when prod is not among them
 * or a region is not a region (unset or invalid: refused on its own).
 */
export function platformRegionProblems(stacks: readonly StackRegion[]): StackProblem[] {
  const prod = stacks.find((s) => s.stack === "prod");
  if (prod === undefined || !REGION.test(prod.region)) return [];
  return stacks
    .filter((s) => s.stack !== "prod" && REGION.test(s.region) && s.region !== prod.region)
    .map((s) => ({
      stack: s.stack,
      problem: `aws:region is "${s.region}", but the prod stack is in ${prod.region}: ${s.stack} stands on prod's VPC, subnets, load balancer and EFS file system (read through ${PROJECT}:platformStack), which exist only in ${prod.region}; set aws:region to ${prod.region} in Pulumi.${s.stack}.yaml (or move every stack, prod first, to ${s.region})`,
    }));
}

/**
 * The example values the repository ships in its stack files, which pass validation (tests and
 * the offline preview use them) but cannot deploy (README "Deploying for real"): the test picks
 * the placeholder out of a value, undefined when the value is the user's own.
 */
const PLACEHOLDERS: Readonly<Record<string, (value: string) => string | undefined>> = {
  domain: (v) => exampleDomain(v),
  alarmEmail: (v) => exampleDomain(v.slice(v.lastIndexOf("@") + 1)),
  image: (v) => exampleDomain(v.split("/")[0]),
  platformStack: (v) => (v.split("/")[0] === "example-org" ? "example-org" : undefined),
  certificateArn: (v) => (v.split(":")[4] === "000000000000" ? "account 000000000000" : undefined),
};

/** `example.edu` (or .com/.org/.net) when `host` is that domain or a name under it. */
function exampleDomain(host: string): string | undefined {
  const m = /(?:^|\.)(example\.(?:edu|com|org|net))$/.exec(host.toLowerCase());
  return m?.[1];
}

/**
 * One warning for each setting of `raw` that still holds a shipped placeholder, naming the key,
 * its value and the placeholder: `pythonide:domain is "ide.example.edu": example.edu is the
 * shipped placeholder ...`. Placeholders are no error (the shipped stacks and the tests use
 * them); a deployment with one fails at AWS or serves nobody.
 * @param raw all config values of one stack, `namespace:key` -> value
 */
export function placeholderWarnings(raw: RawConfig): string[] {
  const out: string[] = [];
  for (const [key, placeholder] of Object.entries(PLACEHOLDERS)) {
    const value = raw[`${PROJECT}:${key}`];
    if (value === undefined || value.secret) continue;
    const found = placeholder(value.value);
    if (found === undefined) continue;
    out.push(
      `${PROJECT}:${key} is ${JSON.stringify(value.value)}: ${found} is the shipped placeholder and cannot deploy; replace it with your own value before pulumi up (README "Deploying for real")`,
    );
  }
  return out;
}
