/**
 * The offline replica of `pulumi preview`'s config stage (preview/cli-config), case by case
 * against the Pulumi CLI's own tests and sources at the release matching @pulumi/pulumi 3.248.0.
 * Each `it` names its upstream origin:
 * - CP: pulumi/pulumi pkg/workspace/config_project_test.go (the same cases also live in
 *   sdk/go/common/workspace/project_test.go in earlier releases);
 * - PT: pulumi/pulumi sdk/go/common/workspace/project_test.go;
 * - source lines: pkg/workspace/config.go, sdk/go/common/workspace/{project,loaders}.go,
 *   sdk/go/common/resource/config/{key,value}.go, gopkg.in/yaml.v2 resolve.go/decode.go;
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

describe("cli-config: stack values as the CLI hands them to the program (yaml.v2, config.Value)", () => {
  const project = loadProject("name: test\nruntime: nodejs", P);
  const values = (stackYaml: string): Record<string, string> =>
    Object.fromEntries([...loadStack(stackYaml, project).config].map(([k, v]) => [k, v.value]));

  it("yaml.v2 resolve.go: numbers and YAML 1.1 booleans become Go values, then their Go text", () => {
    assert.deepStrictEqual(
      values(
        "config:\n  a: 0x10\n  b: 017\n  c: 1.50\n  d: 1e6\n  e: yes\n  f: Off\n  g: '0x10'\n  h: 1_000\n  i: .5\n  j: -.inf\n  k: 08",
      ),
      {
        "test:a": "16",
        "test:b": "15",
        "test:c": "1.5",
        "test:d": "1e+06",
        "test:e": "true",
        "test:f": "false",
        "test:g": "0x10",
        "test:h": "1000",
        "test:i": "0.5",
        "test:j": "-.inf",
        "test:k": "8",
      },
    );
  });

  it("yaml.v2 decode.go: a timestamp decoded into interface{} stays its own text, quoted or not", () => {
    assert.deepStrictEqual(
      values(
        "config:\n  a: 2026-11-29T21:13:00Z\n  b: '2026-11-29T21:13:00Z'\n  c: 2026-11-29T21:13:00+01:00\n  d: 2026-11-29T21:13\n  e: 2026-11-29 21:13:00\n  f: 2026-11-29",
      ),
      {
        "test:a": "2026-11-29T21:13:00Z",
        "test:b": "2026-11-29T21:13:00Z",
        "test:c": "2026-11-29T21:13:00+01:00",
        "test:d": "2026-11-29T21:13",
        "test:e": "2026-11-29 21:13:00",
        "test:f": "2026-11-29",
      },
    );
  });

  it('loaders.go checkForEmptyConfig: an empty value is "" with the CLI\'s warning', () => {
    const r = loadStack("config:\n  test:a:\n  b: ~\n", project);
    assert.deepStrictEqual(r.config.get("test:a")?.value, "");
    assert.deepStrictEqual(r.warnings, [
      'No value for configuration keys "test:a" and "test:b". This is currently treated as an empty string `""`, but will be treated as `null` in a future version of pulumi.',
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
          "invalid YAML file: could not parse a:b:c as a configuration key (configuration keys should be of the form `<namespace>:<name>`)",
      },
    );
  });

  it("loaders.go SimplifyMarshalledProject: a stack file that is not a map", () => {
    assert.strictEqual(
      failure(() => loadStack("- a\n- b\n", project)).message,
      "expected project to be an object, was '[]interface {}'",
    );
  });

  it('encoding/json: Go\'s HTML escaping and a NaN in a list ("marshalling obj")', () => {
    assert.deepStrictEqual(values("config:\n  a: ['<b>&']"), {
      "test:a": '["\\u003cb\\u003e\\u0026"]',
    });
    assert.strictEqual(
      failure(() => loadStack("config:\n  a: [.nan]", project)).message,
      "invalid YAML file: marshalling obj: json: unsupported value: NaN",
    );
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
      "error: getting stack configuration: invalid YAML file: yaml: line 2: unexpected end of the stream within a flow collection",
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
