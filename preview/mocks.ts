/**
 * Pulumi's mocks as the offline preview and the tests use them: what the AWS provider and the
 * engine would return for each resource the program registers (ids, ARNs, generated names, an
 * awsx Vpc's subnets, RDS's managed secrets, a StackReference's outputs, invoke results), and a
 * recorder of every registration (type, name, inputs, parent, dependencies, options) as it
 * crossed the wire. preview/program.ts runProgram installs them around the whole program; the
 * component tests install them and construct one component directly.
 *
 * Pulumi's mocks are process-global (`pulumi.runtime.setMocks` replaces the monitor): each
 * installMocks call starts a fresh monitor and a fresh record, so runs in one process do not see
 * each other's resources.
 */
import * as pulumi from "@pulumi/pulumi";
import { NatStrategy, PROJECT, schemaDefault } from "../model/config";
import { ResourceRecord } from "../model/records";
import { awsxSubnetLayout } from "../model/replacement";
import { SUBNET_SPECS } from "../components/platform/network";
import { MOCK_ACCOUNT, mockArn, mockResourceArn } from "../model/synthetic";
import { holdsSecret, SECRET_SIG, SIG_KEY, UNKNOWN } from "./wire";

export interface MockOptions {
  /** Stack name the resources' URNs carry (prod, staging, exam). */
  stack: string;
  /** Region of the ARNs and of the getRegion invoke. Default `us-east-2`. */
  region?: string;
  /** What a StackReference to the prod stack returns. Default: platformOutputsFixture(region). */
  platformOutputs?: Record<string, unknown>;
  /**
   * A new stack's first preview (default false): every output the provider would compute comes
   * back unknown (see preview/program.ts runProgram).
   */
  firstPreview?: boolean;
  /**
   * Whether RDS returns the managed master user secret of an instance or cluster (default true).
   * False mocks a database restored from a snapshot before the managed password is applied.
   */
  managedDbSecrets?: boolean;
}

/** What the installed mocks record, filled as registrations complete. */
export interface MockRecord {
  /** Every resource, in registration order. */
  records: ResourceRecord[];
  /** By URN: each resource as the engine would hand it to a policy pack. */
  wire: Map<string, WireRegistration>;
  /** Names of the stacks read through a StackReference (org/project/stack). */
  stackReferences: string[];
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

/** awsx's subnet types (pulumi-awsx schema: SubnetType), as the Vpc's id lists name them. */
const AWSX_SUBNET_LISTS = {
  Public: "publicSubnetIds",
  Private: "privateSubnetIds",
  Isolated: "isolatedSubnetIds",
} as const;

/** What an awsx Vpc returns: its VPC id and its subnet ids by type, each list in zone order. */
export interface AwsxVpcOutputs {
  vpcId: string;
  publicSubnetIds: string[];
  privateSubnetIds: string[];
  isolatedSubnetIds: string[];
}

/**
 * The outputs awsx's Vpc returns for the inputs the Platform gives it (components/platform/
 * network.ts: `cidrBlock`, `numberOfAvailabilityZones`, `subnetStrategy: "Auto"`, `subnetSpecs`
 * of a type and a name, `natGateways.strategy`), as pulumi-awsx awsx/ec2/vpc.ts builds them:
 * - zones: the region's first `numberOfAvailabilityZones` (getDefaultAzs: `names.slice(0, n)`),
 *   here zone letters `a`, `b`, ... (the zone count against the region is
 *   model/awsLimits.ts zoneProblems' job);
 * - one aws.ec2.Subnet per zone and spec, laid out by model/replacement.ts awsxSubnetLayout, its
 *   id pushed onto the list of its type zone by zone. A private subnet exists whatever the NAT
 *   strategy (with "None" it only has no default route); "Single" or "OnePerAz" without both a
 *   public and a private spec is refused with awsx's own message (validateNatGatewayStrategy).
 * Ids stand for what AWS would assign: a subnet's is derived from its spec name, zone letter and
 * CIDR (`subnet-public-a-10.0.0.0-18`), the VPC's from its CIDR (`vpc-10.0.0.0-16`). So a subnet
 * that keeps its zone and CIDR keeps its id from one config to the next, and a subnet awsx lays
 * out anew (a CIDR or a zone count change, ec2/vpc_subnet.go: cidr_block ForceNew) gets a new
 * id, as the replacement would: what `npm start -- --against` compares.
 * Throws for the inputs this does not model (another subnet strategy, explicit masks or zones).
 */
export function awsxVpcOutputs(name: string, inputs: Record<string, unknown>): AwsxVpcOutputs {
  const specs = inputs.subnetSpecs as { type: keyof typeof AWSX_SUBNET_LISTS; name?: string }[];
  const cidr = inputs.cidrBlock;
  const zones = inputs.numberOfAvailabilityZones;
  if (
    inputs.subnetStrategy !== "Auto" ||
    !Array.isArray(specs) ||
    specs.some((s) => Object.keys(s).some((k) => k !== "type" && k !== "name")) ||
    typeof cidr !== "string" ||
    typeof zones !== "number" ||
    inputs.availabilityZoneNames !== undefined
  ) {
    throw new Error(
      `preview/mocks.ts models awsx:ec2:Vpc ${name} only with subnetStrategy "Auto", a cidrBlock, numberOfAvailabilityZones and subnetSpecs of a type and a name`,
    );
  }
  const nat = String((inputs.natGateways as { strategy?: string } | undefined)?.strategy);
  const types = new Set(specs.map((s) => s.type));
  if ((nat === "Single" || nat === "OnePerAz") && !(types.has("Public") && types.has("Private"))) {
    throw new Error(
      "If NAT Gateway strategy is 'OnePerAz' or 'Single', both private and public subnets must be declared. The private subnet creates the need for a NAT Gateway, and the public subnet is required to host the NAT Gateway resource.",
    );
  }
  const specNames = specs.map((s) => s.name ?? s.type.toLowerCase());
  const out: AwsxVpcOutputs = {
    vpcId: `vpc-${cidr.replace("/", "-")}`,
    publicSubnetIds: [],
    privateSubnetIds: [],
    isolatedSubnetIds: [],
  };
  awsxSubnetLayout(name, cidr, zones, specNames).forEach((subnet, i) => {
    const zoneLetter = String.fromCharCode(97 + Math.floor(i / specs.length));
    const spec = i % specs.length;
    out[AWSX_SUBNET_LISTS[specs[spec].type]].push(
      `subnet-${specNames[spec]}-${zoneLetter}-${subnet.cidrBlock.replace("/", "-")}`,
    );
  });
  return out;
}

/**
 * The outputs the prod stack declares, as a StackReference under mocks returns them: the network
 * is what the Vpc mock gives prod's shipped defaults (model/config/schema.ts: zones, CIDR, NAT
 * strategy), so a staging or exam run sees the same ids as a prod run.
 */
export function platformOutputsFixture(region = "us-east-2"): Record<string, unknown> {
  const natStrategy = schemaDefault("natStrategy", "prod") as NatStrategy;
  const vpc = awsxVpcOutputs(`${PROJECT}-vpc`, {
    cidrBlock: schemaDefault("vpcCidr", "prod"),
    numberOfAvailabilityZones: schemaDefault("availabilityZones", "prod"),
    subnetStrategy: "Auto",
    subnetSpecs: SUBNET_SPECS,
  });
  return {
    url: "https://ide.example.edu",
    dashboardName: "pythonide-ide-prod",
    serviceName: "ide-prod-service",
    vpcId: vpc.vpcId,
    publicSubnetIds: vpc.publicSubnetIds,
    privateSubnetIds: vpc.privateSubnetIds,
    taskSubnetIds: natStrategy === "none" ? vpc.publicSubnetIds : vpc.privateSubnetIds,
    assignPublicIp: natStrategy === "none",
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
 * Installs the mocks (a new mock monitor) and returns the record they fill. Register resources
 * after this; `await settled()` waits until every registration has completed.
 */
export async function installMocks(options: MockOptions): Promise<MockRecord> {
  const region = options.region ?? "us-east-2";
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
          Object.assign(state, awsxVpcOutputs(args.name, args.inputs));
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

  return { records, wire, stackReferences };
}

/** Waits until every registration and invoke started so far has completed. */
export async function settled(): Promise<void> {
  await (
    require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> }
  ).waitForRPCs();
}

/** Names of a serialized object's properties whose values are secrets (top level). */
function secretProperties(object: Record<string, unknown>): string[] {
  return Object.entries(object)
    .filter(([, v]) => holdsSecret(v))
    .map(([k]) => k);
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

/**
 * Replaces wire-format secrets with their plain values (policies see secrets in plaintext) and
 * leaves unknown values out.
 */
export function unwrap(value: unknown): unknown {
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
