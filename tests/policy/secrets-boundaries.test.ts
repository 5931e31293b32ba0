/**
 * The secrets policies at the edges of each check: every password input, the case-insensitive
 * name patterns, the ARN and URL patterns on values just inside and just outside them, and
 * container definitions that parse but are not a list of containers.
 */
import * as assert from "assert";
import {
  ecsNoPlaintextCredentials,
  rdsNoPlaintextPassword,
  ssmSecretParameterSecure,
} from "../../policy-pack/policies/secrets";
import { TYPES, container, rdsCluster, ssmParameter, taskDefinition, withProps } from "./fixtures";
import { messages, runResourcePolicy, secret } from "./helpers";

const PASSWORD = "hunter2-not-a-real-password";
const FIX = "pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN";
const byName = (name: string, label = "'ide'") =>
  `ECS task definition 'ide-task' must not put credential '${name}' in container ${label} environment (value not shown); ${FIX}.`;
const byUrl = (name: string, label = "'ide'") =>
  `ECS task definition 'ide-task' must not put a password in container ${label} environment variable '${name}' (a URL with user:password@, value not shown); ${FIX}.`;

/** The task definition with the given containers. */
const withContainers = (containers: unknown) =>
  withProps(taskDefinition("prod"), { containerDefinitions: JSON.stringify(containers) });
/** The task definition with one container holding these environment variables. */
const withEnv = (...environment: { name: string; value: string }[]) =>
  withContainers([container({ environment })]);
const credentialMessages = async (...environment: { name: string; value: string }[]) =>
  messages(await runResourcePolicy(ecsNoPlaintextCredentials, withEnv(...environment)));

describe("policy rds-no-plaintext-password: every password input", () => {
  it("refuses a cluster's write-only masterPasswordWo", async () => {
    const f = withProps(rdsCluster("prod"), { masterPasswordWo: secret(PASSWORD) });
    assert.deepStrictEqual(messages(await runResourcePolicy(rdsNoPlaintextPassword, f)), [
      "RDS cluster 'db-cluster' must not set masterPasswordWo (value not shown); set manageMasterUserPassword: true so RDS keeps the master password in Secrets Manager.",
    ]);
  });

  it("names each password input a cluster sets, in the order the inputs are checked", async () => {
    const f = withProps(rdsCluster("prod"), {
      masterPasswordWo: secret(PASSWORD),
      masterPassword: secret(PASSWORD),
    });
    const out = messages(await runResourcePolicy(rdsNoPlaintextPassword, f));
    assert.deepStrictEqual(
      out.map((m) => /must not set (\w+)/.exec(m)?.[1]),
      ["masterPassword", "masterPasswordWo"],
    );
  });

  it("does not read a cluster's instance-style `password` input (the cluster has none)", async () => {
    const f = withProps(rdsCluster("prod"), { password: secret(PASSWORD) });
    assert.deepStrictEqual(messages(await runResourcePolicy(rdsNoPlaintextPassword, f)), []);
  });

  it("is not applicable to other resource types", async () => {
    const out = await runResourcePolicy(rdsNoPlaintextPassword, {
      type: TYPES.rdsClusterInstance,
      name: "db-1",
      props: { password: PASSWORD },
    });
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.notApplicable, [
      "Policy only applies to resources of type aws:rds/instance:Instance or aws:rds/cluster:Cluster",
    ]);
  });
});

describe("policy ecs-no-plaintext-credentials: names and values at the edges", () => {
  it("matches credential names in any case (db_password, Api_Key)", async () => {
    assert.deepStrictEqual(
      await credentialMessages(
        { name: "db_password", value: PASSWORD },
        { name: "Api_Key", value: PASSWORD },
      ),
      [byName("db_password"), byName("Api_Key")],
    );
  });

  it("takes a credential word or its abbreviation as a whole word of a name, never inside a longer word", async () => {
    const names = [
      "SMTP_PASSWD",
      "OAUTH_CREDENTIALS",
      "APIKEY",
      "PRIVATE_KEY",
      "dbPass",
      "ldap-pw",
    ];
    assert.deepStrictEqual(
      await credentialMessages(
        ...names.map((name) => ({ name, value: PASSWORD })),
        { name: "PASSENGER_COUNT", value: "4" },
        { name: "API_KEYRING", value: "/etc/keys" },
        { name: "PASSWORD_FILE", value: "/run/secrets/db" },
      ),
      names.map((n) => byName(n)),
    );
  });

  it("skips an empty value and a value that starts with an ARN (a reference, not a secret)", async () => {
    assert.deepStrictEqual(
      await credentialMessages(
        { name: "DB_PASSWORD", value: "" },
        { name: "DB_SECRET", value: "arn:aws:secretsmanager:us-east-1:000000000000:secret:db" },
        { name: "GOV_SECRET", value: "arn:aws-us-gov:ssm:us-gov-west-1:000000000000:parameter/x" },
      ),
      [],
    );
  });

  it("checks a value that merely contains an ARN, or an ARN in upper case", async () => {
    assert.deepStrictEqual(
      await credentialMessages(
        { name: "DB_SECRET", value: `${PASSWORD} arn:aws:secretsmanager:x` },
        { name: "API_TOKEN", value: "ARN:AWS:secretsmanager:x" },
      ),
      [byName("DB_SECRET"), byName("API_TOKEN")],
    );
  });

  it("finds user:password@ in URLs of any scheme and case, with or without a user name", async () => {
    assert.deepStrictEqual(
      await credentialMessages(
        { name: "REDIS_URL", value: `redis://:${PASSWORD}@cache.example.invalid:6379` },
        { name: "UPSTREAM", value: `HTTPS://ide:${PASSWORD}@api.example.invalid/v1` },
        { name: "BROKER", value: `amqp+ssl://ide:${PASSWORD}@mq.example.invalid` },
      ),
      [byUrl("REDIS_URL"), byUrl("UPSTREAM"), byUrl("BROKER")],
    );
  });

  it("does not take a URL without a password for one: no colon in the user info, or an @ after the host", async () => {
    assert.deepStrictEqual(
      await credentialMessages(
        { name: "DATABASE_URL", value: "postgresql://ide@db.example.invalid:5432/ide" },
        { name: "DOCS_URL", value: "https://docs.example.invalid:443/users/@me" },
        { name: "EMPTY_PASS_URL", value: "postgresql://ide:@db.example.invalid/ide" },
        { name: "SPACED", value: "see https://a b:c@d" },
        { name: "MAILTO", value: "mailto:ide:x@example.invalid" },
      ),
      [],
    );
  });

  it("reports a URL with a password once, by its value, even under a name that is exempt", async () => {
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withEnv(
        { name: "DB_PASSWORD", value: `postgresql://ide:${PASSWORD}@db.example.invalid/ide` },
        { name: "TOKEN_COUNT", value: "AKIA0000000000000000" },
        { name: "API_TOKEN", value: PASSWORD },
      ),
      { config: { allowedNames: ["DB_PASSWORD", "TOKEN_COUNT", "API_TOKEN"] } },
    );
    assert.deepStrictEqual(messages(out), [
      byUrl("DB_PASSWORD"),
      `ECS task definition 'ide-task' must not put a credential in container 'ide' environment variable 'TOKEN_COUNT' (an AWS access key id, value not shown); ${FIX}.`,
    ]);
  });

  it("reads extraCredentialWords in any case, besides the built-in words", async () => {
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withEnv(
        { name: "db_password", value: PASSWORD },
        { name: "LICENSE_SERIAL", value: "X" },
        { name: "LICENSED_SEATS", value: "30" },
      ),
      { config: { extraCredentialWords: ["license"] } },
    );
    assert.deepStrictEqual(messages(out), [byName("db_password"), byName("LICENSE_SERIAL")]);
  });

  it("labels containers by name, or by position when they have none, and reads every container", async () => {
    const env = [{ name: "DB_PASSWORD", value: PASSWORD }];
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withContainers([
        container({ environment: [] }),
        container({ name: "", environment: env }),
        container({ name: undefined, environment: env }),
        container({ name: "worker", environment: env }),
      ]),
    );
    assert.deepStrictEqual(messages(out), [
      byName("DB_PASSWORD", "#2"),
      byName("DB_PASSWORD", "#3"),
      byName("DB_PASSWORD", "'worker'"),
    ]);
  });

  it("ignores an environment that is not a list, and variables whose name or value is not text", async () => {
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withContainers([
        container({ environment: { DB_PASSWORD: PASSWORD } }),
        container({
          name: "b",
          environment: [null, { name: "DB_PASSWORD", value: 42 }, { name: 7, value: PASSWORD }],
        }),
      ]),
    );
    assert.deepStrictEqual(messages(out), []);
  });

  it("names a URL's variable as '' when the name is not text, still without the value", async () => {
    const out = await runResourcePolicy(
      ecsNoPlaintextCredentials,
      withContainers([
        container({ environment: [{ name: 7, value: `postgresql://ide:${PASSWORD}@db/ide` }] }),
      ]),
    );
    assert.deepStrictEqual(messages(out), [byUrl("")]);
  });

  for (const [what, text] of [
    ["an object instead of a list", JSON.stringify({ name: "ide" })],
    ["a list holding null", JSON.stringify([null])],
    ["a list holding a string", JSON.stringify(["ide"])],
    ["a number", "42"],
  ] as const) {
    it(`refuses container definitions that parse as ${what}`, async () => {
      const out = await runResourcePolicy(
        ecsNoPlaintextCredentials,
        withProps(taskDefinition("prod"), { containerDefinitions: text }),
      );
      assert.deepStrictEqual(messages(out), [
        "ECS task definition 'ide-task' must have containerDefinitions as a JSON array of container objects; it could not be parsed, so its environment could not be checked.",
      ]);
    });
  }

  it("accepts an empty list of containers", async () => {
    assert.deepStrictEqual(
      messages(await runResourcePolicy(ecsNoPlaintextCredentials, withContainers([]))),
      [],
    );
  });
});

describe("policy ssm-secret-parameter-secure: names at the edges", () => {
  const check = async (name: string, type = "String") =>
    messages(
      await runResourcePolicy(ssmSecretParameterSecure, withProps(ssmParameter(), { name, type })),
    );

  it("matches secret names in any case", async () => {
    assert.deepStrictEqual(await check("/PYTHONIDE/PROD/DB_PASSWORD"), [
      "SSM parameter '/PYTHONIDE/PROD/DB_PASSWORD' must be of type SecureString: its name says it holds a secret, but its type is String (value not shown).",
    ]);
  });

  it("takes each alternative of the default pattern", async () => {
    for (const name of [
      "/x/passwd",
      "/x/secret",
      "/x/credential",
      "/x/api-key",
      "/x/api_key",
      "/x/apikey",
      "/x/private-key",
    ]) {
      assert.strictEqual((await check(name)).length, 1, name);
    }
  });

  it("accepts names without a secret word, and a secret name of type SecureString", async () => {
    assert.deepStrictEqual(await check("/x/api.key"), []);
    assert.deepStrictEqual(await check("/x/pass-word"), []);
    assert.deepStrictEqual(await check("/x/token", "SecureString"), []);
  });

  it("reads a custom secretNamePattern case-insensitively, instead of the default", async () => {
    const f = withProps(ssmParameter(), { name: "/x/LICENSE", type: "String" });
    const out = await runResourcePolicy(ssmSecretParameterSecure, f, {
      config: { secretNamePattern: "license" },
    });
    assert.strictEqual(messages(out).length, 1);
    const g = withProps(ssmParameter(), { name: "/x/password", type: "String" });
    const out2 = await runResourcePolicy(ssmSecretParameterSecure, g, {
      config: { secretNamePattern: "license" },
    });
    assert.deepStrictEqual(messages(out2), []);
  });
});
