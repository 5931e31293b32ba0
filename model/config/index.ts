/**
 * The stack config: its schema (./schema.ts, every setting once), the shapes of raw and
 * validated config (./types.ts), value checks (./checks.ts), and the reader (./read.ts with
 * ./reader.ts, ./staging.ts and ./exam.ts). Import from `model/config`.
 */
export * from "./schema";
export * from "./types";
export {
  isAcmCertificateArn,
  isEmail,
  isHostName,
  isImageReference,
  isStackReference,
  nearest,
  settingProblem,
} from "./checks";
export { ConfigError } from "./reader";
export { parseStackConfig } from "./read";
export { policyLimitWarning } from "./staging";
export { placeholderWarnings, platformRegionProblems } from "./deploy";
export type { StackProblem, StackRegion } from "./deploy";
