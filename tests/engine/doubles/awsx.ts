/**
 * TEST DOUBLE of the awsx component provider (`pulumi-resource-awsx`), for the engine suite only
 * (tests/engine). awsx 3.x's `awsx.ec2.Vpc` is a remote component: the program's SDK registers
 * it and the engine asks the awsx plugin to Construct it. This double, served by `@pulumi/pulumi`'s
 * provider server, constructs `awsx:ec2:Vpc` the way the real one is shaped, with fewer children:
 *
 * - availability zones from `aws.getAvailabilityZones` (answered by the aws double), the first
 *   `numberOfAvailabilityZones` (default 2, as awsx);
 * - children: the `aws.ec2.Vpc`, one subnet per zone and subnet spec (`<vpc>-<spec>-<n>`, /20s
 *   carved from the VPC block in order, which is not awsx's own layout), an internet gateway when
 *   there is a public subnet, and an EIP and NAT gateway per the NAT strategy (None: none; Single:
 *   one; OnePerAz: one per zone). Route tables, routes and their associations are left out. Every
 *   child carries the Vpc's `tags` plus a `Name` tag, as awsx tags its children;
 * - outputs: `vpcId`, `publicSubnetIds`, `privateSubnetIds`, `isolatedSubnetIds`.
 * It reports the version `@pulumi/awsx` pins. Anything else (other awsx components) is refused.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as provider from "@pulumi/pulumi/provider";

const VERSION: string = require("@pulumi/awsx/package.json").version;

/** The value of a construct input (they arrive as Outputs; the program passes known values). */
async function value<T>(input: pulumi.Input<T> | undefined): Promise<T | undefined> {
  if (input === undefined) return undefined;
  return (pulumi.output(input) as unknown as { promise(): Promise<T> }).promise();
}

/** The `index`-th /20 (or finer, for a smaller VPC) block of `cidr`, of 16. */
export function subnetCidr(cidr: string, index: number): string {
  const [address, bits] = cidr.split("/");
  const prefix = Number(bits) + 4;
  const base = address.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const start = base + index * 2 ** (32 - prefix);
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256);
  return `${octets.join(".")}/${prefix}`;
}

interface SubnetSpec {
  type: "Public" | "Private" | "Isolated";
  name?: string;
}

class VpcDouble extends pulumi.ComponentResource {
  readonly vpcId: pulumi.Output<string>;
  readonly publicSubnetIds: pulumi.Output<string[]>;
  readonly privateSubnetIds: pulumi.Output<string[]>;
  readonly isolatedSubnetIds: pulumi.Output<string[]>;

  constructor(
    name: string,
    args: {
      cidrBlock: string;
      zones: string[];
      specs: SubnetSpec[];
      nat: string;
      tags: Record<string, string>;
      enableDnsHostnames?: boolean;
      enableDnsSupport?: boolean;
    },
    opts: pulumi.ComponentResourceOptions,
  ) {
    super("awsx:ec2:Vpc", name, {}, opts);
    const parent = { parent: this };
    const tagged = (tagName: string) => ({ ...args.tags, Name: tagName });
    const vpc = new aws.ec2.Vpc(
      name,
      {
        cidrBlock: args.cidrBlock,
        enableDnsHostnames: args.enableDnsHostnames,
        enableDnsSupport: args.enableDnsSupport,
        tags: tagged(name),
      },
      parent,
    );
    const byType: Record<SubnetSpec["type"], aws.ec2.Subnet[]> = {
      Public: [],
      Private: [],
      Isolated: [],
    };
    let block = 0;
    args.zones.forEach((zone, z) => {
      for (const spec of args.specs) {
        const subnetName = `${name}-${spec.name ?? spec.type.toLowerCase()}-${z + 1}`;
        byType[spec.type].push(
          new aws.ec2.Subnet(
            subnetName,
            {
              vpcId: vpc.id,
              availabilityZone: zone,
              cidrBlock: subnetCidr(args.cidrBlock, block++),
              mapPublicIpOnLaunch: spec.type === "Public",
              tags: { ...tagged(subnetName), SubnetType: spec.type },
            },
            parent,
          ),
        );
      }
    });
    if (byType.Public.length > 0) {
      new aws.ec2.InternetGateway(name, { vpcId: vpc.id, tags: tagged(name) }, parent);
    }
    const natCount = { None: 0, Single: 1, OnePerAz: args.zones.length }[args.nat] ?? 0;
    for (let i = 0; i < natCount && i < byType.Public.length; i++) {
      const natName = `${name}-${i + 1}`;
      const eip = new aws.ec2.Eip(natName, { domain: "vpc", tags: tagged(natName) }, parent);
      new aws.ec2.NatGateway(
        natName,
        { subnetId: byType.Public[i].id, allocationId: eip.id, tags: tagged(natName) },
        parent,
      );
    }
    const ids = (subnets: aws.ec2.Subnet[]) => pulumi.all(subnets.map((s) => s.id));
    this.vpcId = vpc.id;
    this.publicSubnetIds = ids(byType.Public);
    this.privateSubnetIds = ids(byType.Private);
    this.isolatedSubnetIds = ids(byType.Isolated);
    this.registerOutputs({
      vpcId: this.vpcId,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetIds: this.privateSubnetIds,
      isolatedSubnetIds: this.isolatedSubnetIds,
    });
  }
}

const awsxDouble: provider.Provider = {
  version: VERSION,
  async construct(name, type, inputs, options) {
    if (type !== "awsx:ec2:Vpc") throw new Error(`the awsx test double does not construct ${type}`);
    const count = (await value<number>(inputs.numberOfAvailabilityZones)) ?? 2;
    const zones = (await aws.getAvailabilityZones({ state: "available" })).names.slice(0, count);
    const nat = (await value<{ strategy?: string }>(inputs.natGateways))?.strategy ?? "OnePerAz";
    const vpc = new VpcDouble(
      name,
      {
        cidrBlock: (await value<string>(inputs.cidrBlock)) ?? "10.0.0.0/16",
        zones,
        specs: (await value<SubnetSpec[]>(inputs.subnetSpecs)) ?? [
          { type: "Public" },
          { type: "Private" },
        ],
        nat,
        tags: (await value<Record<string, string>>(inputs.tags)) ?? {},
        enableDnsHostnames: await value<boolean>(inputs.enableDnsHostnames),
        enableDnsSupport: await value<boolean>(inputs.enableDnsSupport),
      },
      options,
    );
    return {
      urn: vpc.urn,
      state: {
        vpcId: vpc.vpcId,
        publicSubnetIds: vpc.publicSubnetIds,
        privateSubnetIds: vpc.privateSubnetIds,
        isolatedSubnetIds: vpc.isolatedSubnetIds,
      },
    };
  },
};

if (require.main === module) {
  provider.main(awsxDouble, process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
