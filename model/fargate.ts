/**
 * The Fargate task sizes AWS offers (Linux, platform 1.4), and checks against them; how a task
 * definition writes a size; the capacity provider strategy of a capacity setting.
 * This table is the one place valid sizes are decided; config validation, components and the
 * policy pack all read it.
 */
import type { CapacityStrategy } from "./config";

/** CPU units (1024 = 1 vCPU) -> the memory sizes in MiB Fargate accepts with it. */
export const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

export const FARGATE_CPU_UNITS: readonly number[] = [...FARGATE_SIZES.keys()];

export type CpuArchitecture = "X86_64" | "ARM64";
export const CPU_ARCHITECTURES: readonly CpuArchitecture[] = ["X86_64", "ARM64"];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/**
 * Why a pair is not valid, as a sentence fragment naming what would be, or undefined when it is.
 * Used verbatim by config validation and the policy pack so both say the same thing.
 */
export function fargateSizeProblem(cpu: number, memory: number): string | undefined {
  const memories = FARGATE_SIZES.get(cpu);
  if (!memories) {
    return `CPU ${cpu} is not a Fargate size; valid CPU units are ${FARGATE_CPU_UNITS.join(", ")}`;
  }
  if (!memories.includes(memory)) {
    return `memory ${memory} MiB is not offered with CPU ${cpu}; valid memory is ${describeMemories(memories)}`;
  }
  return undefined;
}

function describeMemories(memories: readonly number[]): string {
  if (memories.length <= 4) return `${memories.join(", ")} MiB`;
  const step = memories[1] - memories[0];
  return `${memories[0]} to ${memories[memories.length - 1]} MiB in steps of ${step}`;
}

/** vCPU count for CPU units (1024 units = 1 vCPU). */
export function vcpus(cpuUnits: number): number {
  return cpuUnits / 1024;
}

/** GB (GiB, as Fargate bills) for MiB. */
export function memoryGb(memoryMib: number): number {
  return memoryMib / 1024;
}

/**
 * Task CPU units as a task definition's `cpu` may give them: units (`1024`, `"1024"`) or vCPU
 * (`"1 vCPU"`); undefined when neither.
 */
export function parseTaskCpu(value: unknown): number | undefined {
  return parseTaskSize(value, "vcpu");
}

/**
 * Task memory in MiB as a task definition's `memory` may give it: MiB (`2048`, `"2048"`) or GB
 * (`"2 GB"`); undefined when neither.
 */
export function parseTaskMemory(value: unknown): number | undefined {
  return parseTaskSize(value, "gb");
}

/**
 * As ECS reads a size: a whole number of units (`1024`, `"1024"`), or `<n> <unit>` rounded to
 * whole units (1024 CPU units a vCPU, 1024 MiB a GB).
 */
function parseTaskSize(value: unknown, unit: "vcpu" | "gb"): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const m = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*${unit}$`, "i").exec(text);
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

/** One entry of an ECS service's capacity provider strategy. */
/** The capacity providers of Fargate (on-demand and Spot). */
export const FARGATE_CAPACITY_PROVIDERS = ["FARGATE", "FARGATE_SPOT"] as const;

export interface CapacityProviderStrategyItem {
  capacityProvider: (typeof FARGATE_CAPACITY_PROVIDERS)[number];
  base: number;
  weight: number;
}

/**
 * The capacity provider strategy for a capacity setting: on-demand -> FARGATE; spot ->
 * FARGATE_SPOT; spot-with-base -> `onDemandBase` tasks on FARGATE, then `spotWeight` Spot tasks
 * for each further on-demand one (seed 004's hybrid).
 */
export function capacityProviderStrategy(capacity: {
  strategy: CapacityStrategy;
  onDemandBase: number;
  spotWeight: number;
}): CapacityProviderStrategyItem[] {
  switch (capacity.strategy) {
    case "on-demand":
      return [{ capacityProvider: "FARGATE", base: 0, weight: 1 }];
    case "spot":
      return [{ capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 }];
    case "spot-with-base":
      return [
        { capacityProvider: "FARGATE", base: capacity.onDemandBase, weight: 1 },
        { capacityProvider: "FARGATE_SPOT", base: 0, weight: capacity.spotWeight },
      ];
  }
}
