/**
 * The --policy-config file format and the merge the CLI performs before Configure (pure code:
 * no pack, no program).
 */
import * as assert from "assert";
import {
  parsePolicyConfig,
  PolicyConfigError,
  PolicyDescriptor,
  reconcilePolicyConfig,
  validate,
} from "../../preview/policy-config";

const POLICIES: PolicyDescriptor[] = [
  {
    name: "size",
    enforcementLevel: "mandatory",
    configSchema: {
      properties: {
        maxCpu: { type: "integer", enum: [256, 512, 1024, 2048], default: 1024 },
        label: { type: "string", default: "schema" },
      },
      required: [],
    },
  },
  { name: "plain", enforcementLevel: "advisory", configSchema: { properties: {}, required: [] } },
];

describe("preview: --policy-config files", () => {
  it("reads a level as a string and properties with an optional level as an object", () => {
    assert.deepStrictEqual(
      parsePolicyConfig(
        '{"size": {"enforcementLevel": "advisory", "maxCpu": 2048}, "plain": "disabled", "empty": {}}',
        "p.json",
      ),
      {
        size: { enforcementLevel: "advisory", properties: { maxCpu: 2048 } },
        plain: { enforcementLevel: "disabled" },
      },
    );
  });

  it("treats an empty file as no config", () => {
    assert.deepStrictEqual(parsePolicyConfig("  \n", "p.json"), {});
  });

  it("refuses an unknown level, naming the policy, the value and the valid levels", () => {
    assert.throws(
      () => parsePolicyConfig('{"size": "strict"}', "p.json"),
      (err: Error) =>
        err instanceof PolicyConfigError &&
        err.message.includes(`"size" is "strict": not an enforcement level`) &&
        err.message.includes("advisory, mandatory, remediate, disabled"),
    );
  });

  it("refuses text that is not a JSON object", () => {
    assert.throws(() => parsePolicyConfig("[1]", "p.json"), /p\.json must hold a JSON object/);
    assert.throws(() => parsePolicyConfig("{", "p.json"), /p\.json is not valid JSON/);
  });
});

describe("preview: policy config merge (as the CLI reconciles it)", () => {
  it("starts from each policy's level and schema defaults", () => {
    assert.deepStrictEqual(reconcilePolicyConfig(POLICIES, {}, {}), {
      size: { enforcementLevel: "mandatory", properties: { maxCpu: 1024, label: "schema" } },
      plain: { enforcementLevel: "advisory", properties: undefined },
    });
  });

  it("lays the pack's initial config over the defaults and the file over both", () => {
    const merged = reconcilePolicyConfig(
      POLICIES,
      { size: { enforcementLevel: "advisory", properties: { maxCpu: 512, label: "initial" } } },
      { size: { properties: { label: "file" } } },
    );
    assert.deepStrictEqual(merged.size, {
      enforcementLevel: "advisory",
      properties: { maxCpu: 512, label: "file" },
    });
  });

  it("applies `all` to every policy's level before the per-policy entries", () => {
    const merged = reconcilePolicyConfig(
      POLICIES,
      {},
      { all: { enforcementLevel: "disabled" }, plain: { enforcementLevel: "mandatory" } },
    );
    assert.strictEqual(merged.size.enforcementLevel, "disabled");
    assert.deepStrictEqual(merged.size.properties, { maxCpu: 1024, label: "schema" });
    assert.strictEqual(merged.plain.enforcementLevel, "mandatory");
  });

  it("refuses properties their schema rejects, naming the policy, the property and the rule", () => {
    assert.throws(
      () => reconcilePolicyConfig(POLICIES, {}, { size: { properties: { maxCpu: 3000 } } }),
      (err: Error) =>
        err instanceof PolicyConfigError &&
        err.message.includes("size: maxCpu: must be one of the following: 256, 512, 1024, 2048"),
    );
    assert.throws(
      () => reconcilePolicyConfig(POLICIES, {}, { size: { properties: { label: 7 } } }),
      /size: label: Invalid type\. Expected: string, given: integer/,
    );
  });
});

describe("preview: policy names and properties (stricter than the CLI, which ignores them)", () => {
  const problems = (given: Parameters<typeof reconcilePolicyConfig>[2]): string[] => {
    try {
      reconcilePolicyConfig(POLICIES, {}, given);
    } catch (err) {
      assert.ok(err instanceof PolicyConfigError);
      return err.problems;
    }
    return [];
  };

  it("refuses a policy the pack does not have, with the nearest name", () => {
    assert.deepStrictEqual(problems({ sise: { enforcementLevel: "advisory" } }), [
      '"sise" is not a policy of this pack: did you mean "size"?',
    ]);
    assert.deepStrictEqual(problems({ "s3-encryption": { enforcementLevel: "advisory" } }), [
      '"s3-encryption" is not a policy of this pack: the policies are size, plain',
    ]);
  });

  it("refuses a property the policy does not declare, with the nearest property", () => {
    assert.deepStrictEqual(problems({ size: { properties: { maxCPU: 512 } } }), [
      'size: maxCPU is not a property of this policy: did you mean "maxCpu"?',
    ]);
    assert.deepStrictEqual(problems({ plain: { properties: { limit: 1 } } }), [
      "plain: limit is not a property of this policy: the properties are none",
    ]);
  });

  it("accepts `all` and the pack's own names, as the CLI does", () => {
    assert.deepStrictEqual(
      problems({ all: { enforcementLevel: "advisory" }, size: { properties: { maxCpu: 512 } } }),
      [],
    );
  });

  it("reports every problem at once: unknown names first, then the schema's", () => {
    assert.throws(
      () =>
        reconcilePolicyConfig(
          POLICIES,
          {},
          {
            sise: { enforcementLevel: "mandatory" },
            size: { properties: { maxCpu: 3000, lable: "x" } },
          },
        ),
      (err: Error) =>
        err.message ===
        "the policy config is invalid:\n" +
          '  - "sise" is not a policy of this pack: did you mean "size"?\n' +
          '  - size: lable is not a property of this policy: did you mean "label"?\n' +
          "  - size: maxCpu: must be one of the following: 256, 512, 1024, 2048",
    );
  });
});

describe("preview: config schema validation", () => {
  it("checks types, bounds, items and required properties", () => {
    const schema = {
      type: "object",
      properties: {
        n: { type: "integer", minimum: 1, maximum: 5 },
        list: { type: "array", items: { type: "string", enum: ["prod", "exam"] } },
      },
      required: ["n"],
    };
    assert.deepStrictEqual(validate(schema, { n: 3, list: ["prod"] }, ""), []);
    assert.deepStrictEqual(validate(schema, { n: 9, list: ["prod", "qa"] }, ""), [
      "n: Must be less than or equal to 5",
      'list.1: must be one of the following: "prod", "exam"',
    ]);
    assert.deepStrictEqual(validate(schema, {}, ""), ["n is required"]);
    assert.deepStrictEqual(validate({ type: "number" }, 2, "x"), []);
  });
});
