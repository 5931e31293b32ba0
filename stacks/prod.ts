/**
 * The prod stack: the shared Platform and the everyday IDE service on it. Exports the IDE's URL,
 * its dashboard, service and cluster names, and every platform output the staging and exam
 * stacks read through a StackReference (preview/program.ts platformOutputsFixture() mirrors
 * these keys).
 */
import { StackConfig } from "../model/config";
import { databaseArgs, IdeService, platformArgs } from "../components/ideService";
import { Platform } from "../components/platform";
import type { StackOutputs } from ".";
import { databaseSettings, ideSettings, platformSettings } from "./componentArgs";

/** Composes the prod stack from its validated config. */
export function prod(config: StackConfig): StackOutputs {
  if (!config.platform) {
    throw new Error(`prod stack config has no platform settings: parseStackConfig sets them`);
  }
  const platform = new Platform("pythonide", {
    environment: config.stack,
    platform: platformSettings(config.platform),
    database: databaseSettings(config.database),
    alarmEmail: config.alarmEmail,
  });
  const ide = new IdeService(`ide-${config.stack}`, {
    environment: config.stack,
    host: config.host,
    service: ideSettings(config.service),
    ...platformArgs(platform),
    ...databaseArgs(platform.database),
  });
  return {
    url: ide.url,
    dashboardName: ide.dashboardName,
    serviceName: ide.serviceName,
    ...platform.stackOutputs(),
  };
}
