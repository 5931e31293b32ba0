/**
 * The seeds' own bad configurations, run through the whole pack as a preview would. Credentials
 * in the seeds are redacted; account ids and hosts are placeholders. Where a seed says nothing
 * about a setting (tags, circuit breaker, subnets), the fixture is compliant, so the verdict is
 * exactly what the seed got wrong.
 */
import * as assert from "assert";
import { policies } from "../../policy-pack/policies";
import { container, scalingPolicy, service, target, taskDefinition, withProps } from "./fixtures";
import { FixtureResource, Violation, runPolicies } from "./helpers";

const all = policies as Parameters<typeof runPolicies>[0];

/** The mandatory violations among `violations`, as [policy, message]. */
function mandatory(violations: Violation[]): [string, string][] {
  return violations.filter((v) => v.level === "mandatory").map((v) => [v.policy, v.message]);
}

/** What the pack refuses on a stack. */
async function refusals(resources: FixtureResource[]): Promise<[string, string][]> {
  return mandatory(await runPolicies(all, resources));
}

describe("the pack on seed 001 (exam an hour away)", () => {
  // Option B's task definition, as registered in the seed (password redacted).
  const seedTaskDefinition = withProps(taskDefinition("exam", "pythonide-exam-task"), {
    family: "pythonide-exam-task",
    cpu: "2048",
    memory: "4096",
    volumes: undefined,
    containerDefinitions: JSON.stringify([
      container({
        name: "pythonide-exam",
        image: "000000000000.dkr.ecr.us-east-2.amazonaws.com/pythonide-exam:latest",
        cpu: 2048,
        memory: 4096,
        portMappings: [{ containerPort: 8080 }],
        secrets: undefined,
        mountPoints: undefined,
        environment: [
          {
            name: "DATABASE_URL",
            value:
              "postgresql://pythonide_admin:REDACTED@pythonide-db.example.invalid:5432/pythonide_exam",
          },
          { name: "IDE_DATA_PATH", value: "/mnt/efs/pythonide-data-exam" },
          { name: "IS_EXAM_MODE", value: "true" },
          { name: "MAX_CONCURRENT_EXECUTIONS", value: "60" },
          { name: "EXECUTION_TIMEOUT", value: "30" },
          { name: "MEMORY_LIMIT_MB", value: "128" },
        ],
      }),
    ]),
  });
  // "Task Count: 1 (fixed) ... Auto-scaling: NOT CONFIGURED".
  const seedService = withProps(service("exam", "pythonide-exam-task-service"), {
    name: "pythonide-exam-task-service",
    cluster: "pythonide-cluster",
    desiredCount: 1,
  });

  it("refuses exactly its three mistakes: the password in DATABASE_URL, :latest, no autoscaling", async () => {
    const violations = await runPolicies(all, [seedTaskDefinition, seedService]);
    assert.deepStrictEqual(mandatory(violations), [
      [
        "ecs-service-autoscaling",
        "ECS service 'pythonide-exam-task-service' must have an autoscaling target (aws.appautoscaling.Target, scalableDimension ecs:service:DesiredCount); none points at service/pythonide-cluster/pythonide-exam-task-service.",
      ],
      [
        "ecs-no-plaintext-credentials",
        "ECS task definition 'pythonide-exam-task' must not put a password in container 'pythonide-exam' environment variable 'DATABASE_URL' (a URL with user:password@, value not shown); pass it in `secrets` with valueFrom a Secrets Manager or SSM SecureString ARN.",
      ],
      [
        "ecs-image-tag-pinned",
        "ECS task definition 'pythonide-exam-task' must pin container 'pythonide-exam' to a version tag or digest in exam; it uses \"000000000000.dkr.ecr.us-east-2.amazonaws.com/pythonide-exam:latest\".",
      ],
    ]);
    assert.ok(violations.every((v) => !v.message.includes("REDACTED")));
  });
});

describe("the pack on seed 000 (2 x 2 vCPU / 8 GB at 5% CPU)", () => {
  const prodStack = (cpu: string, memory: string, min: number): FixtureResource[] => [
    withProps(taskDefinition("prod", "pythonide-task"), { family: "pythonide-task", cpu, memory }),
    withProps(service("prod"), { desiredCount: min }),
    withProps(target("prod"), { minCapacity: min, maxCapacity: 4 }),
    scalingPolicy("prod"),
  ];

  it("refuses the current production size", async () => {
    assert.deepStrictEqual(await refusals(prodStack("2048", "8192", 2)), [
      [
        "ecs-task-size-ceiling",
        "ECS task definition 'pythonide-task' must fit the prod ceiling of 1024 CPU units and 4096 MiB; it asks for 2048 CPU units and 8192 MiB. Lower pythonide:taskCpu / pythonide:taskMemory in the stack's config, or raise the ceiling with this policy's prodMaxCpu / prodMaxMemoryMib in the policy config (pulumi: --policy-pack-config; npm start: --policy-config).",
      ],
    ]);
  });

  it("accepts the seed's own optimized plan (1 vCPU / 2 GB, 1 to 4 tasks)", async () => {
    assert.deepStrictEqual(await refusals(prodStack("1024", "2048", 1)), []);
  });
});
