/**
 * stacks/ideSettings.ts: the one mapping from the config keys users write to the IdeService
 * settings under AWS's names and units.
 */
import * as assert from "assert";
import { parseStackConfig } from "../../model/config";
import { ideSettings } from "../../stacks/ideSettings";
import { changedConfig, NOW } from "../components/helpers";

describe("stacks: config -> IdeService settings (AWS names)", function () {
  it("maps Pulumi.prod.yaml: taskCpu/taskMemory in CPU units and MiB, min/desired/maxTasks as capacities", function () {
    const config = parseStackConfig("prod", changedConfig("prod"), NOW);
    assert.deepStrictEqual(ideSettings(config.service), {
      image: "registry.example.com/pythonide:2025.10.1",
      cpu: 1024,
      memory: 2048,
      cpuArchitecture: "X86_64",
      desiredCount: 1,
      minCapacity: 1,
      maxCapacity: 8,
      capacityProviderStrategies: [{ capacityProvider: "FARGATE", base: 0, weight: 1 }],
      cpuTargetValue: 60,
      memoryTargetValue: 70,
      retentionInDays: 30,
      app: config.service.app,
    });
  });

  it("turns capacityProvider spot-with-base, onDemandBase 2, spotWeight 5 into two strategy items", function () {
    const config = parseStackConfig(
      "prod",
      changedConfig("prod", {
        capacityProvider: "spot-with-base",
        onDemandBase: "2",
        spotWeight: "5",
        cpuArchitecture: "ARM64",
        logRetentionDays: "14",
        cookieSecret: { secret: "0123456789abcdef0123456789abcdef" },
      }),
      NOW,
    );
    const settings = ideSettings(config.service);
    assert.deepStrictEqual(settings.capacityProviderStrategies, [
      { capacityProvider: "FARGATE", base: 2, weight: 1 },
      { capacityProvider: "FARGATE_SPOT", base: 0, weight: 5 },
    ]);
    assert.strictEqual(settings.cpuArchitecture, "ARM64");
    assert.strictEqual(settings.retentionInDays, 14);
    assert.strictEqual(settings.cookieSecret, "0123456789abcdef0123456789abcdef");
  });
});
