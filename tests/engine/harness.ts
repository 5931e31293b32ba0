/**
 * Runs stacks through the real Pulumi CLI (built from the Go module proxy by
 * scripts/build-pulumi-cli.sh into .engine/bin/pulumi) with a local file backend, a passphrase
 * secrets provider and the test doubles of tests/engine/doubles on PATH, and reduces what the
 * engine reports to a verdict comparable with the offline preview's.
 *
 * The program runs inline through the Automation API (`LocalWorkspace` with `program`): the CLI
 * is started as `pulumi preview|up --client=<address> --exec-kind auto.inline`, and
 * `@pulumi/pulumi`'s own language server (automation/server.ts) runs index.ts in this process.
 * That replaces the Node.js language host (`pulumi-language-nodejs`), which the Go module proxy
 * does not serve; the engine, its config checks, plugin loading, policy evaluation, the backend
 * and the StackReference read are the CLI's own.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EngineEvent, LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";

export const ROOT = path.resolve(__dirname, "..", "..");
/** Where scripts/build-pulumi-cli.sh puts the CLI (PulumiCommand looks in `<root>/bin`). */
export const CLI_ROOT = path.join(ROOT, ".engine");
export const CLI = path.join(CLI_ROOT, "bin", "pulumi");
export const DOUBLES_BIN = path.join(__dirname, "doubles", "bin");
export const POLICY_PACK = path.join(ROOT, "policy-pack");
/** The file backend accepts one organization name. */
export const FILE_BACKEND_ORG = "organization";

/** What one engine operation concluded. */
export interface EngineVerdict {
  /** pass: no mandatory violation; fail: at least one; error: the operation failed otherwise. */
  verdict: "pass" | "fail" | "error";
  /** Policies that reported a mandatory violation, sorted, once each. */
  mandatory: string[];
  /** Policies that reported an advisory violation (including "can't run during preview"). */
  advisory: string[];
  /** The engine's error diagnostics (a refused config, a program that threw), as printed. */
  errors: string[];
  /**
   * Resources the engine registered (custom and component), by type token, but for the children
   * of remote components (the awsx Vpc's), which the program does not see.
   */
  resourceTypes: Record<string, number>;
  /** Children that remote components (the awsx double's Vpc) registered, by type token. */
  remoteChildTypes: Record<string, number>;
  /** The CLI's full stderr+stdout, for a failing test's message. */
  output: string;
  ms: number;
}

/** One backend, one PULUMI_HOME, one project directory: an engine session of the suite. */
export class EngineSession {
  readonly dir: string;
  readonly projectDir: string;
  private command?: PulumiCommand;

  constructor(readonly now: Date) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "pythonide-engine-"));
    this.projectDir = path.join(this.dir, "project");
    fs.mkdirSync(this.projectDir);
    fs.mkdirSync(path.join(this.dir, "state"));
    fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(this.projectDir, "Pulumi.yaml"));
    // The CLI checks that the project's `main` exists before it runs anything (the inline program
    // is what runs): the project's index.ts, linked.
    fs.symlinkSync(path.join(ROOT, "index.ts"), path.join(this.projectDir, "index.ts"));
  }

  /** Environment of every CLI run: no ambient credentials, doubles first on PATH. */
  env(): Record<string, string> {
    return {
      PATH: `${DOUBLES_BIN}:${path.dirname(CLI)}:${process.env.PATH ?? ""}`,
      PULUMI_HOME: path.join(this.dir, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(this.dir, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "engine-suite-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      // The doubles are found as ambient plugins (sdk/go/common/workspace/plugins.go).
      PULUMI_IGNORE_AMBIENT_PLUGINS: "false",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      PYTHONIDE_NOW: this.now.toISOString(),
      AWS_REGION: "us-east-2",
    };
  }

  async pulumi(): Promise<PulumiCommand> {
    this.command ??= await PulumiCommand.get({ root: CLI_ROOT, skipVersionCheck: true });
    return this.command;
  }

  /**
   * Puts a stack file into the project as Pulumi.<stack>.yaml, verbatim but for
   * `pythonide:platformStack`, which must name this backend's prod stack.
   */
  placeStackFile(stack: string, file: string): void {
    let text = fs.readFileSync(file, "utf8");
    text = text.replace(
      /^(\s*pythonide:platformStack:).*$/m,
      `$1 ${FILE_BACKEND_ORG}/pythonide/prod`,
    );
    fs.writeFileSync(path.join(this.projectDir, `Pulumi.${stack}.yaml`), text);
  }

  /** Runs `pulumi preview` or `pulumi up` with the policy pack on a stack placed before. */
  async run(stack: string, op: "preview" | "up", program = loadIndex): Promise<EngineVerdict> {
    const started = Date.now();
    const env = this.env();
    const savedNow = process.env.PYTHONIDE_NOW;
    // The inline program runs in this process: it reads PYTHONIDE_NOW here.
    process.env.PYTHONIDE_NOW = env.PYTHONIDE_NOW;
    const events: EngineEvent[] = [];
    const output: string[] = [];
    let threw: string | undefined;
    try {
      const ws = await LocalWorkspace.create({
        workDir: this.projectDir,
        pulumiHome: env.PULUMI_HOME,
        envVars: env,
        pulumiCommand: await this.pulumi(),
        program,
      });
      const s = await Stack.createOrSelect(stack, ws);
      const opts = {
        policyPacks: [POLICY_PACK],
        onEvent: (e: EngineEvent) => events.push(e),
        onOutput: (o: string) => output.push(o),
        onError: (o: string) => output.push(o),
        color: "never" as const,
      };
      if (op === "preview") await s.preview(opts);
      else await s.up(opts);
    } catch (err) {
      threw = String((err as Error).message ?? err);
    } finally {
      if (savedNow === undefined) delete process.env.PYTHONIDE_NOW;
      else process.env.PYTHONIDE_NOW = savedNow;
    }
    return summarize(events, output.join(""), Date.now() - started, threw);
  }

  close(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Component types the program registers remotely (their plugin constructs the children). */
const REMOTE_COMPONENTS = new Set(["awsx:ec2:Vpc"]);

/** Reduces the engine's events to a verdict. */
export function summarize(
  events: EngineEvent[],
  output: string,
  ms: number,
  threw?: string,
): EngineVerdict {
  const mandatory = new Set<string>();
  const advisory = new Set<string>();
  const errors: string[] = [];
  const resourceTypes: Record<string, number> = {};
  const remoteChildTypes: Record<string, number> = {};
  for (const e of events) {
    if (e.policyEvent) {
      (e.policyEvent.enforcementLevel === "mandatory" ? mandatory : advisory).add(
        e.policyEvent.policyName,
      );
    }
    if (e.diagnosticEvent?.severity === "error") errors.push(e.diagnosticEvent.message.trim());
    const pre = e.resourcePreEvent?.metadata;
    if (pre && pre.type !== "pulumi:pulumi:Stack" && !pre.type.startsWith("pulumi:providers:")) {
      const ancestors = (pre.urn.split("::")[2] ?? "").split("$").slice(0, -1);
      const counts = ancestors.some((t) => REMOTE_COMPONENTS.has(t))
        ? remoteChildTypes
        : resourceTypes;
      counts[pre.type] = (counts[pre.type] ?? 0) + 1;
    }
  }
  // A failed operation without an error diagnostic (the CLI stopped before the engine ran).
  if (threw !== undefined && errors.length === 0) errors.push(lastErrorLine(threw));
  const verdict = mandatory.size > 0 ? "fail" : errors.length > 0 ? "error" : "pass";
  return {
    verdict,
    mandatory: [...mandatory].sort(),
    advisory: [...advisory].sort(),
    errors,
    resourceTypes,
    remoteChildTypes,
    output: threw === undefined ? output : `${output}\n${threw}`,
    ms,
  };
}

/** The CLI's `error: ...` line in a failed command's message, else its first line. */
function lastErrorLine(message: string): string {
  const lines = message.split("\n").filter((l) => l.startsWith("error: "));
  return (lines.pop() ?? message.split("\n")[0]).trim();
}

/**
 * The inline program: index.ts, evaluated afresh for each run (it registers its resources when
 * it is loaded), with the project's own modules dropped from the require cache first.
 */
export async function loadIndex(): Promise<Record<string, unknown>> {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(ROOT) && !key.includes(`${path.sep}node_modules${path.sep}`)) {
      if (!key.startsWith(__dirname)) delete require.cache[key];
    }
  }
  return require(path.join(ROOT, "index.ts"));
}
