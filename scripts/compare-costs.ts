/**
 * The cost comparison anyone can rerun (`npm run compare-costs`): the seeds' configurations
 * (seed 000's current and optimized production, seed 001's exam options, seed 002's staging,
 * seed 004's Spot strategies) built as ResourceRecords (model/synthetic.ts) and the project's
 * three stacks run on mocks with their shipped stack files (preview/program.ts), all priced by
 * the same estimate (model/cost/) in the same run, with the students each can serve at its
 * CPU target (the capacity planner), then the seeds' plans summed beside ours with the ratios
 * (total and compute). Writes both tables into README.md between the cost-comparison markers
 * and prints them. `--check` only compares: exit 1 when the README's tables are stale. Any other
 * argument is refused (exit 2) naming the known options (USAGE).
 *
 * One rule for public IPv4: the seeds name no NAT gateway, so their tasks reach ECR and the
 * internet through public addresses, as ours do; every seed task is priced with one.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs as parseNodeArgs } from "util";
import { readRefusal, UsageError } from "../preview/args";
import { studentsPerTask } from "../model/capacity";
import { schemaDefault } from "../model/config";
import {
  albLcu,
  CostEstimate,
  DEFAULT_ASSUMPTIONS,
  estimate,
  priceName,
  RDS_INSTANCE,
  resolveAssumptions,
  ServiceSummary,
  servicesOf,
  usd,
} from "../model/cost";
import { memoryGb, vcpus } from "../model/fargate";
import {
  HOURS_PER_MONTH,
  Price,
  PRICED_REGIONS,
  PriceKey,
  pricesFor,
  PRICES_DATE,
} from "../model/prices";
import { ResourceRecord } from "../model/records";
import {
  alarmRecords,
  dashboardRecord,
  databaseRecord,
  fileSystemRecord,
  loadBalancerRecord,
  providerRecord,
  serviceRecords,
  ServiceSpec,
} from "../model/synthetic";
import { runProgram, shippedStackConfig } from "../preview/program";
import { replaceBetween } from "./readme";

const ROOT = path.join(__dirname, "..");
const REGION = "us-east-2";
/** The clock the project's stacks are run at, so the table does not change by itself. */
export const COMPARISON_NOW = new Date("2026-11-01T00:00:00Z");
/** CPU target assumed where a seed names none: the project's default (model/config/schema.ts). */
const DEFAULT_TARGET = Number(schemaDefault("cpuTargetPercent", "prod"));

export const START = "<!-- cost-comparison:start -->";
export const END = "<!-- cost-comparison:end -->";
export const REGIONS_START = "<!-- prices-by-region:start -->";
export const REGIONS_END = "<!-- prices-by-region:end -->";

/** Items shown per region in the README (the ones that move a bill); the rest are in the file. */
const REGION_ITEMS: [PriceKey, string][] = [
  ["fargate.x86.vcpuHour", "Fargate vCPU-h"],
  ["fargate.x86.gbHour", "Fargate GB-h"],
  ["alb.hour", "ALB h"],
  ["alb.lcuHour", "LCU-h"],
  ["publicIpv4.hour", "IPv4 h"],
  ["rds.gp3GbMonth", "RDS GB-mo"],
  ["efs.standardGbMonth", "EFS GB-mo"],
];

/**
 * model/prices/'s regions as a Markdown table: a figure found for the region, or "us-east-1's"
 * where none was found; and how many of all items (and RDS classes) have a source of their own.
 */
export function regionTable(): string {
  const head = [
    "region",
    ...REGION_ITEMS.map(([, label]) => label),
    "RDS db.t4g.micro h",
    "own figures",
  ];
  const cell = (p: Price) => (p.assumedFrom ? `${p.usd} (${p.assumedFrom}'s)` : String(p.usd));
  const rows = PRICED_REGIONS.map((region) => {
    const t = pricesFor(region);
    const all = [...Object.values(t.items), ...Object.values(t.rdsInstanceHour)];
    return [
      region,
      ...REGION_ITEMS.map(([key]) => cell(t.items[key])),
      cell(t.rdsInstanceHour["db.t4g.micro"]),
      `${all.filter((p) => !p.assumedFrom).length} of ${all.length}`,
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(head),
    line(head.map((_, i) => (i === 0 ? "---" : "---:"))),
    ...rows.map(line),
    "",
    borrowedByRegion(),
    "",
    "USD, from model/prices/ (`npm run compare-costs` writes this table and the line above it). A cell would read `0.01 (us-east-1's)` for a figure with no source for its region; the line above lists every such figure, of all items. `own figures` counts every priced item and RDS class, the Spot factor (an assumption everywhere) included; the sources are on each figure in model/prices/regions/.",
  ].join("\n");
}

/**
 * The figures each region still takes from another, in words (priceName):
 * `Still us-east-1's (2 figures): us-east-2: interface endpoint data; ...`, or that none are.
 */
export function borrowedByRegion(): string {
  const parts: string[] = [];
  let count = 0;
  const from = new Set<string>();
  for (const region of PRICED_REGIONS) {
    const t = pricesFor(region);
    const names = [
      ...Object.entries(t.items).map(([key, p]) => [priceName(key), p] as const),
      ...Object.entries(t.rdsInstanceHour).map(
        ([cls, p]) => [priceName(`${RDS_INSTANCE}${cls}`), p] as const,
      ),
    ]
      .filter(([, p]) => p.assumedFrom)
      .map(([name, p]) => {
        from.add(p.assumedFrom!);
        return name;
      });
    count += names.length;
    if (names.length > 0) parts.push(`${region}: ${names.join(", ")}`);
  }
  if (count === 0) return "Every region has a figure of its own for every item.";
  return `Still ${[...from].map((r) => `${r}'s`).join(" or ")} (${count} figure${count === 1 ? "" : "s"}, no source found for the region; marked \`*\` in estimates and named in their notes): ${parts.join("; ")}.`;
}

/** One configuration in the table. */
export interface Configuration {
  name: string;
  /** What it runs, in a few words. */
  runs: string;
  records: ResourceRecord[];
  /** The CPU target its capacity is counted at, when its services do not say. */
  cpuTargetPercent: number;
  /** What the seed itself claimed, verbatim figures. */
  seedSays: string;
}

/** The platform pieces seed 000 lists: load balancer, database, file system. */
function seed000Platform(efs: "bursting" | "provisioned"): ResourceRecord[] {
  return [
    loadBalancerRecord("alb"),
    databaseRecord("db", { instanceClass: "db.t4g.small" }),
    fileSystemRecord("efs", { mode: efs, mibps: 1 }),
  ];
}

/** The seeds' configurations, as inputs to the model. */
export function seedConfigurations(): Configuration[] {
  const p = providerRecord(REGION);
  const services = (spec: ServiceSpec) => serviceRecords({ ...spec, publicIp: true });
  const exam = (name: string, cpu: number, memory: number, tasks: number) =>
    services({ name, cpu, memory, minTasks: tasks, autoscaling: false });
  const chat = (capacity: ServiceSpec["capacity"]) => [
    p,
    ...services({ name: "chat", cpu: 512, memory: 1024, minTasks: 1, maxTasks: 3, capacity }),
    loadBalancerRecord("alb"),
  ];
  return [
    {
      name: "seed 000: current production",
      runs: "2 x 2 vCPU/8 GB always on; ALB, RDS, EFS bursting",
      records: [
        p,
        ...services({
          name: "ide",
          cpu: 2048,
          memory: 8192,
          minTasks: 2,
          autoscaling: false,
        }),
        ...seed000Platform("bursting"),
      ],
      cpuTargetPercent: 45,
      seedSays: "compute $58; total $116-146",
    },
    {
      name: "seed 000: optimized production",
      runs: "1-4 x 1 vCPU/2 GB; staging 0.5 vCPU at 0 tasks + its own RDS; EFS 1 MiB/s; dashboard, alarm",
      records: [
        p,
        // Seed 000's put-scaling-policy: TargetTrackingScaling at 60% CPU.
        ...services({
          name: "ide",
          cpu: 1024,
          memory: 2048,
          minTasks: 1,
          maxTasks: 4,
          cpuTargetTracking: 60,
        }),
        ...services({
          name: "staging",
          cpu: 512,
          memory: 1024,
          minTasks: 0,
          maxTasks: 0,
          environment: "staging",
        }),
        databaseRecord("staging-db", { instanceClass: "db.t4g.micro", environment: "staging" }),
        ...seed000Platform("provisioned"),
        dashboardRecord("dashboard"),
        ...alarmRecords("ide", 1),
      ],
      cpuTargetPercent: 60,
      seedSays: "compute $15; staging $1; total $83-103",
    },
    {
      name: "seed 001: exam service as found",
      runs: "1 x 1 vCPU/2 GB always on, no autoscaling",
      records: [p, ...exam("exam", 1024, 2048, 1)],
      cpuTargetPercent: DEFAULT_TARGET,
      seedSays: "~$35",
    },
    {
      name: "seed 001: option A",
      runs: "2 x 1 vCPU/2 GB, left running",
      records: [p, ...exam("exam", 1024, 2048, 2)],
      cpuTargetPercent: DEFAULT_TARGET,
      seedSays: "~$70 (a 2-hour exam: ~$0.25)",
    },
    {
      name: "seed 001: option B",
      runs: "1 x 2 vCPU/4 GB, left running",
      records: [p, ...exam("exam", 2048, 4096, 1)],
      cpuTargetPercent: DEFAULT_TARGET,
      seedSays: "~$70",
    },
    {
      name: "seed 001: option C",
      runs: "2 x 2 vCPU/4 GB, left running",
      records: [p, ...exam("exam", 2048, 4096, 2)],
      cpuTargetPercent: DEFAULT_TARGET,
      seedSays: "not priced",
    },
    {
      name: "seed 002: staging (option A)",
      runs: "0.5 vCPU/2 GB at 0 tasks, on ~10 h a month; its own db.t4g.micro always on",
      records: [
        p,
        ...services({
          name: "staging",
          cpu: 512,
          memory: 2048,
          minTasks: 0,
          maxTasks: 0,
          environment: "staging",
        }),
        databaseRecord("staging-db", { instanceClass: "db.t4g.micro", environment: "staging" }),
      ],
      cpuTargetPercent: DEFAULT_TARGET,
      seedSays: "~$14 (the RDS); option B ~$2-3",
    },
    {
      name: "seed 004: strategy 1 (on-demand)",
      runs: "1-3 x 0.5 vCPU/1 GB on-demand; ALB",
      records: chat([{ capacityProvider: "FARGATE", weight: 1 }]),
      cpuTargetPercent: 70,
      seedSays: "~$35 ($14.77 + $3.24 + ALB $16.43)",
    },
    {
      name: "seed 004: strategy 2 (all Spot)",
      runs: "1-3 x 0.5 vCPU/1 GB, all FARGATE_SPOT; ALB",
      records: chat([{ capacityProvider: "FARGATE_SPOT", base: 1, weight: 100 }]),
      cpuTargetPercent: 70,
      seedSays: "~$22",
    },
    {
      name: "seed 004: strategy 3 (base + Spot)",
      runs: "1 on-demand, then 1:4 on-demand:Spot up to 3; ALB",
      records: chat([
        { capacityProvider: "FARGATE", base: 1, weight: 1 },
        { capacityProvider: "FARGATE_SPOT", weight: 4 },
      ]),
      cpuTargetPercent: 70,
      seedSays: "not priced",
    },
  ];
}

/** The project's stacks, run on mocks with their shipped stack files. */
export async function stackConfigurations(): Promise<Configuration[]> {
  const out: Configuration[] = [];
  for (const stack of ["prod", "staging", "exam"]) {
    const config = shippedStackConfig(stack);
    const run = await runProgram({ stack, config, now: COMPARISON_NOW });
    const region = config["aws:region"]?.value;
    out.push({
      name: `this project: ${stack}`,
      runs: describeStack(run.records),
      records: region ? [providerRecord(region), ...run.records] : run.records,
      cpuTargetPercent: DEFAULT_TARGET,
      seedSays: "",
    });
  }
  return out;
}

function describeStack(records: ResourceRecord[]): string {
  const services = servicesOf(records);
  const count = (type: string) => records.filter((r) => r.type === type).length;
  const parts = services.map((s) => {
    const size =
      s.cpuUnits !== undefined ? `${vcpus(s.cpuUnits)} vCPU/${memoryGb(s.memoryMib ?? 0)} GB` : "?";
    const range =
      s.peakTasks > s.floorTasks
        ? `${s.floorTasks} (${s.peakTasks} ${s.staging ? "while on" : "in windows"}) to ${s.maxTasks}`
        : `${s.floorTasks}-${s.maxTasks}`;
    return `${range} x ${size}`;
  });
  const extras = [
    count("aws:lb/loadBalancer:LoadBalancer") > 0 ? "ALB" : "",
    count("aws:rds/instance:Instance") > 0 ? "RDS" : "",
    count("aws:efs/fileSystem:FileSystem") > 0 ? "EFS" : "",
  ].filter((x) => x);
  return [...parts, ...extras].join("; ") || `${records.length} resources (no services yet)`;
}

/**
 * Students the configuration's services serve at their CPU target: floor / ceiling, with the
 * scheduled peak when it differs. A stack of staging services only is counted while it is on.
 */
function capacity(c: Configuration, summaries: ServiceSummary[]): string {
  const all = summaries.filter((s) => s.cpuUnits !== undefined);
  const serving = all.filter((s) => !s.staging);
  const services = serving.length > 0 ? serving : all;
  if (services.length === 0) return "-";
  let floor = 0;
  let peak = 0;
  let ceiling = 0;
  for (const s of services) {
    const perTask = studentsPerTask(s.cpuUnits!, s.cpuTargetPercent ?? c.cpuTargetPercent);
    floor += perTask * s.floorTasks;
    peak += perTask * s.peakTasks;
    ceiling += perTask * s.maxTasks;
  }
  if (serving.length === 0) return `${floor} (${peak} while on) / ${ceiling}`;
  return peak > floor ? `${floor} (${peak} in windows) / ${ceiling}` : `${floor} / ${ceiling}`;
}

/** USD of the Fargate lines (vCPU, memory, ephemeral storage) in the expected month. */
export function compute(e: CostEstimate): number {
  return e.lines
    .filter((l) => l.item.startsWith("Fargate"))
    .reduce((s, l) => s + l.monthly.expected, 0);
}

/** The plans the ratios compare: which configurations each sums (names from the table). */
export const PLANS: readonly { name: string; parts: readonly string[] }[] = [
  {
    name: "seeds' current plan",
    parts: [
      "seed 000: current production",
      "seed 001: exam service as found",
      "seed 002: staging (option A)",
    ],
  },
  {
    name: "seeds' optimized plan",
    parts: ["seed 000: optimized production", "seed 001: exam service as found"],
  },
  {
    name: "this project",
    parts: ["this project: prod", "this project: staging", "this project: exam"],
  },
];

/** One plan's busiest-month total and compute, and ours over it. */
export interface PlanTotal {
  name: string;
  parts: readonly string[];
  /** USD, expected month (each stack's busiest). */
  total: number;
  /** USD of Fargate in it. */
  compute: number;
  /** This project's total / this plan's. */
  ratio: number;
  /** This project's compute / this plan's. */
  computeRatio: number;
}

/** The plans' totals from the configurations' estimates, with this project's ratio to each. */
export function planTotals(priced: { c: Configuration; e: CostEstimate }[]): PlanTotal[] {
  const sums = PLANS.map((plan) => {
    const parts = plan.parts.map((name) => {
      const found = priced.find((p) => p.c.name === name);
      if (!found) throw new Error(`plan "${plan.name}" names "${name}", which is not in the table`);
      return found.e;
    });
    return {
      ...plan,
      total: parts.reduce((s, e) => s + e.expected, 0),
      compute: parts.reduce((s, e) => s + compute(e), 0),
    };
  });
  const ours = sums[sums.length - 1];
  return sums.map((p) => ({
    ...p,
    ratio: ours.total / p.total,
    computeRatio: ours.compute / p.compute,
  }));
}

/** Every configuration priced once, by the same estimate, in this run. */
export function priceAll(configs: Configuration[]): { c: Configuration; e: CostEstimate }[] {
  return configs.map((c) => ({ c, e: estimate(c.records) }));
}

/** The comparison as Markdown tables with their footnotes. */
export function table(configs: Configuration[]): string {
  const priced = priceAll(configs);
  const rows = priced.map(({ c, e }) => {
    const summaries = servicesOf(c.records);
    const target = summaries.find((s) => s.cpuTargetPercent !== undefined)?.cpuTargetPercent;
    return [
      c.name,
      c.runs,
      usd(compute(e)),
      usd(e.floor),
      `${usd(e.expected)}${e.expectedMonth ? ` (${e.expectedMonth})` : ""}`,
      usd(e.ceiling),
      `${capacity(c, summaries)} at ${target ?? c.cpuTargetPercent}% CPU`,
      c.seedSays,
    ];
  });
  const head = [
    "configuration",
    "what runs",
    "Fargate, expected",
    "floor",
    "expected",
    "ceiling",
    "exam students served (floor / ceiling)",
    "the seed's own figure",
  ];
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const a = DEFAULT_ASSUMPTIONS;
  const lcu = albLcu(resolveAssumptions());
  const ratio = (x: number) => x.toFixed(2);
  const plans = planTotals(priced).map((p) => [
    p.name,
    p.parts.join(" + "),
    usd(p.total),
    usd(p.compute),
    ratio(p.ratio),
    ratio(p.computeRatio),
  ]);
  const planHead = [
    "plan",
    "sum of",
    "expected (busiest month)",
    "Fargate in it",
    "this project / plan",
    "compute: this project / plan",
  ];
  return [
    line(head),
    line(head.map((_, i) => (i >= 2 && i <= 5 ? "---:" : "---"))),
    ...rows.map(line),
    "",
    line(planHead),
    line(planHead.map((_, i) => (i >= 2 ? "---:" : "---"))),
    ...plans.map(line),
    "",
    `Per month of ${HOURS_PER_MONTH} hours in ${REGION}, USD, from \`npm run compare-costs\`, every row priced in the same run (prices dated ${PRICES_DATE}, model/prices/; default assumptions of model/cost/: ${fmtLcu(lcu.perMonth)} LCU-hours a month derived from the workload, ${a.efsStoredGb} GB on EFS, ${a.logGbIngestedPerGroupPerMonth} GB of logs per group, staging on ${a.stagingActiveHoursPerMonth} h a month, free tiers not applied). ` +
      "Seed configurations are built as resources and priced by the same estimate as the stacks; where a seed names no database class, db.t4g.small is assumed; the seeds name no NAT gateway, so their tasks, like ours, are priced with a public IPv4 address each. " +
      `Students served: the capacity planner at exam load (seed 001: 34 students = 65% of 1 vCPU), at the service's target-tracking CPU target, else the seed's own target, else ${DEFAULT_TARGET}%. ` +
      `The project's stacks are run on mocks at ${COMPARISON_NOW.toISOString().slice(0, 10)}; staging and exam share prod's load balancer, network and file system, which prod's row carries.`,
  ].join("\n");
}

function fmtLcu(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/**
 * `readme` with the text between the cost-comparison markers replaced by `body`, and the
 * prices-by-region table rewritten.
 */
export function replaceBetweenMarkers(readme: string, body: string): string {
  return replaceBetween(
    replaceBetween(readme, START, END, body),
    REGIONS_START,
    REGIONS_END,
    regionTable(),
  );
}

/** What `npm run compare-costs -- --help` prints. */
export const USAGE = `npm run compare-costs [-- --check]

Prices the seeds' plans and the shipped stacks in one run, prints the cost comparison and the
prices-by-region tables, and writes both into README.md between their markers (only the text
between the markers changes; nothing is written when it is already current).
  --check   write nothing: exit 1 when README.md's tables differ from this run's (CI)
  --help    this text`;

/** The command line that node:util parseArgs (strict) reads: switches only, no positionals. */
const OPTIONS = {
  check: { type: "boolean" },
  help: { type: "boolean" },
} as const;

/**
 * The options of `npm run compare-costs`. Throws UsageError naming the bad argument and the known
 * options (`--check`, `--help`) for anything else.
 */
export function parseCompareArgs(argv: string[]): { check: boolean; help: boolean } {
  const known = Object.keys(OPTIONS)
    .map((o) => `--${o}`)
    .join(", ");
  try {
    const { values } = parseNodeArgs({ args: argv, options: OPTIONS, strict: true });
    return { check: values.check ?? false, help: values.help ?? false };
  } catch (err) {
    // node:util's refusals, in this command's words.
    const { kind, arg } = readRefusal(err as { code?: string; message: string });
    const why = kind === "bad-value" ? `"${arg}" takes no value` : `"${arg}" is not an option`;
    throw new UsageError(`compare-costs: ${why}: the known options are ${known}`);
  }
}

async function main(argv: string[]): Promise<void> {
  const { check, help } = parseCompareArgs(argv);
  if (help) {
    console.log(USAGE);
    return;
  }
  const configs = [...seedConfigurations(), ...(await stackConfigurations())];
  const body = table(configs);
  const file = path.join(ROOT, "README.md");
  const readme = fs.readFileSync(file, "utf8");
  const updated = replaceBetweenMarkers(readme, body);
  console.log(body);
  if (check) {
    if (updated !== readme) {
      console.error("README.md's cost comparison is stale: run npm run compare-costs");
      process.exit(1);
    }
    return;
  }
  if (updated !== readme) fs.writeFileSync(file, updated);
  console.log(
    `\n${updated !== readme ? "updated" : "unchanged"}: README.md (the cost comparison and prices-by-region tables between their markers)`,
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    if (err instanceof UsageError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(`compare-costs: ${(err as Error).message}`);
    process.exit(1);
  });
}
