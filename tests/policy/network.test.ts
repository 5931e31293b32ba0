import * as assert from "assert";
import { lbListenerHttps, securityGroupNoPublicIngress } from "../../policy-pack/policies/network";
import {
  TYPES,
  edge,
  httpRedirectListener,
  httpsListener,
  service,
  serviceProps,
  tags,
  withProps,
} from "./fixtures";
import {
  FixtureResource,
  messages,
  runResourcePolicy,
  runStackPolicy,
  unknown,
  urnOf,
} from "./helpers";

describe("policy lb-listener-https", () => {
  it("accepts an HTTPS listener", async () => {
    const out = await runResourcePolicy(lbListenerHttps, httpsListener());
    assert.deepStrictEqual(out.violations, []);
  });

  it("accepts an HTTP listener that redirects to HTTPS", async () => {
    const out = await runResourcePolicy(lbListenerHttps, httpRedirectListener());
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses an HTTP listener that forwards to the tasks", async () => {
    const f = withProps(httpRedirectListener(), {
      defaultActions: [
        {
          type: "forward",
          targetGroupArn:
            "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/ide/0000",
        },
      ],
    });
    const out = await runResourcePolicy(lbListenerHttps, f);
    assert.deepStrictEqual(out.violations, [
      {
        policy: "lb-listener-https",
        message:
          "Load balancer listener 'http' must use HTTPS or redirect every request to HTTPS; it is HTTP on port 80 with default action forward.",
      },
    ]);
  });

  it("refuses an HTTP listener whose redirect stays on HTTP", async () => {
    const f = withProps(httpRedirectListener(), {
      defaultActions: [
        { type: "redirect", redirect: { protocol: "HTTP", port: "8080", statusCode: "HTTP_302" } },
      ],
    });
    const out = await runResourcePolicy(lbListenerHttps, f);
    assert.deepStrictEqual(messages(out), [
      "Load balancer listener 'http' must use HTTPS or redirect every request to HTTPS; it is HTTP on port 80 with default action redirect to HTTP.",
    ]);
  });

  it("treats a listener without a protocol as HTTP (the ALB default)", async () => {
    const f = withProps(httpsListener(), { protocol: undefined, port: undefined });
    const out = await runResourcePolicy(lbListenerHttps, f);
    assert.deepStrictEqual(messages(out), [
      "Load balancer listener 'https' must use HTTPS or redirect every request to HTTPS; it is HTTP with default action forward.",
    ]);
  });

  it("checks the legacy aws.alb.Listener type too (isType with either class)", async () => {
    const f = {
      ...withProps(httpRedirectListener(), { defaultActions: [{ type: "fixed-response" }] }),
      type: "aws:alb/listener:Listener",
    };
    const out = await runResourcePolicy(lbListenerHttps, f);
    assert.deepStrictEqual(messages(out), [
      "Load balancer listener 'http' must use HTTPS or redirect every request to HTTPS; it is HTTP on port 80 with default action fixed-response.",
    ]);
  });

  it("is not applicable to other types", async () => {
    const out = await runResourcePolicy(lbListenerHttps, {
      ...httpsListener(),
      type: TYPES.targetGroup,
    });
    assert.deepStrictEqual(out.notApplicable, [
      "Policy only applies to resources of type aws:lb/listener:Listener or aws:alb/listener:Listener",
    ]);
  });
});

describe("policy security-group-no-public-ingress", () => {
  const run = (resources: FixtureResource[], config?: Record<string, unknown>) =>
    runStackPolicy(securityGroupNoPublicIngress, resources, { config });
  const [lbSg, tasksSg, tasksFromLb, lb] = edge();
  const openRule = (over: Record<string, unknown> = {}): FixtureResource => ({
    type: TYPES.ingressRule,
    name: "tasks-open",
    props: {
      securityGroupId: "sg-00000tasks",
      cidrIpv4: "0.0.0.0/0",
      ipProtocol: "tcp",
      fromPort: 8080,
      toPort: 8080,
      tags: tags("prod"),
      ...over,
    },
    propertyDependencies: { securityGroupId: ["tasks-sg"] },
  });

  it("accepts the load balancer's group open on 80/443 and tasks reachable only from it", async () => {
    const out = await run(edge());
    assert.deepStrictEqual(out.violations, []);
  });

  it("refuses the tasks' group open to the internet (an ingress rule resource)", async () => {
    const out = await run([...edge(), openRule()]);
    assert.deepStrictEqual(out.violations, [
      {
        policy: "security-group-no-public-ingress",
        message:
          "Security group ingress rule 'tasks-open' must not accept tcp 8080 from 0.0.0.0/0: only the load balancer's security group may be open to the internet, on tcp 80, 443.",
        urn: urnOf(TYPES.ingressRule, "tasks-open"),
      },
    ]);
  });

  it("refuses a group that is not the load balancer's open on 443 (inline ingress)", async () => {
    const open = withProps(tasksSg, {
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    });
    const out = await run([lbSg, open, tasksFromLb, lb]);
    assert.deepStrictEqual(messages(out), [
      "Security group 'tasks-sg' must not accept tcp 443 from 0.0.0.0/0: only the load balancer's security group may be open to the internet, on tcp 80, 443.",
    ]);
  });

  it("refuses the load balancer's group open on another port (ssh)", async () => {
    const ingress = [
      ...((lbSg.props.ingress as unknown[]) ?? []),
      { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] },
    ];
    const out = await run([withProps(lbSg, { ingress }), tasksSg, tasksFromLb, lb]);
    assert.deepStrictEqual(messages(out), [
      "Security group 'lb-sg' must not accept tcp 22 from 0.0.0.0/0: the load balancer's security group may be open to the internet only on tcp 80, 443.",
    ]);
  });

  it("refuses the load balancer's group open to all traffic over IPv6", async () => {
    const ingress = [{ protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }];
    const out = await run([withProps(lbSg, { ingress }), tasksSg, tasksFromLb, lb]);
    assert.deepStrictEqual(messages(out), [
      "Security group 'lb-sg' must not accept all protocols and ports from ::/0: the load balancer's security group may be open to the internet only on tcp 80, 443.",
    ]);
  });

  it("refuses a port range that only starts at an allowed port (443-8443)", async () => {
    const out = await run([
      ...edge(),
      openRule({ securityGroupId: "sg-0000000lb", fromPort: 443, toPort: 8443 }),
    ]);
    assert.deepStrictEqual(messages(out), [
      "Security group ingress rule 'tasks-open' must not accept tcp 443-8443 from 0.0.0.0/0: the load balancer's security group may be open to the internet only on tcp 80, 443.",
    ]);
  });

  it("refuses an aws.ec2.SecurityGroupRule of type ingress open to the internet", async () => {
    const rule: FixtureResource = {
      type: TYPES.securityGroupRule,
      name: "db-open",
      props: {
        type: "ingress",
        securityGroupId: "sg-0000000db",
        protocol: "tcp",
        fromPort: 5432,
        toPort: 5432,
        cidrBlocks: ["0.0.0.0/0"],
      },
    };
    const out = await run([...edge(), rule]);
    assert.deepStrictEqual(messages(out), [
      "Security group rule 'db-open' must not accept tcp 5432 from 0.0.0.0/0: only the load balancer's security group may be open to the internet, on tcp 80, 443.",
    ]);
  });

  it("ignores egress rules open to the internet", async () => {
    const rule: FixtureResource = {
      type: TYPES.securityGroupRule,
      name: "tasks-egress",
      props: {
        type: "egress",
        securityGroupId: "sg-00000tasks",
        protocol: "-1",
        fromPort: 0,
        toPort: 0,
        cidrBlocks: ["0.0.0.0/0"],
      },
    };
    assert.deepStrictEqual((await run([...edge(), rule])).violations, []);
  });

  it("tells the load balancer's group by dependency while ids are unknown (preview)", async () => {
    const out = await run([
      withProps(lbSg, { id: unknown.string }),
      withProps(tasksSg, { id: unknown.string }),
      withProps(tasksFromLb, {
        securityGroupId: unknown.string,
        referencedSecurityGroupId: unknown.string,
      }),
      withProps(lb, { securityGroups: [unknown.string] }),
    ]);
    assert.deepStrictEqual(out.violations, []);
    assert.deepStrictEqual(out.previewNotes, []);
  });

  it("still refuses, while ids are unknown, a group the load balancer does not depend on", async () => {
    const open = withProps(tasksSg, {
      id: unknown.string,
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    });
    const out = await run([
      withProps(lbSg, { id: unknown.string }),
      open,
      withProps(lb, { securityGroups: [unknown.string] }),
    ]);
    assert.deepStrictEqual(messages(out), [
      "Security group 'tasks-sg' must not accept tcp 443 from 0.0.0.0/0: only the load balancer's security group may be open to the internet, on tcp 80, 443.",
    ]);
  });

  /** One group open on 80/443, used by the load balancer and by a service's public tasks. */
  const shared = (ids: "known" | "unknown"): FixtureResource[] => {
    const id = ids === "known" ? "sg-0000000lb" : unknown.string;
    return [
      withProps(lbSg, { id }),
      withProps(lb, { securityGroups: [id] }),
      {
        ...service("prod"),
        props: {
          ...serviceProps("prod"),
          networkConfiguration: {
            subnets: ["subnet-0000000a", "subnet-0000000b"],
            securityGroups: [id],
            assignPublicIp: true,
          },
        },
        propertyDependencies: { networkConfiguration: ["lb-sg"] },
      },
    ];
  };
  const sharedMessage =
    "Security group 'lb-sg' must not accept tcp 443 from 0.0.0.0/0: ECS service 'ide-service' places its tasks in this group with public IPs, so they are reachable without the load balancer. Give the tasks a group of their own that accepts only the load balancer's group.";

  it("refuses a group the load balancer shares with a service's public tasks (ids known)", async () => {
    const out = await run(shared("known"));
    assert.deepStrictEqual(messages(out), [
      sharedMessage,
      sharedMessage.replace("tcp 443", "tcp 80"),
    ]);
  });

  it("refuses it in a first preview too, by the service's dependency on the group", async () => {
    const out = await run(shared("unknown"));
    assert.equal(out.violations.length, 2);
    assert.equal(messages(out)[0], sharedMessage);
    assert.deepStrictEqual(out.previewNotes, []);
  });

  it("takes the load balancer ports from config", async () => {
    const out = await run(edge(), { loadBalancerPorts: [443] });
    assert.deepStrictEqual(messages(out), [
      "Security group 'lb-sg' must not accept tcp 80 from 0.0.0.0/0: the load balancer's security group may be open to the internet only on tcp 443.",
    ]);
  });
});
