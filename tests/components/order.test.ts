/**
 * Creation order as AWS documents it, asserted on the recorded dependency lists (the engine
 * creates a resource only after everything it depends on): the ECS service after the cluster's
 * capacity providers are attached and after the listener rule joins its target group to the
 * load balancer; the scalable target after the service.
 */
import * as assert from "assert";
import { runProgram, shippedStackConfig } from "../../preview/program";
import { NOW, Run, runProd, T } from "./helpers";

describe("creation order (recorded dependencies)", function () {
  this.timeout(600_000);
  let run: Run;
  before(async function () {
    run = await runProd();
  });

  it("prod: the service waits for the capacity providers, the listener rule, its target group and task definition", async () => {
    assert.deepStrictEqual(
      run.dependsOn(run.get(T.service, "ide-prod-service")),
      [
        `${T.cluster} pythonide-cluster`,
        `${T.capacityProviders} pythonide-capacity-providers`,
        `${T.listenerRule} ide-prod-rule`,
        `${T.taskDefinition} ide-prod-task`,
        `${T.targetGroup} ide-prod-tg`,
        `awsx:ec2:Vpc pythonide-vpc`,
        `aws:ec2/securityGroup:SecurityGroup pythonide-task-sg`,
      ].sort(),
    );
  });

  it("prod: the listener rule joins the target group to the HTTPS listener first", async () => {
    assert.deepStrictEqual(run.dependsOn(run.get(T.listenerRule, "ide-prod-rule")), [
      `${T.listener} pythonide-https`,
      `${T.targetGroup} ide-prod-tg`,
    ]);
  });

  it("prod: the scalable target waits for the service and the capacity providers", async () => {
    assert.deepStrictEqual(run.dependsOn(run.get(T.target, "ide-prod-scaling-target")), [
      `${T.capacityProviders} pythonide-capacity-providers`,
      `${T.service} ide-prod-service`,
    ]);
  });

  it("staging: the service waits for its listener rule; the cluster comes from the prod stack", async () => {
    const r = await runProgram({
      stack: "staging",
      config: shippedStackConfig("staging"),
      now: NOW,
    });
    const staging = new Run(r.records, r.outputs);
    // A StackReference is read, not registered: it shows by URN.
    const reference =
      "urn:pulumi:staging::pythonide::pythonide:components:StagingEnv$pulumi:pulumi:StackReference::staging-platform";
    assert.deepStrictEqual(staging.dependsOn(staging.get(T.service, "staging-ide-service")), [
      `${T.taskDefinition} staging-ide-task`,
      `${T.listenerRule} staging-ide-rule`,
      `${T.targetGroup} staging-ide-tg`,
      reference,
    ]);
    assert.deepStrictEqual(staging.dependsOn(staging.get(T.target, "staging-ide-scaling-target")), [
      `${T.service} staging-ide-service`,
      reference,
    ]);
  });
});
