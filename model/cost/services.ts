/**
 * ECS services as the estimate reads them (task shape, capacity split, scalable target and its
 * schedule, staging) and their Fargate and public IPv4 lines. No Pulumi imports.
 */
import { CpuArchitecture, memoryGb, parseTaskCpu, parseTaskMemory, vcpus } from "../fargate";
import { GraphResource, ResourceGraph, TYPES } from "../graph";
import { ResourceRecord } from "../records";
import { isAtSchedule, parseAtExpression } from "../schedule";
import { CostAssumptions, resolveAssumptions } from "./assumptions";
import { Lines, scale } from "./lines";
import { hoursIn, serviceHours, stagingHoursText } from "./months";
import { arr, num, obj, Props, str, T, tagsOf } from "./records";
import { PerScenario } from "./types";

/** A task definition's size and architecture. */
export interface TaskShape {
  cpuUnits: number;
  memoryMib: number;
  arch: CpuArchitecture;
  ephemeralGbAboveFree: number;
}

/** Tasks on each kind of capacity. */
export interface Split {
  onDemand: number;
  spot: number;
}

/** A period during which a service's minimum differs from where it rests. */
export interface Segment {
  from: number;
  to: number;
  tasks: number;
}

/** An ECS service as the estimate reads it from its records. */
export interface ServiceModel {
  record: ResourceRecord;
  /** Its scalable target, if any. */
  target?: ResourceRecord;
  task?: TaskShape;
  staging: boolean;
  publicIp: boolean;
  /** Tasks -> tasks on on-demand and on Spot. */
  split: (tasks: number) => Split;
  /** Minimum after every scheduled action has run. */
  restingMin: number;
  /** The largest maximum it can reach. */
  maxEver: number;
  /** Scheduled periods above the resting minimum (exam windows). */
  segments: Segment[];
  /** Tasks while staging is on. */
  stagingTasks: number;
  /** Staging only: the records show it switched on (a minimum above where it rests). */
  recordedActive: boolean;
  /**
   * Staging switched on, with a clock: from now to its switch-off action (`at(activeUntil)`), at
   * the tasks it runs while on. Undefined when off, without a clock, or with no action ahead.
   */
  session?: Segment;
  /** Time zone the schedule's months are counted in. */
  zone: string;
  describe: string;
}

/** The size of a task definition; undefined (and a problem) when it cannot be read. */
export function taskShape(td: ResourceRecord, problems: string[]): TaskShape | undefined {
  const cpu = parseTaskCpu(td.inputs.cpu);
  const mem = parseTaskMemory(td.inputs.memory);
  if (cpu === undefined || mem === undefined) {
    problems.push(
      `task definition ${td.name}: cpu ${JSON.stringify(td.inputs.cpu)} / memory ${JSON.stringify(td.inputs.memory)} not known, so its tasks are not priced`,
    );
    return undefined;
  }
  const arch = str(obj(td.inputs.runtimePlatform)?.cpuArchitecture) ?? "X86_64";
  if (arch !== "X86_64" && arch !== "ARM64") {
    problems.push(`task definition ${td.name}: CPU architecture "${arch}" has no Fargate price`);
    return undefined;
  }
  const ephemeral = num(obj(td.inputs.ephemeralStorage)?.sizeInGib) ?? 20;
  return {
    cpuUnits: cpu,
    memoryMib: mem,
    arch,
    ephemeralGbAboveFree: Math.max(0, ephemeral - 20),
  };
}

/**
 * The capacity split of a service: each provider's `base` first, then the rest by `weight`.
 * Tasks on a capacity provider other than FARGATE / FARGATE_SPOT (EC2 capacity, billed by its
 * instances) are left out of both and reported.
 */
export function splitter(service: ResourceRecord, problems: string[]): (n: number) => Split {
  const strategies = (arr(service.inputs.capacityProviderStrategies) ?? [])
    .map(obj)
    .filter((s): s is Props => s !== undefined);
  if (strategies.length === 0) {
    const launchType = str(service.inputs.launchType) ?? "FARGATE";
    if (launchType !== "FARGATE") {
      problems.push(
        `service ${service.name}: launch type ${launchType} is not Fargate (its instances bill, not its tasks); its tasks are not priced`,
      );
      return () => ({ onDemand: 0, spot: 0 });
    }
    return (n) => ({ onDemand: n, spot: 0 });
  }
  const kinds = strategies.map((s) => {
    const provider = str(s.capacityProvider) ?? "";
    if (provider !== "FARGATE" && provider !== "FARGATE_SPOT") {
      problems.push(
        `service ${service.name}: tasks on capacity provider "${provider}" are not Fargate; they are not priced`,
      );
    }
    return {
      kind: provider === "FARGATE_SPOT" ? "spot" : provider === "FARGATE" ? "onDemand" : "other",
      base: num(s.base) ?? 0,
      weight: num(s.weight) ?? 0,
    } as const;
  });
  const totalWeight = kinds.reduce((s, k) => s + k.weight, 0);
  return (n) => {
    const out = { onDemand: 0, spot: 0, other: 0 };
    let rest = n;
    for (const k of kinds) {
      const b = Math.min(rest, k.base);
      out[k.kind] += b;
      rest -= b;
    }
    for (const k of kinds) out[k.kind] += totalWeight > 0 ? (rest * k.weight) / totalWeight : 0;
    return { onDemand: out.onDemand, spot: out.spot };
  };
}

/** A one-time scheduled action: when, and the bounds it sets. */
export interface Action {
  at: number;
  min?: number;
  max?: number;
  zone: string;
}

/** A scheduled action's time and bounds; undefined (and a problem) unless a one-time at(). */
export function parseAction(a: ResourceRecord, problems: string[]): Action | undefined {
  const schedule = str(a.inputs.schedule) ?? "";
  const zone = str(a.inputs.timezone) ?? "UTC";
  const target = obj(a.inputs.scalableTargetAction) ?? {};
  const min = num(target.minCapacity);
  const max = num(target.maxCapacity);
  if (!isAtSchedule(schedule)) {
    problems.push(
      `scheduled action ${a.name}: schedule ${JSON.stringify(schedule)} is not a one-time at(...) schedule; only its maximum counts (in the ceiling)`,
    );
    return undefined;
  }
  const when = parseAtExpression(schedule, zone);
  if (!when) {
    problems.push(
      `scheduled action ${a.name}: cannot read the time in ${JSON.stringify(schedule)} (${zone}); not priced`,
    );
    return undefined;
  }
  return { at: when.getTime(), min, max, zone };
}

/** A record as the resource graph reads it. */
export interface RecordNode extends GraphResource {
  record: ResourceRecord;
}

/**
 * The records' resource graph (model/graph.ts): their inputs are the props, an unknown left out
 * of the records reads as unknown where a property dependency says where it comes from.
 */
export function recordGraph(records: ResourceRecord[]): ResourceGraph<RecordNode> {
  return new ResourceGraph(
    records.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      props: r.inputs,
      dependencies: r.dependencies,
      propertyDependencies: r.propertyDependencies,
      record: r,
    })),
  );
}

/** Whether a record belongs to staging (its Environment tag, else its name). */
export function isStaging(r: ResourceRecord): boolean {
  const env = str(tagsOf(r).Environment);
  return env !== undefined ? env.toLowerCase() === "staging" : /^staging\b/i.test(r.name);
}

/** The ECS services of the records, with their task definitions, targets and schedules. */
export function modelServices(
  records: ResourceRecord[],
  a: CostAssumptions,
  problems: string[],
  now?: Date,
): ServiceModel[] {
  const graph = recordGraph(records);
  const usedTargets = new Set<ResourceRecord>();

  const models = graph.services().map((node): ServiceModel => {
    const svc = node.record;
    const view = graph.service(node);
    const td = view.taskDefinition?.resource.record;
    if (!td) {
      problems.push(
        `service ${svc.name}: task definition ${JSON.stringify(svc.inputs.taskDefinition)} is not among the resources, so its tasks are not priced`,
      );
    }
    const task = td ? taskShape(td, problems) : undefined;
    const targetNode = view.targetLink === "yes" ? view.targets[0] : undefined;
    const target = targetNode?.record;
    const staging = isStaging(svc);
    const publicIp = obj(svc.inputs.networkConfiguration)?.assignPublicIp === true;
    const split = splitter(svc, problems);
    let restingMin: number;
    let maxEver: number;
    let registeredMin: number;
    const segments: Segment[] = [];
    let session: Segment | undefined;
    let zone = "UTC";
    let describe: string;
    if (!target) {
      const desired = num(svc.inputs.desiredCount);
      if (desired === undefined) {
        problems.push(
          `service ${svc.name}: no scalable target and no desiredCount, so it is priced at 0 tasks`,
        );
      }
      restingMin = maxEver = registeredMin = desired ?? 0;
      describe = `${restingMin} tasks (desiredCount, no autoscaling)`;
    } else {
      usedTargets.add(target);
      const min = num(target.inputs.minCapacity);
      const max = num(target.inputs.maxCapacity);
      if (min === undefined || max === undefined) {
        problems.push(
          `scalable target ${target.name}: minCapacity/maxCapacity not known, so ${svc.name} is priced at 0 tasks`,
        );
      }
      registeredMin = min ?? 0;
      const mine = (view.actions.get(targetNode!) ?? [])
        .filter((x) => x.link === "yes" && x.resource.type === T.scheduledAction)
        .map((x) => x.resource.record);
      // Every bound any action sets counts towards the ceiling, even one we cannot place in time.
      maxEver = Math.max(
        max ?? 0,
        min ?? 0,
        ...mine.map((x) => num(obj(x.inputs.scalableTargetAction)?.maxCapacity) ?? 0),
        ...mine.map((x) => num(obj(x.inputs.scalableTargetAction)?.minCapacity) ?? 0),
      );
      const steps = mine
        .map((x) => parseAction(x, problems))
        .filter((x): x is Action => x !== undefined)
        .sort((p, q) => p.at - q.at);
      zone = steps[0]?.zone ?? "UTC";
      // Walk the schedule: the state after each action holds until the next one.
      let state = registeredMin;
      const states = steps.map((s) => {
        state = s.min ?? state;
        return state;
      });
      restingMin = states.length > 0 ? states[states.length - 1] : registeredMin;
      steps.forEach((s, i) => {
        if (i + 1 < steps.length && states[i] > restingMin) {
          segments.push({ from: s.at, to: steps[i + 1].at, tasks: states[i] });
        }
      });
      if (now && steps.length > 0 && registeredMin > restingMin && steps[0].at > now.getTime()) {
        const ahead = { from: now.getTime(), to: steps[0].at, tasks: registeredMin };
        if (staging) session = ahead;
        else segments.unshift(ahead);
      }
      describe =
        steps.length > 0
          ? `${restingMin} to ${maxEver} tasks, ${steps.length} scheduled actions`
          : `${restingMin} to ${maxEver} tasks (autoscaling)`;
    }
    const stagingTasks = staging
      ? registeredMin > restingMin
        ? registeredMin
        : Math.max(restingMin, a.stagingActiveTasks)
      : 0;
    // One rule for staging's ceiling, on or off: on all month at the most it runs while on (its
    // maxTasks: the recorded maximum while on, the assumption stagingMaxTasks while off).
    const recordedActive = staging && registeredMin > restingMin;
    if (staging) {
      maxEver = Math.max(maxEver, stagingTasks, recordedActive ? 0 : a.stagingMaxTasks);
    }
    return {
      record: svc,
      target,
      task,
      staging,
      publicIp,
      split,
      restingMin,
      maxEver,
      segments,
      stagingTasks,
      recordedActive,
      session,
      zone,
      describe,
    };
  });
  for (const t of graph.ofType(T.target).filter((x) => graph.isEcsServiceScaler(x))) {
    if (!usedTargets.has(t.record) && String(t.record.inputs.resourceId).startsWith("service/")) {
      problems.push(
        `scalable target ${t.name}: ${JSON.stringify(t.record.inputs.resourceId)} matches no ECS service among the resources; not priced`,
      );
    }
  }
  return models;
}

/** What a stack's ECS services can run, read from its records (for the capacity planner). */
export interface ServiceSummary {
  /** Logical name of the service. */
  name: string;
  /** Task CPU units, when known. */
  cpuUnits?: number;
  /** Task memory in MiB, when known. */
  memoryMib?: number;
  /** Whether it is a staging service (Environment tag). */
  staging: boolean;
  /** Tasks it rests at (the floor). */
  floorTasks: number;
  /** Most tasks its schedule raises the floor to (exam windows; staging while on). */
  peakTasks: number;
  /** Most tasks it may run (the ceiling). */
  maxTasks: number;
  /** The CPU target of its target-tracking policy, when it has one. */
  cpuTargetPercent?: number;
}

/** The ECS services of a stack, as the estimate reads them. */
export function servicesOf(
  records: ResourceRecord[],
  assumptions: Partial<CostAssumptions> = {},
): ServiceSummary[] {
  const a = resolveAssumptions(assumptions);
  const graph = recordGraph(records);
  return modelServices(records, a, []).map((s) => {
    const target = graph.ofType(T.target).find((t) => t.record === s.target);
    const cpuTarget = (target ? graph.actionsOn(target) : [])
      .filter((x) => x.link === "yes" && x.resource.type === TYPES.scalingPolicy)
      .map((x) => obj(x.resource.props.targetTrackingScalingPolicyConfiguration))
      .find(
        (c) =>
          str(obj(c?.predefinedMetricSpecification)?.predefinedMetricType) ===
          "ECSServiceAverageCPUUtilization",
      );
    return {
      name: s.record.name,
      cpuUnits: s.task?.cpuUnits,
      memoryMib: s.task?.memoryMib,
      staging: s.staging,
      floorTasks: s.restingMin,
      peakTasks: Math.max(
        s.restingMin,
        s.staging ? s.stagingTasks : 0,
        ...s.segments.map((g) => g.tasks),
      ),
      maxTasks: s.maxEver,
      cpuTargetPercent: num(cpuTarget?.targetValue),
    };
  });
}

/** The Fargate, ephemeral storage and public IPv4 lines of every service. */
export function priceServices(
  out: Lines,
  services: ServiceModel[],
  a: CostAssumptions,
  month: string | undefined,
): void {
  const spot = out.prices.items["fargate.spotFactor"];
  const spotFactor = { value: spot.usd, source: `${spot.source} (${spot.date})` };
  for (const s of services) {
    if (!s.task) continue;
    const h = serviceHours(s, a, month);
    const od: PerScenario = {
      floor: h.floor.onDemand,
      expected: h.expected.onDemand,
      ceiling: h.ceiling.onDemand,
    };
    const sp: PerScenario = {
      floor: h.floor.spot,
      expected: h.expected.spot,
      ceiling: h.ceiling.spot,
    };
    const all: PerScenario = {
      floor: od.floor + sp.floor,
      expected: od.expected + sp.expected,
      ceiling: od.ceiling + sp.ceiling,
    };
    const basis = s.staging
      ? `staging: ${s.restingMin} tasks while off, ${s.stagingTasks} for ${stagingHoursText([s], a)} a month while on, ${s.maxEver} all month in the ceiling (its maxTasks, ${s.recordedActive ? "as recorded while on" : "assumption stagingMaxTasks"})`
      : month && s.segments.some((seg) => hoursIn(seg.from, seg.to, month, s.zone) > 0)
        ? `${s.describe}; expected includes the windows of ${month}`
        : s.describe;
    const { arch } = s.task;
    const vcpu = vcpus(s.task.cpuUnits);
    const gb = memoryGb(s.task.memoryMib);
    const size = `${vcpu} vCPU / ${gb} GB a task; ${basis}`;
    const k = arch === "ARM64" ? "arm" : "x86";
    const any = (q: PerScenario) => q.expected > 0 || q.ceiling > 0;
    if (any(od)) {
      out.add(
        s.record,
        `Fargate vCPU (${arch}, on-demand)`,
        `fargate.${k}.vcpuHour`,
        scale(od, vcpu),
        { assumed: size },
      );
      out.add(
        s.record,
        `Fargate memory (${arch}, on-demand)`,
        `fargate.${k}.gbHour`,
        scale(od, gb),
        { assumed: size },
      );
    }
    if (any(sp)) {
      const assumed = `${size}; Spot at ${spot.usd} x on-demand (assumption)`;
      out.add(s.record, `Fargate vCPU (${arch}, Spot)`, `fargate.${k}.vcpuHour`, scale(sp, vcpu), {
        assumed,
        factor: spotFactor,
      });
      out.add(s.record, `Fargate memory (${arch}, Spot)`, `fargate.${k}.gbHour`, scale(sp, gb), {
        assumed,
        factor: spotFactor,
      });
    }
    if (any(all) && s.task.ephemeralGbAboveFree > 0) {
      out.add(
        s.record,
        "Fargate ephemeral storage above 20 GB",
        "fargate.ephemeralGbHour",
        scale(all, s.task.ephemeralGbAboveFree),
        {
          assumed: `${s.task.ephemeralGbAboveFree} GB a task above the free 20 GB`,
        },
      );
    }
    if (any(all) && s.publicIp) {
      out.add(s.record, "Public IPv4 of each task (assignPublicIp)", "publicIpv4.hour", all, {
        assumed: "one address per running task",
      });
    }
  }
}
