/** Reading the shipped stack files with changes, and the one problem a change causes. */
import { strict as assert } from "assert";
import { ConfigError, parseStackConfig, RawConfig, StackConfig } from "../../model/config";
import { shippedStackConfig } from "../../preview/program";

/** The clock config tests judge by unless they say otherwise. */
export const NOW = new Date("2026-11-22T12:00:00Z");

export const stackFile = shippedStackConfig;

/** The shipped stack's config with some keys changed (a value) or removed (undefined). */
export function withChanges(stack: string, changes: Record<string, string | undefined>): RawConfig {
  const raw = stackFile(stack);
  for (const [key, value] of Object.entries(changes)) {
    const full = key.includes(":") ? key : `pythonide:${key}`;
    if (value === undefined) delete raw[full];
    else raw[full] = { value, secret: false };
  }
  return raw;
}

export function parse(stack: string, raw: RawConfig, now = NOW): StackConfig {
  return parseStackConfig(stack, raw, now);
}

/** The one problem a change causes, as the user reads it. */
export function problem(
  stack: string,
  changes: Record<string, string | undefined>,
  now = NOW,
): string {
  try {
    parse(stack, withChanges(stack, changes), now);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${err}`);
    assert.equal(err.stack, stack);
    assert.equal(err.problems.length, 1, `expected one problem, got:\n${err.message}`);
    assert.equal(
      err.message,
      `Invalid configuration for stack "${stack}" (Pulumi.${stack}.yaml):\n  - ${err.problems[0]}`,
    );
    return err.problems[0];
  }
  assert.fail(`expected ${JSON.stringify(changes)} to be refused`);
}
