import * as assert from "assert";
import {
  ecsNoPlaintextCredentials,
  rdsNoPlaintextPassword,
  ssmSecretParameterSecure,
} from "../../policy-pack/policies/secrets";
import {
  container,
  rdsCluster,
  rdsInstance,
  ssmParameter,
  taskDefinition,
  withProps,
} from "./fixtures";
import { messages, runResourcePolicy, secret, unknown } from "./helpers";

const PASSWORD = "hunter2-not-a-real-password";

/** No message may contain the secret. */
function assertNoSecret(out: { violations: { message: string }[] }): void {
  for (const v of out.violations)
    assert.ok(!v.message.includes(PASSWORD), `message echoes the secret: ${v.message}`);
}

describe("policy rds-no-plaintext-password", () => {
  it("accepts an instance whose password RDS manages", async () => {
    const out = await runResourcePolicy(rdsNoPlaintextPassword, rdsInstance("prod"));
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses an instance with a password (a secret, unwrapped by the engine) without echoing it", async () => {
    const f = withProps(rdsInstance("staging"), {
      manageMasterUserPassword: undefined,
      password: secret(PASSWORD),
    });
    const out = await runResourcePolicy(rdsNoPlaintextPassword, f);
    assert.deepStrictEqual(out.violations, [
      {
        policy: "rds-no-plaintext-password",
        message:
          "RDS instance 'db' must not set password (value not shown); set manageMasterUserPassword: true so RDS keeps the master password in Secrets Manager.",
      },
    ]);
    assertNoSecret(out);
  });

  it("refuses a write-only password too", async () => {
    const f = withProps(rdsInstance("prod"), { passwordWo: secret(PASSWORD) });
    const out = await runResourcePolicy(rdsNoPlaintextPassword, f);
    assert.deepStrictEqual(messages(out), [
      "RDS instance 'db' must not set passwordWo (value not shown); set manageMasterUserPassword: true so RDS keeps the master password in Secrets Manager.",
    ]);
  });

  it("refuses a cluster with a masterPassword", async () => {
    const f = withProps(rdsCluster("prod"), { masterPassword: secret(PASSWORD) });
    const out = await runResourcePolicy(rdsNoPlaintextPassword, f);
    assert.deepStrictEqual(messages(out), [
      "RDS cluster 'db-cluster' must not set masterPassword (value not shown); set manageMasterUserPassword: true so RDS keeps the master password in Secrets Manager.",
    ]);
    assertNoSecret(out);
  });

  it("accepts a cluster whose password RDS manages, and a replica that sets neither", async () => {
    assert.deepStrictEqual(
      (await runResourcePolicy(rdsNoPlaintextPassword, rdsCluster("exam"))).violations,
      [],
    );
    const replica = withProps(rdsInstance("prod"), {
      manageMasterUserPassword: undefined,
      replicateSourceDb: "pythonide-prod",
    });
    assert.deepStrictEqual(
      (await runResourcePolicy(rdsNoPlaintextPassword, replica)).violations,
      [],
    );
  });

  it("refuses a cluster and an instance that leave the password unmanaged", async () => {
    const cluster = withProps(rdsCluster("staging"), { manageMasterUserPassword: undefined });
    assert.deepStrictEqual(messages(await runResourcePolicy(rdsNoPlaintextPassword, cluster)), [
      "RDS cluster 'db-cluster' must set manageMasterUserPassword true so RDS keeps the master password in Secrets Manager; it is (not set).",
    ]);
    const instance = withProps(rdsInstance("prod"), { manageMasterUserPassword: false });
    assert.deepStrictEqual(messages(await runResourcePolicy(rdsNoPlaintextPassword, instance)), [
      "RDS instance 'db' must set manageMasterUserPassword true so RDS keeps the master password in Secrets Manager; it is false.",
    ]);
  });

  it("refuses a password that is not known yet in a preview (it never reads the value)", async () => {
    const f = withProps(rdsInstance("prod"), { password: unknown.string });
    const out = await runResourcePolicy(rdsNoPlaintextPassword, f);
    assert.strictEqual(out.violations.length, 1);
    assert.deepStrictEqual(out.previewNotes, []);
  });
});

describe("policy ecs-no-plaintext-credentials", () => {
  const withEnv = (environment: { name: string; value: string }[]) =>
    withProps(taskDefinition("prod"), {
      containerDefinitions: JSON.stringify([container({ environment })]),
    });

  it("accepts credentials passed as secrets and a secret's ARN in the environment", async () => {
    const out = await runResourcePolicy(ecsNoPlaintextCredentials, taskDefinition("prod"));
    assert.deepStrictEqual(out.violations, []);
  });

  it("accepts a connection URL without a password", async () => {
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withEnv([
        {
          name: "DATABASE_URL",
          value: "postgresql://pythonide_admin@db.example.invalid:5432/pythonide",
        },
      ]),
    );
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses a URL with user:password@ by value (seed 001's DATABASE_URL), naming only the variable", async () => {
    const url = `postgresql://pythonide_admin:${PASSWORD}@db.example.invalid:5432/pythonide_exam`;
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withEnv([{ name: "DATABASE_URL", value: url }]),
    );
    assert.deepStrictEqual(out.violations, [
      {
        policy: "ecs-no-plaintext-credentials",
        message:
          "ECS task definition 'ide-task' must not put a password in container 'ide' environment variable 'DATABASE_URL' (a URL with user:password@, value not shown); pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN.",
      },
    ]);
    assertNoSecret(out);
  });

  it("refuses a variable whose name says password", async () => {
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withEnv([{ name: "DB_PASSWORD", value: PASSWORD }]),
    );
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must not put credential 'DB_PASSWORD' in container 'ide' environment (value not shown); pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN.",
    ]);
    assertNoSecret(out);
  });

  it("refuses a token and a secret by name, one message each", async () => {
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withEnv([
        { name: "GITHUB_TOKEN", value: PASSWORD },
        { name: "COOKIE_SECRET", value: PASSWORD },
      ]),
    );
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must not put credential 'GITHUB_TOKEN' in container 'ide' environment (value not shown); pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN.",
      "ECS task definition 'ide-task' must not put credential 'COOKIE_SECRET' in container 'ide' environment (value not shown); pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN.",
    ]);
    assertNoSecret(out);
  });

  it("exempts names listed in allowedNames", async () => {
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withEnv([{ name: "TOKEN_TTL", value: "3600" }]),
      {
        config: { allowedNames: ["TOKEN_TTL"] },
      },
    );
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses container definitions it cannot parse (fails closed)", async () => {
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withProps(taskDefinition("prod"), { containerDefinitions: "[{not json" }),
    );
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must have containerDefinitions as a JSON array of container objects; it could not be parsed, so its environment could not be checked.",
    ]);
  });

  it("reads container definitions that arrive as a secret (a secret in them makes the whole string secret)", async () => {
    const defs = JSON.stringify([
      container({ environment: [{ name: "API_KEY", value: PASSWORD }] }),
    ]);
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withProps(taskDefinition("prod"), { containerDefinitions: secret(defs) }),
    );
    assert.deepStrictEqual(messages(out), [
      "ECS task definition 'ide-task' must not put credential 'API_KEY' in container 'ide' environment (value not shown); pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN.",
    ]);
    assertNoSecret(out);
  });
});

describe("policy ssm-secret-parameter-secure", () => {
  it("accepts a plain String whose name says nothing secret", async () => {
    const out = await runResourcePolicy(ssmSecretParameterSecure, ssmParameter());
    assert.deepStrictEqual(out.violations, []);
  });

  it("accepts a SecureString named as a secret", async () => {
    const f = withProps(ssmParameter(), {
      name: "/pythonide/prod/db-password",
      type: "SecureString",
      value: secret(PASSWORD),
    });
    const out = await runResourcePolicy(ssmSecretParameterSecure, f);
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses a String whose name says password", async () => {
    const f = withProps(ssmParameter(), {
      name: "/pythonide/prod/db-password",
      value: secret(PASSWORD),
    });
    const out = await runResourcePolicy(ssmSecretParameterSecure, f);
    assert.deepStrictEqual(out.violations, [
      {
        policy: "ssm-secret-parameter-secure",
        message:
          "SSM parameter '/pythonide/prod/db-password' must be of type SecureString: its name says it holds a secret, but its type is String (value not shown).",
      },
    ]);
    assertNoSecret(out);
  });

  it("refuses a StringList whose name says token", async () => {
    const f = withProps(ssmParameter(), { name: "/pythonide/prod/api-tokens", type: "StringList" });
    const out = await runResourcePolicy(ssmSecretParameterSecure, f);
    assert.deepStrictEqual(messages(out), [
      "SSM parameter '/pythonide/prod/api-tokens' must be of type SecureString: its name says it holds a secret, but its type is StringList (value not shown).",
    ]);
  });

  it("judges by the logical name when the parameter's name is left to auto-naming or unknown", async () => {
    const f = { ...withProps(ssmParameter(), { name: unknown.string }), name: "cookie-secret" };
    const out = await runResourcePolicy(ssmSecretParameterSecure, f);
    assert.deepStrictEqual(messages(out), [
      "SSM parameter 'cookie-secret' must be of type SecureString: its name says it holds a secret, but its type is String (value not shown).",
    ]);
  });
});

describe("policy ecs-no-plaintext-credentials: wherever a container receives credentials", () => {
  const withContainer = (over: Record<string, unknown>) =>
    withProps(taskDefinition("prod"), {
      containerDefinitions: JSON.stringify([container(over)]),
    });
  const run = (over: Record<string, unknown>, config?: Record<string, unknown>) =>
    runResourcePolicy(ecsNoPlaintextCredentials, withContainer(over), { config });
  const fix = "pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN";

  it("refuses names that abbreviate a credential (PWD, PASS, DB_PW, CREDS) and API_KEY", async () => {
    const names = ["DB_PWD", "MYSQL_PASS", "DB_PW", "AWS_CREDS", "STRIPE_API_KEY", "dbPassword"];
    const out = await run({ environment: names.map((name) => ({ name, value: PASSWORD })) });
    assert.deepStrictEqual(
      messages(out),
      names.map(
        (n) =>
          `ECS task definition 'ide-task' must not put credential '${n}' in container 'ide' environment (value not shown); ${fix}.`,
      ),
    );
    assertNoSecret(out);
  });

  it("accepts references to credentials and settings about them, and PWD holding a path", async () => {
    const out = await run({
      environment: [
        { name: "DB_PASSWORD_FILE", value: "/run/secrets/db" },
        { name: "TOKEN_TTL", value: "3600" },
        { name: "SECRET_ARN", value: "arn:aws:secretsmanager:us-east-1:000000000000:secret:x" },
        { name: "PWD", value: "/srv/ide" },
        { name: "PASSWORD_MIN_LENGTH", value: "12" },
        { name: "CACHE_KEY_PREFIX", value: "ide" },
        { name: "APP_PASSWORD", value: "${APP_PASSWORD}" },
      ],
    });
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses values shaped like keys whatever their name, naming the kind", async () => {
    const out = await run({
      environment: [
        { name: "AWS_ID", value: "AKIAABCDEFGHIJKLMNOP" },
        {
          name: "SIGNER",
          value: "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----",
        },
      ],
    });
    assert.deepStrictEqual(messages(out), [
      `ECS task definition 'ide-task' must not put a credential in container 'ide' environment variable 'AWS_ID' (an AWS access key id, value not shown); ${fix}.`,
      `ECS task definition 'ide-task' must not put a credential in container 'ide' environment variable 'SIGNER' (a private key, value not shown); ${fix}.`,
    ]);
    assert.ok(!JSON.stringify(out).includes("AKIAABCDEFGHIJKLMNOP"));
  });

  it("refuses a high-entropy value next to a credential-like name, not a plain word there", async () => {
    const out = await run({
      environment: [
        { name: "SESSION_KEY", value: "q8Zr4Lm2Xv9TnB6wKp3Yd7Hs" },
        { name: "AUTH_MODE", value: "password" },
        { name: "CACHE_KEY", value: "ide-sessions-by-user" },
      ],
    });
    assert.deepStrictEqual(messages(out), [
      `ECS task definition 'ide-task' must not put a credential in container 'ide' environment variable 'SESSION_KEY' (a high-entropy value under a credential-like name, value not shown); ${fix}.`,
    ]);
  });

  it("refuses a password on the command line, in the entry point and in the health check", async () => {
    const out = await run({
      command: ["redis-server", "--requirepass", PASSWORD],
      entryPoint: ["sh", "-c", `DB_PASS=${PASSWORD} exec /app/start`],
      healthCheck: {
        command: ["CMD-SHELL", `pg_isready -d postgresql://ide:${PASSWORD}@localhost/ide`],
      },
    });
    assert.deepStrictEqual(messages(out), [
      `ECS task definition 'ide-task' must not put a credential in container 'ide' command (argument 3 after --requirepass: named as a credential, value not shown); ${fix} and refer to it as an environment variable.`,
      `ECS task definition 'ide-task' must not put a credential in container 'ide' entryPoint (argument 3 after DB_PASS=: named as a credential, value not shown); ${fix} and refer to it as an environment variable.`,
      `ECS task definition 'ide-task' must not put a credential in container 'ide' healthCheck.command (argument 2: a URL with user:password@, value not shown); ${fix} and refer to it as an environment variable.`,
    ]);
    assertNoSecret(out);
  });

  it("accepts command lines that refer to credentials through variables or files", async () => {
    const out = await run({
      command: ["redis-server", "--requirepass", "$REDIS_PASSWORD"],
      entryPoint: ["/app/start", "--password-file", "/run/secrets/db", "--port", "8080"],
      healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/api/health || exit 1"] },
    });
    assert.deepStrictEqual(out.violations, []);
  });

  it("takes extra credential words from config", async () => {
    const out = await run(
      { environment: [{ name: "EXAM_PIN", value: "4321" }] },
      { extraCredentialWords: ["PIN"] },
    );
    assert.deepStrictEqual(messages(out), [
      `ECS task definition 'ide-task' must not put credential 'EXAM_PIN' in container 'ide' environment (value not shown); ${fix}.`,
    ]);
  });
});
