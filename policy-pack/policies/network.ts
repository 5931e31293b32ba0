/**
 * Network: HTTPS at the edge, and only the load balancer reachable from the internet.
 */
import * as aws from "@pulumi/aws";
import {
  PolicyConfigSchema,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { Link, ResourceGraph, valueAt } from "../../model/graph";
import {
  PackNode,
  T,
  UNKNOWN,
  Unknown,
  graphOf,
  peek,
  peekArray,
  peekNumber,
  peekString,
  settings,
  validateResourceOfTypes,
} from "./common";

// ---------------------------------------------------------------------------------------------
// lb-listener-https

const listenerSchema: PolicyConfigSchema = {
  properties: {
    secureProtocols: {
      type: "array",
      items: { type: "string" },
      default: ["HTTPS", "TLS"],
      description: "Listener protocols that count as encrypted.",
    },
  },
};

interface ListenerProps {
  protocol?: string;
  port?: number;
  defaultActions?: { type?: string; redirect?: { protocol?: string } }[];
}

/**
 * Students type passwords into the IDE: a listener either speaks HTTPS or only redirects to it.
 */
export const lbListenerHttps: ResourceValidationPolicy = {
  name: "lb-listener-https",
  description:
    "Load balancer listeners must use HTTPS, or be HTTP listeners whose default actions all redirect to HTTPS.",
  remediationSteps:
    'Serve the IDE on an HTTPS listener with the ACM certificate (pythonide:certificateArn); give the port-80 listener a single default action { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }.',
  configSchema: listenerSchema,
  validateResource: validateResourceOfTypes<ListenerProps>(
    [aws.lb.Listener, aws.alb.Listener],
    (listener, args, report) => {
      const { secureProtocols } = settings<{ secureProtocols: string[] }>(listenerSchema, args);
      // An application load balancer's listener defaults to HTTP.
      const protocol = listener.protocol ?? "HTTP";
      if (secureProtocols.includes(protocol.toUpperCase())) return;
      const actions = listener.defaultActions ?? [];
      const redirectsAll =
        actions.length > 0 &&
        actions.every(
          (a) => a.type === "redirect" && (a.redirect?.protocol ?? "").toUpperCase() === "HTTPS",
        );
      if (redirectsAll) return;
      const port = listener.port !== undefined ? ` on port ${listener.port}` : "";
      const kinds = actions.map((a) =>
        a.type === "redirect" ? `redirect to ${a.redirect?.protocol ?? "(same protocol)"}` : a.type,
      );
      report(
        `Load balancer listener '${args.name}' must use HTTPS or redirect every request to HTTPS; it is ${protocol}${port} with default action ${kinds.join(", ") || "(none)"}.`,
      );
    },
  ),
};

// ---------------------------------------------------------------------------------------------
// security-group-no-public-ingress

const ingressSchema: PolicyConfigSchema = {
  properties: {
    loadBalancerPorts: {
      type: "array",
      items: { type: "integer" },
      default: [80, 443],
      description: "TCP ports a load balancer's security group may open to the internet.",
    },
  },
};

const PUBLIC_V4 = "0.0.0.0/0";
const PUBLIC_V6 = "::/0";

/** One ingress permission open to the internet, wherever it was written. */
interface PublicIngress {
  /** The resource that wrote it (a security group or a rule resource). */
  owner: PackNode;
  /** How the owner is named in messages. */
  label: string;
  /** The security group resource it belongs to, when it is in this stack and can be told. */
  group?: PackNode;
  /** The id of the group it belongs to (rules name it; a group's own id is an output). */
  groupId: string | Unknown | undefined;
  protocol: string;
  from: number | Unknown | undefined;
  to: number | Unknown | undefined;
  cidr: string;
}

const UNKNOWN_PROTOCOL = "(unknown protocol)";

/** An ingress protocol as text ("tcp", "6", "-1"); the default applies when it is absent. */
function protocolOf(v: unknown, absent: string): string {
  if (v === UNKNOWN) return UNKNOWN_PROTOCOL;
  if (typeof v === "string" || typeof v === "number") return String(v).toLowerCase();
  return absent;
}

function publicCidr(v4: unknown, v6: unknown): string | undefined {
  const list = (v: unknown) => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []);
  if (list(v4).includes(PUBLIC_V4)) return PUBLIC_V4;
  if (list(v6).includes(PUBLIC_V6)) return PUBLIC_V6;
  return undefined;
}

/** Every internet-open ingress permission in the stack. */
function publicIngress(graph: ResourceGraph<PackNode>): PublicIngress[] {
  const out: PublicIngress[] = [];
  const groups = graph.ofType(T.securityGroup);
  for (const sg of groups) {
    const ingress = peekArray(sg.props, "ingress");
    if (!Array.isArray(ingress)) continue;
    ingress.forEach((rule) => {
      const cidr = publicCidr(peekArray(rule, "cidrBlocks"), peekArray(rule, "ipv6CidrBlocks"));
      if (!cidr) return;
      out.push({
        owner: sg,
        label: `Security group '${sg.name}'`,
        group: sg,
        groupId: peekString(sg.props, "id") ?? UNKNOWN,
        protocol: protocolOf(peek(rule, "protocol"), "tcp"),
        from: peekNumber(rule, "fromPort"),
        to: peekNumber(rule, "toPort"),
        cidr,
      });
    });
  }
  /** A rule resource's permission; the two rule types differ in their protocol input. */
  const ruleEntry = (
    rule: PackNode,
    kind: string,
    cidr: string,
    protocolInput: string,
  ): PublicIngress => {
    const groupId = peekString(rule.props, "securityGroupId") ?? UNKNOWN;
    const group = graph.groupOfRule(rule);
    return {
      owner: rule,
      label: `${kind} '${rule.name}'`,
      group,
      groupId,
      protocol: protocolOf(peek(rule.props, protocolInput), "tcp"),
      from: peekNumber(rule.props, "fromPort"),
      to: peekNumber(rule.props, "toPort"),
      cidr,
    };
  };
  for (const rule of graph.ofType(T.ingressRule)) {
    const cidr = publicCidr(peek(rule.props, "cidrIpv4"), peek(rule.props, "cidrIpv6"));
    if (cidr) out.push(ruleEntry(rule, "Security group ingress rule", cidr, "ipProtocol"));
  }
  for (const rule of graph.ofType(T.securityGroupRule)) {
    if (peek(rule.props, "type") !== "ingress") continue;
    const cidr = publicCidr(
      peekArray(rule.props, "cidrBlocks"),
      peekArray(rule.props, "ipv6CidrBlocks"),
    );
    if (cidr) out.push(ruleEntry(rule, "Security group rule", cidr, "protocol"));
  }
  return out;
}

/**
 * What a group outside the stack (named only by id in a rule) is attached to: resources of the
 * stack whose list at `path` names that id; "unknown" when a list cannot be read yet.
 */
function listedBy(
  graph: ResourceGraph<PackNode>,
  type: string | readonly string[],
  path: string[],
  groupId: string,
): { resource: PackNode; link: Link }[] {
  return graph
    .ofType(type)
    .map((r) => {
      const list = valueAt(r.props, ...path);
      const known = Array.isArray(list) && list.every((x) => typeof x === "string");
      const link: Link =
        Array.isArray(list) && list.includes(groupId)
          ? "yes"
          : known || list === undefined
            ? "no"
            : "unknown";
      return { resource: r, link };
    })
    .filter((l) => l.link !== "no");
}

/**
 * What the group of an ingress permission is attached to: the ECS services whose tasks are
 * placed in it and the load balancers that use it (each "yes" or "unknown"), by known id or by
 * the dependency the engine reports (model/graph.ts).
 */
function attachments(
  entry: PublicIngress,
  graph: ResourceGraph<PackNode>,
): { tasks: { resource: PackNode; link: Link }[]; lb: Link } {
  // A group id that is unknown and that no dependency ties to a group of the stack names no
  // group the pack can see: two unknown ids are never taken as equal, so it is attached to no
  // load balancer and judged as any other group.
  if (!entry.group && typeof entry.groupId !== "string") return { tasks: [], lb: "no" };
  const tasks = entry.group
    ? graph.servicesInGroup(entry.group)
    : listedBy(
        graph,
        T.service,
        ["networkConfiguration", "securityGroups"],
        entry.groupId as string,
      );
  const lbs = entry.group
    ? graph.loadBalancersInGroup(entry.group)
    : listedBy(graph, T.loadBalancer, ["securityGroups"], entry.groupId as string);
  const lb: Link = lbs.some((l) => l.link === "yes") ? "yes" : lbs.length > 0 ? "unknown" : "no";
  return { tasks, lb };
}

function describePorts(protocol: string, from: unknown, to: unknown): string {
  if (protocol === "-1" || protocol === "all") return "all protocols and ports";
  const p = protocol === "6" ? "tcp" : protocol === "17" ? "udp" : protocol;
  if (typeof from !== "number" || typeof to !== "number")
    return `${p} (ports unknown until the update)`;
  return from === to ? `${p} ${from}` : `${p} ${from}-${to}`;
}

/**
 * Nothing but the load balancer faces the internet: an ingress permission from 0.0.0.0/0 or ::/0
 * is refused unless it is TCP on the load balancer ports and its group is attached to a load
 * balancer. Looks at inline `ingress` of aws.ec2.SecurityGroup, aws.vpc.SecurityGroupIngressRule
 * and aws.ec2.SecurityGroupRule (type ingress). A group whose attachment cannot be told during a
 * preview is given the benefit of the doubt; the policy runs again after the update.
 */
export const securityGroupNoPublicIngress: StackValidationPolicy = {
  name: "security-group-no-public-ingress",
  description:
    "No security group may accept traffic from the internet (0.0.0.0/0, ::/0) except the load balancer's group on TCP 80 and 443.",
  remediationSteps:
    "Let tasks, the database and the file system accept traffic only from the security group in front of them (referencedSecurityGroupId / sourceSecurityGroupId: load balancer -> tasks -> database and EFS); open only the load balancer's group to the internet, on 80 and 443.",
  configSchema: ingressSchema,
  validateStack: (args, report) => {
    const { loadBalancerPorts } = settings<{ loadBalancerPorts: number[] }>(ingressSchema, args);
    const allowed = `tcp ${loadBalancerPorts.join(", ")}`;
    const graph = graphOf(args.resources);
    for (const entry of publicIngress(graph)) {
      const ports = describePorts(entry.protocol, entry.from, entry.to);
      const { tasks, lb } = attachments(entry, graph);
      const portsOk = onlyPorts(entry, loadBalancerPorts);
      const task = tasks.find((t) => t.link === "yes")?.resource;
      if (task) {
        // A group the tasks sit in is a task group, whoever else shares it: with a public IP
        // (or any other route in) the tasks are reachable without the load balancer.
        const publicIp = valueAt(task.props, "networkConfiguration", "assignPublicIp") === true;
        report(
          `${entry.label} must not accept ${ports} from ${entry.cidr}: ECS service '${task.name}' places its tasks in this group${publicIp ? " with public IPs" : ""}, so they are reachable without the load balancer. Give the tasks a group of their own that accepts only the load balancer's group.`,
          entry.owner.urn,
        );
      } else if (lb === "yes" && !portsOk) {
        report(
          `${entry.label} must not accept ${ports} from ${entry.cidr}: the load balancer's security group may be open to the internet only on ${allowed}.`,
          entry.owner.urn,
        );
      } else if (lb === "no" || !portsOk) {
        report(
          `${entry.label} must not accept ${ports} from ${entry.cidr}: only the load balancer's security group may be open to the internet, on ${allowed}.`,
          entry.owner.urn,
        );
      }
    }
  },
};

/**
 * Whether a permission is TCP on the given ports only. Unknown protocol or ports pass (judged
 * after the update).
 */
function onlyPorts(entry: PublicIngress, ports: number[]): boolean {
  if (entry.protocol === UNKNOWN_PROTOCOL) return true;
  if (entry.protocol !== "tcp" && entry.protocol !== "6") return false;
  const { from, to } = entry;
  if (from === UNKNOWN || to === UNKNOWN) return true;
  if (typeof from !== "number" || typeof to !== "number" || to < from) return false;
  if (to - from + 1 > ports.length) return false;
  for (let p = from; p <= to; p++) if (!ports.includes(p)) return false;
  return true;
}
