/**
 * The one place a stack's validated service config (the keys users write: `taskCpu`, `minTasks`,
 * `capacityProvider`, ...) becomes the component arguments under AWS's names and units
 * (components/ideService.ts IdeSettings). Config keys stay as users know them; components speak
 * the APIs' language.
 */
import type { IdeSettings } from "../components/ideService";
import { ServiceConfig } from "../model/config";
import { capacityProviderStrategy } from "../model/fargate";

/** The IdeService settings of a validated service config. */
export function ideSettings(service: ServiceConfig): IdeSettings {
  return {
    image: service.image,
    cpu: service.cpu,
    memory: service.memory,
    cpuArchitecture: service.architecture,
    desiredCount: service.desiredTasks,
    minCapacity: service.minTasks,
    maxCapacity: service.maxTasks,
    capacityProviderStrategies: capacityProviderStrategy(service.capacity),
    cpuTargetValue: service.cpuTargetPercent,
    memoryTargetValue: service.memoryTargetPercent,
    retentionInDays: service.logRetentionDays,
    app: service.app,
    ...(service.cookieSecret !== undefined ? { cookieSecret: service.cookieSecret } : {}),
  };
}
