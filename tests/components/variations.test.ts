/**
 * The prod stack with settings changed from Pulumi.prod.yaml: NAT strategies, capacity
 * strategies, EFS throughput modes, ARM64, an ECR image, a cookie secret, no alarm email, no
 * deletion protection. Each describe runs the program once and shares the records.
 */
import * as assert from "assert";
import { containers, policyDocument, Run, runProd, T } from "./helpers";

const COOKIE = "c".repeat(20) + "0123456789abcdef"; // 36 characters, a test value
const ECR_IMAGE = "000000000000.dkr.ecr.us-east-2.amazonaws.com/team/pythonide:2025.10.1";

describe("prod stack variations (on mocks)", function () {
  // Program runs take seconds; the suite also runs without .mocharc.json's timeout.
  this.timeout(600_000);
  describe("single NAT, Spot, provisioned EFS, ARM64, ECR image, cookie secret, no email", function () {
    let run: Run;
    before(async function () {
      run = await runProd(
        {
          natStrategy: "single",
          capacityProvider: "spot",
          efsThroughputMode: "provisioned",
          efsProvisionedMibps: "64",
          cpuArchitecture: "ARM64",
          image: ECR_IMAGE,
          cookieSecret: { secret: COOKIE },
        },
        ["alarmEmail"],
      );
    });

    it("asks awsx for one NAT gateway and runs tasks in private subnets without public IPs", function () {
      assert.deepStrictEqual(run.inputs(T.vpc, "pythonide-vpc").natGateways, {
        strategy: "Single",
      });
      assert.deepStrictEqual(run.inputs(T.service, "ide-prod-service").networkConfiguration, {
        subnets: ["subnet-private-a-10.0.64.0-18", "subnet-private-b-10.0.192.0-18"],
        securityGroups: ["pythonide-task-sg-id"],
        assignPublicIp: false,
      });
      assert.strictEqual(run.outputs.assignPublicIp, false);
      assert.deepStrictEqual(run.outputs.taskSubnetIds, [
        "subnet-private-a-10.0.64.0-18",
        "subnet-private-b-10.0.192.0-18",
      ]);
    });

    it("puts the EFS mount targets where the tasks are (private subnets)", function () {
      assert.deepStrictEqual(
        run.all(T.mountTarget).map((m) => m.inputs.subnetId),
        ["subnet-private-a-10.0.64.0-18", "subnet-private-b-10.0.192.0-18"],
      );
    });

    it("runs every task on FARGATE_SPOT", function () {
      assert.deepStrictEqual(run.inputs(T.service, "ide-prod-service").capacityProviderStrategies, [
        { capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 },
      ]);
    });

    it("provisions 64 MiB/s of EFS throughput", function () {
      const efs = run.inputs(T.efs, "pythonide-efs");
      assert.strictEqual(efs.throughputMode, "provisioned");
      assert.strictEqual(efs.provisionedThroughputInMibps, 64);
    });

    it("builds an ARM64 task", function () {
      assert.strictEqual(
        run.inputs(T.taskDefinition, "ide-prod-task").runtimePlatform.cpuArchitecture,
        "ARM64",
      );
    });

    it("stores the cookie secret in Secrets Manager as a secret and passes it as a container secret", function () {
      const secret = run.get(T.secret, "ide-prod-cookie-secret");
      const version = run.get(T.secretVersion, "ide-prod-cookie-secret-value");
      assert.strictEqual(version.inputs.secretId, "ide-prod-cookie-secret-id");
      assert.deepStrictEqual(version.secretInputs, ["secretString"]);
      const td = run.get(T.taskDefinition, "ide-prod-task");
      const [c] = containers(td);
      assert.deepStrictEqual(c.secrets[2], {
        name: "COOKIE_SECRET",
        valueFrom: "arn:aws:secretsmanager:us-east-2:000000000000:secret/ide-prod-cookie-secret",
      });
      assert.strictEqual(c.secrets.length, 3);
      assert.ok(!td.inputs.containerDefinitions!.toString().includes(COOKIE));
      assert.ok(!c.environment.some((e: { name: string }) => /COOKIE/.test(e.name)));
      assert.ok(td.dependencies?.includes(version.urn), "task definition waits for the value");
      assert.strictEqual(secret.inputs.recoveryWindowInDays, 7);
    });

    it("lets the execution role read both secrets and pull from exactly its ECR repository", function () {
      const doc = policyDocument(run.get(T.rolePolicy, "ide-prod-execution-policy"));
      assert.deepStrictEqual(doc.Statement.slice(1), [
        {
          Sid: "ReadOwnSecrets",
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: [
            "arn:aws:rds:us-east-2:000000000000:secret:rds!pythonide-db-instance",
            "arn:aws:secretsmanager:us-east-2:000000000000:secret/ide-prod-cookie-secret",
          ],
        },
        { Sid: "EcrLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        {
          Sid: "PullOwnImage",
          Effect: "Allow",
          Action: [
            "ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage",
          ],
          Resource: "arn:aws:ecr:us-east-2:000000000000:repository/team/pythonide",
        },
      ]);
    });

    it("creates no email subscription without alarmEmail", function () {
      assert.strictEqual(run.all("aws:sns/topicSubscription:TopicSubscription").length, 0);
      assert.strictEqual(run.all("aws:sns/topic:Topic").length, 1);
    });
  });

  describe("NAT per zone, Spot above an on-demand base, bursting EFS, no deletion protection", function () {
    let run: Run;
    before(async function () {
      run = await runProd({
        natStrategy: "one-per-az",
        capacityProvider: "spot-with-base",
        onDemandBase: "2",
        spotWeight: "3",
        efsThroughputMode: "bursting",
        deletionProtection: "false",
        desiredTasks: "2",
      });
    });

    it("asks awsx for a NAT gateway per zone and runs tasks in private subnets", function () {
      assert.deepStrictEqual(run.inputs(T.vpc, "pythonide-vpc").natGateways, {
        strategy: "OnePerAz",
      });
      const net = run.inputs(T.service, "ide-prod-service").networkConfiguration;
      assert.deepStrictEqual(net.subnets, [
        "subnet-private-a-10.0.64.0-18",
        "subnet-private-b-10.0.192.0-18",
      ]);
      assert.strictEqual(net.assignPublicIp, false);
    });

    it("keeps 2 tasks on FARGATE and adds 3 Spot tasks per on-demand one above them", function () {
      assert.deepStrictEqual(run.inputs(T.service, "ide-prod-service").capacityProviderStrategies, [
        { capacityProvider: "FARGATE", base: 2, weight: 1 },
        { capacityProvider: "FARGATE_SPOT", base: 0, weight: 3 },
      ]);
      assert.strictEqual(run.inputs(T.service, "ide-prod-service").desiredCount, 2);
    });

    it("uses bursting EFS throughput with no provisioned rate", function () {
      const efs = run.inputs(T.efs, "pythonide-efs");
      assert.strictEqual(efs.throughputMode, "bursting");
      assert.strictEqual(efs.provisionedThroughputInMibps, undefined);
    });

    it("skips the final snapshot when the database is not protected", function () {
      const db = run.inputs(T.db, "pythonide-db-instance");
      assert.strictEqual(db.deletionProtection, false);
      assert.strictEqual(db.skipFinalSnapshot, true);
      assert.strictEqual(db.finalSnapshotIdentifier, undefined);
      assert.strictEqual(db.storageEncrypted, true);
      assert.strictEqual(db.manageMasterUserPassword, true);
    });

    it("adds no ECR permissions for an image outside ECR", function () {
      const doc = policyDocument(run.get(T.rolePolicy, "ide-prod-execution-policy"));
      assert.deepStrictEqual(
        doc.Statement.map((s: { Sid: string }) => s.Sid),
        ["WriteOwnLogs", "ReadOwnSecrets"],
      );
    });
  });
});
