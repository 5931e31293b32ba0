/**
 * The policy gate's seam: starts a policy pack the way `pulumi preview --policy-pack <dir>` does
 * (node runs `@pulumi/pulumi/cmd/run-policy-pack <engine-address> .` in the pack's directory,
 * which compiles the pack with ts-node, serves the analyzer gRPC protocol and prints its port)
 * and speaks that protocol to it with the stubs in `@pulumi/pulumi/proto`, as the engine does:
 * Handshake, GetAnalyzerInfo, ConfigureStack, Configure, then Remediate and Analyze per
 * resource and AnalyzeStack once. The pack's own code (`policy-pack/index.ts` and the
 * `@pulumi/policy` server) runs unchanged: the unknown-checking proxy, secret unwrapping,
 * enforcement levels and policy config all happen on its side.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import type { EnforcementLevel, JsonSchema, PolicyPackConfig } from "./policy-config";
import { RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN } from "./wire";

/** The module the Pulumi CLI's `pulumi-analyzer-policy` shim runs with node. */
export const RUN_POLICY_PACK = "@pulumi/pulumi/cmd/run-policy-pack";

const MAX_MESSAGE = 400 * 1024 * 1024;

/** A policy as the pack describes it. */
export interface PolicyInfo {
  name: string;
  displayName?: string;
  description: string;
  /** The level the pack gives it (before any config). */
  enforcementLevel: EnforcementLevel;
  type: "resource" | "stack" | "unknown";
  configSchema?: { properties: Record<string, JsonSchema>; required: string[] };
  remediationSteps?: string;
  severity?: string;
}

/** What GetAnalyzerInfo returns, converted as the CLI converts it. */
export interface AnalyzerInfo {
  name: string;
  version: string;
  description?: string;
  supportsConfig: boolean;
  /** Sorted by name, as the CLI sorts them. */
  policies: PolicyInfo[];
  /**
   * The pack's initial config. Like the CLI, an entry that sets properties but no level reads
   * as `advisory` (the protocol's zero value).
   */
  initialConfig: PolicyPackConfig;
}

/** A resource as the engine hands it to an analyzer. */
export interface AnalyzerResource {
  urn: string;
  type: string;
  name: string;
  /** Wire-format properties: secrets keep their signature, unknowns their sentinel. */
  properties: Record<string, unknown>;
  options: {
    protect: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs: string[];
    aliases: string[];
    customTimeouts: { create: number; update: number; delete: number };
    parent: string;
  };
  provider?: { urn: string; type: string; name: string; properties: Record<string, unknown> };
  /**
   * For AnalyzeStack only: the resource's outputs, which the engine hands AnalyzeStack instead
   * of the inputs (pulumi/pulumi pkg/resource/deploy/step_generator.go, AnalyzeResources:
   * "Unlike Analyze, AnalyzeStack is called on the final outputs of each resource"). Default:
   * `properties`.
   */
  outputs?: Record<string, unknown>;
  /** For AnalyzeStack only. */
  parent: string;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
}

/** One diagnostic, converted as the CLI converts it. */
export interface Diagnostic {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  description: string;
  message: string;
  enforcementLevel: EnforcementLevel;
  /** The URN the pack attributed the violation to ("" for a stack-wide one). */
  urn: string;
  severity?: string;
}

/** One remediation the pack applied (or tried to). */
export interface RemediationResult {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  description: string;
  /** The remediated wire-format properties, when the policy changed the resource. */
  properties?: Record<string, unknown>;
  /** Set when the remediation could not run (the engine shows it as an advisory). */
  diagnostic?: string;
}

const LEVELS: Record<number, EnforcementLevel> = {
  [pb.EnforcementLevel.ADVISORY]: "advisory",
  [pb.EnforcementLevel.MANDATORY]: "mandatory",
  [pb.EnforcementLevel.DISABLED]: "disabled",
  [pb.EnforcementLevel.REMEDIATE]: "remediate",
};
const LEVEL_ENUM: Record<EnforcementLevel, pb.EnforcementLevel> = {
  advisory: pb.EnforcementLevel.ADVISORY,
  mandatory: pb.EnforcementLevel.MANDATORY,
  disabled: pb.EnforcementLevel.DISABLED,
  remediate: pb.EnforcementLevel.REMEDIATE,
};
const SEVERITIES: Record<number, string | undefined> = {
  [pb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [pb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [pb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [pb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

function level(value: number): EnforcementLevel {
  const l = LEVELS[value];
  if (l === undefined)
    throw new Error(`the policy pack sent an unknown enforcement level ${value}`);
  return l;
}

/** Why a policy pack could not be started or answered. */
export class PolicyPackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyPackError";
  }
}

export interface StartOptions {
  /** Give up waiting for the port after this many ms (default 120000). */
  timeoutMs?: number;
  /** Extra environment for the pack's process (the gate pins PYTHONIDE_NOW there too). */
  env?: Record<string, string>;
  /**
   * Type-check the pack while compiling it, exactly as the CLI does (slow: most of the pack's
   * start-up). Default false: compile it transpile-only (see pack-transpile-only.js); `npm test`
   * type-checks the pack with tsc.
   */
  typeCheck?: boolean;
}

/** The preload that switches run-policy-pack's ts-node to transpile-only. */
export const TRANSPILE_ONLY_PRELOAD = path.join(__dirname, "pack-transpile-only.js");

/**
 * The ts-node module run-policy-pack registers, resolved as @pulumi/pulumi/tsutils.js does:
 * the one installed beside the SDK, else the SDK's vendored copy.
 */
export function packTsNode(runner: string): string {
  const sdk = path.resolve(path.dirname(runner), "..", "..");
  try {
    return require.resolve("ts-node", { paths: [sdk] });
  } catch {
    return require.resolve(path.join(sdk, "vendor", "ts-node@7.0.1"));
  }
}

/**
 * A running policy pack and a client connected to it. Start one per process and reuse it: every
 * call is independent, and Configure is sent before each stack.
 */
export class PolicyPack {
  private info?: AnalyzerInfo;
  private exited = false;
  private readonly onExit = (): void => {
    this.child.kill();
  };

  private constructor(
    /** The pack's directory. */
    readonly dir: string,
    private readonly child: ChildProcess,
    private readonly client: AnalyzerClient,
    /** What the pack wrote to stdout after its port, and to stderr. */
    readonly output: string[],
    /** `version` from PulumiPolicy.yaml: the CLI prefers it over the pack's own. */
    private readonly yamlVersion: string | undefined,
  ) {
    child.on("exit", () => {
      this.exited = true;
    });
    process.on("exit", this.onExit);
  }

  /**
   * Starts the pack in `dir` as the CLI does and connects to the port it prints. Rejects with
   * the pack's own output when it fails to compile or start.
   */
  static async start(dir: string, options: StartOptions = {}): Promise<PolicyPack> {
    const packDir = path.resolve(dir);
    if (!fs.existsSync(path.join(packDir, "package.json"))) {
      throw new PolicyPackError(
        `${packDir} is not a policy pack: it has no package.json (the CLI needs one naming its main file)`,
      );
    }
    let runner: string;
    try {
      // The CLI runs the module from the pack's own node_modules, so resolve it from there.
      runner = require.resolve(RUN_POLICY_PACK, { paths: [packDir] });
    } catch {
      throw new PolicyPackError(
        `${RUN_POLICY_PACK} is not installed for ${packDir}: run npm ci (the pack's dependencies are not installed)`,
      );
    }
    // The CLI starts the pack with its own environment; ts-node settings meant for this
    // process (mocha's transpile-only, a project path) must not leak into the pack's compile.
    const env: Record<string, string | undefined> = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("TS_NODE_"))),
      ...options.env,
    };
    const preload: string[] = [];
    if (!options.typeCheck) {
      env.PYTHONIDE_PACK_TS_NODE = packTsNode(runner);
      preload.push("--require", TRANSPILE_ONLY_PRELOAD);
    }
    // The engine address is only used by the pack to log through the engine; none runs here.
    const child = spawn(process.execPath, [...preload, runner, "127.0.0.1:0", "."], {
      cwd: packDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    const port = await new Promise<number>((resolve, reject) => {
      let stdout = "";
      let settled = false;
      const timer = setTimeout(
        () =>
          fail(`the policy pack did not print its port within ${options.timeoutMs ?? 120000} ms`),
        options.timeoutMs ?? 120000,
      );
      const fail = (why: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.kill();
        const said = output.join("").trim();
        reject(new PolicyPackError(`${why}${said ? `; it said:\n${said}` : ""}`));
      };
      child.stdout!.on("data", (chunk: Buffer) => {
        if (settled) {
          output.push(chunk.toString());
          return;
        }
        stdout += chunk.toString();
        const newline = stdout.indexOf("\n");
        if (newline < 0) return;
        const first = stdout.slice(0, newline).trim();
        output.push(stdout.slice(newline + 1));
        if (!/^\d+$/.test(first)) {
          output.unshift(first + "\n");
          return fail(`the policy pack in ${packDir} printed "${first}" where its port belongs`);
        }
        settled = true;
        clearTimeout(timer);
        resolve(Number(first));
      });
      child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      child.on("error", (err) => fail(`the policy pack could not be started: ${err.message}`));
      child.on("exit", (code, signal) =>
        fail(`the policy pack in ${packDir} exited (${signal ?? `code ${code}`}) before serving`),
      );
    });
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": MAX_MESSAGE,
      "grpc.max_send_message_length": MAX_MESSAGE,
    });
    const pack = new PolicyPack(packDir, child, client, output, readYamlVersion(packDir));
    await pack.handshake();
    return pack;
  }

  /** Stops the pack and closes the connection. */
  close(): void {
    process.removeListener("exit", this.onExit);
    this.client.close();
    if (!this.exited) this.child.kill();
  }

  /** The pack's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the pack's process is still running. */
  get running(): boolean {
    return !this.exited;
  }

  /** One unary call; `method` is a client stub method (bound to the client here). */
  private call<Res>(
    method: (...args: never[]) => unknown,
    req: unknown,
    what: string,
  ): Promise<Res> {
    return new Promise((resolve, reject) => {
      const callback = (err: grpc.ServiceError | null, res: Res): void => {
        if (err) {
          const said = this.exited ? `; the pack exited: ${this.output.join("").trim()}` : "";
          reject(new PolicyPackError(`${what} failed: ${err.details || err.message}${said}`));
        } else resolve(res);
      };
      (method as unknown as (r: unknown, cb: typeof callback) => unknown).call(
        this.client,
        req,
        callback,
      );
    });
  }

  /** A call the pack may not implement (an older @pulumi/policy): then it is skipped. */
  private async callIfImplemented(
    method: (...args: never[]) => unknown,
    req: unknown,
    what: string,
  ): Promise<void> {
    try {
      await this.call(method, req, what);
    } catch (err) {
      if (!/UNIMPLEMENTED|not implement/i.test((err as Error).message)) throw err;
    }
  }

  private async handshake(): Promise<void> {
    const req = new pb.AnalyzerHandshakeRequest();
    req.setEngineAddress("127.0.0.1:0");
    req.setRootDirectory(this.dir);
    req.setProgramDirectory(this.dir);
    // Packs built on @pulumi/policy 1.x do not implement Handshake; the CLI carries on too.
    await this.callIfImplemented(this.client.handshake, req, "Handshake");
  }

  /** GetAnalyzerInfo, converted as the CLI converts it (and cached, as the CLI caches it). */
  async getInfo(): Promise<AnalyzerInfo> {
    if (this.info) return this.info;
    const res = await this.call<pb.AnalyzerInfo>(
      this.client.getAnalyzerInfo,
      new Empty(),
      "GetAnalyzerInfo",
    );
    const supportsConfig = res.getSupportsconfig();
    const policies: PolicyInfo[] = res.getPoliciesList().map((p) => {
      const schema = p.getConfigschema();
      const info: PolicyInfo = {
        name: p.getName(),
        displayName: p.getDisplayname() || undefined,
        description: p.getDescription(),
        enforcementLevel: level(p.getEnforcementlevel()),
        type:
          p.getPolicyType() === pb.PolicyType.POLICY_TYPE_RESOURCE
            ? "resource"
            : p.getPolicyType() === pb.PolicyType.POLICY_TYPE_STACK
              ? "stack"
              : "unknown",
        remediationSteps: p.getRemediationSteps() || undefined,
        severity: SEVERITIES[p.getSeverity()],
      };
      if (supportsConfig) {
        info.configSchema = {
          properties: (schema?.getProperties()?.toJavaScript() ?? {}) as Record<string, JsonSchema>,
          required: schema?.getRequiredList() ?? [],
        };
      }
      return info;
    });
    policies.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const initialConfig: PolicyPackConfig = {};
    res.getInitialconfigMap().forEach((config, name) => {
      const properties = config.getProperties()?.toJavaScript();
      initialConfig[name] = {
        enforcementLevel: level(config.getEnforcementlevel()),
        properties: properties && Object.keys(properties).length > 0 ? properties : undefined,
      };
    });
    this.info = {
      name: res.getName(),
      version: this.yamlVersion ?? res.getVersion(),
      description: res.getDescription() || undefined,
      supportsConfig,
      policies,
      initialConfig,
    };
    return this.info;
  }

  /**
   * ConfigureStack: tells the pack which stack it is looking at (the CLI sends the stack's
   * config and tags; this gate has no backend, so no tags).
   */
  async configureStack(stack: {
    stack: string;
    project: string;
    organization?: string;
    config: Record<string, string>;
    secretKeys: string[];
  }): Promise<void> {
    const req = new pb.AnalyzerStackConfigureRequest();
    req.setStack(stack.stack);
    req.setProject(stack.project);
    req.setOrganization(stack.organization ?? "");
    req.setDryRun(true);
    req.setConfigSecretKeysList(stack.secretKeys);
    const map = req.getConfigMap();
    for (const [k, v] of Object.entries(stack.config)) map.set(k, v);
    await this.callIfImplemented(this.client.configureStack, req, "ConfigureStack");
  }

  /** Configure with an already reconciled config (see reconcilePolicyConfig). */
  async configure(config: PolicyPackConfig): Promise<void> {
    const req = new pb.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const [name, c] of Object.entries(config)) {
      if (c.enforcementLevel === undefined) {
        throw new PolicyPackError(`policy config for "${name}" has no enforcement level`);
      }
      const pc = new pb.PolicyConfig();
      pc.setEnforcementlevel(LEVEL_ENUM[c.enforcementLevel]);
      pc.setProperties(Struct.fromJavaScript((c.properties ?? {}) as never));
      map.set(name, pc);
    }
    if (map.getLength() === 0) return; // the CLI skips an empty Configure
    await this.call(this.client.configure, req, "Configure");
  }

  /** Remediate: the pack's remediations for one resource, in policy order. */
  async remediate(resource: AnalyzerResource): Promise<RemediationResult[]> {
    const res = await this.call<pb.RemediateResponse>(
      this.client.remediate,
      analyzeRequest(resource, false),
      `Remediate(${resource.urn})`,
    );
    return res.getRemediationsList().map((r) => ({
      policyName: r.getPolicyname(),
      policyPackName: r.getPolicypackname(),
      policyPackVersion: this.yamlVersion ?? r.getPolicypackversion(),
      description: r.getDescription(),
      properties: r.getProperties()?.toJavaScript() as Record<string, unknown> | undefined,
      diagnostic: r.getDiagnostic() || undefined,
    }));
  }

  /** Analyze: resource policies on one resource. */
  async analyze(resource: AnalyzerResource): Promise<Diagnostic[]> {
    const res = await this.call<pb.AnalyzeResponse>(
      this.client.analyze,
      analyzeRequest(resource, true),
      `Analyze(${resource.urn})`,
    );
    return res.getDiagnosticsList().map((d) => this.diagnostic(d));
  }

  /** AnalyzeStack: stack policies on every resource at once. */
  async analyzeStack(resources: AnalyzerResource[]): Promise<Diagnostic[]> {
    const req = new pb.AnalyzeStackRequest();
    req.setResourcesList(
      resources.map((r) => {
        const ar = withResource(
          new pb.AnalyzerResource(),
          { ...r, properties: r.outputs ?? r.properties },
          true,
        );
        ar.setParent(r.parent);
        ar.setDependenciesList(r.dependencies);
        const deps = ar.getPropertydependenciesMap();
        for (const [key, urns] of Object.entries(r.propertyDependencies)) {
          if (urns.length === 0) continue;
          const pd = new pb.AnalyzerPropertyDependencies();
          pd.setUrnsList(urns);
          deps.set(key, pd);
        }
        return ar;
      }),
    );
    const res = await this.call<pb.AnalyzeResponse>(this.client.analyzeStack, req, "AnalyzeStack");
    return res.getDiagnosticsList().map((d) => this.diagnostic(d));
  }

  private diagnostic(d: pb.AnalyzeDiagnostic): Diagnostic {
    const severity =
      SEVERITIES[d.getSeverity()] ??
      this.info?.policies.find((p) => p.name === d.getPolicyname())?.severity;
    return {
      policyName: d.getPolicyname(),
      policyPackName: d.getPolicypackname(),
      policyPackVersion: this.yamlVersion ?? d.getPolicypackversion(),
      description: d.getDescription(),
      message: d.getMessage(),
      enforcementLevel: level(d.getEnforcementlevel()),
      urn: d.getUrn(),
      severity,
    };
  }
}

function readYamlVersion(dir: string): string | undefined {
  const file = path.join(dir, "PulumiPolicy.yaml");
  if (!fs.existsSync(file)) return undefined;
  const m = /^version:\s*["']?([^"'\s#]+)/m.exec(fs.readFileSync(file, "utf8"));
  return m?.[1];
}

/**
 * Properties as the engine marshals them for an analyzer (MarshalProperties with KeepUnknowns
 * and KeepSecrets, without KeepResources): resource references become the referenced ID (a
 * custom resource) or URN (a component); `__` keys are dropped when `skipInternalKeys`.
 */
export function marshalProperties(
  value: Record<string, unknown>,
  skipInternalKeys: boolean,
): Record<string, unknown> {
  return marshalValue(value, skipInternalKeys) as Record<string, unknown>;
}

function marshalValue(value: unknown, skip: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => marshalValue(v, skip));
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (obj[SIG_KEY] === RESOURCE_SIG) {
    if ("id" in obj) return obj.id === "" || obj.id === undefined ? UNKNOWN : obj.id;
    return obj.urn;
  }
  if (obj[SIG_KEY] === SECRET_SIG)
    return { [SIG_KEY]: SECRET_SIG, value: marshalValue(obj.value, skip) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (skip && k.startsWith("__")) continue;
    if (v === undefined) continue;
    out[k] = marshalValue(v, skip);
  }
  return out;
}

function struct(properties: Record<string, unknown>, skipInternalKeys: boolean): Struct {
  return Struct.fromJavaScript(marshalProperties(properties, skipInternalKeys) as never);
}

function resourceOptions(r: AnalyzerResource): pb.AnalyzerResourceOptions {
  const o = new pb.AnalyzerResourceOptions();
  o.setProtect(r.options.protect);
  o.setIgnorechangesList(r.options.ignoreChanges);
  o.setDeletebeforereplace(r.options.deleteBeforeReplace ?? false);
  o.setDeletebeforereplacedefined(r.options.deleteBeforeReplace !== undefined);
  o.setAdditionalsecretoutputsList(r.options.additionalSecretOutputs);
  o.setAliasesList(r.options.aliases);
  const t = new pb.AnalyzerResourceOptions.CustomTimeouts();
  t.setCreate(r.options.customTimeouts.create);
  t.setUpdate(r.options.customTimeouts.update);
  t.setDelete(r.options.customTimeouts.delete);
  o.setCustomtimeouts(t);
  o.setParent(r.options.parent);
  return o;
}

function providerResource(
  p: NonNullable<AnalyzerResource["provider"]>,
): pb.AnalyzerProviderResource {
  const pr = new pb.AnalyzerProviderResource();
  pr.setUrn(p.urn);
  pr.setType(p.type);
  pr.setName(p.name);
  pr.setProperties(struct(p.properties, true));
  return pr;
}

/** Sets the fields an AnalyzeRequest and an AnalyzeStack resource share. */
function withResource<T extends pb.AnalyzeRequest | pb.AnalyzerResource>(
  message: T,
  r: AnalyzerResource,
  skipInternalKeys: boolean,
): T {
  message.setUrn(r.urn);
  message.setType(r.type);
  message.setName(r.name);
  message.setProperties(struct(r.properties, skipInternalKeys));
  message.setOptions(resourceOptions(r));
  if (r.provider) message.setProvider(providerResource(r.provider));
  return message;
}

/** Analyze skips internal keys; Remediate keeps them (as the CLI does). */
function analyzeRequest(r: AnalyzerResource, skipInternalKeys: boolean): pb.AnalyzeRequest {
  return withResource(new pb.AnalyzeRequest(), r, skipInternalKeys);
}
