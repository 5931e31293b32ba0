/**
 * The prod stack as shipped (Pulumi.prod.yaml) on mocks: the exact inputs of what matters.
 */
import * as assert from "assert";
import { ORDINARY_VCPU_PER_STUDENT, studentsPerTask, tasksFor } from "../../model/capacity";
import { defaultMaxConnections } from "../../model/rds";
import { platformOutputsFixture } from "../../preview/program";
import { containers, isTaggable, policyDocument, Run, runProd, T } from "./helpers";

const SECRET_ARN = "arn:aws:rds:us-east-2:000000000000:secret:rds!pythonide-db-instance";
const TOPIC_ARN = "arn:aws:sns:us-east-2:000000000000:topic/pythonide-alarms";

describe("prod stack (Pulumi.prod.yaml on mocks)", function () {
  // Program runs take seconds; the suite also runs without .mocharc.json's timeout.
  this.timeout(600_000);
  let run: Run;
  before(async function () {
    run = await runProd();
  });

  describe("sizing", function () {
    it("is what the capacity planner gives for 60 ordinary and 240 exam-intensity students", function () {
      const td = run.inputs(T.taskDefinition, "ide-prod-task");
      const target = run.inputs(T.target, "ide-prod-scaling-target");
      const cpu = Number(td.cpu);
      const ordinaryPerTask = studentsPerTask(cpu, 60, ORDINARY_VCPU_PER_STUDENT);
      assert.strictEqual(tasksFor(60, ordinaryPerTask), 1);
      assert.strictEqual(target.minCapacity, tasksFor(60, ordinaryPerTask));
      // 0.5 vCPU x 60% / (0.65 / 34) vCPU a student = 15.69: 15 students; ceil(240 / 15) = 16.
      assert.strictEqual(studentsPerTask(cpu, 60), 15);
      assert.strictEqual(tasksFor(240, studentsPerTask(cpu, 60)), 16);
      assert.ok(target.maxCapacity * studentsPerTask(cpu, 60) >= 240);
      assert.strictEqual(target.maxCapacity, tasksFor(240, studentsPerTask(cpu, 60)));
    });
  });

  describe("task definition", function () {
    it("is 0.5 vCPU / 2 GB x86 on Fargate, as the planner sized prod", function () {
      const td = run.inputs(T.taskDefinition, "ide-prod-task");
      assert.strictEqual(td.cpu, "512");
      assert.strictEqual(td.memory, "2048");
      assert.deepStrictEqual(td.runtimePlatform, {
        cpuArchitecture: "X86_64",
        operatingSystemFamily: "LINUX",
      });
      assert.deepStrictEqual(td.requiresCompatibilities, ["FARGATE"]);
      assert.strictEqual(td.networkMode, "awsvpc");
      assert.strictEqual(run.all(T.taskDefinition).length, 1);
    });

    it("runs one essential container on port 8080 with the configured image", function () {
      const [c, ...rest] = containers(run.get(T.taskDefinition, "ide-prod-task"));
      assert.strictEqual(rest.length, 0);
      assert.strictEqual(c.image, "registry.example.com/pythonide:2025.10.1");
      assert.strictEqual(c.essential, true);
      assert.deepStrictEqual(c.portMappings, [{ containerPort: 8080, protocol: "tcp" }]);
      assert.deepStrictEqual(c.logConfiguration, {
        logDriver: "awslogs",
        options: {
          "awslogs-group": "/ecs/pythonide/ide-prod",
          "awslogs-region": "us-east-2",
          "awslogs-stream-prefix": "ide",
        },
      });
    });

    it("sets exactly the app's settings as environment, none of them a credential", function () {
      const [c] = containers(run.get(T.taskDefinition, "ide-prod-task"));
      assert.deepStrictEqual(c.environment, [
        { name: "DATABASE_HOST", value: "pythonide-db-instance.mock.invalid" },
        { name: "DATABASE_NAME", value: "pythonide" },
        { name: "DATABASE_PORT", value: "5432" },
        { name: "EXECUTION_TIMEOUT", value: "60" },
        { name: "IDE_DATA_PATH", value: "/mnt/efs/pythonide-data" },
        { name: "IS_EXAM_MODE", value: "false" },
        { name: "MAX_CONCURRENT_EXECUTIONS", value: "20" },
        { name: "MEMORY_LIMIT_MB", value: "256" },
        { name: "TORNADO_PROCESSES", value: "1" },
      ]);
      for (const e of c.environment) {
        assert.doesNotMatch(e.name, /PASSWORD|SECRET|TOKEN|URL/);
        assert.doesNotMatch(e.value, /:\/\/|secret|password/i);
      }
    });

    it("takes the database credentials only from the RDS-managed secret", function () {
      const [c] = containers(run.get(T.taskDefinition, "ide-prod-task"));
      assert.deepStrictEqual(c.secrets, [
        { name: "DATABASE_USER", valueFrom: `${SECRET_ARN}:username::` },
        { name: "DATABASE_PASSWORD", valueFrom: `${SECRET_ARN}:password::` },
      ]);
      assert.strictEqual(run.outputs.databaseSecretArn, SECRET_ARN);
      assert.strictEqual(run.all("aws:secretsmanager/secret:Secret").length, 0);
    });

    it("mounts its own EFS access point with transit encryption and IAM authorization", function () {
      const td = run.inputs(T.taskDefinition, "ide-prod-task");
      assert.deepStrictEqual(td.volumes, [
        {
          name: "ide-data",
          efsVolumeConfiguration: {
            fileSystemId: "pythonide-efs-id",
            transitEncryption: "ENABLED",
            authorizationConfig: { accessPointId: "ide-prod-data-id", iam: "ENABLED" },
          },
        },
      ]);
      const [c] = containers(run.get(T.taskDefinition, "ide-prod-task"));
      assert.deepStrictEqual(c.mountPoints, [
        { sourceVolume: "ide-data", containerPath: "/mnt/efs/pythonide-data", readOnly: false },
      ]);
      const ap = run.inputs(T.accessPoint, "ide-prod-data");
      assert.strictEqual(ap.fileSystemId, "pythonide-efs-id");
      assert.deepStrictEqual(ap.posixUser, { uid: 1000, gid: 1000 });
      assert.deepStrictEqual(ap.rootDirectory, {
        path: "/pythonide/prod",
        creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: "750" },
      });
    });

    it("keeps logs for the configured 30 days", function () {
      const lg = run.inputs(T.logGroup, "ide-prod-logs");
      assert.strictEqual(lg.name, "/ecs/pythonide/ide-prod");
      assert.strictEqual(lg.retentionInDays, 30);
    });
  });

  describe("roles", function () {
    it("lets the execution role write its own log group and read exactly its secret", function () {
      const doc = policyDocument(run.get(T.rolePolicy, "ide-prod-execution-policy"));
      assert.deepStrictEqual(doc.Statement, [
        {
          Sid: "WriteOwnLogs",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          // The mock builds ARNs from the type token (aws:cloudwatch/logGroup).
          Resource: "arn:aws:cloudwatch:us-east-2:000000000000:log-group/ide-prod-logs:*",
        },
        {
          Sid: "ReadOwnSecrets",
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: [SECRET_ARN],
        },
      ]);
      assert.strictEqual(
        run.inputs(T.rolePolicy, "ide-prod-execution-policy").role,
        "ide-prod-execution-role-id",
      );
    });

    it("lets the task role mount and write the file system through its access point only", function () {
      const doc = policyDocument(run.get(T.rolePolicy, "ide-prod-task-policy"));
      assert.deepStrictEqual(doc.Statement, [
        {
          Sid: "OwnAccessPointOnly",
          Effect: "Allow",
          Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
          Resource: "arn:aws:efs:us-east-2:000000000000:file-system/pythonide-efs",
          Condition: {
            StringEquals: {
              "elasticfilesystem:AccessPointArn":
                "arn:aws:efs:us-east-2:000000000000:access-point/ide-prod-data",
            },
          },
        },
      ]);
    });

    it("lets only ECS tasks of this account assume the task role", function () {
      const trust = policyDocument(run.get(T.role, "ide-prod-task-role"), "assumeRolePolicy");
      assert.deepStrictEqual(trust.Statement, [
        {
          Effect: "Allow",
          Principal: { Service: "ecs-tasks.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: {
            StringEquals: { "aws:SourceAccount": "000000000000" },
            ArnLike: { "aws:SourceArn": "arn:aws:ecs:us-east-2:000000000000:*" },
          },
        },
      ]);
    });
  });

  describe("load balancing", function () {
    it("health-checks /api/health every 30 s, 5 s timeout, 2 healthy, 3 unhealthy", function () {
      const tg = run.inputs(T.targetGroup, "ide-prod-tg");
      assert.strictEqual(tg.port, 8080);
      assert.strictEqual(tg.protocol, "HTTP");
      assert.strictEqual(tg.targetType, "ip");
      assert.strictEqual(tg.vpcId, "vpc-10.0.0.0-16");
      assert.deepStrictEqual(tg.healthCheck, {
        enabled: true,
        protocol: "HTTP",
        port: "traffic-port",
        path: "/api/health",
        matcher: "200",
        interval: 30,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      });
    });

    it("routes the prod host to the service by host header on the HTTPS listener", function () {
      const rule = run.inputs(T.listenerRule, "ide-prod-rule");
      assert.strictEqual(rule.listenerArn, run.outputs.httpsListenerArn);
      assert.strictEqual(rule.priority, 100);
      assert.deepStrictEqual(rule.conditions, [{ hostHeader: { values: ["ide.example.edu"] } }]);
      assert.deepStrictEqual(rule.actions, [
        {
          type: "forward",
          targetGroupArn: "arn:aws:lb:us-east-2:000000000000:target-group/ide-prod-tg",
        },
      ]);
    });

    it("serves HTTPS with the configured certificate and a TLS 1.2+ policy, HTTP redirects", function () {
      const https = run.inputs(T.listener, "pythonide-https");
      assert.strictEqual(https.port, 443);
      assert.strictEqual(https.protocol, "HTTPS");
      assert.strictEqual(
        https.certificateArn,
        "arn:aws:acm:us-east-2:000000000000:certificate/00000000-0000-0000-0000-000000000000",
      );
      assert.strictEqual(https.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
      assert.deepStrictEqual(https.defaultActions, [
        {
          type: "fixed-response",
          fixedResponse: { contentType: "text/plain", messageBody: "Not found", statusCode: "404" },
        },
      ]);
      const http = run.inputs(T.listener, "pythonide-http");
      assert.strictEqual(http.port, 80);
      assert.strictEqual(http.protocol, "HTTP");
      assert.deepStrictEqual(http.defaultActions, [
        { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
      ]);
      assert.strictEqual(run.all(T.listener).length, 2);
    });

    it("puts an internet-facing ALB in the public subnets behind its own security group", function () {
      const lb = run.inputs(T.loadBalancer, "pythonide-alb");
      assert.strictEqual(lb.internal, false);
      assert.strictEqual(lb.loadBalancerType, "application");
      assert.deepStrictEqual(lb.subnets, [
        "subnet-public-a-10.0.0.0-18",
        "subnet-public-b-10.0.128.0-18",
      ]);
      assert.deepStrictEqual(lb.securityGroups, ["pythonide-alb-sg-id"]);
      assert.strictEqual(lb.dropInvalidHeaderFields, true);
    });
  });

  describe("ECS service", function () {
    it("starts 1 on-demand task in the public subnets with a public IP and the task group", function () {
      const svc = run.inputs(T.service, "ide-prod-service");
      assert.strictEqual(svc.desiredCount, 1);
      assert.strictEqual(svc.cluster, run.outputs.clusterArn);
      assert.strictEqual(
        svc.taskDefinition,
        "arn:aws:ecs:us-east-2:000000000000:task-definition/ide-prod-task",
      );
      assert.deepStrictEqual(svc.capacityProviderStrategies, [
        { capacityProvider: "FARGATE", base: 0, weight: 1 },
      ]);
      assert.strictEqual(svc.launchType, undefined);
      assert.deepStrictEqual(svc.networkConfiguration, {
        subnets: ["subnet-public-a-10.0.0.0-18", "subnet-public-b-10.0.128.0-18"],
        securityGroups: ["pythonide-task-sg-id"],
        assignPublicIp: true,
      });
      assert.deepStrictEqual(svc.loadBalancers, [
        {
          targetGroupArn: "arn:aws:lb:us-east-2:000000000000:target-group/ide-prod-tg",
          containerName: "pythonide",
          containerPort: 8080,
        },
      ]);
    });

    it("rolls back failed deployments and gives new tasks a grace period", function () {
      const svc = run.inputs(T.service, "ide-prod-service");
      assert.deepStrictEqual(svc.deploymentCircuitBreaker, { enable: true, rollback: true });
      assert.strictEqual(svc.healthCheckGracePeriodSeconds, 120);
      assert.strictEqual(svc.deploymentMinimumHealthyPercent, 100);
      assert.strictEqual(svc.deploymentMaximumPercent, 200);
    });

    it("leaves the desired count to autoscaling (ignoreChanges)", function () {
      assert.deepStrictEqual(run.get(T.service, "ide-prod-service").options?.ignoreChanges, [
        "desiredCount",
      ]);
    });

    it("is created after its listener rule (a target group must be attached first)", function () {
      const svc = run.get(T.service, "ide-prod-service");
      const rule = run.get(T.listenerRule, "ide-prod-rule");
      assert.ok(svc.dependencies?.includes(rule.urn), "service must depend on the listener rule");
    });

    it("runs in a cluster with both Fargate capacity providers and no Container Insights", function () {
      const cp = run.inputs(T.capacityProviders, "pythonide-capacity-providers");
      assert.deepStrictEqual(cp.capacityProviders, ["FARGATE", "FARGATE_SPOT"]);
      assert.strictEqual(cp.clusterName, "pythonide-cluster");
      assert.deepStrictEqual(run.inputs(T.cluster, "pythonide-cluster").settings, [
        { name: "containerInsights", value: "disabled" },
      ]);
    });
  });

  describe("autoscaling", function () {
    it("targets service/<cluster name>/<service name> between 1 and 16 tasks", function () {
      const target = run.inputs(T.target, "ide-prod-scaling-target");
      assert.strictEqual(
        target.resourceId,
        `service/${run.outputs.clusterName}/${run.outputs.serviceName}`,
      );
      assert.strictEqual(target.resourceId, "service/pythonide-cluster/ide-prod-service");
      assert.strictEqual(target.scalableDimension, "ecs:service:DesiredCount");
      assert.strictEqual(target.serviceNamespace, "ecs");
      assert.strictEqual(target.minCapacity, 1);
      assert.strictEqual(target.maxCapacity, 16);
    });

    it("tracks 60% CPU and 70% memory, scaling out after 60 s and in after 300 s", function () {
      const cpu = run.inputs(T.policy, "ide-prod-cpu-tracking");
      assert.strictEqual(cpu.policyType, "TargetTrackingScaling");
      assert.strictEqual(cpu.resourceId, "service/pythonide-cluster/ide-prod-service");
      assert.deepStrictEqual(cpu.targetTrackingScalingPolicyConfiguration, {
        predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
        targetValue: 60,
        scaleOutCooldown: 60,
        scaleInCooldown: 300,
      });
      const mem = run.inputs(T.policy, "ide-prod-memory-tracking");
      assert.deepStrictEqual(mem.targetTrackingScalingPolicyConfiguration, {
        predefinedMetricSpecification: {
          predefinedMetricType: "ECSServiceAverageMemoryUtilization",
        },
        targetValue: 70,
        scaleOutCooldown: 60,
        scaleInCooldown: 300,
      });
    });

    const steps = [
      { id: "cpu-step-up-1", op: "GreaterThanThreshold", threshold: 60, minutes: 2, change: 1 },
      { id: "cpu-step-up-2", op: "GreaterThanThreshold", threshold: 80, minutes: 1, change: 2 },
      { id: "cpu-step-down-1", op: "LessThanThreshold", threshold: 30, minutes: 5, change: -1 },
    ];
    for (const s of steps) {
      it(`steps ${s.change > 0 ? "+" : ""}${s.change} when CPU ${s.op === "LessThanThreshold" ? "<" : ">"} ${s.threshold}% for ${s.minutes} min`, function () {
        const policy = run.inputs(T.policy, `ide-prod-${s.id}`);
        assert.strictEqual(policy.policyType, "StepScaling");
        assert.strictEqual(policy.resourceId, "service/pythonide-cluster/ide-prod-service");
        assert.deepStrictEqual(policy.stepScalingPolicyConfiguration, {
          adjustmentType: "ChangeInCapacity",
          cooldown: s.change > 0 ? 60 : 300,
          metricAggregationType: "Average",
          stepAdjustments: [
            s.change > 0
              ? { metricIntervalLowerBound: "0", scalingAdjustment: s.change }
              : { metricIntervalUpperBound: "0", scalingAdjustment: s.change },
          ],
        });
        const alarm = run.inputs(T.alarm, `ide-prod-${s.id}-alarm`);
        assert.strictEqual(alarm.namespace, "AWS/ECS");
        assert.strictEqual(alarm.metricName, "CPUUtilization");
        assert.deepStrictEqual(alarm.dimensions, {
          ClusterName: "pythonide-cluster",
          ServiceName: "ide-prod-service",
        });
        assert.strictEqual(alarm.comparisonOperator, s.op);
        assert.strictEqual(alarm.threshold, s.threshold);
        assert.strictEqual(alarm.period, 60);
        assert.strictEqual(alarm.evaluationPeriods, s.minutes);
        assert.strictEqual(alarm.datapointsToAlarm, s.minutes);
        assert.deepStrictEqual(alarm.alarmActions, [
          `arn:aws:appautoscaling:us-east-2:000000000000:policy/ide-prod-${s.id}`,
        ]);
      });
    }

    it("has exactly these five scaling policies", function () {
      assert.deepStrictEqual(
        run
          .all(T.policy)
          .map((p) => p.name)
          .sort(),
        [
          "ide-prod-cpu-step-down-1",
          "ide-prod-cpu-step-up-1",
          "ide-prod-cpu-step-up-2",
          "ide-prod-cpu-tracking",
          "ide-prod-memory-tracking",
        ],
      );
    });
  });

  describe("alarms and dashboard", function () {
    const cases = [
      {
        name: "ide-prod-cpu-high",
        metric: "CPUUtilization",
        namespace: "AWS/ECS",
        stat: "Average",
        threshold: 80,
        period: 60,
        periods: 2,
      },
      {
        name: "ide-prod-memory-high",
        metric: "MemoryUtilization",
        namespace: "AWS/ECS",
        stat: "Average",
        threshold: 75,
        period: 60,
        periods: 2,
      },
      {
        name: "ide-prod-target-5xx",
        metric: "HTTPCode_Target_5XX_Count",
        namespace: "AWS/ApplicationELB",
        stat: "Sum",
        threshold: 10,
        period: 300,
        periods: 1,
      },
      {
        name: "ide-prod-unhealthy-hosts",
        metric: "UnHealthyHostCount",
        namespace: "AWS/ApplicationELB",
        stat: "Maximum",
        threshold: 0,
        period: 60,
        periods: 2,
      },
    ];
    for (const c of cases) {
      it(`${c.name}: ${c.metric} ${c.stat} > ${c.threshold} notifies the alarm topic`, function () {
        const a = run.inputs(T.alarm, c.name);
        assert.strictEqual(a.namespace, c.namespace);
        assert.strictEqual(a.metricName, c.metric);
        assert.strictEqual(a.statistic, c.stat);
        assert.strictEqual(a.comparisonOperator, "GreaterThanThreshold");
        assert.strictEqual(a.threshold, c.threshold);
        assert.strictEqual(a.period, c.period);
        assert.strictEqual(a.evaluationPeriods, c.periods);
        assert.deepStrictEqual(a.alarmActions, [TOPIC_ARN]);
        assert.deepStrictEqual(a.okActions, [TOPIC_ARN]);
        assert.deepStrictEqual(
          a.dimensions,
          c.namespace === "AWS/ECS"
            ? { ClusterName: "pythonide-cluster", ServiceName: "ide-prod-service" }
            : {
                LoadBalancer: "app/pythonide-alb/0123456789abcdef",
                TargetGroup: "targetgroup/ide-prod-tg/0123456789abcdef",
              },
        );
      });
    }

    it("alarms on database CPU above 80% and connections above 80% of the class's limit", function () {
      const limit = defaultMaxConnections("db.t4g.small");
      assert.strictEqual(limit, 225);
      const conn = run.inputs(T.alarm, "pythonide-db-connections-high");
      assert.strictEqual(conn.namespace, "AWS/RDS");
      assert.strictEqual(conn.metricName, "DatabaseConnections");
      assert.strictEqual(conn.threshold, 180);
      assert.deepStrictEqual(conn.dimensions, { DBInstanceIdentifier: "pythonide-db" });
      assert.deepStrictEqual(conn.alarmActions, [TOPIC_ARN]);
      const cpu = run.inputs(T.alarm, "pythonide-db-cpu-high");
      assert.strictEqual(cpu.metricName, "CPUUtilization");
      assert.strictEqual(cpu.threshold, 80);
      assert.deepStrictEqual(cpu.alarmActions, [TOPIC_ARN]);
    });

    it("subscribes the configured email address to the alarm topic", function () {
      const [sub, ...rest] = run.all(T.topicSubscription);
      assert.strictEqual(rest.length, 0);
      assert.deepStrictEqual(
        { topic: sub.inputs.topic, protocol: sub.inputs.protocol, endpoint: sub.inputs.endpoint },
        { topic: TOPIC_ARN, protocol: "email", endpoint: "ide-alerts@example.edu" },
      );
    });

    it("shows CPU, memory, task count, requests, latency and 5xx on the dashboard", function () {
      const d = run.inputs(T.dashboard, "ide-prod-dashboard");
      assert.strictEqual(d.dashboardName, "pythonide-ide-prod");
      const body = JSON.parse(d.dashboardBody);
      const widgets = body.widgets.map((w: any) => ({
        title: w.properties.title,
        metrics: w.properties.metrics.map((m: any[]) => m[1]),
        region: w.properties.region,
      }));
      assert.deepStrictEqual(widgets, [
        { title: "CPU (%)", metrics: ["CPUUtilization", "CPUUtilization"], region: "us-east-2" },
        {
          title: "Memory (%)",
          metrics: ["MemoryUtilization", "MemoryUtilization"],
          region: "us-east-2",
        },
        {
          title: "Tasks (load balancer targets)",
          metrics: ["HealthyHostCount", "UnHealthyHostCount"],
          region: "us-east-2",
        },
        { title: "Requests", metrics: ["RequestCount"], region: "us-east-2" },
        {
          title: "Latency (s)",
          metrics: ["TargetResponseTime", "TargetResponseTime", "TargetResponseTime"],
          region: "us-east-2",
        },
        {
          title: "5xx responses",
          metrics: ["HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count"],
          region: "us-east-2",
        },
      ]);
      assert.deepStrictEqual(body.widgets[0].properties.metrics[0].slice(0, 6), [
        "AWS/ECS",
        "CPUUtilization",
        "ClusterName",
        "pythonide-cluster",
        "ServiceName",
        "ide-prod-service",
      ]);
    });
  });

  describe("security groups", function () {
    const groupName = (id: string) => id.replace(/-id$/, "");
    const rule = (r: { inputs: Record<string, any> }) =>
      [
        groupName(r.inputs.securityGroupId),
        r.inputs.ipProtocol,
        r.inputs.fromPort,
        r.inputs.toPort,
        r.inputs.cidrIpv4 ?? groupName(r.inputs.referencedSecurityGroupId),
      ].join(" ");

    it("opens exactly: internet -> LB 80/443, LB -> tasks 8080, tasks -> DB 5432 and EFS 2049", function () {
      assert.deepStrictEqual(run.all(T.ingress).map(rule).sort(), [
        "pythonide-alb-sg tcp 443 443 0.0.0.0/0",
        "pythonide-alb-sg tcp 80 80 0.0.0.0/0",
        "pythonide-db-sg tcp 5432 5432 pythonide-task-sg",
        "pythonide-efs-sg tcp 2049 2049 pythonide-task-sg",
        "pythonide-task-sg tcp 8080 8080 pythonide-alb-sg",
      ]);
    });

    it("lets out only: LB -> tasks, tasks -> HTTPS, DB and EFS", function () {
      assert.deepStrictEqual(run.all(T.egress).map(rule).sort(), [
        "pythonide-alb-sg tcp 8080 8080 pythonide-task-sg",
        "pythonide-task-sg tcp 2049 2049 pythonide-efs-sg",
        "pythonide-task-sg tcp 443 443 0.0.0.0/0",
        "pythonide-task-sg tcp 5432 5432 pythonide-db-sg",
      ]);
    });

    it("has four groups in the VPC with no inline rules", function () {
      const groups = run.all(T.securityGroup);
      assert.deepStrictEqual(groups.map((g) => g.name).sort(), [
        "pythonide-alb-sg",
        "pythonide-db-sg",
        "pythonide-efs-sg",
        "pythonide-task-sg",
      ]);
      for (const g of groups) {
        assert.strictEqual(g.inputs.vpcId, "vpc-10.0.0.0-16");
        assert.strictEqual(g.inputs.ingress, undefined, `${g.name} has inline ingress`);
        assert.strictEqual(g.inputs.egress, undefined, `${g.name} has inline egress`);
      }
    });
  });

  describe("platform", function () {
    it("builds the VPC without NAT gateways (natStrategy none), DNS on, over 2 zones", function () {
      const vpc = run.inputs(T.vpc, "pythonide-vpc");
      assert.deepStrictEqual(vpc.natGateways, { strategy: "None" });
      assert.strictEqual(vpc.cidrBlock, "10.0.0.0/16");
      assert.strictEqual(vpc.numberOfAvailabilityZones, 2);
      assert.strictEqual(vpc.subnetStrategy, "Auto");
      assert.deepStrictEqual(vpc.subnetSpecs, [
        { type: "Public", name: "public" },
        { type: "Private", name: "private" },
      ]);
      assert.strictEqual(vpc.enableDnsHostnames, true);
      assert.strictEqual(run.outputs.assignPublicIp, true);
      assert.deepStrictEqual(run.outputs.taskSubnetIds, [
        "subnet-public-a-10.0.0.0-18",
        "subnet-public-b-10.0.128.0-18",
      ]);
    });

    it("encrypts EFS, uses elastic throughput and mounts it in each task subnet", function () {
      const efs = run.inputs(T.efs, "pythonide-efs");
      assert.strictEqual(efs.encrypted, true);
      assert.strictEqual(efs.throughputMode, "elastic");
      assert.strictEqual(efs.provisionedThroughputInMibps, undefined);
      const mounts = run
        .all(T.mountTarget)
        .map((m) => [m.inputs.subnetId, m.inputs.securityGroups]);
      assert.deepStrictEqual(mounts, [
        ["subnet-public-a-10.0.0.0-18", ["pythonide-efs-sg-id"]],
        ["subnet-public-b-10.0.128.0-18", ["pythonide-efs-sg-id"]],
      ]);
      const policy = policyDocument(
        run.get("aws:efs/fileSystemPolicy:FileSystemPolicy", "pythonide-efs-policy"),
      );
      assert.deepStrictEqual(policy.Statement[0].Condition, {
        Bool: { "aws:SecureTransport": "false" },
      });
      assert.strictEqual(policy.Statement[0].Effect, "Deny");
    });

    it("runs an encrypted, private PostgreSQL with backups, deletion protection and a final snapshot", function () {
      const db = run.inputs(T.db, "pythonide-db-instance");
      const expected = {
        identifier: "pythonide-db",
        engine: "postgres",
        instanceClass: "db.t4g.small",
        allocatedStorage: 20,
        storageType: "gp3",
        storageEncrypted: true,
        publiclyAccessible: false,
        manageMasterUserPassword: true,
        backupRetentionPeriod: 7,
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "pythonide-db-final",
        multiAz: false,
        dbSubnetGroupName: "pythonide-db-subnets",
        vpcSecurityGroupIds: ["pythonide-db-sg-id"],
      };
      for (const [k, v] of Object.entries(expected)) {
        assert.deepStrictEqual(db[k], v, `rds ${k}`);
      }
      assert.strictEqual(db.password, undefined);
      assert.deepStrictEqual(
        run.inputs("aws:rds/subnetGroup:SubnetGroup", "pythonide-db-subnets").subnetIds,
        ["subnet-private-a-10.0.64.0-18", "subnet-private-b-10.0.192.0-18"],
      );
    });
  });

  describe("tags", function () {
    it("tags every taggable resource with Environment, Service, Project and ManagedBy", function () {
      const taggable = run.records.filter(
        (r) =>
          !r.type.startsWith("pulumi:") && !r.type.startsWith("pythonide:") && isTaggable(r.type),
      );
      assert.ok(taggable.length >= 40, `only ${taggable.length} taggable resources found`);
      for (const r of taggable) {
        const tags = r.inputs.tags as Record<string, string> | undefined;
        assert.ok(tags, `${r.type} ${r.name} has no tags`);
        assert.strictEqual(tags.Environment, "prod", `${r.name} Environment`);
        assert.ok(["platform", "database", "ide"].includes(tags.Service), `${r.name} Service`);
        assert.strictEqual(tags.ManagedBy, "pulumi", `${r.name} ManagedBy`);
        assert.strictEqual(tags.Project, "pythonide", `${r.name} Project`);
      }
    });

    it("knows which types take no tags (so the check above cannot pass vacuously)", function () {
      assert.strictEqual(isTaggable("aws:efs/mountTarget:MountTarget"), false);
      assert.strictEqual(isTaggable("aws:appautoscaling/policy:Policy"), false);
      assert.strictEqual(isTaggable("aws:ecs/service:Service"), true);
      assert.strictEqual(isTaggable("awsx:ec2:Vpc"), true);
      assert.throws(() => isTaggable("aws:nothing/here:Here"));
    });

    it("tags the service, database and platform parts apart", function () {
      assert.strictEqual(run.inputs(T.service, "ide-prod-service").tags.Service, "ide");
      assert.strictEqual(run.inputs(T.db, "pythonide-db-instance").tags.Service, "database");
      assert.strictEqual(run.inputs(T.efs, "pythonide-efs").tags.Service, "platform");
    });
  });

  describe("outputs", function () {
    it("exports the URL, dashboard, service and cluster names", function () {
      assert.strictEqual(run.outputs.url, "https://ide.example.edu");
      assert.strictEqual(run.outputs.dashboardName, "pythonide-ide-prod");
      assert.strictEqual(run.outputs.serviceName, "ide-prod-service");
      assert.strictEqual(run.outputs.clusterName, "pythonide-cluster");
    });

    it("exports exactly the keys the StackReference fixture of staging and exam has", function () {
      assert.deepStrictEqual(
        Object.keys(run.outputs).sort(),
        Object.keys(platformOutputsFixture()).sort(),
      );
    });

    it("exports every platform value staging and exam need", function () {
      assert.deepStrictEqual(run.outputs.privateSubnetIds, [
        "subnet-private-a-10.0.64.0-18",
        "subnet-private-b-10.0.192.0-18",
      ]);
      assert.strictEqual(run.outputs.databaseEndpoint, "pythonide-db-instance.mock.invalid:5432");
      assert.strictEqual(run.outputs.dbSubnetGroupName, "pythonide-db-subnets");
      assert.strictEqual(run.outputs.alarmTopicArn, TOPIC_ARN);
      assert.strictEqual(run.outputs.loadBalancerArnSuffix, "app/pythonide-alb/0123456789abcdef");
      assert.strictEqual(run.outputs.fileSystemId, "pythonide-efs-id");
      assert.strictEqual(run.outputs.taskSecurityGroupId, "pythonide-task-sg-id");
    });
  });
});
