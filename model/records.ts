/**
 * A resource as the program registered it: what the offline preview records under mocks, what
 * the policy pack is shown and what the cost model prices. One shape for all three.
 */
export interface ResourceRecord {
  /** Type token, for example `aws:ecs/service:Service`. */
  type: string;
  /** Logical name given to the constructor. */
  name: string;
  /** URN as the engine would build it. */
  urn: string;
  /** URN of the parent, if any. */
  parent?: string;
  /** Inputs with outputs resolved (unknowns left undefined). */
  inputs: Record<string, unknown>;
  /** Whether this is a ComponentResource (no cloud object of its own). */
  custom: boolean;
  /** Input property names whose values are secret. */
  secretInputs?: string[];
  /** URNs this resource depends on. */
  dependencies?: string[];
  /** Top-level input name -> URNs its value came from (what the engine sends analyzers). */
  propertyDependencies?: Record<string, string[]>;
  /** Resource options that matter to reviewers and policies. */
  options?: {
    protect?: boolean;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
    retainOnDelete?: boolean;
    aliases?: string[];
  };
}
