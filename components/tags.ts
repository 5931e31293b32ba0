/**
 * The tags every taggable resource of this program carries. One helper, so a tag is decided in
 * one place: `Environment` (the stack: prod, staging or exam; the policy pack reads a resource's
 * environment from it), `Service` (which part of the product: platform, database, ide),
 * `Project` and `ManagedBy`.
 */

/** The project every resource belongs to (the `Project` tag). */
export const PROJECT_TAG = "pythonide";

/** The value of the `ManagedBy` tag. */
export const MANAGED_BY = "pulumi";

/** The tags every taggable resource carries. */
export interface StandardTags {
  Environment: string;
  Service: string;
  Project: string;
  ManagedBy: string;
  [key: string]: string;
}

/**
 * The standard tags for a resource.
 * @param environment the stack the resource belongs to (prod, staging or exam)
 * @param service the part of the product: `platform`, `database` or `ide`
 * @param extra more tags (for example `Name`); they cannot override the standard ones
 */
export function standardTags(
  environment: string,
  service: string,
  extra: Record<string, string> = {},
): StandardTags {
  return {
    ...extra,
    Environment: environment,
    Service: service,
    Project: PROJECT_TAG,
    ManagedBy: MANAGED_BY,
  };
}
