/**
 * Runs the real Pulumi program (index.ts and everything it composes) for one stack on Pulumi's
 * mocks and records every resource it registers: type, name, inputs, parent, dependencies and
 * resource options. The offline preview and the tests both run stacks through here, one mocks
 * setup per process, one stack at a time.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { PROJECT, RawConfig } from "../model/config";
import { ResourceRecord } from "../model/records";
import { MOCK_ACCOUNT, mockArn, mockResourceArn } from "../model/synthetic";
import { holdsSecret, SECRET_SIG, SIG_KEY, UNKNOWN } from "./wire";
import { configStage } from "./cli-config";

export interface RunOptions {
  /** Stack name: prod, staging or exam. */
  stack: string;
  /** All config values, `namespace:key` -> value (see stackFileConfig). */
  config: RawConfig;
  /** The clock the program reads (default: the real one). */
  now?: Date;
  /** What a StackReference to the prod stack returns (default: platformOutputsFixture()). */
  platformOutputs?: Record<string, unknown>;
  /** The program to run (default: the repository's index.ts). */
  program?: string;
  /**
   * Run as a new stack's first preview (default false: every output known, as after an update).
   * See `runProgram`.
   */
  firstPreview?: boolean;
  /**
   * Whether RDS returns the managed master user secret of an instance or cluster (default true).
   * False mocks what RDS does for a database restored from a snapshot before the managed
   * password is applied: `masterUserSecrets` empty.
   */
  managedDbSecrets?: boolean;
}

export interface ProgramRun {
  /** Every resource, in registration order, the root Stack first. */
  records: ResourceRecord[];
  /** The stack's exported outputs. */
  outputs: Record<string, unknown>;
  /** Warnings the program logged. */
  warnings: string[];
  /** Names of the stacks the program read through a StackReference (org/project/stack). */
  stackReferences: string[];
  /** By URN: each resource as the engine would hand it to a policy pack (see WireRegistration). */
  wire: Map<string, WireRegistration>;
}

/**
 * A registration as it crossed the wire, for the policy gate (preview/analyzer.ts): inputs with
 * secrets and resource references still marked, property dependencies and the options that
 * ResourceRecord leaves out.
 */
export interface WireRegistration {
  /** Serialized inputs: secrets and resource references keep their signature objects. */
  object: Record<string, unknown>;
  /** Input property name -> URNs its value came from. */
  propertyDependencies: Record<string, string[]>;
  /**
   * The outputs the mocks returned beyond the inputs (ids, ARNs, generated names), with `id` for
   * a custom resource: the UNKNOWN sentinel for each in a first preview.
   */
  computed: Record<string, unknown>;
  /** Explicit provider reference (`<urn>::<id>`), or "" for the default provider. */
  provider: string;
  /** Aliases: a URN, or a spec whose empty fields mean "same as this resource". */
  aliases: {
    urn?: string;
    name?: string;
    type?: string;
    stack?: string;
    project?: string;
    parentUrn?: string;
    noParent?: boolean;
  }[];
  additionalSecretOutputs: string[];
  /** Custom timeouts as the program wrote them (Go durations such as "5m"), "" when unset. */
  customTimeouts: { create: string; update: string; delete: string };
  /** Whether deleteBeforeReplace was set at all, and its value. */
  deleteBeforeReplaceDefined: boolean;
  deleteBeforeReplace: boolean;
}

const PROGRAM = path.join(__dirname, "..", "index.ts");
const ROOT = path.join(__dirname, "..");

/**
 * The config of a stack file shipped in the repository (`Pulumi.<stack>.yaml`), as `pulumi preview`
 * hands it to the program: read with the repository's Pulumi.yaml through the CLI's config stage
 * (preview/cli-config). Throws the CLI's error when that stage would stop `pulumi preview`.
 */
export function shippedStackConfig(stack: string): RawConfig {
  const stackText = fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8");
  const stage = configStage({ stack, stackText, root: ROOT });
  if (stage.cliError !== undefined) throw new Error(stage.cliError);
  return stage.config!;
}

/** Raw config as the engine hands it to a program or a policy pack: values, and which are secret. */
export function engineConfig(raw: RawConfig): {
  values: Record<string, string>;
  secretKeys: string[];
} {
  return {
    values: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.value])),
    secretKeys: Object.entries(raw)
      .filter(([, v]) => v.secret)
      .map(([k]) => k),
  };
}

/** Names of a serialized object's properties whose values are secrets (top level). */
function secretProperties(object: Record<string, unknown>): string[] {
  return Object.entries(object)
    .filter(([, v]) => holdsSecret(v))
    .map(([k]) => k);
}

/** The outputs the prod stack declares, as a StackReference under mocks returns them. */
export function platformOutputsFixture(region = "us-east-2"): Record<string, unknown> {
  return {
    url: "https://ide.example.edu",
    dashboardName: "pythonide-ide-prod",
    serviceName: "ide-prod-service",
    vpcId: "vpc-mock",
    publicSubnetIds: ["subnet-public-a", "subnet-public-b"],
    privateSubnetIds: ["subnet-private-a", "subnet-private-b"],
    taskSubnetIds: ["subnet-public-a", "subnet-public-b"],
    assignPublicIp: true,
    clusterName: "pythonide-cluster",
    clusterArn: mockResourceArn("aws:ecs", "cluster/pythonide-cluster", region),
    httpsListenerArn: mockResourceArn(
      "aws:elasticloadbalancing",
      "listener/app/pythonide/https",
      region,
    ),
    loadBalancerArnSuffix: "app/pythonide/0123456789abcdef",
    loadBalancerDnsName: "pythonide-alb.mock.invalid",
    loadBalancerSecurityGroupId: "sg-lb-mock",
    taskSecurityGroupId: "sg-tasks-mock",
    databaseSecurityGroupId: "sg-db-mock",
    fileSystemSecurityGroupId: "sg-efs-mock",
    dbSubnetGroupName: "pythonide-db-subnets",
    fileSystemId: "fs-mock",
    fileSystemArn: mockResourceArn("aws:elasticfilesystem", "file-system/fs-mock", region),
    databaseEndpoint: "pythonide-db.mock.invalid:5432",
    databaseSecretArn: mockResourceArn("aws:secretsmanager", "secret:rds-mock", region),
    alarmTopicArn: mockResourceArn("aws:sns", "pythonide-alarms", region),
  };
}

/**
 * Runs the program for one stack and returns what it registered. Throws what the program
 * throws (a config error arrives as a pulumi.RunError whose message is the config message).
 *
 * With `firstPreview`, the run is a new stack's first `pulumi preview`: the SDK runs in dry-run
 * mode and every output the provider would compute (ids, ARNs, names it generates, an awsx
 * Vpc's subnets) comes back as the unknown sentinel, so an input built from one is unknown and
 * an `apply` over it never runs (a JSON document built from it is unknown as a whole). This is
 * what the engine hands the program and the pack: for a resource to be created, a preview asks
 * the provider's Create with `Preview: true` (pulumi/pulumi pkg/resource/deploy/step.go,
 * CreateStep.Apply), which returns the inputs with every computed attribute unknown; the SDK
 * resolves an output missing from the response as unknown in a dry run (@pulumi/pulumi
 * runtime/resource.ts, resolveOutputs). Kept known, because they are in a first preview: the
 * inputs the program fixes, invoke results (getRegion, getAvailabilityZones: the provider
 * answers them in a preview) and a StackReference's outputs (the prod stack exists). Names the
 * AWS provider would generate in its Check are kept unknown here (no provider runs): a policy
 * that decides without them also decides with them.
 */
export async function runProgram(options: RunOptions): Promise<ProgramRun> {
  const region = options.config["aws:region"]?.value ?? "us-east-2";
  const platformOutputs = options.platformOutputs ?? platformOutputsFixture(region);
  const records: ResourceRecord[] = [];
  const wire = new Map<string, WireRegistration>();
  const stackReferences: string[] = [];

  /** What RDS returns as `masterUserSecrets`: the managed secret, or none (managedDbSecrets). */
  const managedSecrets = (type: string, name: string) =>
    options.managedDbSecrets === false
      ? []
      : [
          {
            secretArn: mockResourceArn(type, `secret:rds!${name}`, region),
            secretStatus: "active",
          },
        ];

  const computedByUrn = new Map<string, Record<string, unknown>>();
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const state: Record<string, unknown> = { ...args.inputs };
      let id = `${args.name}-id`;
      const given = new Set(Object.keys(state));
      switch (args.type) {
        case "pulumi:pulumi:StackReference":
          id = String(args.inputs.name ?? args.name);
          stackReferences.push(id);
          state.outputs = platformOutputs;
          break;
        case "awsx:ec2:Vpc":
          state.vpcId = "vpc-mock";
          state.publicSubnetIds = ["subnet-public-a", "subnet-public-b"];
          state.privateSubnetIds = ["subnet-private-a", "subnet-private-b"];
          state.isolatedSubnetIds = [];
          break;
        case "aws:rds/instance:Instance":
          state.address = `${args.name}.mock.invalid`;
          state.endpoint = `${args.name}.mock.invalid:5432`;
          state.masterUserSecrets = managedSecrets(args.type, args.name);
          break;
        case "aws:rds/cluster:Cluster":
          state.endpoint = `${args.name}.cluster-mock.invalid`;
          state.readerEndpoint = `${args.name}.cluster-ro-mock.invalid`;
          state.port = args.inputs.port ?? 5432;
          state.masterUserSecrets = managedSecrets(args.type, args.name);
          break;
        case "aws:lb/loadBalancer:LoadBalancer":
          state.dnsName = `${args.name}.mock.invalid`;
          state.arnSuffix = `app/${args.name}/0123456789abcdef`;
          break;
        case "aws:lb/targetGroup:TargetGroup":
          state.arnSuffix = `targetgroup/${args.name}/0123456789abcdef`;
          break;
      }
      state.name = state.name ?? args.name;
      state.arn = state.arn ?? mockArn(args.type, args.name, region);
      const reference = args.type === "pulumi:pulumi:StackReference";
      const computed: Record<string, unknown> = {};
      for (const key of Object.keys(state)) {
        if (given.has(key)) continue;
        if (options.firstPreview && !reference) state[key] = UNKNOWN;
        computed[key] = state[key];
      }
      if (args.custom !== false) {
        if (options.firstPreview && !reference) id = "";
        computed.id = id === "" ? UNKNOWN : id;
      }
      computedByUrn.set(`${args.type}::${args.name}`, computed);
      return { id, state };
    },
    call(args) {
      switch (args.token) {
        case "aws:index/getRegion:getRegion":
          return { name: region, region, id: region, description: region };
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
          return {
            names: [`${region}a`, `${region}b`, `${region}c`],
            zoneIds: ["az1", "az2", "az3"],
          };
        case "aws:index/getCallerIdentity:getCallerIdentity":
          return {
            accountId: MOCK_ACCOUNT,
            arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/mock`,
            userId: "mock",
          };
        case "aws:index/getPartition:getPartition":
          return { partition: "aws", dnsSuffix: "amazonaws.com" };
        default:
          return args.inputs;
      }
    },
  };

  await pulumi.runtime.setMocks(mocks, PROJECT, options.stack, options.firstPreview ?? false);
  const monitor = (pulumi.runtime as unknown as { getMonitor(): any }).getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req: any, callback: (err: unknown, resp: any) => void) => {
    register(req, (err: unknown, resp: any) => {
      if (!err && resp) {
        const object = req.getObject()?.toJavaScript() ?? {};
        const record: ResourceRecord = {
          type: req.getType(),
          name: req.getName(),
          urn: resp.getUrn(),
          parent: req.getParent() || undefined,
          inputs: unwrap(object) as Record<string, unknown>,
          custom: req.getCustom(),
          secretInputs: secretProperties(object),
          dependencies: req.getDependenciesList(),
          options: {
            protect: req.getProtect() ?? undefined,
            ignoreChanges: req.getIgnorechangesList(),
            deleteBeforeReplace: req.getDeletebeforereplace() || undefined,
            retainOnDelete: req.getRetainondelete() ?? undefined,
          },
        };
        const registration = wireRegistration(
          req,
          object,
          computedByUrn.get(`${record.type}::${record.name}`) ?? {},
        );
        record.propertyDependencies = registration.propertyDependencies;
        records.push(record);
        wire.set(record.urn, registration);
      }
      callback(err, resp);
    });
  };

  // A component's registered outputs become its state's outputs, in a preview too (pulumi/pulumi
  // pkg/resource/deploy/step_executor.go, ExecuteRegisterResourceOutputs: "Unconditionally set
  // the resource's outputs to what was provided"), and AnalyzeStack sees them.
  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req: any, callback: (err: unknown, resp: any) => void) => {
    const record = records.find((r) => r.urn === req.getUrn());
    const registration = record && wire.get(record.urn);
    if (registration && !record!.custom) {
      Object.assign(registration.computed, req.getOutputs()?.toJavaScript() ?? {});
    }
    registerOutputs(req, callback);
  };

  const { values, secretKeys } = engineConfig(options.config);
  pulumi.runtime.setAllConfig(values, secretKeys);

  const warnings: string[] = [];
  const warn = pulumi.log.warn;
  const savedNow = process.env.PYTHONIDE_NOW;
  (pulumi.log as { warn: typeof pulumi.log.warn }).warn = async (msg: string) => {
    warnings.push(msg);
  };
  if (options.now) process.env.PYTHONIDE_NOW = options.now.toISOString();
  // An error thrown inside an apply (a check on a value read from a StackReference) reaches the
  // process as an unhandled rejection; the engine's language host fails the update with it, and
  // so does this run (instead of waiting forever for outputs that never resolve).
  let failRun: (reason: unknown) => void = () => undefined;
  const programFailed = new Promise<never>((_, reject) => {
    failRun = reject;
  });
  const onUnhandled = (reason: unknown): void => failRun(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    const program = options.program ?? PROGRAM;
    forgetProgramModules();
    delete require.cache[require.resolve(program)];
    const run = async (): Promise<ProgramRun> => {
      const outputs = await pulumi.runtime.runInPulumiStack(async () => require(program));
      const resolved = unwrap(await resolveOutputs(outputs ?? {})) as Record<string, unknown>;
      // Let the stack's own registerResourceOutputs reach this run's mock monitor: the next
      // run's setMocks replaces the monitor, and a late call would reject ("unknown resource").
      await (
        require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> }
      ).waitForRPCs();
      return { records, outputs: resolved, warnings, stackReferences, wire };
    };
    return await Promise.race([run(), programFailed]);
  } finally {
    process.off("unhandledRejection", onUnhandled);
    (pulumi.log as { warn: typeof pulumi.log.warn }).warn = warn;
    if (savedNow === undefined) delete process.env.PYTHONIDE_NOW;
    else process.env.PYTHONIDE_NOW = savedNow;
  }
}

function wireRegistration(
  req: any,
  object: Record<string, unknown>,
  computed: Record<string, unknown>,
): WireRegistration {
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
    propertyDependencies[key] = deps.getUrnsList();
  });
  const timeouts = req.getCustomtimeouts();
  return {
    object,
    computed,
    propertyDependencies,
    provider: req.getProvider(),
    aliases: [
      ...req.getAliasurnsList().map((urn: string) => ({ urn })),
      ...req.getAliasesList().map((alias: any) => {
        if (alias.hasUrn()) return { urn: alias.getUrn() };
        const spec = alias.getSpec();
        return {
          name: spec.getName() || undefined,
          type: spec.getType() || undefined,
          stack: spec.getStack() || undefined,
          project: spec.getProject() || undefined,
          parentUrn: spec.hasParenturn() ? spec.getParenturn() : undefined,
          noParent: spec.hasNoparent() ? spec.getNoparent() : undefined,
        };
      }),
    ],
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    customTimeouts: {
      create: timeouts?.getCreate() ?? "",
      update: timeouts?.getUpdate() ?? "",
      delete: timeouts?.getDelete() ?? "",
    },
    deleteBeforeReplaceDefined: req.getDeletebeforereplacedefined(),
    deleteBeforeReplace: req.getDeletebeforereplace(),
  };
}

/** Drops the project's own modules from require's cache so the next run composes afresh. */
function forgetProgramModules(): void {
  for (const file of Object.keys(require.cache)) {
    if (
      file.startsWith(ROOT) &&
      !file.includes(`${path.sep}node_modules${path.sep}`) &&
      !file.includes(`${path.sep}preview${path.sep}`) &&
      !file.includes(`${path.sep}tests${path.sep}`)
    ) {
      delete require.cache[file];
    }
  }
}

/** The stack's outputs; one not known in a first preview is the UNKNOWN sentinel. */
async function resolveOutputs(outputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const resolved: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(outputs)) {
    resolved[k] = pulumi.Output.isInstance(v) ? await valueOf(v) : v;
  }
  return resolved;
}

/** An output's value, or UNKNOWN (an apply on an unknown output never runs in a dry run). */
async function valueOf<T>(output: pulumi.Output<T>): Promise<T | typeof UNKNOWN> {
  const internal = output as unknown as { isKnown: Promise<boolean>; promise(): Promise<T> };
  return (await internal.isKnown) ? await internal.promise() : UNKNOWN;
}

/**
 * Replaces wire-format secrets with their plain values (policies see secrets in plaintext) and
 * leaves unknown values out.
 */
function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrap);
  if (value === UNKNOWN) return undefined; // records leave unknowns out (model/records.ts)
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (obj[SIG_KEY] === SECRET_SIG) return unwrap(obj.value);
  return Object.fromEntries(
    Object.entries(obj)
      .map(([k, v]) => [k, unwrap(v)])
      .filter(([, v]) => v !== undefined),
  );
}
