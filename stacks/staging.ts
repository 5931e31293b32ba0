/**
 * The staging stack: the IDE on the prod platform (StackReference `platformStack`), off unless
 * switched on in Pulumi.staging.yaml, switching itself off at `activeUntil`.
 */
import { StagingEnv } from "../components/stagingEnv";
import { StackConfig } from "../model/config";
import type { StackOutputs } from ".";
import { databaseSettings, ideSettings } from "./componentArgs";

/** Composes the staging stack from its validated config. */
export function staging(config: StackConfig): StackOutputs {
  if (!config.staging || config.platformStack === undefined) {
    throw new Error(
      "staging stack config has no staging settings or platformStack: parseStackConfig sets them",
    );
  }
  const env = new StagingEnv("staging", {
    platformStack: config.platformStack,
    host: config.host,
    service: ideSettings(config.service),
    staging: config.staging,
    database: databaseSettings(config.database),
    timeZone: config.timeZone,
  });
  return env.stackOutputs();
}
