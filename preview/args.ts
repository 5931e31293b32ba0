/**
 * What the repository's commands share about their command lines (`npm start`, `npm run
 * compare-costs`, `npm run plan`): the error for a mistake in the call, node:util parseArgs'
 * refusals read into their parts (so each command says them in its own words), and the options
 * npm took for itself when the `--` was left out.
 */

/** A mistake in how a command was called (exit 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A refusal of node:util parseArgs (strict), read. */
export interface ArgsRefusal {
  /** An option it does not know, a value where none belongs or none where one does, or a bare word. */
  kind: "unknown-option" | "bad-value" | "positional";
  /** The argument as node:util quotes it: `--flag` (with `=value` if so written) or the word. */
  arg: string;
}

/** Reads node:util parseArgs' error (`code`, and the argument it quotes first in `message`). */
export function readRefusal(err: { code?: string; message: string }): ArgsRefusal {
  const arg = /'([^' ]*)/.exec(err.message)?.[1] ?? "";
  if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return { kind: "unknown-option", arg };
  if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return { kind: "bad-value", arg };
  return { kind: "positional", arg };
}

/**
 * A bad-value refusal in words, by the option's type in the command's node:util `options`:
 * `--json takes no value` (a switch written `--json=yes`) or `--stack needs a value`.
 */
export function valueProblem(
  flag: string,
  options: Readonly<Record<string, { type: "string" | "boolean" }>>,
): string {
  return options[flag.replace(/^--/, "")]?.type === "boolean"
    ? `${flag} takes no value`
    : `${flag} needs a value`;
}

/**
 * The options of `names` (without `--`) that npm took for itself: `npm start --stack prod`
 * without the `--` that hands the rest to the script makes npm read `--stack` as its own config
 * (it sets `npm_config_stack` in the script's environment, `--config-file` as
 * `npm_config_config_file`) and passes only `prod` on. Empty outside an npm script
 * (`npm_lifecycle_event` unset).
 */
export function takenByNpm(names: readonly string[], env: NodeJS.ProcessEnv): string[] {
  if (env.npm_lifecycle_event === undefined) return [];
  return names.filter((n) => env[`npm_config_${n.replace(/-/g, "_")}`] !== undefined);
}

/** The error for options npm took: `npm took --stack for itself: ... npm start -- --stack ...`. */
export function npmTookError(taken: readonly string[], command: string): UsageError {
  const flags = taken.map((n) => `--${n}`);
  return new UsageError(
    `npm took ${flags.join(", ")} for itself: put -- between the command and its options, e.g. ${command} -- ${flags[0]} ...`,
  );
}
