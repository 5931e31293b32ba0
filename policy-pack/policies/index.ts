/**
 * The pack's policies and the enforcement level of each, chosen here (not in the policy files)
 * so a reviewer sees every level in one place. The reasons are in the README's "Policy pack"
 * section. Adding a policy is one entry in POLICY_LEVELS (plus its import).
 */
import {
  EnforcementLevel,
  Policies,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { ecsServiceAutoscaling } from "./autoscaling";
import { ecsDeploymentCircuitBreaker, ecsImageTagPinned, ecsTaskSizeCeiling } from "./compute";
import { ecsDeclaredContainers } from "./containers";
import { monthlyBudget } from "./cost";
import { examCapacityDuringWindows, examServiceMultiSubnet } from "./exam";
import { lbListenerHttps, securityGroupNoPublicIngress } from "./network";
import { cloudwatchLogRetention, lbTargetGroupHealthCheck } from "./observability";
import {
  ecsNoPlaintextCredentials,
  rdsNoPlaintextPassword,
  ssmSecretParameterSecure,
} from "./secrets";
import { stagingScalesToZero, stagingServiceDesiredZero } from "./staging";
import {
  ecsEfsTransitEncryption,
  efsEncrypted,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsNotPubliclyAccessible,
  rdsStorageEncrypted,
} from "./storage";
import { requiredTags } from "./tagging";

export type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

/** Name of the pack, as `pulumi preview` reports it. */
export const PACK_NAME = "pythonide-guardrails";

/** Every policy with its enforcement level. */
export const POLICY_LEVELS: readonly (readonly [AnyPolicy, EnforcementLevel])[] = [
  // The four guardrails the mission names.
  [ecsTaskSizeCeiling, "mandatory"],
  [ecsServiceAutoscaling, "mandatory"],
  [rdsNoPlaintextPassword, "mandatory"],
  [ecsNoPlaintextCredentials, "mandatory"],
  [ecsDeclaredContainers, "mandatory"],
  [ssmSecretParameterSecure, "mandatory"],
  [stagingServiceDesiredZero, "mandatory"],
  [stagingScalesToZero, "mandatory"],
  // Baseline.
  [examCapacityDuringWindows, "mandatory"],
  [examServiceMultiSubnet, "mandatory"],
  [ecsDeploymentCircuitBreaker, "mandatory"],
  [ecsImageTagPinned, "mandatory"],
  [lbListenerHttps, "mandatory"],
  [securityGroupNoPublicIngress, "mandatory"],
  [rdsStorageEncrypted, "mandatory"],
  [rdsNotPubliclyAccessible, "mandatory"],
  [rdsBackupRetention, "mandatory"],
  [rdsDeletionProtection, "mandatory"],
  [efsEncrypted, "mandatory"],
  [ecsEfsTransitEncryption, "mandatory"],
  [requiredTags, "mandatory"],
  [lbTargetGroupHealthCheck, "advisory"],
  [cloudwatchLogRetention, "advisory"],
  // Advisory against the default budget; set budgetUsd with enforcementLevel mandatory (cost.ts).
  [monthlyBudget, "advisory"],
];

/** The policies as the PolicyPack takes them, each carrying its level. */
export const policies: Policies = POLICY_LEVELS.map(([policy, enforcementLevel]) => ({
  ...policy,
  enforcementLevel,
}));
