/**
 * Value checks: the shapes of host names, images, ARNs and CIDRs, and `settingProblem`, the one
 * check of a setting's value against its schema entry (range, allowed values, length), which the
 * config reader and the component argument checks both call. No Pulumi imports.
 */
import { distance } from "fastest-levenshtein";
import { rangeOf, specOf, StackName } from "./schema";

const IMAGE =
  /^(?:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ACM_ARN = /^arn:aws(?:-[a-z]+)*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;
export const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/;
const STACK_REF = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** True when `host` is a DNS host name of two or more labels. */
export function isHostName(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split(".");
  return (
    labels.length >= 2 &&
    labels.every((l) => HOST_LABEL.test(l)) &&
    !/^\d+$/.test(labels[labels.length - 1])
  );
}

/** True when `text` looks like an email address. */
export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** True when `arn` is an ACM certificate ARN. */
export function isAcmCertificateArn(arn: string): boolean {
  return ACM_ARN.test(arn);
}

/**
 * The region an ACM certificate ARN names (`arn:aws:acm:<region>:<account>:certificate/<id>`),
 * or undefined when `arn` is not one.
 */
export function acmCertificateRegion(arn: string): string | undefined {
  return isAcmCertificateArn(arn) ? arn.split(":")[3] : undefined;
}

/** True when `name` is a fully qualified stack name, org/project/stack. */
export function isStackReference(name: string): boolean {
  return STACK_REF.test(name);
}

/** True when `image` is a well-formed container image reference. */
export function isImageReference(image: string): boolean {
  return image.length <= 255 && IMAGE.test(image);
}

/** True when `cidr` is a private IPv4 range (10/8, 172.16/12, 192.168/16) from /16 to /22. */
export function isPrivateCidr(cidr: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return false;
  const [a, b, c, d, bits] = m.slice(1).map(Number);
  if ([a, b, c, d].some((o) => o > 255) || bits < 16 || bits > 22) return false;
  const addr = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  if (addr % 2 ** (32 - bits) !== 0) return false;
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * The candidate closest to `name` (case-insensitive edit distance, ties to the first), if it is
 * within `maxDistance` edits: the "did you mean" of a misspelt key or name.
 */
export function nearest(
  name: string,
  candidates: Iterable<string>,
  maxDistance = 3,
): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * What is wrong with `value` as the setting `key` (in `stack`, or any stack without one), by its
 * schema entry: "must be a whole number from 10 to 90", "must be one of X86_64, ARM64", "must be
 * at least 32 characters"; undefined when it is valid. Checks range, allowed values and length
 * only: the shape checks (host names, ARNs) and cross-key rules stay with their readers.
 */
export function settingProblem(
  key: string,
  value: string | number,
  stack?: StackName,
): string | undefined {
  const spec = specOf(key);
  const range = rangeOf(key, stack);
  if (spec.type === "integer") {
    const whole = typeof value === "number" && Number.isInteger(value);
    if (range && (!whole || value < range.min || value > range.max))
      return `must be a whole number from ${range.min} to ${range.max}`;
    if (!whole && !spec.values) return "must be a whole number";
  }
  if (spec.values && !spec.values.includes(value))
    return `must be ${spec.valuesAre ?? "one of"} ${spec.values.join(", ")}`;
  if (spec.minLength !== undefined && String(value).length < spec.minLength)
    return `must be at least ${spec.minLength} characters`;
  return undefined;
}
