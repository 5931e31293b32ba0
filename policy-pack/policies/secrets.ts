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
  CREDENTIAL_WORDS,
  argumentFindings,
  environmentFinding,
  nameKind,
} from "../../model/credentials";
import {
  ContainerDefinition,
  UNKNOWN,
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
      // Presence only: the value is never read (it may also be unknown in a preview). Only the
      // two types above reach here, and each has its inputs.
      const given = PASSWORD_INPUTS[args.type].filter((input) => input in (props as object));
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

export const credentialsSchema: PolicyConfigSchema = {
  properties: {
    extraCredentialWords: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: `Name words that mark a credential besides the built-in ones (${CREDENTIAL_WORDS.join(", ")}; PASS, PWD, PW as a name's last word; API/ACCESS/SECRET/PRIVATE_KEY and their glued forms such as PRIVATEKEY), e.g. ["PIN"].`,
    },
    allowedNames: {
      type: "array",
      items: { type: "string" },
      default: [],
      description:
        "Environment variable names exempt from the name checks (for example TOKEN_COUNT); their values are still checked for credential shapes (a URL with user:password@, a key format).",
    },
  },
};

export interface CredentialsConfig {
  extraCredentialWords: string[];
  allowedNames: string[];
}

/** A list of strings from a container definition (command, entryPoint), or none. */
function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/**
 * What ecs-no-plaintext-credentials finds in a task definition's containers (`what` names the
 * task definition), as messages. A value not known yet (UNKNOWN, in the containers a component
 * declares) is judged by its variable's name alone.
 */
export function credentialMessages(
  containers: ContainerDefinition[],
  cfg: CredentialsConfig,
  what: string,
): string[] {
  const out: string[] = [];
  const fix = "pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN";
  containers.forEach((c, i) => {
    const label = containerLabel(c, i);
    for (const variable of Array.isArray(c.environment) ? c.environment : []) {
      const name = typeof variable?.name === "string" ? variable.name : "";
      // allowedNames exempts a name from the name checks only: a value shaped as a credential
      // (a URL with user:password@, a key format) is one whatever its variable is called.
      const judgedName = cfg.allowedNames.includes(name) ? "" : name;
      const value = variable?.value as unknown;
      const why =
        value === UNKNOWN
          ? nameKind(judgedName, cfg.extraCredentialWords) === "credential"
            ? "named as a credential"
            : undefined
          : environmentFinding(
              judgedName,
              typeof value === "string" ? value : "",
              cfg.extraCredentialWords,
            );
      if (why === undefined) continue;
      if (why === "named as a credential") {
        out.push(
          `${what} must not put credential '${name}' in container ${label} environment (value not shown); ${fix}.`,
        );
      } else {
        const kind = why.startsWith("a URL") ? "a password" : "a credential";
        out.push(
          `${what} must not put ${kind} in container ${label} environment variable '${name}' (${why}, value not shown); ${fix}.`,
        );
      }
    }
    const lines: [string, string[]][] = [
      ["command", stringList(c.command)],
      ["entryPoint", stringList(c.entryPoint)],
      ["healthCheck.command", stringList(c.healthCheck?.command)],
    ];
    for (const [where, list] of lines) {
      for (const f of argumentFindings(list, cfg.extraCredentialWords)) {
        const named = f.flag ? ` after ${f.flag}` : "";
        out.push(
          `${what} must not put a credential in container ${label} ${where} (argument ${f.position}${named}: ${f.kind}, value not shown); ${fix} and refer to it as an environment variable.`,
        );
      }
    }
  });
  return out;
}

/**
 * Credentials wherever a container receives them (mandated guardrail; seed 001 put the database
 * URL, password included, in a task definition): an environment variable by its name (PASSWORD,
 * PWD, PASS, SECRET, TOKEN, API_KEY, ...), by its value's shape (a URL with user:password@, a
 * known key format such as an AWS access key id) or a high-entropy value under a credential-like
 * name; and the arguments of `command`, `entryPoint` and `healthCheck.command`
 * (`--password x`, `DB_PASS=x`, a credential-shaped argument). model/credentials.ts decides;
 * messages name the variable or flag, never the value.
 */
export const ecsNoPlaintextCredentials: ResourceValidationPolicy = {
  name: "ecs-no-plaintext-credentials",
  description:
    "ECS containers must not receive credentials in plaintext: not in `environment` (by name such as *PASSWORD*/*PWD*/*SECRET*/*TOKEN*/*API_KEY*, or by value: a URL with user:password@, a known key format, a high-entropy value under a credential-like name), nor in `command`, `entryPoint` or `healthCheck.command`; credentials travel as `secrets`.",
  remediationSteps:
    "Move the value to the container's `secrets` list with valueFrom the ARN of a Secrets Manager secret (for the database: the RDS-managed master secret) or an SSM SecureString; build connection URLs in the application from separate variables, without the password; on a command line refer to the variable ($DB_PASSWORD) instead of its value. Rotate any credential that was in plaintext.",
  configSchema: credentialsSchema,
  validateResource: validateResourceOfType(aws.ecs.TaskDefinition, (td, args, report) => {
    const cfg = settings<CredentialsConfig>(credentialsSchema, args);
    const what = `ECS task definition '${args.name}'`;
    const containers = parseContainerDefinitions(td.containerDefinitions);
    if (!containers) {
      report(
        `${what} must have containerDefinitions as a JSON array of container objects; it could not be parsed, so its environment could not be checked.`,
      );
      return;
    }
    for (const message of credentialMessages(containers, cfg, what)) report(message);
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
