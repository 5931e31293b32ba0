/**
 * The offline replica of `pulumi preview`'s config stage (preview/cli-config), case by case
 * against the Pulumi CLI's own tests and sources at the release matching @pulumi/pulumi 3.248.0.
 * Each `it` names its upstream origin:
 * - CP: pulumi/pulumi pkg/workspace/config_project_test.go (the same cases also live in
 *   sdk/go/common/workspace/project_test.go in earlier releases);
 * - PT: pulumi/pulumi sdk/go/common/workspace/project_test.go;
 * - source lines: pkg/workspace/config.go, sdk/go/common/workspace/{project,loaders}.go,
 *   sdk/go/common/resource/config/{key,map,value,object}.go, gopkg.in/yaml.v3 v3.0.1
 *   resolve.go/decode.go, and yaml.v3's own tests (decode_test.go `unmarshalTests`, run by
 *   TestUnmarshal; `unmarshalStrictTests`, run by TestUnmarshalKnownFields);
 * - CLI: what the CLI 3.248.0, built from the Go module proxy, printed for the same file
 *   (`pulumi config --json`; tests/engine/engine.suite.ts checks a few of them again);
 * - issue: a pulumi/pulumi issue quoting the CLI's output.
 * Upstream uses project name "test" and stack "dev"; so do these cases.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
  ConfigStageError,
  configStage,
  loadProject,
  loadStack,
  mergeConfig,
  previewConfigOutcome,
  REPO_ROOT,
} from "../../preview/cli-config";
import { loadGoYaml } from "../../preview/cli-config/go-yaml";
import { installedProviders, readProviderSchema } from "../../preview/cli-config/stricter";

const P = "/work/Pulumi.yaml";

/** The project, the stack file read, then merged: `namespace:key` -> value text. */
function merged(projectYaml: string, stackYaml: string, stack = "dev"): Record<string, string> {
  const project = loadProject(projectYaml, P);
  const { config } = loadStack(stackYaml, project);
  return Object.fromEntries([...mergeConfig(stack, project, config)].map(([k, v]) => [k, v.value]));
}

/** The CLI's error of a stage, as `{stage, message}`. */
function failure(f: () => unknown): { stage: string; message: string } {
  try {
    f();
  } catch (err) {
    if (err instanceof ConfigStageError) return { stage: err.stage, message: err.message };
    throw err;
  }
  assert.fail("expected the CLI stage to fail");
}

describe("cli-config: merging stack config with project config (pkg/workspace/config.go)", () => {
  it("CP TestStackConfigIsInheritedFromProjectConfig: project shorthand defaults fill the stack", () => {
    const c = merged(
      "name: test\nruntime: dotnet\nconfig:\n  instanceSize: t3.micro\n  instanceCount: 20\n  protect: true",
      "config:\n  test:instanceSize: t4.large",
    );
    assert.deepStrictEqual(c, {
      "test:instanceSize": "t4.large",
      "test:instanceCount": "20",
      "test:protect": "true",
    });
  });

  it("CP TestNamespacedConfigValuesAreInheritedCorrectly: other namespaces' values, lists as JSON", () => {
    const c = merged(
      'name: test\nruntime: dotnet\nconfig:\n  aws:region: us-west-1\n  pulumi:disable-default-providers: ["*"]\n  instanceSize: t3.micro',
      "config:\n  test:instanceSize: t4.large",
    );
    assert.deepStrictEqual(c, {
      "test:instanceSize": "t4.large",
      "aws:region": "us-west-1",
      "pulumi:disable-default-providers": '["*"]',
    });
  });

  it("CP TestLoadingStackConfigWithoutNamespacingTheProject: an un-namespaced stack key is the project's", () => {
    const c = merged(
      "name: test\nruntime: dotnet\nconfig:\n  aws:region: us-west-1\n  instanceSize: t3.micro",
      "config:\n  instanceSize: t4.large",
    );
    assert.deepStrictEqual(c, { "test:instanceSize": "t4.large", "aws:region": "us-west-1" });
  });

  it("CP TestUntypedProjectConfigValuesAreNotValidated: untyped keys take any value, numbers as text", () => {
    const c = merged(
      "name: test\nruntime: dotnet\nconfig:\n  instanceSize: t3.micro\n  aws:region: us-west-1",
      "config:\n  instanceSize: 9999\n  aws:region: 42",
    );
    assert.deepStrictEqual(c, { "test:instanceSize": "9999", "aws:region": "42" });
  });

  it("CP TestUntypedProjectConfigValuesWithOnlyDefaultOrOnlyValue", () => {
    const c = merged(
      "name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    default: t3.micro\n  region:\n    value: us-west-1",
      "config:\n  aws:answer: 42",
    );
    assert.deepStrictEqual(c, {
      "aws:answer": "42",
      "test:instanceSize": "t3.micro",
      "test:region": "us-west-1",
    });
  });

  it("CP TestUntypedStackConfigValuesDoNeedProjectDeclaration: undeclared stack keys pass through", () => {
    const c = merged(
      "name: test\nruntime: dotnet\nconfig:\n  createVpc: true",
      "config:\n  instanceSize: 42",
    );
    assert.deepStrictEqual(c, { "test:instanceSize": "42", "test:createVpc": "true" });
  });

  it("CP TestUntypedProjectConfigObjectValuesPassedDownToStack: object values as JSON", () => {
    const c = merged(
      "name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    value:\n      hello: world\n  aws:config:\n    value:\n      region: us-west-1",
      "config:\n  aws:whatever: 42",
    );
    assert.deepStrictEqual(c, {
      "aws:whatever": "42",
      "test:instanceSize": '{"hello":"world"}',
      "aws:config": '{"region":"us-west-1"}',
    });
  });

  it("CP TestStackConfigErrorsWhenStackValueIsNotCorrectlyTyped", () => {
    const f = failure(() =>
      merged(
        "name: test\nruntime: dotnet\nconfig:\n  values:\n    type: array\n    items:\n      type: string\n    default: [value]",
        "config:\n  test:values: someValue\n",
      ),
    );
    assert.deepStrictEqual(f, {
      stage: "validate",
      message: "Stack 'dev' with configuration key 'values' must be of type 'array<string>'",
    });
  });

  it("CP TestStackConfigIntegerTypeIsCorrectlyValidated: 20 passes, hello fails", () => {
    const project = "name: test\nruntime: dotnet\nconfig:\n  importantNumber:\n    type: integer\n";
    assert.deepStrictEqual(merged(project, "config:\n  test:importantNumber: 20\n"), {
      "test:importantNumber": "20",
    });
    assert.deepStrictEqual(
      failure(() => merged(project, "config:\n  test:importantNumber: hello\n")).message,
      "Stack 'dev' with configuration key 'importantNumber' must be of type 'integer'",
    );
  });

  it("CP TestStackConfigErrorsWhenMissingStackValueForConfigTypeWithNoDefault", () => {
    const f = failure(() =>
      merged(
        "name: test\nruntime: dotnet\nconfig:\n  values:\n    type: array\n    items:\n      type: string",
        "",
      ),
    );
    assert.deepStrictEqual(f, {
      stage: "validate",
      message: "Stack 'dev' is missing configuration value 'values'",
    });
  });

  it("CP TestStackConfigErrorsWhenMissingTwoStackValueForConfigTypeWithNoDefault", () => {
    const f = failure(() =>
      merged(
        "name: test\nruntime: dotnet\nconfig:\n  another:\n    type: string\n  values:\n    type: array\n    items:\n      type: string",
        "",
      ),
    );
    assert.strictEqual(
      f.message,
      "Stack 'dev' is missing configuration values 'another' and 'values'",
    );
  });

  it("CP TestStackConfigErrorsWhenMissingMultipleStackValueForConfigTypeWithNoDefault", () => {
    const f = failure(() =>
      merged(
        "name: test\nruntime: dotnet\nconfig:\n  hello:\n    type: integer\n  values:\n    type: array\n    items:\n      type: string\n  world:\n    type: string",
        "",
      ),
    );
    assert.strictEqual(
      f.message,
      "Stack 'dev' is missing configuration values 'hello', 'values' and 'world'",
    );
  });

  it("CP TestStackConfigDoesNotErrorWhenProjectHasNotDefinedConfig", () => {
    const c = merged(
      "name: test\nruntime: dotnet",
      "config:\n  hello: 21\n  world: 42\n  another: 42",
    );
    assert.deepStrictEqual(c, { "test:hello": "21", "test:world": "42", "test:another": "42" });
  });

  it("CP TestStackConfigSecretIsCorrectlyValidated: secure passes, plaintext fails", () => {
    const project =
      "name: test\nruntime: dotnet\nconfig:\n  importantNumber:\n    type: integer\n    secret: true\n";
    const ok = loadStack(
      "config:\n  test:importantNumber:\n    secure: MjA=\n",
      loadProject(project, P),
    );
    assert.deepStrictEqual(ok.config.get("test:importantNumber"), {
      value: "MjA=",
      secure: true,
      object: false,
    });
    assert.deepStrictEqual(
      failure(() => merged(project, "config:\n  test:importantNumber: 20\n")).message,
      "Stack 'dev' with configuration key 'importantNumber' must be encrypted as it's secret",
    );
  });

  it("config.go validateStackConfigValues runs after defaults: a secret key's plaintext default is refused", () => {
    // Measured on 3.244.0 by a third party: "Stack 'v' with configuration key 'passphrase' must be
    // encrypted as it's secret" for a `secret: true` key carrying a plaintext default.
    const f = failure(() =>
      merged(
        "name: test\nruntime: nodejs\nconfig:\n  passphrase:\n    type: string\n    secret: true\n    default: local-dev",
        "",
        "v",
      ),
    );
    assert.strictEqual(
      f.message,
      "Stack 'v' with configuration key 'passphrase' must be encrypted as it's secret",
    );
  });

  it("CP TestStackConfigUInt64: 18446744073709551615 reaches the program as written", () => {
    assert.deepStrictEqual(
      merged("name: test\nruntime: dotnet", "config:\n  test:instanceSize: 18446744073709551615"),
      { "test:instanceSize": "18446744073709551615" },
    );
  });

  it("CP TestEnvironmentMerge (the stack file's side): scalars as text, lists and maps as sorted JSON", () => {
    const c = merged(
      "name: test\nruntime: nodejs",
      "config:\n  test:boolean: true\n  test:number: 42\n  test:string: foo\n  test:array:\n    - first\n    - second\n  test:object:\n    foo: bar\n    object:\n      baz: 42",
    );
    assert.deepStrictEqual(c, {
      "test:boolean": "true",
      "test:number": "42",
      "test:string": "foo",
      "test:array": '["first","second"]',
      "test:object": '{"foo":"bar","object":{"baz":42}}',
    });
  });

  it("project.go Default nil: `default: ~` is no default, so the key is required", () => {
    const f = failure(() =>
      merged(
        "name: test\nruntime: nodejs\nconfig:\n  domain:\n    type: string\n    default: ~",
        "",
      ),
    );
    assert.strictEqual(f.message, "Stack 'dev' is missing configuration value 'domain'");
  });

  it("config.go mergeConfig: a key of another namespace without value is not required", () => {
    // Such a declaration is refused by Project.Validate; the missing-key rule itself only counts
    // the project's namespace (`key.Namespace() == projectName`).
    const c = merged("name: test\nruntime: nodejs\nconfig:\n  aws:region: us-east-2", "");
    assert.deepStrictEqual(c, { "aws:region": "us-east-2" });
  });
});

describe("cli-config: loading the project file (sdk/go/common/workspace/project.go, loaders.go)", () => {
  it("PT TestProjectValidationFailsForIncorrectDefaultValueType: integer and array<array<string>>", () => {
    assert.deepStrictEqual(
      failure(() =>
        loadProject(
          "name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    type: integer\n    default: hello",
          P,
        ),
      ),
      {
        stage: "project",
        message: `could not unmarshal '${P}': The default value specified for configuration key 'instanceSize' is not of the expected type 'integer'`,
      },
    );
    assert.strictEqual(
      failure(() =>
        loadProject(
          "name: test\nruntime: dotnet\nconfig:\n  values:\n    type: array\n    items:\n      type: array\n      items:\n        type: string\n    default: [hello]",
          P,
        ),
      ).message,
      `could not unmarshal '${P}': The default value specified for configuration key 'values' is not of the expected type 'array<array<string>>'`,
    );
  });

  it("PT TestProjectValidationSucceedsForCorrectDefaultValueType", () => {
    const p = loadProject(
      "name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    type: integer\n    default: 1\n  values:\n    type: array\n    items:\n      type: array\n      items:\n        type: string\n    default: [[hello]]",
      P,
    );
    assert.deepStrictEqual(Object.keys(p.config).sort(), ["instanceSize", "values"]);
  });

  it("PT TestProjectLoadJSON 'wrong type': a project that is not a map", () => {
    assert.strictEqual(
      failure(() => loadProject('"hello  "', P)).message,
      `could not validate '${P}': expected project to be an object, was 'string'`,
    );
  });

  it("PT TestProjectLoadJSON 'missing name attribute' and 'bad name'", () => {
    assert.strictEqual(
      failure(() => loadProject("{}", P)).message,
      `could not validate '${P}': project is missing a 'name' attribute`,
    );
    assert.strictEqual(
      failure(() => loadProject('{"name": ""}', P)).message,
      `could not validate '${P}': project is missing a non-empty string 'name' attribute`,
    );
  });

  it("PT TestProjectLoadJSONInformativeErrors: a misspelt name or runtime attribute is named", () => {
    assert.strictEqual(
      failure(() => loadProject('{"Name": "project", "runtime": "test"}', P)).message,
      `could not validate '${P}': project is missing a 'name' attribute; found 'Name' instead`,
    );
    assert.strictEqual(
      failure(() => loadProject('{"name": "project", "rutnime": "test"}', P)).message,
      `could not validate '${P}': project is missing a 'runtime' attribute; found 'rutnime' instead`,
    );
  });

  it("PT TestProjectLoadJSON 'multiple errors 1': a numeric runtime", () => {
    assert.strictEqual(
      failure(() => loadProject('{"name": "project", "runtime": 4}', P)).message,
      `could not validate '${P}': 3 errors occurred:\n\t* #/runtime: oneOf failed\n\t* #/runtime: expected string, but got number\n\t* #/runtime: expected object, but got number\n\n`,
    );
  });

  it("PT TestProjectLoadJSON 'multiple errors, 2': main and backend of the wrong type", () => {
    const m = failure(() =>
      loadProject('{"name": "project", "runtime": "test", "backend": 4, "main": {}}', P),
    ).message;
    assert.ok(m.startsWith(`could not validate '${P}': 2 errors occurred:`), m);
    assert.ok(m.includes("* #/main: expected string or null, but got object"), m);
    assert.ok(m.includes("* #/backend: expected object or null, but got number"), m);
  });

  it("PT TestProjectLoadJSONInformativeErrors 'specific errors when only a single attribute is expected'", () => {
    const m = failure(() =>
      loadProject(
        '{"name": "project", "runtime": "test", "backend": {"url": "https://pulumi.com", "name": "test"}}',
        P,
      ),
    ).message;
    assert.ok(m.includes("'name' not allowed; the only allowed attribute is 'url'"), m);
  });

  it("PT TestProjectLoadsConfigSchemas: full and shorthand declarations", () => {
    const p = loadProject(
      `name: test
runtime: dotnet
config:
  integerSchemaFull:
    type: integer
    description: a very important value
    default: 1
  integerSchemaSimple: 20
  textSchemaFull:
    type: string
    default: t3.micro
  textSchemaSimple: t4.large
  booleanSchemaFull:
    type: boolean
    default: true
  booleanSchemaSimple: false
  simpleArrayOfStrings:
    type: array
    items:
      type: string
    default: [hello]
  arrayOfArrays:
    type: array
    items:
      type: array
      items:
        type: string
  secretString:
    type: string
    secret: true
`,
      P,
    );
    assert.strictEqual(Object.keys(p.config).length, 9);
    assert.deepStrictEqual(p.config.integerSchemaFull.type, "integer");
    assert.strictEqual(p.config.integerSchemaFull.description, "a very important value");
    assert.strictEqual(p.config.integerSchemaSimple.type, undefined); // not explicitly typed
    assert.strictEqual(p.config.textSchemaSimple.default, "t4.large");
    assert.strictEqual(p.config.booleanSchemaSimple.default, false);
    assert.deepStrictEqual(p.config.simpleArrayOfStrings.default, ["hello"]);
    assert.deepStrictEqual(p.config.arrayOfArrays.items, {
      type: "array",
      items: { type: "string", items: undefined },
    });
    assert.deepStrictEqual(
      [p.config.secretString.secret, p.config.secretString.default],
      [true, undefined],
    );
  });

  it("PT TestNamespacedProjectConfigShouldNotBeExplicitlyTyped", () => {
    assert.strictEqual(
      failure(() =>
        loadProject(
          "name: test\nruntime: dotnet\nconfig:\n  aws:region:\n    type: string\n    value:\n      region: us-west-1",
          P,
        ),
      ).message,
      `could not unmarshal '${P}': Configuration key 'aws:region' is not namespaced by the project and should not define a type`,
    );
  });

  it("PT TestProjectConfigCannotHaveBothValueAndDefault", () => {
    assert.strictEqual(
      failure(() =>
        loadProject(
          "name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    type: string\n    default: t3.micro\n    value: t4.large",
          P,
        ),
      ).message,
      `could not unmarshal '${P}': project config 'instanceSize' cannot have both a 'default' and 'value' attribute`,
    );
  });

  it("PT TestProjectConfigCannotBeTypedArrayWithoutItems", () => {
    assert.strictEqual(
      failure(() =>
        loadProject(
          "name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    type: array\n    default: [t3.micro, t4.large]",
          P,
        ),
      ).message,
      `could not unmarshal '${P}': The configuration key 'instanceSize' declares an array but does not specify the underlying type via the 'items' attribute`,
    );
  });

  it("PT TestNamespacedProjectConfigShouldNotBeProvideDefault", () => {
    assert.strictEqual(
      failure(() =>
        loadProject(
          "name: test\nruntime: dotnet\nconfig:\n  aws:region:\n    default: us-west-1",
          P,
        ),
      ).message,
      `could not unmarshal '${P}': Configuration key 'aws:region' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?`,
    );
  });

  it("project.go Project.Validate: another namespace's key must carry a value", () => {
    assert.strictEqual(
      failure(() =>
        loadProject(
          "name: test\nruntime: dotnet\nconfig:\n  aws:region:\n    description: where",
          P,
        ),
      ).message,
      `could not unmarshal '${P}': Configuration key 'aws:region' is namespaced and must provide an attribute 'value'`,
    );
  });

  it("PT TestLoadingConfigIsRewrittenToStackConfigDir and TestConfigObjectAndStackConfigDirSuccessfullyLoadProject", () => {
    assert.deepStrictEqual(
      loadProject("name: test\nruntime: dotnet\nconfig: ./some/path", P).config,
      {},
    );
    const p = loadProject(
      "name: test\nruntime: dotnet\nstackConfigDir: ./some/other/path\nconfig:\n  value: hello\n",
      P,
    );
    assert.strictEqual(Object.keys(p.config).length, 1);
  });

  it("PT TestDefningBothConfigAndStackConfigDirErrorsOut", () => {
    assert.strictEqual(
      failure(() =>
        loadProject(
          "name: test\nruntime: dotnet\nconfig: ./some/path\nstackConfigDir: ./some/other/path",
          P,
        ),
      ).message,
      "Should not use both config and stackConfigDir to define the stack directory. Use only stackConfigDir instead.",
    );
  });

  it("issue pulumi/pulumi#16056: a structured value without `value:` in Pulumi.yaml, all 7 schema errors", () => {
    assert.strictEqual(
      failure(() =>
        loadProject(
          "name: test\nruntime: nodejs\nconfig:\n  foo:\n    bar: foobar",
          "/Pulumi.yaml",
        ),
      ).message,
      "could not validate '/Pulumi.yaml': 7 errors occurred:\n" +
        "\t* #/config/foo: oneOf failed\n" +
        "\t* #/config/foo: expected string, but got object\n" +
        "\t* #/config/foo: expected integer, but got object\n" +
        "\t* #/config/foo: expected boolean, but got object\n" +
        "\t* #/config/foo: expected array, but got object\n" +
        "\t* #/config/foo: doesn't validate with '/$defs/configTypeDeclaration'\n" +
        "\t* #/config/foo: additionalProperties 'bar' not allowed\n\n",
    );
  });

  it("pulumi/docs#18971 (CLI output quoted): `type: number` is not a config type", () => {
    const m = failure(() =>
      loadProject("name: test\nruntime: nodejs\nconfig:\n  countNumber:\n    type: number", P),
    ).message;
    assert.ok(
      m.includes(
        `* #/config/countNumber/type: value must be one of "string", "integer", "boolean", "array", "object"`,
      ),
      m,
    );
  });
});

describe("cli-config: the project file through yaml.v3 (CLI)", () => {
  it("a duplicate key is the CLI's unmarshal error, named with the file", () => {
    assert.deepStrictEqual(
      failure(() => loadProject("name: test\nruntime: nodejs\nname: x\n", P)),
      {
        stage: "project",
        message: `could not unmarshal '${P}': yaml: unmarshal errors:\n  line 3: mapping key "name" already defined at line 1`,
      },
    );
  });

  it("a boolean default of yes is text, so not a boolean", () => {
    assert.strictEqual(
      failure(() =>
        loadProject(
          "name: test\nruntime: nodejs\nconfig:\n  flag:\n    type: boolean\n    default: yes\n",
          P,
        ),
      ).message,
      `could not unmarshal '${P}': The default value specified for configuration key 'flag' is not of the expected type 'boolean'`,
    );
  });

  it("an object default is a map[string]interface{} when its keys are strings, else refused", () => {
    const project = "name: test\nruntime: nodejs\nconfig:\n  obj:\n    type: object\n    default: ";
    assert.deepStrictEqual(merged(`${project}{a: 1}\n`, "config:\n  x: 1\n"), {
      "test:obj": '{"a":1}',
      "test:x": "1",
    });
    assert.strictEqual(
      failure(() => loadProject(`${project}{1: a}\n`, P)).message,
      `could not unmarshal '${P}': The default value specified for configuration key 'obj' is not of the expected type 'object'`,
    );
  });
});

describe("cli-config: stack values as the CLI hands them to the program (yaml.v3, config.Value)", () => {
  const project = loadProject("name: test\nruntime: nodejs", P);
  const values = (stackYaml: string): Record<string, string> =>
    Object.fromEntries([...loadStack(stackYaml, project).config].map(([k, v]) => [k, v.value]));
  /** yaml.v3 decoding `v: <text>` into interface{}, as the program receives the value. */
  const one = (text: string): string => values(`config:\n  v: ${text}`)["test:v"];

  // yaml.v3 decode_test.go unmarshalTests (TestUnmarshal): the scalar cases, each as the Go
  // value upstream expects, then as the text object.go MarshalString makes of it.
  const UPSTREAM: [string, string][] = [
    ["hi", "hi"],
    ["true", "true"],
    ["10", "10"],
    ["0b10", "2"],
    ["0xA", "10"],
    ["0.1", "0.1"],
    [".1", "0.1"],
    ["-10", "-10"],
    ["-.1", "-0.1"],
    ["6.8523e+5", "685230"],
    ["685.230_15e+03", "685230.15"],
    ["685_230.15", "685230.15"],
    ["True", "true"],
    ["False", "false"],
    ["TRUE", "true"],
    ["FALSE", "false"],
    ["685230", "685230"],
    ["+685_230", "685230"],
    ["02472256", "685230"],
    ["-02472256", "-685230"],
    ["0o2472256", "685230"],
    ["-0o2472256", "-685230"],
    ["0x_0A_74_AE", "685230"],
    ["0b1010_0111_0100_1010_1110", "685230"],
    ["-0b101010", "-42"],
    ["-0b1000000000000000000000000000000000000000000000000000000000000000", "-9223372036854775808"],
    ["!!float '1.1'", "1.1"],
    ["!!str 2015-01-01", "2015-01-01"],
    ['"2015-01-01"', "2015-01-01"],
    ["2015-01-01", "2015-01-01 00:00:00 +0000 UTC"],
    ["-b_c", "-b_c"],
    ["+b_c", "+b_c"],
    ["50cent_of_dollar", "50cent_of_dollar"],
    ["! test", "test"],
  ];
  for (const [text, expected] of UPSTREAM) {
    it(`yaml.v3 decode_test.go unmarshalTests: v: ${text} -> ${JSON.stringify(expected)}`, () => {
      assert.strictEqual(one(text), expected);
    });
  }

  it("yaml.v3 resolve.go: yes/no/on/off/y/n are text (YAML 1.2); only true/false in 3 spellings are booleans", () => {
    const words = ["yes", "Yes", "YES", "no", "No", "on", "On", "off", "OFF", "y", "Y", "n", "N"];
    for (const w of words) assert.strictEqual(one(w), w, w);
    assert.strictEqual(one("'yes'"), "yes");
    assert.strictEqual(one("tRUE"), "tRUE");
  });

  it("CLI: numbers after the re-marshalling round trip (0x10, 1_000, 017, 08, 1.0, 1e3, 1e6, 1e21, 2^64)", () => {
    // `pulumi config --json` of the CLI 3.248.0 on a file with these values.
    assert.deepStrictEqual(
      values(
        "config:\n  a: 0x10\n  b: 017\n  c: 1.50\n  d: 1e6\n  e: '0x10'\n  f: 1_000\n  g: .5\n  h: 08\n  i: 1.0\n  j: 1e3\n  k: 1e21\n  l: 18446744073709551615\n  m: 18446744073709551616\n  n: +0x10\n  o: 0b1_0\n  p: 1__0\n  q: 0x\n  r: 1e400\n  s: -0.0",
      ),
      {
        "test:a": "16",
        "test:b": "15",
        "test:c": "1.5",
        "test:d": "1000000",
        "test:e": "0x10",
        "test:f": "1000",
        "test:g": "0.5",
        "test:h": "8",
        "test:i": "1",
        "test:j": "1000",
        "test:k": "1e+21",
        "test:l": "18446744073709551615",
        "test:m": "18446744073709552000",
        "test:n": "16",
        "test:o": "2",
        "test:p": "10",
        "test:q": "0x",
        "test:r": "1e400",
        "test:s": "0",
      },
    );
  });

  it("CLI: an unquoted timestamp becomes Go's Time.String(); quoted, or not one of the formats, it stays text", () => {
    assert.deepStrictEqual(
      values(
        "config:\n  a: 2026-11-29T21:13:00Z\n  b: '2026-11-29T21:13:00Z'\n  c: 2026-11-29T21:13:00+01:00\n  d: 2026-11-29T21:13\n  e: 2026-11-29 21:13:00\n  f: 2026-11-29\n  g: 2001-12-14 21:59:43.10\n  h: 2026-2-3t4:5:6.1234567891+00:00\n  i: 2026-2-30\n  j: 2026-1-1T24:00:00Z\n  k: 2026-01-01T00:00:00,5Z\n  l: [2026-12-05, yes]",
      ),
      {
        "test:a": "2026-11-29 21:13:00 +0000 UTC",
        "test:b": "2026-11-29T21:13:00Z",
        "test:c": "2026-11-29 21:13:00 +0100 +0100",
        "test:d": "2026-11-29T21:13",
        "test:e": "2026-11-29 21:13:00 +0000 UTC",
        "test:f": "2026-11-29 00:00:00 +0000 UTC",
        "test:g": "2001-12-14 21:59:43.1 +0000 UTC",
        "test:h": "2026-02-03 04:05:06.123456789 +0000 UTC",
        "test:i": "2026-2-30",
        "test:j": "2026-1-1T24:00:00Z",
        "test:k": "2026-01-01 00:00:00.5 +0000 UTC",
        "test:l": '["2026-12-05 00:00:00 +0000 UTC","yes"]',
      },
    );
  });

  it("yaml.v3 decode.go mapping: a duplicate key, quoted or not, is refused with every repeat (CLI)", () => {
    assert.deepStrictEqual(
      failure(() => loadStack("config:\n  test:minTasks: 1\n  test:minTasks: 2\n", project)),
      {
        stage: "stack",
        message:
          'yaml: unmarshal errors:\n  line 3: mapping key "test:minTasks" already defined at line 2',
      },
    );
    assert.strictEqual(
      failure(() => loadStack('config:\n  a: 1\n  "a": 2\n  a: 3\n  b: {x: 1, x: 2}', project))
        .message,
      'yaml: unmarshal errors:\n  line 3: mapping key "a" already defined at line 2\n  line 4: mapping key "a" already defined at line 2\n  line 4: mapping key "a" already defined at line 3',
    );
    // A mapping with duplicates is not decoded further; other mappings are, in file order.
    assert.strictEqual(
      failure(() =>
        loadStack("config:\n  b: {x: 1, x: 2}\n  c: [{y: 1, y: 2}]\nfoo: 1\nfoo: 2", project),
      ).message,
      'yaml: unmarshal errors:\n  line 5: mapping key "foo" already defined at line 4',
    );
    assert.strictEqual(
      failure(() => loadStack("config:\n  b: {x: 1, x: 2}\n  c: [{y: 1, y: 2}]", project)).message,
      'yaml: unmarshal errors:\n  line 2: mapping key "x" already defined at line 2\n  line 3: mapping key "y" already defined at line 3',
    );
    assert.strictEqual(
      failure(() => loadStack('config:\n  "a\\tb": 1\n  "a\\tb": 2', project)).message,
      'yaml: unmarshal errors:\n  line 3: mapping key "a\\tb" already defined at line 2',
    );
  });

  it("yaml.v3 decode.go mapping: Go's %#v of the key; keys compared by kind and text (yaml.v3 run with go)", () => {
    const dup = (text: string) => failure(() => loadStack(text, project)).message;
    assert.strictEqual(
      dup('"a\\x01b": 1\n"a\\x01b": 2\n'),
      'yaml: unmarshal errors:\n  line 2: mapping key "a\\x01b" already defined at line 1',
    );
    assert.strictEqual(
      dup('"\\u0085é\\a": 1\n"\\u0085é\\a": 2\n'),
      'yaml: unmarshal errors:\n  line 2: mapping key "\\u0085é\\a" already defined at line 1',
    );
    // Two flow-list keys: both a sequence node with no text, so one key to the check.
    assert.strictEqual(
      dup("[a]: 1\n[b]: 2\n"),
      'yaml: unmarshal errors:\n  line 2: mapping key "" already defined at line 1',
    );
    // An alias and the scalar it names: different kinds, no duplicate.
    assert.doesNotThrow(() => loadGoYaml("&x a: 1\n*x : 2\n"));
  });

  it("yaml.v3 decode_test.go unmarshalStrictTests: `9` twice is a duplicate, `null` once is not", () => {
    assert.strictEqual(
      failure(() => loadStack("a: 1\n9: 2\nnull: 3\n9: 4", project)).message,
      'yaml: unmarshal errors:\n  line 4: mapping key "9" already defined at line 2',
    );
    assert.strictEqual(
      failure(() => loadStack("a: 1\nb: 2\na: 3\n", project)).message,
      'yaml: unmarshal errors:\n  line 3: mapping key "a" already defined at line 1',
    );
  });

  it("CLI: merge keys and aliases; the mapping's own keys win", () => {
    assert.deepStrictEqual(values("config:\n  a: &x 1\n  b: *x\n  <<: {c: 2, a: 5}"), {
      "test:a": "1",
      "test:b": "1",
      "test:c": "2",
    });
  });

  it("CLI: keys that are not strings (SimplifyMarshalledValue, ParseKey)", () => {
    assert.strictEqual(
      failure(() => loadStack("1: x", project)).message,
      "expected only string keys, got '%!s(int=1)'",
    );
    assert.strictEqual(
      failure(() => loadStack("config:\n  1: x", project)).message,
      "invalid YAML file: could not unmarshal map: could not parse 1 as a configuration key (configuration keys should be of the form `<namespace>:<name>`)",
    );
    assert.deepStrictEqual(values("config:\n  b: {1: x}"), { "test:b": '{"1":"x"}' });
  });

  it("CLI: a config section that is not a map", () => {
    const head = "invalid YAML file: could not unmarshal map: yaml: unmarshal errors:\n  ";
    assert.strictEqual(
      failure(() => loadStack("config: abc", project)).message,
      `${head}line 1: cannot unmarshal !!str \`abc\` into map[string]config.Value`,
    );
    assert.strictEqual(
      failure(() => loadStack("config: [a]", project)).message,
      `${head}line 2: cannot unmarshal !!seq into map[string]config.Value`,
    );
    assert.strictEqual(
      failure(() => loadStack("config: 1.50", project)).message,
      `${head}line 1: cannot unmarshal !!float \`1.5\` into map[string]config.Value`,
    );
  });

  it('loaders.go checkForEmptyConfig: an empty value is "" with the CLI\'s warning', () => {
    const r = loadStack("config:\n  test:a:\n  b: ~\n", project);
    assert.deepStrictEqual(r.config.get("test:a")?.value, "");
    assert.deepStrictEqual(r.warnings, [
      'No value for configuration keys "test:a" and "test:b". This is currently treated as an empty string `""`, but will be treated as `null` in a future version of pulumi.\nSet the values to `""` to avoid this warning.',
    ]);
  });

  it("value.go unmarshalValue: `secure:` is a secret; a list holding one is a secret object", () => {
    const r = loadStack(
      "config:\n  a:\n    secure: AAAA\n  b:\n    - x\n    - secure: BBBB\n",
      project,
    );
    assert.deepStrictEqual(r.config.get("test:a"), { value: "AAAA", secure: true, object: false });
    assert.deepStrictEqual(r.config.get("test:b"), {
      value: '["x",{"secure":"BBBB"}]',
      secure: true,
      object: true,
    });
  });

  it("key.go ParseKey: `ns:config:name` is ns:name; a key with more colons is refused", () => {
    assert.deepStrictEqual(values("config:\n  aws:config:region: us-east-2"), {
      "aws:region": "us-east-2",
    });
    assert.deepStrictEqual(
      failure(() => loadStack("config:\n  a:b:c: 1", project)),
      {
        stage: "stack",
        message:
          "invalid YAML file: could not unmarshal map: could not parse a:b:c as a configuration key (configuration keys should be of the form `<namespace>:<name>`)",
      },
    );
  });

  it("loaders.go SimplifyMarshalledProject: a stack file that is not a map", () => {
    assert.strictEqual(
      failure(() => loadStack("- a\n- b\n", project)).message,
      "expected project to be an object, was '[]interface {}'",
    );
  });

  it("encoding/json: Go's HTML escaping; NaN and ±Inf refused, wrapped once per list level (CLI)", () => {
    assert.deepStrictEqual(values("config:\n  a: ['<b>&']"), {
      "test:a": '["\\u003cb\\u003e\\u0026"]',
    });
    const head = "invalid YAML file: could not unmarshal map: ";
    const wrap = "json: error calling MarshalJSON for type config.object: ";
    assert.strictEqual(
      failure(() => loadStack("config:\n  a: -.inf", project)).message,
      `${head}json: unsupported value: -Inf`,
    );
    assert.strictEqual(
      failure(() => loadStack("config:\n  a: [.nan]", project)).message,
      `${head}${wrap}json: unsupported value: NaN`,
    );
    assert.strictEqual(
      failure(() => loadStack("config:\n  a: [[.nan]]", project)).message,
      `${head}${wrap}${wrap}json: unsupported value: NaN`,
    );
    assert.deepStrictEqual(values("config:\n  b: {x: [1.0, 1e6, .5]}"), {
      "test:b": '{"x":[1,1000000,0.5]}',
    });
  });
});

describe("cli-config: the stage as `pulumi preview` prints it", () => {
  it("prefixes each stage's failure as preview.go does", () => {
    const stage = (projectText: string, stackText: string): string | undefined =>
      configStage({ stack: "dev", stackText, projectText, projectFile: P }).cliError;
    assert.strictEqual(
      stage("name: test", ""),
      `error: could not validate '${P}': project is missing a 'runtime' attribute`,
    );
    assert.strictEqual(
      stage("name: test\nruntime: nodejs", "config: [\n"),
      // The line is yaml.v3's (the CLI says "line 2: did not find expected node content"); the
      // reason is the `yaml` package's wording.
      "error: getting stack configuration: invalid YAML file: yaml: line 2: Flow sequence in block collection must be sufficiently indented and end with a ]",
    );
    assert.strictEqual(
      stage("name: test\nruntime: nodejs\nconfig:\n  domain:\n    type: string", ""),
      "error: validating stack config: Stack 'dev' is missing configuration value 'domain'",
    );
    assert.strictEqual(stage("name: test\nruntime: nodejs", "config:\n  a: 1"), undefined);
  });

  it("every shipped stack file passes the CLI stage with the shipped Pulumi.yaml, which validates", () => {
    const projectFile = path.join(REPO_ROOT, "Pulumi.yaml");
    const project = loadProject(fs.readFileSync(projectFile, "utf8"), projectFile);
    assert.strictEqual(project.name, "pythonide");
    for (const stack of ["prod", "staging", "exam"]) {
      assert.strictEqual(previewConfigOutcome(stack), "pass", stack);
      const stage = configStage({
        stack,
        stackText: fs.readFileSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`), "utf8"),
      });
      assert.deepStrictEqual([stage.warnings, stage.stricter], [[], []], stack);
    }
  });

  it("the shipped Pulumi.yaml declares only keys required everywhere or with one default everywhere", () => {
    const projectFile = path.join(REPO_ROOT, "Pulumi.yaml");
    const project = loadProject(fs.readFileSync(projectFile, "utf8"), projectFile);
    const required = Object.entries(project.config)
      .filter(([, c]) => c.default === undefined && c.value === undefined)
      .map(([k]) => k)
      .sort();
    assert.deepStrictEqual(required, ["domain", "image"]);
  });
});

describe("cli-config: provider declarations read from the installed packages (stricter checks)", () => {
  it("@pulumi/aws 7.48.0: 35 keys with their types, accessKey/secretKey/token secret", () => {
    const aws = readProviderSchema(path.join(REPO_ROOT, "node_modules", "@pulumi", "aws"));
    assert.strictEqual(aws.source, "@pulumi/aws 7.48.0");
    assert.strictEqual(aws.keys.size, 35);
    assert.deepStrictEqual(
      [
        "region",
        "maxRetries",
        "skipCredentialsValidation",
        "allowedAccountIds",
        "assumeRoles",
        "defaultTags",
      ].map((k) => aws.keys.get(k)),
      ["string", "number", "boolean", "string[]", "object[]", "object"],
    );
    assert.deepStrictEqual([...aws.secrets].sort(), ["accessKey", "secretKey", "token"]);
  });

  it("the program's providers are its Pulumi resource dependencies: aws and awsx (no keys)", () => {
    const providers = installedProviders(REPO_ROOT);
    assert.deepStrictEqual(
      providers.map((p) => [p.namespace, p.keys.size]),
      [
        ["aws", 35],
        ["awsx", 0],
      ],
    );
  });

  const stricter = (stackText: string): string[] =>
    configStage({
      stack: "dev",
      stackText,
      projectText: "name: pythonide\nruntime: nodejs",
      projectFile: P,
    }).stricter;

  it("an unknown namespace names the nearest known one", () => {
    assert.deepStrictEqual(stricter("config:\n  pythonid:maxTasks: 3"), [
      `pythonid:maxTasks: the namespace "pythonid" is neither the project's (pythonide) nor a provider's this program uses (aws, awsx, pulumi), so nothing reads this key: did you mean pythonide:maxTasks? (offline preview check, stricter than the Pulumi CLI)`,
    ]);
  });

  it("an unknown aws key names the nearest declared key; a wrong type names the declared one", () => {
    assert.deepStrictEqual(
      stricter(
        "config:\n  aws:regoin: us-east-2\n  aws:maxRetries: three\n  aws:region: us-east-2",
      ),
      [
        'aws:maxRetries is "three": the aws provider reads it as a number (@pulumi/aws 7.48.0 config/vars.d.ts) (offline preview check, stricter than the Pulumi CLI)',
        "aws:regoin is not a configuration key of the aws provider (@pulumi/aws 7.48.0 config/vars.d.ts): did you mean aws:region? (offline preview check, stricter than the Pulumi CLI)",
      ],
    );
  });

  it("a setting outside config: (which the CLI ignores) is named; the CLI's own top-level keys pass", () => {
    // The CLI decodes a stack file into ProjectStack and drops other keys (checked with the
    // built CLI 3.248.0: `pulumi config` lists no examWindows for the file below).
    assert.deepStrictEqual(
      stricter(
        "config:\n  pythonide:maxTasks: 3\npythonide:examWindows:\n  - cs101 2027-03-16T09:00/2027-03-16T11:00 120\nnotes: x",
      ),
      [
        "pythonide:examWindows is at the top level of the stack file, beside config:, where the Pulumi CLI ignores it (a stack file's top-level keys are secretsprovider, encryptedkey, encryptionsalt, config, environment): indent it under config: (offline preview check, stricter than the Pulumi CLI)",
        "notes is at the top level of the stack file, beside config:, where the Pulumi CLI ignores it (a stack file's top-level keys are secretsprovider, encryptedkey, encryptionsalt, config, environment): remove it, or put it under config: (offline preview check, stricter than the Pulumi CLI)",
      ],
    );
    assert.deepStrictEqual(
      stricter(
        "secretsprovider: passphrase\nencryptionsalt: v1:abc\nencryptedkey: x\nenvironment:\n  - env1\nconfig:\n  pythonide:maxTasks: 3",
      ),
      [],
    );
  });

  it("plaintext provider credentials are refused without their value; secure ones pass", () => {
    const problems = stricter(
      "config:\n  aws:accessKey: AKIAFIXTURENOTREAL00\n  aws:secretKey: fixture-secret-not-real\n  aws:token:\n    secure: AAAA",
    );
    assert.strictEqual(problems.length, 2);
    assert.match(
      problems[0],
      /^aws:accessKey is a provider credential given in plaintext in the stack file \(value not shown\): remove it; give it through the environment \(AWS_ACCESS_KEY_ID, or AWS_PROFILE for a named profile\) or let CI assume an IAM role through OIDC/,
    );
    assert.match(problems[1], /^aws:secretKey .*\(AWS_SECRET_ACCESS_KEY, or AWS_PROFILE/);
    assert.ok(!problems.join().includes("NOTREAL") && !problems.join().includes("not-real"));
  });
});
