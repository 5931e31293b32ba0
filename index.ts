/**
 * The Pulumi program: reads the stack's config once, validates all of it before any resource is
 * registered, hands it to stacks/<stack>.ts and exports that stack's outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, parseStackConfig, RawConfig } from "./model/config";
import { composeStack } from "./stacks";

/** Every config value of the running stack, with whether it was set as a secret. */
function readRawConfig(): RawConfig {
  const all = pulumi.runtime.allConfig();
  const isSecret = (pulumi.runtime as unknown as { isConfigSecret(k: string): boolean })
    .isConfigSecret;
  const raw: RawConfig = {};
  for (const [key, value] of Object.entries(all)) {
    raw[key] = { value, secret: isSecret(key) };
  }
  return raw;
}

/** The clock: `PYTHONIDE_NOW` (an ISO time) pins it for tests and the offline preview. */
function now(): Date {
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

/** The one clock of this run: config validation and the exam schedule read the same instant. */
const clock = now();

function loadConfig() {
  try {
    return parseStackConfig(pulumi.getStack(), readRawConfig(), clock);
  } catch (err) {
    // A config error is the user's to fix: print the message, not a stack trace.
    if (err instanceof ConfigError) throw new pulumi.RunError(err.message);
    throw err;
  }
}

const config = loadConfig();
for (const warning of config.warnings) pulumi.log.warn(warning);

export = composeStack(config, clock);
