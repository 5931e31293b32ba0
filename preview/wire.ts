/** Pulumi's wire format: the key that marks a special value, and the signatures the gate handles. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** The value that stands for "not known until the resource is created". */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Whether a wire value is a secret (the signature object wrapping its value). */
export function isSecret(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG
  );
}

/** Whether a wire value holds a secret anywhere. */
export function holdsSecret(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  return isSecret(value) || Object.values(value).some(holdsSecret);
}
