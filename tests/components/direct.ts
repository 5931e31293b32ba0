/**
 * Component tests without the program: install the preview's mocks (preview/mocks.ts, the same
 * runProgram uses), construct one component directly inside a fresh root stack, and read what it
 * registered. Pulumi's mocks are process-global: each call installs a new mock monitor, and waits
 * for every registration before returning, so runner-based tests in the same mocha process start
 * clean.
 */
import * as pulumi from "@pulumi/pulumi";
import { IdeServiceArgs } from "../../components/ideService";
import { installMocks, MockOptions, settled } from "../../preview/mocks";
import { Run, serviceSettings } from "./helpers";

/** What a component registered when constructed directly, and the component. */
export interface Constructed<T> {
  /** The component (undefined when its constructor threw). */
  value?: T;
  /** Every registration, the root stack first. */
  run: Run;
  /** What the constructor threw, if it did. */
  error?: unknown;
}

/**
 * Constructs `build()` on fresh mocks inside a root stack `pythonide-<stack>` (default prod), so
 * URNs are the ones a real stack gives, and waits until every registration completed.
 */
export async function construct<T>(
  build: () => T,
  options: Partial<MockOptions> = {},
): Promise<Constructed<T>> {
  const mocks = await installMocks({ stack: "prod", ...options });
  let value: T | undefined;
  let error: unknown;
  await pulumi.runtime.runInPulumiStack(async () => {
    try {
      value = build();
    } catch (err) {
      error = err;
    }
    return {};
  });
  await settled();
  return { value, error, run: new Run(mocks.records, {}) };
}

/** Valid IdeService arguments with plain platform values (no platform resources), changed by `overrides`. */
export function ideArgs(overrides: Partial<IdeServiceArgs> = {}): IdeServiceArgs {
  return {
    environment: "staging",
    host: "staging.ide.example.edu",
    service: serviceSettings(),
    vpcId: "vpc-1",
    taskSubnetIds: ["subnet-1", "subnet-2"],
    assignPublicIp: true,
    taskSecurityGroupId: "sg-1",
    clusterName: "cluster",
    clusterArn: "arn:aws:ecs:us-east-2:000000000000:cluster/cluster",
    httpsListenerArn: "arn:aws:elasticloadbalancing:us-east-2:000000000000:listener/app/x/1/2",
    loadBalancerArnSuffix: "app/x/1",
    fileSystemId: "fs-1",
    fileSystemArn: "arn:aws:elasticfilesystem:us-east-2:000000000000:file-system/fs-1",
    databaseEndpoint: "db.example.invalid:5432",
    databaseSecretArn: "arn:aws:secretsmanager:us-east-2:000000000000:secret:rds-1",
    alarmTopicArn: "arn:aws:sns:us-east-2:000000000000:alarms",
    ...overrides,
  };
}
