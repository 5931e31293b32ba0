/**
 * The Fargate task sizes AWS offers (Linux, platform 1.4), and checks against them.
 * This table is the one place valid sizes are decided; config validation, components and the
 * policy pack all read it.
 */

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

/** True when Fargate offers this CPU/memory pair. */
export function isValidFargateSize(cpu: number, memory: number): boolean {
  return FARGATE_SIZES.get(cpu)?.includes(memory) ?? false;
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
