/**
 * Shared by the offline-preview tests: one running policy pack per pack directory for the whole
 * mocha run (started on first use, stopped by a root `after` hook), a pinned clock, and helpers
 * to gate a stack file or a fixture program.
 */
import * as path from "path";
import { PolicyPack } from "../../preview/analyzer";
import { CliResult, main } from "../../preview/cli";
import {
  gateStack,
  POLICY_PACK_DIR,
  readStackFile,
  ROOT,
  StackReport,
  StackSource,
} from "../../preview/gate";
import { PolicyPackConfig } from "../../preview/policy-config";

/** The clock every preview test runs at (before the shipped exam windows of 2027). */
export const NOW = new Date("2026-11-20T15:00:00Z");
export const FIXTURES = path.join(ROOT, "tests", "fixtures");
export const PROBE_PACK_DIR = path.join(FIXTURES, "probe-pack");

const packs = new Map<string, Promise<PolicyPack>>();

/** The pack in `dir`, started once per test run with the pinned clock. */
export function packAt(dir: string): Promise<PolicyPack> {
  let pack = packs.get(dir);
  if (!pack) {
    pack = PolicyPack.start(dir, { env: { PYTHONIDE_NOW: NOW.toISOString() } });
    packs.set(dir, pack);
  }
  return pack;
}

/** The repository's policy pack (policy-pack/), shared by every test. */
export function realPack(): Promise<PolicyPack> {
  return packAt(POLICY_PACK_DIR);
}

after(async () => {
  for (const pack of packs.values()) (await pack.catch(() => undefined))?.close();
  packs.clear();
});

/** A shipped stack file (Pulumi.<stack>.yaml at the root), read. */
export function shipped(stack: string): StackSource {
  return readStackFile(path.join(ROOT, `Pulumi.${stack}.yaml`));
}

/** A fixture stack file under tests/fixtures/stacks, read. */
export function fixtureStack(dir: string, file: string, stack?: string): StackSource {
  return readStackFile(path.join(FIXTURES, "stacks", dir, file), stack);
}

/** Gates a stack with the real pack (or `pack`), optionally running a fixture program. */
export async function gate(
  source: StackSource,
  options: {
    program?: string;
    policyConfig?: PolicyPackConfig;
    pack?: Promise<PolicyPack>;
    /** Preview it as a new stack's first preview. */
    firstPreview?: boolean;
  } = {},
): Promise<StackReport> {
  return gateStack(source, {
    pack: options.pack ?? realPack(),
    now: NOW,
    policyConfig: options.policyConfig,
    firstPreview: options.firstPreview,
    program: options.program && path.join(FIXTURES, "programs", options.program),
  });
}

/** Runs the command in this process with the shared pack and the pinned clock. */
export async function cli(...args: string[]): Promise<CliResult> {
  return main([...args, "--now", NOW.toISOString()], realPack());
}

/** Names of the policies that reported a mandatory violation. */
export function mandatory(report: StackReport): string[] {
  return [
    ...new Set(report.violations.filter((v) => v.level === "mandatory").map((v) => v.policy)),
  ].sort();
}
