/**
 * Secrets: no database password in plaintext, anywhere the program can put one (mandated
 * guardrail). Policies receive secret values in plaintext, so no message here ever contains a
 * value: only the name of the setting or variable that holds it.
 */
import * as aws from "@pulumi/aws";
import {
  PolicyConfigSchema,
  ResourceValidationPolicy,
  validateResourceOfType,
} from "@pulumi/policy";
import {
  containerLabel,
  parseContainerDefinitions,
  peekString,
  rdsKind,
  settings,
  show,
  validateResourceOfTypes,
} from "./common";

// ---------------------------------------------------------------------------------------------
// rds-no-plaintext-password

/** The inputs that carry a master password, per RDS resource type. */
const PASSWORD_INPUTS: Readonly<Record<string, readonly string[]>> = {
  "aws:rds/instance:Instance": ["password", "passwordWo"],
  "aws:rds/cluster:Cluster": ["masterPassword", "masterPasswordWo"],
};

/** Inputs that make a database a replica, whose credentials come from its source. */
const REPLICA_INPUTS = ["replicateSourceDb", "replicationSourceIdentifier"];

/**
 * An RDS instance or cluster given a master password: the password sits in the program's config
 * and state. RDS can generate and rotate it in Secrets Manager instead, and must: a database
 * with neither (`manageMasterUserPassword` unset) is refused too, since its tasks would have no
 * managed secret to read (replicas, whose credentials come from their source, are exempt).
 */
export const rdsNoPlaintextPassword: ResourceValidationPolicy = {
  name: "rds-no-plaintext-password",
  description:
    "RDS instances and clusters must not be given a master password; RDS manages it in Secrets Manager (manageMasterUserPassword: true).",
  remediationSteps:
    "Remove password/masterPassword and set manageMasterUserPassword: true; tasks read the generated secret through a container `secrets` entry (valueFrom the instance's or cluster's masterUserSecrets[0].secretArn). Rotate the old password, since it is in the stack's history.",
  configSchema: { properties: {} },
  validateResource: validateResourceOfTypes<{ manageMasterUserPassword?: boolean }>(
    [aws.rds.Instance, aws.rds.Cluster],
    (props, args, report) => {
      // Presence only: the value is never read (it may also be unknown in a preview).
      const given = (PASSWORD_INPUTS[args.type] ?? []).filter(
        (input) => input in (props as object),
      );
      for (const input of given) {
        report(
          `${rdsKind(args.type)} '${args.name}' must not set ${input} (value not shown); set manageMasterUserPassword: true so RDS keeps the master password in Secrets Manager.`,
        );
      }
      const replica = REPLICA_INPUTS.some(
        (k) => (props as Record<string, unknown>)[k] !== undefined,
      );
      if (given.length === 0 && !replica && props.manageMasterUserPassword !== true) {
        report(
          `${rdsKind(args.type)} '${args.name}' must set manageMasterUserPassword true so RDS keeps the master password in Secrets Manager; it is ${show(props.manageMasterUserPassword)}.`,
        );
      }
    },
  ),
};

// ---------------------------------------------------------------------------------------------
// ecs-no-plaintext-credentials

const credentialsSchema: PolicyConfigSchema = {
  properties: {
    credentialNamePattern: {
      type: "string",
      default: "PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|API_?KEY|PRIVATE_?KEY",
      description:
        "Regular expression (case-insensitive) for environment variable names that hold a credential.",
    },
    allowedNames: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Environment variable names exempt from the name check (for example TOKEN_TTL).",
    },
  },
};

interface CredentialsConfig {
  credentialNamePattern: string;
  allowedNames: string[];
}

/** A URL that carries a password in its user info: `scheme://user:password@host...`. */
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:[^\s@/]+@/i;
/** An ARN is a reference to a secret, not a secret. */
const ARN = /^arn:aws[a-z-]*:/;

/**
 * A container definition whose environment holds a credential, by the variable's name
 * (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`) or by its value (a URL with `user:password@`), which is
 * what seed 001's task definition did with DATABASE_URL.
 */
export const ecsNoPlaintextCredentials: ResourceValidationPolicy = {
  name: "ecs-no-plaintext-credentials",
  description:
    "ECS container definitions must not carry credentials in `environment` (by name such as *PASSWORD*/*SECRET*/*TOKEN*, or a URL with user:password@); credentials travel as `secrets`.",
  remediationSteps:
    "Move the variable to the container's `secrets` list with valueFrom the ARN of a Secrets Manager secret (for the database: the RDS-managed master secret) or an SSM SecureString; build connection URLs in the application from separate variables, without the password. Rotate any credential that was in plaintext.",
  configSchema: credentialsSchema,
  validateResource: validateResourceOfType(aws.ecs.TaskDefinition, (td, args, report) => {
    const cfg = settings<CredentialsConfig>(credentialsSchema, args);
    const nameLooksSecret = new RegExp(cfg.credentialNamePattern, "i");
    const what = `ECS task definition '${args.name}'`;
    const containers = parseContainerDefinitions(td.containerDefinitions);
    if (!containers) {
      report(
        `${what} must have containerDefinitions as a JSON array of container objects; it could not be parsed, so its environment could not be checked.`,
      );
      return;
    }
    containers.forEach((c, i) => {
      for (const variable of Array.isArray(c.environment) ? c.environment : []) {
        const name = typeof variable?.name === "string" ? variable.name : "";
        const value = typeof variable?.value === "string" ? variable.value : "";
        if (value === "" || ARN.test(value)) continue;
        const fix = "pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN";
        if (URL_WITH_PASSWORD.test(value)) {
          report(
            `${what} must not put a password in container ${containerLabel(c, i)} environment variable '${name}' (a URL with user:password@, value not shown); ${fix}.`,
          );
        } else if (nameLooksSecret.test(name) && !cfg.allowedNames.includes(name)) {
          report(
            `${what} must not put credential '${name}' in container ${containerLabel(c, i)} environment (value not shown); ${fix}.`,
          );
        }
      }
    });
  }),
};

// ---------------------------------------------------------------------------------------------
// ssm-secret-parameter-secure

const ssmSchema: PolicyConfigSchema = {
  properties: {
    secretNamePattern: {
      type: "string",
      default: "password|passwd|secret|token|credential|api[-_]?key|private[-_]?key",
      description:
        "Regular expression (case-insensitive) for parameter names that say the parameter holds a secret.",
    },
  },
};

/** An SSM parameter whose name says it is a secret, stored as plain String or StringList. */
export const ssmSecretParameterSecure: ResourceValidationPolicy = {
  name: "ssm-secret-parameter-secure",
  description:
    "SSM parameters whose name says they hold a secret (password, secret, token, ...) must be of type SecureString.",
  remediationSteps:
    'Set type: "SecureString" on the aws.ssm.Parameter (or keep the secret in Secrets Manager) and rotate the value, which was stored unencrypted.',
  configSchema: ssmSchema,
  validateResource: validateResourceOfType(aws.ssm.Parameter, (param, args, report) => {
    const cfg = settings<{ secretNamePattern: string }>(ssmSchema, args);
    // The name may be unknown in a preview or left to auto-naming: then the logical name counts.
    const given = peekString(args.props, "name");
    const name = typeof given === "string" ? given : args.name;
    if (!new RegExp(cfg.secretNamePattern, "i").test(name)) return;
    if (param.type !== "SecureString") {
      report(
        `SSM parameter '${name}' must be of type SecureString: its name says it holds a secret, but its type is ${param.type} (value not shown).`,
      );
    }
  }),
};
