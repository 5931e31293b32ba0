/**
 * The one place a stack's validated config (the keys users write: `taskCpu`, `minTasks`,
 * `capacityProvider`, `vpcCidr`, `efsThroughputMode`, ...) becomes component arguments under
 * AWS's names and units (components/ideService.ts IdeSettings, components/platform.ts
 * PlatformSettings, components/database.ts DatabaseSettings). Config keys stay as users know them; components speak
 * the APIs' language.
 */
import type { IdeSettings } from "../components/ideService";
import type { DatabaseSettings } from "../components/database";
import type { PlatformSettings } from "../components/platform";
import { DatabaseConfig, PlatformConfig, ServiceConfig } from "../model/config";
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

/** The Platform settings of a validated prod platform config. */
export function platformSettings(platform: PlatformConfig): PlatformSettings {
  return {
    cidrBlock: platform.vpcCidr,
    numberOfAvailabilityZones: platform.availabilityZones,
    natStrategy: platform.natStrategy,
    certificateArn: platform.certificateArn,
    throughputMode: platform.efsThroughputMode,
    ...(platform.efsProvisionedMibps !== undefined
      ? { provisionedThroughputInMibps: platform.efsProvisionedMibps }
      : {}),
  };
}

/** The database settings of a validated database config (prod's, staging's or exam's own). */
export function databaseSettings(database: DatabaseConfig): DatabaseSettings {
  return {
    kind: database.kind,
    instanceClass: database.instanceClass,
    allocatedStorage: database.allocatedStorageGb,
    backupRetentionPeriod: database.backupRetentionDays,
    deletionProtection: database.deletionProtection,
    multiAz: database.multiAz,
    ...(database.serverless !== undefined
      ? {
          serverless: {
            maxCapacity: database.serverless.maxCapacityAcu,
            secondsUntilAutoPause: database.serverless.secondsUntilAutoPause,
          },
        }
      : {}),
  };
}
