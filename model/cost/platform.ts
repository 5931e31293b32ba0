/**
 * The platform's priced items (network, load balancer, file system, alarms, dashboards, logs,
 * secrets) and the dispatch of every record to its pricer. No Pulumi imports.
 */
import { HOURS_PER_MONTH } from "../prices";
import { ResourceRecord } from "../records";
import { albLcu, CostAssumptions } from "./assumptions";
import { priceCluster, priceClusterInstance, priceDatabase } from "./databases";
import { Lines } from "./lines";
import { arr, FREE, num, obj, str, T } from "./records";
import { ServiceModel } from "./services";

/** NAT gateways, Elastic IPs and interface endpoints (an awsx Vpc priced from its inputs). */
export function priceNetwork(
  out: Lines,
  r: ResourceRecord,
  a: CostAssumptions,
  records: ResourceRecord[],
): void {
  const i = r.inputs;
  const M = HOURS_PER_MONTH;
  const nat = (count: number, assumed: string, withIp: boolean) => {
    out.add(r, "NAT gateway", "nat.hour", count * M, { assumed });
    out.add(r, "NAT gateway data processed", "nat.gb", a.natGbPerMonth, {
      assumed: `${a.natGbPerMonth} GB a month through all gateways (assumption natGbPerMonth)`,
    });
    if (withIp)
      out.add(r, "Public IPv4 of each NAT gateway", "publicIpv4.hour", count * M, { assumed });
  };
  const endpoint = (label: string, azs: number, assumed: string) => {
    out.add(r, `Interface endpoint${label ? ` ${label}` : ""}`, "endpoint.azHour", azs * M, {
      assumed,
    });
    out.add(r, "Interface endpoint data processed", "endpoint.gb", a.endpointGbPerMonth, {
      assumed: `${a.endpointGbPerMonth} GB a month (assumption endpointGbPerMonth)`,
    });
  };
  if (r.type === T.vpc) {
    const azs = num(i.numberOfAvailabilityZones) ?? arr(i.availabilityZoneNames)?.length ?? 3;
    // The engine shows a deployed awsx Vpc with its children (NAT gateways, EIPs) as resources of
    // their own, priced there; only the opaque record of a preview is priced from its inputs.
    const childrenListed = records.some((x) => x.type === T.natGateway);
    if (!childrenListed && !Array.isArray(i.natGateways)) {
      let strategy = str(obj(i.natGateways)?.strategy);
      let why = "natGateways.strategy";
      if (strategy === undefined) {
        const specs = arr(i.subnetSpecs)?.map((s) => str(obj(s)?.type));
        strategy =
          specs === undefined || (specs.includes("Private") && specs.includes("Public"))
            ? "OnePerAz"
            : "None";
        why = "not set: the awsx default for its subnets";
      }
      const count = strategy === "Single" ? 1 : strategy === "OnePerAz" ? azs : 0;
      if (count > 0) nat(count, `${count} gateway(s): ${strategy} (${why}), ${azs} AZs`, true);
    }
    for (const spec of arr(i.vpcEndpointSpecs) ?? []) {
      const e = obj(spec) ?? {};
      if (str(e.vpcEndpointType) !== "Interface") continue;
      const n = arr(e.subnetIds)?.length ?? azs;
      endpoint(str(e.serviceName) ?? "", n, `${n} AZs`);
    }
  } else if (r.type === T.natGateway) {
    if (str(i.connectivityType) === "private") nat(1, "private NAT gateway, all month", false);
    else nat(1, "all month (its Elastic IP is priced on the EIP)", false);
  } else if (r.type === T.eip) {
    out.add(r, "Public IPv4 (Elastic IP)", "publicIpv4.hour", M, { assumed: "all month" });
  } else if (r.type === T.endpoint && (str(i.vpcEndpointType) ?? "Gateway") === "Interface") {
    const subnets = arr(i.subnetIds)?.length;
    endpoint(
      str(i.serviceName) ?? "",
      subnets ?? 2,
      subnets !== undefined ? `${subnets} AZs` : "subnets not known: 2 AZs assumed",
    );
  }
}

/** An Application Load Balancer: hours, capacity units from the workload, public addresses. */
export function priceLoadBalancer(
  out: Lines,
  r: ResourceRecord,
  a: CostAssumptions,
  problems: string[],
): void {
  const i = r.inputs;
  const type = str(i.loadBalancerType) ?? "application";
  if (type !== "application") {
    problems.push(`load balancer ${r.name}: type ${type} has no price in the table; not priced`);
    return;
  }
  const M = HOURS_PER_MONTH;
  out.add(r, "Application Load Balancer", "alb.hour", M, { assumed: "all month" });
  const lcu = albLcu(a);
  out.add(r, "Load balancer capacity units", "alb.lcuHour", lcu.perMonth, { assumed: lcu.text });
  if (i.internal !== true) {
    const subnets = arr(i.subnets)?.length ?? arr(i.subnetMappings)?.length;
    out.add(
      r,
      "Public IPv4 of the internet-facing load balancer",
      "publicIpv4.hour",
      (subnets ?? 2) * M,
      {
        assumed:
          subnets !== undefined
            ? `one per subnet (${subnets})`
            : "subnets not known: 2 assumed (the fewest an ALB takes)",
      },
    );
  }
}

/**
 * EFS, CloudWatch alarms (those of target-tracking policies included), dashboards and log groups,
 * Secrets Manager secrets.
 */
export function priceStorageAndMonitoring(
  out: Lines,
  r: ResourceRecord,
  a: CostAssumptions,
  problems: string[],
): void {
  const i = r.inputs;
  if (r.type === T.efs) {
    out.add(r, "EFS Standard storage", "efs.standardGbMonth", a.efsStoredGb, {
      assumed: `${a.efsStoredGb} GB stored (assumption efsStoredGb)`,
    });
    const mode = str(i.throughputMode) ?? "bursting";
    if (mode === "elastic") {
      out.add(r, "EFS Elastic throughput, reads", "efs.elasticReadGb", a.efsElasticReadGbPerMonth, {
        assumed: `${a.efsElasticReadGbPerMonth} GB a month (assumption efsElasticReadGbPerMonth)`,
      });
      out.add(
        r,
        "EFS Elastic throughput, writes",
        "efs.elasticWriteGb",
        a.efsElasticWriteGbPerMonth,
        {
          assumed: `${a.efsElasticWriteGbPerMonth} GB a month (assumption efsElasticWriteGbPerMonth)`,
        },
      );
    } else if (mode === "provisioned") {
      const mibps = num(i.provisionedThroughputInMibps);
      if (mibps === undefined) {
        problems.push(`file system ${r.name}: provisioned throughput not known; not priced`);
      } else {
        out.add(r, "EFS provisioned throughput", "efs.provisionedMibpsMonth", mibps, {
          assumed: `${mibps} MiB/s`,
        });
      }
    }
  } else if (r.type === T.alarm) {
    const period = num(i.period);
    const metrics = (arr(i.metricQueries) ?? []).filter((q) => obj(q)?.metric !== undefined).length;
    const high = period !== undefined && period < 60;
    out.add(
      r,
      high ? "CloudWatch alarm (high resolution)" : "CloudWatch alarm",
      high ? "cloudwatch.highResolutionAlarmMonth" : "cloudwatch.alarmMonth",
      Math.max(1, metrics),
      { assumed: metrics > 1 ? `${metrics} metrics in the alarm, each billed` : undefined },
    );
  } else if (r.type === T.scalingPolicy) {
    // Application Auto Scaling creates and manages the alarms of a target-tracking policy (User
    // Guide, "How target tracking scaling for Application Auto Scaling works"): two standard
    // alarms on one-minute data, one to scale out and one to scale in (TargetTracking-...-
    // AlarmHigh-... and -AlarmLow-...), billed like any alarm. A step-scaling policy creates none:
    // its alarm is a resource of the program, priced there.
    if (str(i.policyType) === "TargetTrackingScaling") {
      out.add(r, "CloudWatch alarms of target tracking", "cloudwatch.alarmMonth", 2, {
        assumed: "the 2 alarms AWS creates for the policy (scale out, scale in)",
      });
    }
  } else if (r.type === T.dashboard) {
    out.add(r, "CloudWatch dashboard", "cloudwatch.dashboardMonth", 1, {
      assumed: a.freeTier
        ? "the account's 3 free dashboards: on the free-tier line"
        : "the account's 3 free dashboards not applied (assumption freeTier)",
    });
  } else if (r.type === T.logGroup) {
    const ingest = a.logGbIngestedPerGroupPerMonth;
    const retention = num(i.retentionInDays);
    const days = retention !== undefined && retention > 0 ? retention : 365;
    out.add(r, "CloudWatch Logs ingestion", "cloudwatch.logsIngestGb", ingest, {
      assumed: `${ingest} GB a month (assumption logGbIngestedPerGroupPerMonth)`,
    });
    out.add(
      r,
      "CloudWatch Logs storage",
      "cloudwatch.logsStorageGbMonth",
      (ingest * days) / (HOURS_PER_MONTH / 24),
      {
        assumed:
          retention !== undefined && retention > 0
            ? `${days} days of that ingestion retained`
            : "no retention: priced as one year retained (it grows without bound)",
      },
    );
  } else if (r.type === T.secret) {
    out.add(r, "Secrets Manager secret", "secretsmanager.secretMonth", 1);
  }
}

/** Types priced by a pricer of their own (the rest is free or listed as not priced). */
export const HANDLED = new Set<string>([
  T.taskDefinition,
  T.service,
  T.target,
  T.scheduledAction,
  ...T.lb,
  T.vpc,
  T.natGateway,
  T.eip,
  T.endpoint,
  T.rds,
  T.efs,
  T.alarm,
  T.scalingPolicy,
  T.dashboard,
  T.logGroup,
  T.secret,
]);

/** Prices every record that is not an ECS service, each by its pricer; lists what it cannot price. */
export function pricePlatform(
  out: Lines,
  records: ResourceRecord[],
  services: ServiceModel[],
  a: CostAssumptions,
  month: string | undefined,
  problems: string[],
): void {
  for (const r of records) {
    if (r.type === T.lb[0] || r.type === T.lb[1]) priceLoadBalancer(out, r, a, problems);
    else if ([T.vpc, T.natGateway, T.eip, T.endpoint].includes(r.type as never))
      priceNetwork(out, r, a, records);
    else if (r.type === T.rds) priceDatabase(out, r, a, problems);
    else if (r.type === T.cluster) priceCluster(out, r, services, a, month, problems);
    else if (r.type === T.clusterInstance) priceClusterInstance(r, problems);
    else if (HANDLED.has(r.type)) priceStorageAndMonitoring(out, r, a, problems);
    else if (!FREE.some((re) => re.test(r.type)) && (r.custom || r.type.startsWith("aws:"))) {
      problems.push(`${r.type} ${r.name}: the cost model has no price for this type; not priced`);
    }
  }
}
