/**
 * How a credential looks where a container receives it: an environment variable's name or value,
 * or an argument of its command, entry point or health check. Pure logic for the
 * ecs-no-plaintext-credentials policy. Nothing here returns or prints a value: a finding says
 * only what kind of credential it is and where.
 */

/**
 * Name words that make a variable or flag a credential whatever its value, wherever they stand in
 * the name (SECRET_KEY_BASE, TOKEN_VALUE). Matched as whole words after `nameWords` splits the
 * name, never as substrings: BYPASS, COMPASS and PASSENGER hold no PASS.
 */
export const CREDENTIAL_WORDS: readonly string[] = [
  "PASSWORD",
  "PASSWORDS",
  "PASSWD",
  "PASSPHRASE",
  "SECRET",
  "SECRETS",
  "TOKEN",
  "TOKENS",
  "CREDENTIAL",
  "CREDENTIALS",
  "CREDS",
];

/**
 * Abbreviations that name a credential only as the last word (DB_PASS, REDIS_PW, MYSQL_PWD):
 * elsewhere they are other words (PASS_THROUGH, PASS_ENV, PW_RESET_URL is caught as a reference).
 */
const ABBREVIATIONS = ["PASS", "PWD", "PW"];

/** Words that make `<word>_KEY` (or the glued `<word>KEY`) a credential: API_KEY, PRIVATEKEY. */
const KEY_QUALIFIERS = [
  "API",
  "ACCESS",
  "SECRET",
  "PRIVATE",
  "SIGNING",
  "ENCRYPTION",
  "MASTER",
  "LICENSE",
];

/**
 * Glued words that end in a credential word (APIKEY, PRIVATEKEY, ACCESSKEY, DBPASSWORD,
 * AUTHTOKEN, CLIENTSECRET): `<qualifier>KEY` for the key qualifiers, or any word ending in an
 * unabbreviated credential word. Abbreviations are not taken from glued words (BYPASS, COMPASS).
 */
function isCompound(word: string): boolean {
  if (KEY_QUALIFIERS.some((q) => word === `${q}KEY` || word === `${q}KEYS`)) return true;
  return CREDENTIAL_WORDS.some((w) => word.length > w.length + 1 && word.endsWith(w));
}

/**
 * Words that make a name credential-like but not decisive: such a variable is a credential when
 * its value looks like one (high entropy or a known key format).
 */
const WEAK_WORDS = [
  "KEY",
  "AUTH",
  "SALT",
  "HMAC",
  "SIGNATURE",
  "SESSION",
  "COOKIE",
  "JWT",
  "BEARER",
];

/**
 * Last words that make a name a reference to a credential, not the credential: where it is
 * (a file, an ARN, a URL), what it is called, or a setting about it (TOKEN_TTL).
 */
const REFERENCE_WORDS = [
  "ARN",
  "FILE",
  "PATH",
  "NAME",
  "ID",
  "TTL",
  "EXPIRY",
  "EXPIRES",
  "LENGTH",
  "URL",
  "ENDPOINT",
  "HOST",
  "PORT",
  "USER",
  "USERNAME",
  "HEADER",
  "TYPE",
  "ENABLED",
  "POLICY",
  "ROTATION",
];

/** Glued flag words that end like a credential word but are not one. */
const NOT_CREDENTIAL_GLUED = ["BYPASS", "COMPASS", "SURPASS", "OVERPASS", "UNDERPASS", "OAUTH"];

/** The words of a name: split on `_ - . /` and camelCase, upper-cased. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.toUpperCase());
}

/**
 * How credential-like a name is: "credential", "weak" (needs a value that looks like one) or
 * "no". A name ending in a reference word (DB_PASSWORD_FILE, TOKEN_TTL) is "no"; one holding a
 * credential word or glued compound (SSH_PRIVATEKEY), or ending in an abbreviation (DB_PASS), is
 * "credential".
 */
export function nameKind(
  name: string,
  extraWords: readonly string[] = [],
): "credential" | "weak" | "no" {
  const words = nameWords(name);
  if (words.length === 0) return "no";
  if (REFERENCE_WORDS.includes(words[words.length - 1])) return "no";
  const strong = [...CREDENTIAL_WORDS, ...extraWords.map((w) => w.toUpperCase())];
  if (words.some((w) => strong.includes(w) || isCompound(w))) return "credential";
  if (ABBREVIATIONS.includes(words[words.length - 1])) return "credential";
  if (words.some((w, i) => w === "KEY" && i > 0 && KEY_QUALIFIERS.includes(words[i - 1]))) {
    return "credential";
  }
  return words.some((w) => WEAK_WORDS.includes(w)) ? "weak" : "no";
}

/** Known credential formats, by their published shapes. */
const KEY_FORMATS: readonly { kind: string; re: RegExp }[] = [
  // AWS access key ids: AKIA (long-term) and ASIA (temporary), 20 characters.
  { kind: "an AWS access key id", re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { kind: "a private key", re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { kind: "a GitHub token", re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { kind: "a Slack token", re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { kind: "a Stripe secret key", re: /\b[rs]k_live_[A-Za-z0-9]{16,}\b/ },
  { kind: "a Google API key", re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: "a JSON Web Token", re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/ },
];

/** A URL that carries a password in its user info: `scheme://user:password@host...`. */
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:[^\s@/]+@/i;
/** An ARN is a reference to a secret, not a secret. */
const ARN = /^arn:aws[a-z-]*:/;
/** A value the shell or ECS fills in from elsewhere (`$DB_PASSWORD`, `${TOKEN}`). */
const EXPANSION = /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/;

/** Shannon entropy of a text, bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Whether a value looks random enough to be a key: at least 16 characters without spaces, of
 * at least two character classes, and at least 3.5 bits of entropy per character (a 40-character
 * AWS secret access key has about 4.5; words and paths stay below).
 */
export function highEntropy(value: string): boolean {
  if (value.length < 16 || /\s/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value));
  return classes.length >= 2 && entropy(value) >= 3.5;
}

/** The kind of credential a value's shape shows (a URL with a password, a key format), if any. */
export function valueKind(value: string): string | undefined {
  if (URL_WITH_PASSWORD.test(value)) return "a URL with user:password@";
  return KEY_FORMATS.find((f) => f.re.test(value))?.kind;
}

/** Whether a value is a reference (an ARN, a variable to expand) or empty: never a credential. */
function isReference(value: string): boolean {
  return value.trim() === "" || ARN.test(value) || EXPANSION.test(value.trim());
}

/**
 * Why an environment variable holds a credential, or undefined: by its value's shape, by its
 * name, or by a credential-like name with a high-entropy value. `PWD` holding a path is the
 * shell's working directory, not a password.
 */
export function environmentFinding(
  name: string,
  value: string,
  extraWords: readonly string[] = [],
): string | undefined {
  if (isReference(value)) return undefined;
  const shape = valueKind(value);
  if (shape) return shape;
  const kind = nameKind(name, extraWords);
  if (kind === "credential") {
    if (/^(OLD)?PWD$/i.test(name) && value.startsWith("/")) return undefined;
    return "named as a credential";
  }
  if (kind === "weak" && highEntropy(value))
    return "a high-entropy value under a credential-like name";
  return undefined;
}

/** One credential found on a command line: where and what, never the value. */
export interface ArgumentFinding {
  /** 1-based position of the argument that holds the value. */
  position: number;
  /** The flag or variable that names it (`--password`, `DB_PASS=`), or "" when only the shape tells. */
  flag: string;
  kind: string;
}

/**
 * Credentials in a command, entry point or health check command (a list of arguments; a shell
 * string among them is split on spaces): `--password=x`, `--password x`, `PASSWORD=x`, or an
 * argument shaped like a credential (URL with a password, a key format). Values that expand a
 * variable (`$DB_PASSWORD`) are references, not credentials.
 */
export function argumentFindings(
  args: readonly string[],
  extraWords: readonly string[] = [],
): ArgumentFinding[] {
  const words: { text: string; position: number }[] = [];
  args.forEach((a, i) => {
    for (const w of a.split(/\s+/)) if (w !== "") words.push({ text: w, position: i + 1 });
  });
  const flagIsCredential = (flag: string): boolean => {
    const bare = flag.replace(/^-+/, "");
    const words = nameWords(bare);
    if (words.length === 0 || REFERENCE_WORDS.includes(words[words.length - 1])) return false;
    if (nameKind(bare, extraWords) === "credential") return true;
    // Flags glue words together: --requirepass, --masterauth, --dbpassword. A glued word counts
    // when it ends in a credential word, not when it merely contains one (--passthrough,
    // --bypass, --compass).
    const last = words[words.length - 1];
    return (
      words.length === 1 &&
      !NOT_CREDENTIAL_GLUED.includes(last) &&
      /(PASS|PWD|PASSWORD|PASSWD|SECRET|TOKEN|APIKEY|AUTH|CREDENTIALS?)$/.test(last)
    );
  };
  const out: ArgumentFinding[] = [];
  for (let i = 0; i < words.length; i++) {
    const { text, position } = words[i];
    const shape = valueKind(text);
    if (shape) {
      out.push({ position, flag: "", kind: shape });
      continue;
    }
    const assign = /^(-{0,2})([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/.exec(text);
    if (assign) {
      const [, dashes, name, value] = assign;
      const credential = dashes
        ? flagIsCredential(name)
        : nameKind(name, extraWords) === "credential";
      if (credential && !isReference(value.replace(/^["']|["']$/g, ""))) {
        out.push({ position, flag: `${dashes}${name}=`, kind: "named as a credential" });
      }
      continue;
    }
    if (/^--?[A-Za-z]/.test(text) && flagIsCredential(text)) {
      const next = words[i + 1];
      if (
        next &&
        !next.text.startsWith("-") &&
        !isReference(next.text.replace(/^["']|["']$/g, ""))
      ) {
        out.push({ position: next.position, flag: text, kind: "named as a credential" });
        i++;
      }
    }
  }
  return out;
}
