/**
 * `npm run bench`: how long the offline gate takes (a benchmark, not a test).
 *
 * 1. Cold start: `npm start`'s own command for all three shipped stacks, as a fresh process
 *    (ts-node, the policy pack's start, every program, every policy, the cost model), timed from
 *    outside; best of RUNS runs, with each stack's program and policy time from its JSON report.
 * 2. Growth: a generated prod stack with 1, 10 and 50 IdeServices on the platform
 *    (tests/fixtures/programs/ide-services.ts), gated in this process with one pack, after one
 *    warm-up run: wall time, and CPU time of this process and of the pack's (so a busy machine
 *    shows as wall time above CPU time), per stack and per resource.
 *
 * Target on a 2-core machine: the three stacks under 10 s from a cold start, and time that grows
 * no faster than the number of resources.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PolicyPack } from "../preview/analyzer";
import { gateStack, POLICY_PACK_DIR, readStackFile, ROOT } from "../preview/gate";

const NOW = "2026-11-20T15:00:00Z";
const PROGRAM = path.join(ROOT, "tests", "fixtures", "programs", "ide-services.ts");
const SIZES = [1, 10, 50];
const RUNS = Number(process.env.BENCH_RUNS ?? "3");

interface StackTiming {
  stack: string;
  verdict: string;
  resources: unknown[];
  timings: { programMs: number; policiesMs: number };
}

function coldStart(): { wallMs: number; code: number | null; stacks: StackTiming[] } {
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      path.join(ROOT, "preview", "cli.ts"),
      "--json",
      "--now",
      NOW,
    ],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  const wallMs = Date.now() - started;
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`npm start failed (exit ${run.status}):\n${run.stderr}`);
  }
  return { wallMs, code: run.status, stacks: JSON.parse(run.stdout).stacks };
}

/** CPU ms a process has used (Linux /proc), or NaN where that cannot be read. */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, 100 Hz
  } catch {
    return NaN;
  }
}

interface GrowthRow {
  services: number;
  resources: number;
  wallMs: number;
  cpuMs: number;
  packCpuMs: number;
  verdict: string;
}

async function growth(): Promise<GrowthRow[]> {
  const pack = await PolicyPack.start(POLICY_PACK_DIR, { env: { PYTHONIDE_NOW: NOW } });
  const source = readStackFile(path.join(ROOT, "Pulumi.prod.yaml"));
  const gate = async (services: number): Promise<GrowthRow> => {
    process.env.PREVIEW_BENCH_SERVICES = String(services);
    const cpu = process.cpuUsage();
    const packCpu = processCpuMs(pack.pid);
    const started = Date.now();
    const r = await gateStack(source, { pack, now: new Date(NOW), program: PROGRAM });
    const wallMs = Date.now() - started;
    const used = process.cpuUsage(cpu);
    if (r.verdict === "error" || r.verdict === "invalid-config") {
      throw new Error(
        `the generated stack with ${services} services did not run: ${r.error ?? r.configErrors.join("; ")}`,
      );
    }
    return {
      services,
      resources: r.resources.length,
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      packCpuMs: processCpuMs(pack.pid) - packCpu,
      verdict: r.verdict,
    };
  };
  try {
    await gate(1); // warm-up: module loading and the pack's first calls
    const rows: GrowthRow[] = [];
    for (const n of SIZES) rows.push(await gate(n));
    return rows;
  } finally {
    pack.close();
  }
}

const ms = (n: number, width = 6) => String(Math.round(n)).padStart(width);

async function main(): Promise<void> {
  const cpus = os.cpus();
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  console.log(
    `Offline gate benchmark: node ${process.version}, ${cpus.length} x ${cpus[0]?.model ?? "cpu"}, load average ${load()}`,
  );
  console.log("");
  console.log(`1. Cold start: npm start (all shipped stacks, one process), best of ${RUNS}`);
  const runs = Array.from({ length: RUNS }, () => coldStart());
  const best = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  for (const s of best.stacks) {
    const total = s.timings.programMs + s.timings.policiesMs;
    console.log(
      `   ${s.stack.padEnd(8)} ${String(s.resources.length).padStart(4)} resources  program ${ms(s.timings.programMs, 5)} ms  policies ${ms(s.timings.policiesMs, 5)} ms  ${s.resources.length ? (total / s.resources.length).toFixed(1) : "-"} ms/resource  ${s.verdict}`,
    );
  }
  console.log(
    `   wall time ${(best.wallMs / 1000).toFixed(1)} s (runs: ${runs.map((r) => (r.wallMs / 1000).toFixed(1)).join(", ")} s; exit ${best.code}); target under 10 s: ${best.wallMs < 10000 ? "met" : "MISSED"}`,
  );
  console.log("");
  console.log(
    "2. Growth: prod platform + N IdeServices, one process, one pack, after a warm-up run",
  );
  const rows = await growth();
  for (const r of rows) {
    console.log(
      `   N=${String(r.services).padEnd(3)} ${String(r.resources).padStart(5)} resources  wall ${ms(r.wallMs)} ms (${(r.wallMs / r.resources).toFixed(2)} ms/resource)  cpu ${ms(r.cpuMs)} ms + pack ${ms(r.packCpuMs)} ms (${((r.cpuMs + r.packCpuMs) / r.resources).toFixed(2)} ms/resource)  ${r.verdict}`,
    );
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  const resourceGrowth = last.resources / first.resources;
  const wallGrowth = last.wallMs / first.wallMs;
  const cpuGrowth = (last.cpuMs + last.packCpuMs) / (first.cpuMs + first.packCpuMs);
  console.log(
    `   N=${first.services} -> N=${last.services}: resources x${resourceGrowth.toFixed(1)}, wall time x${wallGrowth.toFixed(1)}, cpu time x${cpuGrowth.toFixed(1)}: ${Math.max(wallGrowth, cpuGrowth) <= resourceGrowth ? "no faster than the resources" : "FASTER than the resources"}`,
  );
  console.log(`   load average at the end: ${load()}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
