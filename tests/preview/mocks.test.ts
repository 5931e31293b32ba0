/**
 * The awsx Vpc mock (preview/mocks.ts awsxVpcOutputs): subnet ids that follow the zones, the
 * CIDR and the subnet specs as awsx lays them out, stable while a subnet keeps its zone and
 * CIDR, and unknown in a first preview.
 */
import * as assert from "assert";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { awsxVpcOutputs, installMocks, platformOutputsFixture, settled } from "../../preview/mocks";
import { UNKNOWN } from "../../preview/wire";

const SPECS = [
  { type: "Public", name: "public" },
  { type: "Private", name: "private" },
];
const vpc = (zones: number, more: Record<string, unknown> = {}) =>
  awsxVpcOutputs("v", {
    cidrBlock: "10.0.0.0/16",
    numberOfAvailabilityZones: zones,
    subnetStrategy: "Auto",
    subnetSpecs: SPECS,
    natGateways: { strategy: "None" },
    ...more,
  });

describe("preview mocks: the awsx Vpc's outputs follow its inputs", function () {
  it("gives one subnet per zone and spec, in zone order, ids from zone and CIDR", () => {
    assert.deepStrictEqual(vpc(2), {
      vpcId: "vpc-10.0.0.0-16",
      publicSubnetIds: ["subnet-public-a-10.0.0.0-18", "subnet-public-b-10.0.128.0-18"],
      // Private subnets exist with NAT "None" too (awsx vpc.ts: no route, same subnet).
      privateSubnetIds: ["subnet-private-a-10.0.64.0-18", "subnet-private-b-10.0.192.0-18"],
      isolatedSubnetIds: [],
    });
    assert.deepStrictEqual(vpc(3, { natGateways: { strategy: "Single" } }).privateSubnetIds, [
      "subnet-private-a-10.0.32.0-19",
      "subnet-private-b-10.0.96.0-19",
      "subnet-private-c-10.0.160.0-19",
    ]);
  });

  it("keeps a subnet's id while its zone and CIDR stay (3 -> 4), not when re-laid out (2 -> 3)", () => {
    const [two, three, four] = [vpc(2), vpc(3), vpc(4)];
    assert.deepStrictEqual(four.publicSubnetIds.slice(0, 3), three.publicSubnetIds);
    assert.deepStrictEqual(four.privateSubnetIds.slice(0, 3), three.privateSubnetIds);
    assert.strictEqual(four.publicSubnetIds[3], "subnet-public-d-10.0.192.0-19");
    for (const id of [...two.publicSubnetIds, ...two.privateSubnetIds]) {
      assert.ok(![...three.publicSubnetIds, ...three.privateSubnetIds].includes(id), id);
    }
    assert.notStrictEqual(vpc(2, { cidrBlock: "10.1.0.0/16" }).vpcId, two.vpcId);
  });

  it("refuses a NAT gateway without a private and a public spec, with awsx's message", () => {
    assert.throws(
      () => vpc(2, { subnetSpecs: [SPECS[0]], natGateways: { strategy: "OnePerAz" } }),
      /^Error: If NAT Gateway strategy is 'OnePerAz' or 'Single', both private and public subnets must be declared\./,
    );
    assert.deepStrictEqual(vpc(2, { subnetSpecs: [SPECS[0]] }).privateSubnetIds, []);
  });

  it("refuses inputs it does not model rather than inventing a layout", () => {
    assert.throws(
      () => vpc(2, { subnetStrategy: "Legacy" }),
      /^Error: preview\/mocks\.ts models awsx:ec2:Vpc v only with subnetStrategy "Auto"/,
    );
    assert.throws(
      () => vpc(2, { subnetSpecs: [{ type: "Public", name: "public", cidrMask: 24 }] }),
      /models awsx:ec2:Vpc v only/,
    );
  });

  it("the StackReference fixture is what the mock gives prod's shipped network", () => {
    const f = platformOutputsFixture();
    const prod = awsxVpcOutputs("pythonide-vpc", {
      cidrBlock: "10.0.0.0/16",
      numberOfAvailabilityZones: 2,
      subnetStrategy: "Auto",
      subnetSpecs: SPECS,
    });
    assert.deepStrictEqual(
      [f.vpcId, f.publicSubnetIds, f.privateSubnetIds, f.taskSubnetIds, f.assignPublicIp],
      [prod.vpcId, prod.publicSubnetIds, prod.privateSubnetIds, prod.publicSubnetIds, true],
    );
  });

  for (const firstPreview of [false, true]) {
    it(`registers the ids as computed outputs${firstPreview ? ", unknown in a first preview" : ""}`, async () => {
      const mocks = await installMocks({ stack: "prod", firstPreview });
      await pulumi.runtime.runInPulumiStack(async () => {
        new awsx.ec2.Vpc("v", {
          cidrBlock: "10.0.0.0/16",
          numberOfAvailabilityZones: 2,
          subnetStrategy: "Auto",
          subnetSpecs: [
            { type: "Public", name: "public" },
            { type: "Private", name: "private" },
          ],
          natGateways: { strategy: "None" },
        });
        return {};
      });
      await settled();
      const record = mocks.records.find((r) => r.type === "awsx:ec2:Vpc")!;
      const computed = mocks.wire.get(record.urn)!.computed;
      const expected = firstPreview
        ? { vpcId: UNKNOWN, publicSubnetIds: UNKNOWN, privateSubnetIds: UNKNOWN }
        : {
            vpcId: vpc(2).vpcId,
            publicSubnetIds: vpc(2).publicSubnetIds,
            privateSubnetIds: vpc(2).privateSubnetIds,
          };
      assert.deepStrictEqual(
        {
          vpcId: computed.vpcId,
          publicSubnetIds: computed.publicSubnetIds,
          privateSubnetIds: computed.privateSubnetIds,
        },
        expected,
      );
    });
  }
});
