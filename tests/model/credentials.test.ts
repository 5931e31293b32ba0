/**
 * model/credentials.ts: which names say "credential". Names are split into whole words (on
 * `_ - .` and camelCase) before they are judged, so a word inside another (BYPASS, PASSENGER) or
 * an abbreviation used as another word (PASS_THROUGH) is not a credential, while glued compounds
 * (SSH_PRIVATEKEY, APIKEY) are.
 */
import * as assert from "assert";
import { argumentFindings, environmentFinding, nameKind, nameWords } from "../../model/credentials";

describe("model/credentials: credential names by whole words", () => {
  it("splits names on _ - . and camelCase into upper-case words", () => {
    assert.deepStrictEqual(nameWords("sshPrivateKey"), ["SSH", "PRIVATE", "KEY"]);
    assert.deepStrictEqual(nameWords("db.pass-word_X"), ["DB", "PASS", "WORD", "X"]);
    assert.deepStrictEqual(nameWords("SSH_PRIVATEKEY"), ["SSH", "PRIVATEKEY"]);
  });

  const credential = [
    "DB_PASSWORD",
    "dbPassword",
    "MYSQL_PASS",
    "REDIS_PW",
    "DB_PWD",
    "GITHUB_TOKEN",
    "SECRET_KEY_BASE",
    "TOKEN_VALUE",
    "AWS_CREDS",
    "STRIPE_API_KEY",
    "SSH_PRIVATEKEY",
    "PRIVATEKEY",
    "APIKEY",
    "AWS_ACCESSKEY",
    "ROOTPASSWORD",
    "OAUTH_CLIENTSECRET",
    "X-AUTHTOKEN",
  ];
  for (const name of credential) {
    it(`${name} is a credential name`, () => assert.strictEqual(nameKind(name), "credential"));
  }

  const not = [
    "PASS_THROUGH",
    "PASSTHROUGH",
    "PASS_ENV",
    "BYPASS_CACHE",
    "PASSENGER_COUNT",
    "COMPASS_HEADING",
    "PW_RESET_URL",
    "DB_PASSWORD_FILE",
    "TOKEN_TTL",
    "PASSWORD_MIN_LENGTH",
    "TORNADO_PROCESSES",
    "KEYBOARD_LAYOUT",
  ];
  for (const name of not) {
    it(`${name} is not a credential name`, () => assert.strictEqual(nameKind(name), "no"));
  }

  it("keeps KEY, AUTH and SESSION as weak words: a credential only with a key-like value", () => {
    assert.strictEqual(nameKind("CACHE_KEY"), "weak");
    assert.strictEqual(environmentFinding("CACHE_KEY", "user-profile"), undefined);
    assert.strictEqual(
      environmentFinding("CACHE_KEY", "q8Zt3vL0pXe7Rk2mW9sJ"),
      "a high-entropy value under a credential-like name",
    );
  });

  it("an environment variable PASS_THROUGH=1 is no finding; SSH_PRIVATEKEY=... is", () => {
    assert.strictEqual(environmentFinding("PASS_THROUGH", "1"), undefined);
    assert.strictEqual(environmentFinding("SSH_PRIVATEKEY", "hunter2"), "named as a credential");
  });

  it("extra words from config are whole words too", () => {
    assert.strictEqual(nameKind("ATM_PIN", ["PIN"]), "credential");
    assert.strictEqual(nameKind("PINNED_VERSION", ["PIN"]), "no");
  });
});

describe("model/credentials: credential flags and assignments on a command line", () => {
  it("takes glued flags that end in a credential word (--requirepass, --dbpassword)", () => {
    assert.deepStrictEqual(argumentFindings(["redis-server", "--requirepass", "hunter2"]), [
      { position: 3, flag: "--requirepass", kind: "named as a credential" },
    ]);
    assert.deepStrictEqual(argumentFindings(["app --dbpassword=hunter2"]), [
      { position: 1, flag: "--dbpassword=", kind: "named as a credential" },
    ]);
  });

  it("leaves flags that merely contain one (--passthrough, --bypass, --compass)", () => {
    assert.deepStrictEqual(
      argumentFindings(["proxy", "--passthrough", "on", "--bypass", "cache", "--compass", "n"]),
      [],
    );
  });

  it("reads PASS_THROUGH=1 as a setting and SSH_PRIVATEKEY=... as a credential", () => {
    assert.deepStrictEqual(
      argumentFindings(["sh", "-c", "PASS_THROUGH=1 SSH_PRIVATEKEY=hunter2 exec /app/start"]),
      [{ position: 3, flag: "SSH_PRIVATEKEY=", kind: "named as a credential" }],
    );
  });
});
