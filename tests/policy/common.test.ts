/**
 * How every policy reads what the engine hands it (policy-pack/policies/common.ts): paths through
 * unknown, absent and primitive values, numbers given as text, arrays element by element, the
 * settings' defaults, and the environment a resource's tags name.
 */
import * as assert from "assert";
import { UnknownValueError } from "@pulumi/policy";
import {
  UNKNOWN,
  environmentOf,
  peek,
  peekArray,
  peekNumber,
  peekString,
  settings,
} from "../../policy-pack/policies/common";

/** An object whose `key` throws as the SDK's proxy does for an unknown value. */
const throwing = (error: Error) =>
  Object.defineProperty({}, "key", {
    get() {
      throw error;
    },
  });

describe("reading policy inputs (common.ts)", () => {
  it("peek follows a path, stops at unknown, absent and primitive values", () => {
    assert.strictEqual(peek({ a: { b: 1 } }, "a", "b"), 1);
    assert.strictEqual(peek({ a: UNKNOWN }, "a", "b"), UNKNOWN);
    assert.strictEqual(peek(undefined, "a"), undefined);
    assert.strictEqual(peek({ a: null }, "a", "b"), undefined);
    assert.strictEqual(peek("text", "length"), undefined);
    assert.strictEqual(peek([7, 8], 1), 8);
  });

  it("peek turns the SDK's unknown-value error into UNKNOWN and lets any other error through", () => {
    const unknownError = Object.create(UnknownValueError.prototype) as Error;
    assert.strictEqual(peek(throwing(unknownError), "key"), UNKNOWN);
    assert.throws(() => peek(throwing(new RangeError("boom")), "key"), /boom/);
  });

  it("peekNumber takes numbers and finite numeric text, nothing else", () => {
    assert.strictEqual(peekNumber({ p: 443 }, "p"), 443);
    assert.strictEqual(peekNumber({ p: "8080" }, "p"), 8080);
    assert.strictEqual(peekNumber({ p: " 80 " }, "p"), 80);
    assert.strictEqual(peekNumber({ p: UNKNOWN }, "p"), UNKNOWN);
    for (const v of ["", "  ", "http", "Infinity", true, null, undefined]) {
      assert.strictEqual(peekNumber({ p: v }, "p"), undefined, String(v));
    }
  });

  it("peekString takes text and UNKNOWN, nothing else", () => {
    assert.strictEqual(peekString({ s: "sg-1" }, "s"), "sg-1");
    assert.strictEqual(peekString({ s: "" }, "s"), "");
    assert.strictEqual(peekString({ s: UNKNOWN }, "s"), UNKNOWN);
    assert.strictEqual(peekString({ s: 5 }, "s"), undefined);
    assert.strictEqual(peekString({}, "s"), undefined);
  });

  it("peekArray copies each element, and answers UNKNOWN or undefined for the whole", () => {
    assert.deepStrictEqual(peekArray({ l: ["a", UNKNOWN] }, "l"), ["a", UNKNOWN]);
    assert.deepStrictEqual(peekArray({ l: [] }, "l"), []);
    assert.strictEqual(peekArray({ l: UNKNOWN }, "l"), UNKNOWN);
    assert.strictEqual(peekArray({ l: "a" }, "l"), undefined);
  });

  it("settings take each schema default, leave out properties without one, and let config override", () => {
    const schema = {
      properties: { a: { type: "number" as const, default: 1 }, b: { type: "string" as const } },
    };
    assert.deepStrictEqual(settings(schema, { getConfig: <U>() => ({}) as U }), { a: 1 });
    assert.deepStrictEqual(settings(schema, { getConfig: <U>() => ({ a: 2, b: "x" }) as U }), {
      a: 2,
      b: "x",
    });
  });

  it("environmentOf names only the stacks' environments, from the tags or the provider's", () => {
    assert.strictEqual(environmentOf({ tags: { Environment: "exam" } }), "exam");
    assert.strictEqual(environmentOf({ tags: { Environment: "dev" } }), undefined);
    assert.strictEqual(environmentOf({ tags: { Environment: UNKNOWN } }), undefined);
    assert.strictEqual(environmentOf({ tags: UNKNOWN }), undefined);
    const provider = {
      props: { defaultTags: JSON.stringify({ tags: { Environment: "staging" } }) },
    };
    assert.strictEqual(environmentOf({}, provider), "staging");
    assert.strictEqual(environmentOf({}, { props: { defaultTags: "{not json" } }), undefined);
  });
});
