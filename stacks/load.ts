/**
 * Reads the running stack's config once, with the run's one clock, and validates all of it before
 * any resource is registered. index.ts calls it; so does the benchmark's generated program.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  ConfigError,
  parseStackConfig,
  placeholderWarnings,
  RawConfig,
  StackConfig,
} from "../model/config";

/** Every config value of the running stack, with whether it was set as a secret. */
function readRawConfig(): RawConfig {
  const isSecret = (pulumi.runtime as unknown as { isConfigSecret(k: string): boolean })
    .isConfigSecret;
  const raw: RawConfig = {};
  for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
    raw[key] = { value, secret: isSecret(key) };
  }
  return raw;
}

/** The clock: `PYTHONIDE_NOW` (an ISO time) pins it for tests and the offline preview. */
function readClock(): Date {
  const pinned = process.env.PYTHONIDE_NOW;
  if (pinned === undefined) return new Date();
  const date = new Date(pinned);
  if (Number.isNaN(date.getTime())) {
    throw new pulumi.RunError(
      `PYTHONIDE_NOW is "${pinned}": must be an ISO time such as 2026-03-10T09:00Z`,
    );
  }
  return date;
}

/**
 * The validated config of the running stack and the instant it was judged at (config validation
 * and the exam schedule read the same one). Logs the config's warnings and one for each shipped
 * placeholder value still set (model/config placeholderWarnings). A config error becomes a
 * pulumi.RunError: the user's to fix, so the message is printed without a stack trace.
 */
export function loadStack(): { config: StackConfig; now: Date } {
  const now = readClock();
  let config: StackConfig;
  const raw = readRawConfig();
  try {
    config = parseStackConfig(pulumi.getStack(), raw, now);
  } catch (err) {
    if (err instanceof ConfigError) throw new pulumi.RunError(err.message);
    throw err;
  }
  for (const warning of [...config.warnings, ...placeholderWarnings(raw)]) pulumi.log.warn(warning);
  return { config, now };
}
