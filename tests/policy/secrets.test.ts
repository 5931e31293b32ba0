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
