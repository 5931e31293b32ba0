/**
 * Exemptions from a policy through its config, not through code edits: a list of services, each
 * with the reason it is exempt (a scheduler or a single cache must not scale out). The pack
 * skips an exempt service; the offline preview lists every exemption and what it matched, so
 * none goes unseen. Pure logic, shared by both.
 */

/** One exemption as the policy config writes it. */
export interface ServiceExemption {
  /** The ECS service: its logical name or its `name` input. */
  service: string;
  /** Why it is exempt; shown wherever the exemption is. */
  reason: string;
}

/** The JSON schema of an `exemptServices` policy-config property. */
export const EXEMPT_SERVICES_SCHEMA = {
  type: "array",
  items: {
    type: "object",
    properties: {
      service: { type: "string", minLength: 1 },
      reason: { type: "string", minLength: 1 },
    },
    required: ["service", "reason"],
    additionalProperties: false,
  },
  default: [],
  description:
    'ECS services exempt from this policy, each with the reason, e.g. [{"service": "scheduler", "reason": "a singleton: two schedulers would run every job twice"}]. Matched by logical name or the service\'s name input; the offline preview lists every exemption.',
} as const;

/** The exemption that covers a service (by logical name or `name` input), if any. */
export function exemptionFor(
  service: { name: string; props: Record<string, unknown> },
  exemptions: readonly ServiceExemption[],
): ServiceExemption | undefined {
  const given = service.props.name;
  return exemptions.find((e) => e.service === service.name || e.service === given);
}
