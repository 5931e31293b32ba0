/**
 * From users to tasks to dollars in one command, with every assumption printed.
 *
 *   npm run plan -- --students 120            an exam for 120 students
 *   npm run plan -- --daily-users 1000        an ordinary day with 1000 users
 *
 * Students -> tasks is the capacity planner (model/capacity.ts); daily users -> concurrent
 * sessions is seed 004's concurrency estimate; tasks -> dollars prices synthetic records
 * (model/synthetic.ts) through the same estimate the stacks get (model/cost/).
 * Options: USAGE below (`npm run plan -- --help`).
 */
import { parseArgs as parseNodeArgs } from "util";
import {
  EXAM_VCPU_PER_STUDENT,
  examTasks,
  MIN_TASKS_DURING_EXAM,
  ORDINARY_VCPU_PER_STUDENT,
  peakConcurrentSessions,
  SEED_004_TRAFFIC,
  studentsPerTask,
  tasksFor,
  TrafficProfile,
} from "../model/capacity";
import { CapacityStrategy, nearest, schemaDefault, StackName } from "../model/config";
import { borrowedNote, borrowedOf, borrowedText, CostEstimate, estimate, usd } from "../model/cost";
import { npmTookError, readRefusal, takenByNpm, UsageError, valueProblem } from "../preview/args";
import { describeLive, liveRegionPrices } from "../preview/live-prices";
import {
  CPU_ARCHITECTURES,
  CpuArchitecture,
  fargateSizeProblem,
  memoryGb,
  vcpus,
} from "../model/fargate";
import { HOURS_PER_MONTH, pricesFor, RegionPrices } from "../model/prices";
import { loadBalancerRecord, providerRecord, serviceRecords } from "../model/synthetic";

/** What the command was asked. */
export interface PlanRequest {
  /** Students in one exam (exam load). */
  students?: number;
  /** Users a day (ordinary load, seed 004's concurrency estimate). */
  dailyUsers?: number;
  cpu: number;
  memory: number;
  architecture: CpuArchitecture;
  cpuTargetPercent: number;
  capacity: { strategy: CapacityStrategy; onDemandBase: number; spotWeight: number };
  region: string;
  /** Per-student load; default exam for --students, ordinary for --daily-users. */
  load?: "exam" | "ordinary";
  examHours: number;
  leadMinutes: number;
  graceMinutes: number;
  traffic: Omit<TrafficProfile, "dailyUsers">;
  /** Tasks get a public IPv4 address each (billed). Default: prod's natStrategy is "none". */
  publicIp: boolean;
  /** Apply the account's always-free tiers. Default false. */
  freeTier: boolean;
  /** Prices instead of model/prices/'s, by region (--live-prices). */
  prices?: Record<string, RegionPrices>;
}

/** What it comes to. */
export interface PlanResult {
  /** Students (or concurrent sessions) to serve at once. */
  concurrent: number;
  perTask: number;
  tasks: number;
  /** USD an hour for the tasks. */
  hourly: number;
  /** USD a month for the tasks running all month. */
  monthly: number;
  /** Exams: USD for one exam (lead + exam + grace). */
  perExam?: number;
  /** USD a month for the tasks plus an internet-facing load balancer. */
  monthlyWithLoadBalancer: number;
  /** The estimate of the tasks all month (its lines and notes). */
  tasksEstimate: CostEstimate;
  text: string;
}

/** The defaults: the config schema's (exam's for --students, prod's for --daily-users). */
export function defaultRequest(kind: "students" | "dailyUsers"): PlanRequest {
  const stack: StackName = kind === "students" ? "exam" : "prod";
  const schemaNumber = (key: string, s = stack) => Number(schemaDefault(key, s));
  return {
    cpu: schemaNumber("taskCpu"),
    memory: schemaNumber("taskMemory"),
    architecture: schemaDefault("cpuArchitecture", stack) as CpuArchitecture,
    cpuTargetPercent: schemaNumber("cpuTargetPercent"),
    capacity: {
      strategy: schemaDefault("capacityProvider", stack) as CapacityStrategy,
      onDemandBase: schemaNumber("onDemandBase"),
      spotWeight: schemaNumber("spotWeight"),
    },
    region: "us-east-2",
    examHours: 2,
    leadMinutes: schemaNumber("leadMinutes", "exam"),
    graceMinutes: schemaNumber("graceMinutes", "exam"),
    traffic: { ...SEED_004_TRAFFIC },
    publicIp: schemaDefault("natStrategy", "prod") === "none",
    freeTier: false,
  };
}

/**
 * Prices `tasks` tasks of the requested size all month (and, for an exam, a window of
 * `examWindowHours`) via the estimate.
 */
function price(req: PlanRequest, tasks: number, concurrent: number, examWindowHours?: number) {
  const spec = {
    cpu: req.cpu,
    memory: req.memory,
    architecture: req.architecture,
    capacity: req.capacity,
    region: req.region,
    publicIp: req.publicIp,
  };
  const options = { prices: req.prices };
  const assumptions = { freeTier: req.freeTier, classStudents: concurrent };
  const run = (records: Parameters<typeof estimate>[0]) =>
    estimate([providerRecord(req.region), ...records], assumptions, options);
  const always = run(serviceRecords({ ...spec, name: "plan", minTasks: tasks, maxTasks: tasks }));
  const lb = run([loadBalancerRecord("plan-alb")]);
  let perExam: number | undefined;
  let examBorrowed = false;
  if (examWindowHours !== undefined) {
    const from = new Date(Date.UTC(2030, 0, 15, 8));
    const exam = run(
      serviceRecords({
        ...spec,
        name: "plan-exam",
        minTasks: 0,
        maxTasks: tasks,
        windows: [
          { name: "exam", from, to: new Date(from.getTime() + examWindowHours * 3_600_000), tasks },
        ],
      }),
    );
    perExam = exam.expected;
    examBorrowed = exam.borrowed !== undefined;
  }
  return {
    examBorrowed,
    monthly: always.floor,
    hourly: always.floor / HOURS_PER_MONTH,
    perExam,
    loadBalancer: lb.floor,
    always,
    lb,
  };
}

/** Users -> tasks -> dollars, and the text that says how. */
export function plan(req: PlanRequest): PlanResult {
  if ((req.students === undefined) === (req.dailyUsers === undefined)) {
    throw new Error("give one of --students N (an exam) or --daily-users N (an ordinary day)");
  }
  const size = fargateSizeProblem(req.cpu, req.memory);
  if (size) throw new Error(`--cpu ${req.cpu} --memory ${req.memory}: not a Fargate size: ${size}`);
  if (!(req.cpuTargetPercent >= 10 && req.cpuTargetPercent <= 90)) {
    throw new Error(`--target ${req.cpuTargetPercent}: must be a CPU percentage from 10 to 90`);
  }
  const exam = req.students !== undefined;
  const load = req.load ?? (exam ? "exam" : "ordinary");
  const vcpuPerStudent = load === "exam" ? EXAM_VCPU_PER_STUDENT : ORDINARY_VCPU_PER_STUDENT;
  const lines: string[] = [];
  let title: string;
  let concurrent: number;
  if (exam) {
    const students = wholeNumber("--students", String(req.students));
    concurrent = students;
    title = `Plan for an exam with ${students} students`;
  } else {
    const profile: TrafficProfile = { dailyUsers: req.dailyUsers!, ...req.traffic };
    const sessions = peakConcurrentSessions(profile);
    concurrent = Math.max(1, Math.ceil(sessions));
    title = `Plan for ${req.dailyUsers} users a day`;
    lines.push(
      `  concurrent sessions at the peak: ${req.dailyUsers} users x ${req.traffic.requestsPerUser} sessions / (${req.traffic.activeHours} h x 60) = ${((req.dailyUsers! * req.traffic.requestsPerUser) / (req.traffic.activeHours * 60)).toFixed(2)} a minute, x ${req.traffic.requestSeconds} s / 60 x peak ${req.traffic.peakFactor} = ${sessions.toFixed(2)} -> ${concurrent}`,
    );
  }
  const perTask = studentsPerTask(req.cpu, req.cpuTargetPercent, vcpuPerStudent);
  const tasks = exam ? examTasks(concurrent, perTask) : tasksFor(concurrent, perTask);
  // An exam's capacity is up from the lead time before it to the grace time after it.
  const examWindowHours = exam
    ? req.examHours + (req.leadMinutes + req.graceMinutes) / 60
    : undefined;
  const p = price(req, tasks, concurrent, examWindowHours);
  // Figures with a line at another region's prices carry a *, as an estimate's lines do; the
  // title counts them and one note names them in words (as npm start's headline and note).
  const star = (borrowed: boolean) => (borrowed ? "*" : "");
  const borrowed = borrowedOf([...p.always.lines, ...p.lb.lines]);
  lines.unshift(`${title} (${req.region}${borrowed ? `; ${borrowedText(borrowed)}` : ""})`);
  const ipv4 = p.always.lines.filter((l) => l.priceKey === "publicIpv4.hour");
  const ipv4Monthly = ipv4.reduce((s, l) => s + l.monthly.floor, 0);
  const vcpu = vcpus(req.cpu);
  lines.push(
    `  students per task: floor(${vcpu} vCPU x ${req.cpuTargetPercent}% / ${vcpuPerStudent.toFixed(4)} vCPU a student) = ${perTask}`,
    `  tasks: ceil(${concurrent} / ${perTask})${exam ? `, at least ${MIN_TASKS_DURING_EXAM} during an exam` : ", at least 1"} = ${tasks}`,
    `  cost of ${tasks} task(s): $${p.hourly.toFixed(4)}${star(p.always.borrowed !== undefined)} an hour, ${usd(p.monthly)}${star(p.always.borrowed !== undefined)} a month all month` +
      (req.publicIp
        ? `, of which ${usd(ipv4Monthly)} for their public IPv4 addresses (${tasks} x ${HOURS_PER_MONTH} h x $${ipv4[0]?.unitPrice ?? 0})`
        : " (no public IPv4: tasks behind NAT)"),
  );
  if (p.perExam !== undefined) {
    lines.push(
      `  one exam: ${req.leadMinutes} min lead + ${req.examHours} h + ${req.graceMinutes} min grace = ${examWindowHours} h of ${tasks} tasks = ${usd(p.perExam)}${star(p.examBorrowed)}`,
    );
  }
  const lcu = p.lb.lines.find((l) => l.priceKey === "alb.lcuHour");
  lines.push(
    `  with an internet-facing load balancer (hour, LCUs, 2 public IPv4): ${usd(p.monthly + p.loadBalancer)}${star(borrowed !== undefined)} a month, ${usd((p.monthly + p.loadBalancer) / concurrent)} per ${exam ? "student" : "concurrent session"}`,
    `    load balancer capacity: ${lcu?.assumed ?? "none"}`,
    "  assumptions:",
    `    per-student load ${vcpuPerStudent.toFixed(4)} vCPU (${load === "exam" ? "exam load, seed 001: 34 students = 65% of 1 vCPU" : "ordinary load, seed 000: 60 students under 5% of 4 vCPU"}); --load exam|ordinary`,
    `    task ${vcpu} vCPU / ${memoryGb(req.memory)} GB ${req.architecture}, ${req.capacity.strategy}${req.capacity.strategy === "spot-with-base" ? ` (base ${req.capacity.onDemandBase}, Spot weight ${req.capacity.spotWeight})` : ""}, CPU target ${req.cpuTargetPercent}%; --cpu --memory --arch --capacity --target`,
  );
  if (!exam) {
    lines.push(
      `    traffic: ${req.traffic.requestsPerUser} sessions a user, over ${req.traffic.activeHours} h, ${req.traffic.requestSeconds} s each, peak x${req.traffic.peakFactor} (seed 004); --requests-per-user --active-hours --request-seconds --peak-factor`,
    );
  }
  const prices = req.prices?.[req.region] ?? pricesFor(req.region);
  lines.push(
    `    prices: ${req.prices?.[req.region] ? "the AWS Price List (--live-prices)" : "model/prices/"} for ${req.region}, ${HOURS_PER_MONTH} h a month${req.capacity.strategy !== "on-demand" ? `, Spot at ${prices.items["fargate.spotFactor"].usd} x on-demand (an assumption)` : ""}`,
    `    public IPv4: ${req.publicIp ? "one per task (natStrategy none: public subnets)" : "none (tasks behind NAT)"}; --public-ip yes|no`,
    ...[...p.always.notes, ...p.lb.notes]
      .filter((n, i, all) => all.indexOf(n) === i && !n.startsWith("Fargate Spot"))
      .filter(
        (n) =>
          ![p.always, p.lb].some((e) => e.borrowed && n === borrowedNote(e.region, e.borrowed)),
      )
      .map((n) => `    ${n}`),
    ...(borrowed ? [`    ${borrowedNote(req.region, borrowed)}`] : []),
  );
  return {
    concurrent,
    perTask,
    tasks,
    hourly: p.hourly,
    monthly: p.monthly,
    perExam: p.perExam,
    monthlyWithLoadBalancer: p.monthly + p.loadBalancer,
    tasksEstimate: p.always,
    text: lines.join("\n"),
  };
}

const FLAGS: Record<string, (req: PlanRequest, value: string) => void> = {
  "--students": (r, v) => (r.students = wholeNumber("--students", v)),
  "--daily-users": (r, v) => (r.dailyUsers = wholeNumber("--daily-users", v)),
  "--cpu": (r, v) => (r.cpu = number("--cpu", v)),
  "--memory": (r, v) => (r.memory = number("--memory", v)),
  "--arch": (r, v) => (r.architecture = oneOf("--arch", v, CPU_ARCHITECTURES)),
  "--target": (r, v) => (r.cpuTargetPercent = number("--target", v)),
  "--capacity": (r, v) =>
    (r.capacity.strategy = oneOf("--capacity", v, ["on-demand", "spot", "spot-with-base"])),
  "--on-demand-base": (r, v) => (r.capacity.onDemandBase = number("--on-demand-base", v)),
  "--spot-weight": (r, v) => (r.capacity.spotWeight = number("--spot-weight", v)),
  "--region": (r, v) => (r.region = v),
  "--load": (r, v) => (r.load = oneOf("--load", v, ["exam", "ordinary"] as const)),
  "--exam-hours": (r, v) => (r.examHours = number("--exam-hours", v)),
  "--lead-minutes": (r, v) => (r.leadMinutes = number("--lead-minutes", v)),
  "--grace-minutes": (r, v) => (r.graceMinutes = number("--grace-minutes", v)),
  "--requests-per-user": (r, v) => (r.traffic.requestsPerUser = number("--requests-per-user", v)),
  "--active-hours": (r, v) => (r.traffic.activeHours = number("--active-hours", v)),
  "--request-seconds": (r, v) => (r.traffic.requestSeconds = number("--request-seconds", v)),
  "--peak-factor": (r, v) => (r.traffic.peakFactor = number("--peak-factor", v)),
  "--public-ip": (r, v) => (r.publicIp = oneOf("--public-ip", v, ["yes", "no"]) === "yes"),
};

/** Switches without a value. */
const SWITCHES = ["--free-tier", "--live-prices", "--help"] as const;

/** The options for node:util parseArgs: FLAGS take a value (`--cpu 512`, `--cpu=512`), SWITCHES none. */
const OPTIONS: Record<string, { type: "string" | "boolean"; short?: string }> = {
  ...Object.fromEntries(Object.keys(FLAGS).map((f) => [f.slice(2), { type: "string" }])),
  ...Object.fromEntries(SWITCHES.map((f) => [f.slice(2), { type: "boolean" }])),
  help: { type: "boolean", short: "h" },
};

/** What `npm run plan -- --help` prints. */
export const USAGE = `Usage: npm run plan -- --students N | --daily-users N [options]

  --students N              an exam for N students
  --daily-users N           an ordinary day with N users
Task and capacity:
  --cpu 1024 --memory 2048  task size (CPU units, MiB; a Fargate size)
  --arch X86_64|ARM64       CPU architecture
  --target 60               target-tracking CPU target, percent
  --load exam|ordinary      per-student load (default: exam for --students, else ordinary)
  --capacity on-demand|spot|spot-with-base, --on-demand-base 1, --spot-weight 4
  --public-ip yes|no        a public IPv4 address per task (default yes: the shipped platform's
                            natStrategy "none" puts tasks in public subnets)
Exams: --exam-hours 2 --lead-minutes 60 --grace-minutes 30
Daily users: --requests-per-user 5 --active-hours 8 --request-seconds 30 --peak-factor 2
Prices: --region us-east-2, --free-tier (the account's always-free tiers), --live-prices (the
  region's prices from the AWS Price List with your AWS credentials, cached)
  --help                    print this help
`;

function number(flag: string, v: string): number {
  const n = Number(v);
  if (v === undefined || v.trim() === "" || !Number.isFinite(n) || n < 0) {
    throw new Error(`${flag} ${v ?? ""}: must be a number >= 0`);
  }
  return n;
}

/** A count of people as typed (`120`): digits only, at least 1; else an error naming `flag`. */
function wholeNumber(flag: string, v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 1) {
    throw new Error(`${flag} ${v}: must be a whole number of at least 1`);
  }
  return n;
}

function oneOf<T extends string>(flag: string, v: string, values: readonly T[]): T {
  if (!(values as readonly string[]).includes(v)) {
    throw new Error(`${flag} ${v ?? ""}: must be one of ${values.join(", ")}`);
  }
  return v as T;
}

/**
 * Parses the command line (node:util parseArgs, strict) into a request (defaults per kind of
 * plan) and whether the prices are to be read live (`--live-prices`). Throws UsageError for an
 * unknown option (with the nearest known one), an option without its value, or a bare word.
 */
export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): PlanRequest & { livePrices?: boolean; help?: boolean } {
  const taken = takenByNpm(Object.keys(OPTIONS), env);
  if (taken.length > 0) throw npmTookError(taken, "npm run plan");
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseNodeArgs({ args: argv, options: OPTIONS, strict: true }).values;
  } catch (err) {
    const { kind, arg } = readRefusal(err as { code?: string; message: string });
    const flag = arg.split("=")[0];
    if (kind === "unknown-option") {
      const near = nearest(flag, [...Object.keys(FLAGS), ...SWITCHES]);
      throw new UsageError(`unknown option ${flag}${near ? ` (did you mean ${near}?)` : ""}`);
    }
    // A negative number after an option reads as an option to node:util: judge it as a value.
    const next = argv[argv.indexOf(flag) + 1];
    if (kind === "bad-value" && FLAGS[flag] && /^-\d/.test(next ?? "")) {
      FLAGS[flag](defaultRequest("students"), next);
    }
    if (kind === "bad-value") throw new UsageError(valueProblem(flag, OPTIONS));
    throw new UsageError(`"${arg}" is not an option: options start with --`);
  }
  const req: PlanRequest & { livePrices?: boolean; help?: boolean } = defaultRequest(
    values.students !== undefined ? "students" : "dailyUsers",
  );
  // In the order of FLAGS, whatever the order given (each value is checked by its setter).
  for (const [flag, set] of Object.entries(FLAGS)) {
    const v = values[flag.slice(2)];
    if (typeof v === "string") set(req, v);
  }
  if (values["free-tier"]) req.freeTier = true;
  if (values["live-prices"]) req.livePrices = true;
  if (values.help) req.help = true;
  return req;
}

async function main(argv: string[]): Promise<void> {
  const req = parseArgs(argv);
  if (req.help) {
    console.log(USAGE);
    return;
  }
  if (req.livePrices) {
    const live = await liveRegionPrices(req.region);
    req.prices = { [req.region]: live.prices };
    console.log(describeLive(req.region, live));
  }
  console.log(plan(req).text);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`plan: ${(err as Error).message}`);
    if (err instanceof UsageError) console.error("(npm run plan -- --help lists the options)");
    process.exit(2);
  });
}
