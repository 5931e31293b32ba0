/**
 * The network policies at their edges: IPv6 on rule resources, protocols by number, ports and
 * ranges on both sides of the allowed set, a load balancer's group told by id or dependency,
 * listeners with several or no default actions.
 */
import * as assert from "assert";
import { lbListenerHttps, securityGroupNoPublicIngress } from "../../policy-pack/policies/network";
import { TYPES, edge, httpRedirectListener, service, withProps } from "./fixtures";
import { FixtureResource, messages, runResourcePolicy, runStackPolicy, unknown } from "./helpers";

const ONLY_LB =
  "only the load balancer's security group may be open to the internet, on tcp 80, 443.";
const LB_ONLY_ON =
  "the load balancer's security group may be open to the internet only on tcp 80, 443.";

describe("policy security-group-no-public-ingress: rule resources, protocols, ports", () => {
  const run = async (resources: FixtureResource[]) =>
    messages(await runStackPolicy(securityGroupNoPublicIngress, resources));
  const [lbSg, tasksSg, tasksFromLb, lb] = edge();
  /** An aws.vpc.SecurityGroupIngressRule on the tasks' group (or another, by id). */
  const ingressRule = (props: Record<string, unknown>, deps = ["tasks-sg"]): FixtureResource => ({
    type: TYPES.ingressRule,
    name: "open",
    props: {
      securityGroupId: "sg-00000tasks",
      ipProtocol: "tcp",
      fromPort: 8080,
      toPort: 8080,
      ...props,
    },
    propertyDependencies: { securityGroupId: deps },
  });
  /** An aws.ec2.SecurityGroupRule of type ingress. */
  const groupRule = (props: Record<string, unknown>): FixtureResource => ({
    type: TYPES.securityGroupRule,
    name: "rule",
    props: {
      type: "ingress",
      securityGroupId: "sg-00000tasks",
      protocol: "tcp",
      fromPort: 8080,
      toPort: 8080,
      ...props,
    },
  });
  /** The load balancer's group with this inline ingress instead of its own. */
  const lbWith = (...ingress: Record<string, unknown>[]) => [
    withProps(lbSg, { ingress }),
    tasksSg,
    tasksFromLb,
    lb,
  ];
  const open = { cidrBlocks: ["0.0.0.0/0"] };

  it("refuses ::/0 on an ingress rule resource and on a security group rule", async () => {
    assert.deepStrictEqual(await run([...edge(), ingressRule({ cidrIpv6: "::/0" })]), [
      `Security group ingress rule 'open' must not accept tcp 8080 from ::/0: ${ONLY_LB}`,
    ]);
    assert.deepStrictEqual(await run([...edge(), groupRule({ ipv6CidrBlocks: ["::/0"] })]), [
      `Security group rule 'rule' must not accept tcp 8080 from ::/0: ${ONLY_LB}`,
    ]);
  });

  it("accepts rule resources open only to private or narrower ranges", async () => {
    assert.deepStrictEqual(
      await run([
        ...edge(),
        ingressRule({ cidrIpv4: "10.0.0.0/16", cidrIpv6: "2001:db8::/32" }),
        groupRule({ cidrBlocks: ["0.0.0.0/1"], ipv6CidrBlocks: ["::/1"] }),
      ]),
      [],
    );
  });

  it("names protocols given by number, and reads 6 as TCP on the load balancer ports", async () => {
    assert.deepStrictEqual(
      await run(
        lbWith(
          { protocol: "6", fromPort: 443, toPort: 443, ...open },
          { protocol: 6, fromPort: 80, toPort: 80, ...open },
          { protocol: "17", fromPort: 443, toPort: 443, ...open },
          { protocol: "ALL", fromPort: 0, toPort: 0, ...open },
          { protocol: "icmp", fromPort: -1, toPort: -1, ...open },
        ),
      ),
      [
        `Security group 'lb-sg' must not accept udp 443 from 0.0.0.0/0: ${LB_ONLY_ON}`,
        `Security group 'lb-sg' must not accept all protocols and ports from 0.0.0.0/0: ${LB_ONLY_ON}`,
        `Security group 'lb-sg' must not accept icmp -1 from 0.0.0.0/0: ${LB_ONLY_ON}`,
      ],
    );
  });

  it("takes TCP when an inline rule names no protocol", async () => {
    assert.deepStrictEqual(await run(lbWith({ fromPort: 22, toPort: 22, ...open })), [
      `Security group 'lb-sg' must not accept tcp 22 from 0.0.0.0/0: ${LB_ONLY_ON}`,
    ]);
  });

  it("accepts the range 80-80 and refuses ranges over or around the allowed ports", async () => {
    assert.deepStrictEqual(
      await run(lbWith({ protocol: "tcp", fromPort: 80, toPort: 80, ...open })),
      [],
    );
    assert.deepStrictEqual(
      await run(
        lbWith(
          { protocol: "tcp", fromPort: 80, toPort: 443, ...open },
          { protocol: "tcp", fromPort: 79, toPort: 80, ...open },
          { protocol: "tcp", fromPort: 443, toPort: 80, ...open },
        ),
      ),
      [
        `Security group 'lb-sg' must not accept tcp 80-443 from 0.0.0.0/0: ${LB_ONLY_ON}`,
        `Security group 'lb-sg' must not accept tcp 79-80 from 0.0.0.0/0: ${LB_ONLY_ON}`,
        `Security group 'lb-sg' must not accept tcp 443-80 from 0.0.0.0/0: ${LB_ONLY_ON}`,
      ],
    );
  });

  it("accepts a two-port range when both ports are allowed (80-81 with 80 and 81)", async () => {
    const out = await runStackPolicy(
      securityGroupNoPublicIngress,
      lbWith({ protocol: "tcp", fromPort: 80, toPort: 81, ...open }),
      { config: { loadBalancerPorts: [80, 81] } },
    );
    assert.deepStrictEqual(messages(out), []);
  });

  it("refuses missing ports on TCP, and passes ports or a protocol unknown in a preview", async () => {
    assert.deepStrictEqual(await run(lbWith({ protocol: "tcp", ...open })), [
      `Security group 'lb-sg' must not accept tcp (ports unknown until the update) from 0.0.0.0/0: ${LB_ONLY_ON}`,
    ]);
    assert.deepStrictEqual(await run(lbWith({ protocol: "tcp", fromPort: 80, ...open })), [
      `Security group 'lb-sg' must not accept tcp (ports unknown until the update) from 0.0.0.0/0: ${LB_ONLY_ON}`,
    ]);
    assert.deepStrictEqual(
      await run(
        lbWith(
          { protocol: "tcp", fromPort: unknown.number, toPort: 443, ...open },
          { protocol: "tcp", fromPort: 443, toPort: unknown.number, ...open },
          { protocol: unknown.string, fromPort: 22, toPort: 22, ...open },
        ),
      ),
      [],
    );
  });

  it("ties a rule resource to the load balancer's group by its known id alone", async () => {
    const rule = ingressRule(
      { securityGroupId: "sg-0000000lb", cidrIpv4: "0.0.0.0/0", fromPort: 22, toPort: 22 },
      [],
    );
    assert.deepStrictEqual(await run([...edge(), rule]), [
      `Security group ingress rule 'open' must not accept tcp 22 from 0.0.0.0/0: ${LB_ONLY_ON}`,
    ]);
    const allowed = ingressRule(
      { securityGroupId: "sg-0000000lb", cidrIpv4: "0.0.0.0/0", fromPort: 443, toPort: 443 },
      [],
    );
    assert.deepStrictEqual(await run([...edge(), allowed]), []);
  });

  it("tells the load balancer's group by known ids when no dependency is recorded", async () => {
    const lbNoDeps = { ...lb, propertyDependencies: {} };
    assert.deepStrictEqual(await run([lbSg, tasksSg, tasksFromLb, lbNoDeps]), []);
    // A group the load balancer does not list, ids known: refused.
    const openTasks = withProps(tasksSg, {
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, ...open }],
    });
    assert.deepStrictEqual(await run([lbSg, openTasks, tasksFromLb, lbNoDeps]), [
      `Security group 'tasks-sg' must not accept tcp 443 from 0.0.0.0/0: ${ONLY_LB}`,
    ]);
  });

  it("gives the benefit of the doubt only while a load balancer's groups cannot be read", async () => {
    const openTasks = withProps(tasksSg, {
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, ...open }],
    });
    const undecided = {
      ...withProps(lb, { securityGroups: [unknown.string] }),
      propertyDependencies: {},
    };
    assert.deepStrictEqual(await run([lbSg, openTasks, tasksFromLb, undecided]), []);
    // ...but not for a port no load balancer may open.
    const ssh = withProps(tasksSg, {
      ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, ...open }],
    });
    assert.deepStrictEqual(await run([lbSg, ssh, tasksFromLb, undecided]), [
      `Security group 'tasks-sg' must not accept tcp 22 from 0.0.0.0/0: ${ONLY_LB}`,
    ]);
  });

  it("refuses an open group in a stack without a load balancer", async () => {
    // One message per rule: the IPv4 range is named when a rule opens both.
    assert.deepStrictEqual(await run([lbSg]), [
      `Security group 'lb-sg' must not accept tcp 443 from 0.0.0.0/0: ${ONLY_LB}`,
      `Security group 'lb-sg' must not accept tcp 80 from 0.0.0.0/0: ${ONLY_LB}`,
    ]);
  });
});

describe("policy lb-listener-https: default actions", () => {
  const listener = (props: Record<string, unknown>) => withProps(httpRedirectListener(), props);
  const run = async (props: Record<string, unknown>) =>
    messages(await runResourcePolicy(lbListenerHttps, listener(props)));
  const refused = (rest: string) =>
    `Load balancer listener 'http' must use HTTPS or redirect every request to HTTPS; it is ${rest}.`;
  const toHttps = {
    type: "redirect",
    redirect: { protocol: "https", port: "443", statusCode: "HTTP_301" },
  };

  it("accepts a redirect to https in lower case, and a TLS listener", async () => {
    assert.deepStrictEqual(await run({ defaultActions: [toHttps] }), []);
    assert.deepStrictEqual(await run({ protocol: "tls", defaultActions: [] }), []);
  });

  it("refuses an HTTP listener with no default action", async () => {
    assert.deepStrictEqual(await run({ defaultActions: undefined }), [
      refused("HTTP on port 80 with default action (none)"),
    ]);
  });

  it("refuses when only some default actions redirect to HTTPS, naming each", async () => {
    assert.deepStrictEqual(
      await run({ defaultActions: [toHttps, { type: "forward", targetGroupArn: "arn:tg" }] }),
      [refused("HTTP on port 80 with default action redirect to https, forward")],
    );
  });

  it("refuses a redirect that names no protocol (it keeps the request's)", async () => {
    assert.deepStrictEqual(await run({ defaultActions: [{ type: "redirect", redirect: {} }] }), [
      refused("HTTP on port 80 with default action redirect to (same protocol)"),
    ]);
    assert.deepStrictEqual(await run({ defaultActions: [{ type: "redirect" }] }), [
      refused("HTTP on port 80 with default action redirect to (same protocol)"),
    ]);
  });

  it("leaves the port out of the message when the listener has none", async () => {
    assert.deepStrictEqual(
      await run({ port: undefined, defaultActions: [{ type: "fixed-response" }] }),
      [refused("HTTP with default action fixed-response")],
    );
  });
});

describe("policy security-group-no-public-ingress: more edges", () => {
  const run = async (resources: FixtureResource[]) =>
    messages(await runStackPolicy(securityGroupNoPublicIngress, resources));
  const [lbSg, tasksSg, tasksFromLb, lb] = edge();
  const open = { cidrBlocks: ["0.0.0.0/0"] };
  const lbWith = (...ingress: Record<string, unknown>[]) => [
    withProps(lbSg, { ingress }),
    tasksSg,
    tasksFromLb,
    lb,
  ];
  const rule = (
    type: string,
    props: Record<string, unknown>,
    deps?: Record<string, string[]>,
  ): FixtureResource => ({
    type,
    name: "r",
    props: { securityGroupId: "sg-00000tasks", fromPort: 8080, toPort: 8080, ...props },
    propertyDependencies: deps ?? {},
  });

  it("refuses a rule that gives a last port but no first port", async () => {
    assert.deepStrictEqual(await run(lbWith({ protocol: "tcp", toPort: 443, ...open })), [
      `Security group 'lb-sg' must not accept tcp (ports unknown until the update) from 0.0.0.0/0: ${LB_ONLY_ON}`,
    ]);
  });

  it("names protocol 6 as tcp and 17, as text or a number, as udp", async () => {
    assert.deepStrictEqual(
      await run(
        lbWith(
          { protocol: "6", fromPort: 22, toPort: 22, ...open },
          { protocol: 17, fromPort: 53, toPort: 53, ...open },
        ),
      ),
      [
        `Security group 'lb-sg' must not accept tcp 22 from 0.0.0.0/0: ${LB_ONLY_ON}`,
        `Security group 'lb-sg' must not accept udp 53 from 0.0.0.0/0: ${LB_ONLY_ON}`,
      ],
    );
  });

  it("accepts inline rules open only to a private range", async () => {
    assert.deepStrictEqual(
      await run(lbWith({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] })),
      [],
    );
  });

  it("reads each rule resource's own protocol input, and takes TCP when it gives none", async () => {
    assert.deepStrictEqual(
      await run([...edge(), rule(TYPES.ingressRule, { cidrIpv4: "0.0.0.0/0", ipProtocol: "udp" })]),
      [`Security group ingress rule 'r' must not accept udp 8080 from 0.0.0.0/0: ${ONLY_LB}`],
    );
    assert.deepStrictEqual(
      await run([
        ...edge(),
        rule(TYPES.securityGroupRule, {
          type: "ingress",
          cidrBlocks: ["0.0.0.0/0"],
          protocol: "udp",
        }),
      ]),
      [`Security group rule 'r' must not accept udp 8080 from 0.0.0.0/0: ${ONLY_LB}`],
    );
    assert.deepStrictEqual(
      await run([...edge(), rule(TYPES.ingressRule, { cidrIpv4: "0.0.0.0/0" })]),
      [`Security group ingress rule 'r' must not accept tcp 8080 from 0.0.0.0/0: ${ONLY_LB}`],
    );
  });

  it("finds a rule's group by its known id, for a load balancer tied to the group by dependency", async () => {
    const lbByDependency = withProps(lb, { securityGroups: [unknown.string] });
    const https = rule(TYPES.ingressRule, {
      securityGroupId: "sg-0000000lb",
      cidrIpv4: "0.0.0.0/0",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
    });
    assert.deepStrictEqual(await run([lbSg, tasksSg, tasksFromLb, lbByDependency, https]), []);
  });

  it("finds a rule's group by dependency while its id is unknown", async () => {
    const ssh = rule(
      TYPES.ingressRule,
      {
        securityGroupId: unknown.string,
        cidrIpv4: "0.0.0.0/0",
        ipProtocol: "tcp",
        fromPort: 22,
        toPort: 22,
      },
      { securityGroupId: ["lb-sg"] },
    );
    assert.deepStrictEqual(await run([...edge(), ssh]), [
      `Security group ingress rule 'r' must not accept tcp 22 from 0.0.0.0/0: ${LB_ONLY_ON}`,
    ]);
  });

  it("tells the load balancer's group by known ids alone, also for a port it may not open", async () => {
    const lbNoDeps = { ...lb, propertyDependencies: {} };
    const ssh = withProps(lbSg, {
      ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, ...open }],
    });
    assert.deepStrictEqual(await run([ssh, tasksSg, tasksFromLb, lbNoDeps]), [
      `Security group 'lb-sg' must not accept tcp 22 from 0.0.0.0/0: ${LB_ONLY_ON}`,
    ]);
  });

  it("gives the benefit of the doubt while any of the load balancer's groups, or the group's own id, is unknown", async () => {
    const openTasks = withProps(tasksSg, {
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, ...open }],
    });
    const someUnknown = {
      ...withProps(lb, { securityGroups: ["sg-0000000lb", unknown.string] }),
      propertyDependencies: {},
    };
    assert.deepStrictEqual(await run([lbSg, openTasks, tasksFromLb, someUnknown]), []);
    const lbNoDeps = { ...lb, propertyDependencies: {} };
    const idUnknown = withProps(openTasks, { id: unknown.string });
    assert.deepStrictEqual(await run([lbSg, idUnknown, tasksFromLb, lbNoDeps]), []);
  });
});

describe("policy lb-listener-https: an action that is not a redirect", () => {
  it("refuses a forward action even when it carries a redirect block", async () => {
    const out = await runResourcePolicy(
      lbListenerHttps,
      withProps(httpRedirectListener(), {
        defaultActions: [{ type: "forward", redirect: { protocol: "HTTPS" } }],
      }),
    );
    assert.deepStrictEqual(messages(out), [
      "Load balancer listener 'http' must use HTTPS or redirect every request to HTTPS; it is HTTP on port 80 with default action forward.",
    ]);
  });
});

describe("policy security-group-no-public-ingress: a rule on a group outside the stack", () => {
  const [, tasksSg, , lb] = edge();
  /** An ingress rule open to the internet on `port`, on the group with this known id. */
  const rule = (port: number, groupId = "sg-00external"): FixtureResource => ({
    type: TYPES.ingressRule,
    name: "open",
    props: {
      securityGroupId: groupId,
      cidrIpv4: "0.0.0.0/0",
      ipProtocol: "tcp",
      fromPort: port,
      toPort: port,
    },
  });
  const lbIn = (groups: unknown[]) => ({
    ...withProps(lb, { securityGroups: groups }),
    propertyDependencies: {},
  });
  const serviceIn = (groups: unknown[], assignPublicIp = false) =>
    withProps(service("prod"), {
      networkConfiguration: {
        subnets: ["subnet-0000000a"],
        securityGroups: groups,
        assignPublicIp,
      },
    });
  const run = async (resources: FixtureResource[]) =>
    messages(await runStackPolicy(securityGroupNoPublicIngress, resources));
  const taskGroup = (publicIps: string) =>
    `Security group ingress rule 'open' must not accept tcp 443 from 0.0.0.0/0: ECS service 'ide-service' places its tasks in this group${publicIps}, so they are reachable without the load balancer. Give the tasks a group of their own that accepts only the load balancer's group.`;

  it("takes the group for the load balancer's when the load balancer lists its known id", async () => {
    assert.deepStrictEqual(await run([tasksSg, lbIn(["sg-00external"]), rule(443)]), []);
    assert.deepStrictEqual(await run([tasksSg, lbIn(["sg-00external"]), rule(22)]), [
      `Security group ingress rule 'open' must not accept tcp 22 from 0.0.0.0/0: ${LB_ONLY_ON}`,
    ]);
  });

  it("refuses the group when no load balancer lists its id, or lists nothing", async () => {
    assert.deepStrictEqual(await run([tasksSg, lbIn(["sg-0000000lb"]), rule(443)]), [
      `Security group ingress rule 'open' must not accept tcp 443 from 0.0.0.0/0: ${ONLY_LB}`,
    ]);
    const noGroups = { ...withProps(lb, { securityGroups: undefined }), propertyDependencies: {} };
    assert.deepStrictEqual(await run([tasksSg, noGroups, rule(443)]), [
      `Security group ingress rule 'open' must not accept tcp 443 from 0.0.0.0/0: ${ONLY_LB}`,
    ]);
  });

  it("gives the benefit of the doubt while the load balancer's list holds an unknown id", async () => {
    assert.deepStrictEqual(
      await run([tasksSg, lbIn(["sg-0000000lb", unknown.string]), rule(443)]),
      [],
    );
  });

  it("refuses a group an ECS service lists, saying whether its tasks have public IPs", async () => {
    const lbToo = lbIn(["sg-00external"]);
    assert.deepStrictEqual(await run([serviceIn(["sg-00external"]), lbToo, rule(443)]), [
      taskGroup(""),
    ]);
    assert.deepStrictEqual(await run([serviceIn(["sg-00external"], true), lbToo, rule(443)]), [
      taskGroup(" with public IPs"),
    ]);
  });

  it("does not take a service whose groups are unknown, or list other ids, for a task group", async () => {
    const lbToo = lbIn(["sg-00external"]);
    assert.deepStrictEqual(await run([serviceIn([unknown.string]), lbToo, rule(443)]), []);
    assert.deepStrictEqual(await run([serviceIn(["sg-00000tasks"]), lbToo, rule(443)]), []);
  });
});
