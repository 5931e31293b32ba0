/**
 * Reads and checks every setting of one stack: the keys (./read.ts `checkKeys`), then the
 * service, database and platform settings and their cross-key rules, then the staging switch
 * (./staging.ts) and the exam windows (./exam.ts). No Pulumi imports.
 */
import { peakDbConnections, serverlessMaxAcu, studentsPerTask } from "../capacity";
import { fargateSizeProblem } from "../fargate";
import {
  auroraMaxConnections,
  CONNECTIONS_ALARM_FRACTION,
  DB_CLASSES,
  defaultMaxConnections,
} from "../rds";
import { timeZoneProblem } from "../timeZones";
import {
  acmCertificateRegion,
  isAcmCertificateArn,
  isEmail,
  isHostName,
  isImageReference,
  isPrivateCidr,
  isStackReference,
  nearest,
  REGION,
} from "./checks";
import { readExam } from "./exam";
import { ConfigError, Reader } from "./reader";
import {
  CapacityStrategy,
  DbKind,
  EfsThroughputMode,
  NatStrategy,
  PROJECT,
  rangeOf,
  SCHEMA,
  sharedDefault,
  StackName,
  STACKS,
  Value,
} from "./schema";
import { readStaging } from "./staging";
import type {
  DatabaseConfig,
  PlatformConfig,
  RawConfig,
  ServiceConfig,
  StackConfig,
} from "./types";
import type { CpuArchitecture } from "../fargate";

/** Keys whose names say they carry a credential: refused with a pointer to the managed secret. */
const CREDENTIAL_KEY = /(password|passwd|databaseurl|dburl|connectionstring)/i;

/**
 * The project defaults Pulumi.yaml declares, key -> value: the schema's shared defaults, which
 * scripts/pulumi-yaml.ts writes into Pulumi.yaml (a test keeps the file equal to what it
 * renders). The CLI sets each on every stack that does not set the key, so the program receives
 * them as if the stack had.
 */
export function projectDefaults(): Readonly<Record<string, Value>> {
  const out: Record<string, Value> = {};
  for (const [key, spec] of Object.entries(SCHEMA)) {
    const d = sharedDefault(spec);
    if (d !== undefined) out[key] = d;
  }
  return out;
}

/**
 * Reads and checks every setting of one stack. Throws ConfigError listing every problem; nothing
 * is registered before this returns.
 * @param stack the stack name (prod, staging or exam)
 * @param raw all config values of the stack, `namespace:key` -> value (project defaults applied)
 * @param now the clock: exam windows and staging expiry are judged against it
 * @param defaults the project defaults Pulumi.yaml declares (default: `projectDefaults()`): a
 *   value equal to its project default may not have been written for this stack
 */
export function parseStackConfig(
  stack: string,
  raw: RawConfig,
  now: Date,
  defaults: Readonly<Record<string, Value>> = projectDefaults(),
): StackConfig {
  if (!(STACKS as readonly string[]).includes(stack)) {
    throw new ConfigError(stack, [
      `the stack name "${stack}" is not one this program composes: use ${STACKS.join(", ")}`,
    ]);
  }
  const r = new Reader(stack as StackName, raw);
  checkKeys(r, raw);

  const region = raw["aws:region"]?.value;
  if (region === undefined) r.problems.push("aws:region is required: the AWS region to deploy to");
  else if (!REGION.test(region)) {
    r.problems.push(
      `aws:region is ${JSON.stringify(region)}: must be an AWS region such as us-east-2`,
    );
  }

  const domain = r.maybeStr("domain");
  if (domain !== undefined && !isHostName(domain)) {
    r.fail(
      "domain",
      domain,
      "must be a host name such as ide.example.edu (lower-case labels of letters, digits and hyphens)",
    );
  }
  const timeZone = r.str("timeZone");
  const zoneProblem = timeZoneProblem(timeZone);
  if (zoneProblem)
    r.problems.push(`${r.k("timeZone")} ${r.shown("timeZone", timeZone)} ${zoneProblem}`);

  const alarmEmail = r.maybeStr("alarmEmail");
  if (alarmEmail !== undefined && !isEmail(alarmEmail))
    r.fail("alarmEmail", alarmEmail, "must be an email address");

  const service = readService(r);
  const database = readDatabase(r, service, defaults);
  const config: StackConfig = {
    stack: r.stack,
    region: region ?? "",
    domain: domain ?? "",
    host: r.stack === "prod" ? (domain ?? "") : `${r.stack}.${domain ?? ""}`,
    alarmEmail,
    timeZone,
    service,
    database,
    warnings: r.warnings,
  };
  if (r.stack === "prod") config.platform = readPlatform(r, region);
  else {
    config.platformStack = r.maybeStr("platformStack");
    if (config.platformStack !== undefined && !isStackReference(config.platformStack)) {
      r.fail(
        "platformStack",
        config.platformStack,
        "must be a fully qualified stack name, org/project/stack (for example acme/pythonide/prod)",
      );
    }
  }
  const zone = zoneProblem ? undefined : timeZone;
  if (r.stack === "staging") config.staging = readStaging(r, service, zone, now);
  if (r.stack === "exam") config.exam = readExam(r, service, zone, now);

  if (r.problems.length > 0) throw new ConfigError(stack, r.problems);
  return config;
}

/** Refuses unknown keys (with the nearest), keys of other stacks and plaintext secrets. */
function checkKeys(r: Reader, raw: RawConfig): void {
  for (const full of Object.keys(raw).sort()) {
    const [ns, key] = full.includes(":")
      ? [full.slice(0, full.indexOf(":")), full.slice(full.indexOf(":") + 1)]
      : ["", full];
    if (ns !== PROJECT) continue;
    const spec = SCHEMA[key];
    const value = raw[full];
    if (!spec) {
      if (CREDENTIAL_KEY.test(key)) {
        r.problems.push(
          `${full} is not a setting: database credentials are never configured; RDS manages the master password in Secrets Manager and tasks receive it as a container secret. Remove the key`,
        );
        continue;
      }
      const near = nearest(key, Object.keys(SCHEMA));
      const hint = near
        ? `did you mean ${PROJECT}:${near}?`
        : `known keys are listed in the README's settings table`;
      r.problems.push(`${full} is not a setting of this program: ${hint}`);
      continue;
    }
    if (!spec.stacks.includes(r.stack)) {
      r.problems.push(
        `${full} does not apply to the ${r.stack} stack: it is a setting of ${spec.stacks.join(" and ")}`,
      );
      continue;
    }
    if (spec.secret && !value.secret) {
      r.problems.push(
        `${full} is given in plaintext: it must be a secret; run pulumi config set --secret ${key} (and remove the plaintext value)`,
      );
    }
  }
}

/** The IDE service's settings: size, task counts, capacity, scaling targets, app limits. */
function readService(r: Reader): ServiceConfig {
  const image = r.maybeStr("image");
  if (image !== undefined && !isImageReference(image)) {
    r.fail(
      "image",
      image,
      "must be an image reference such as registry.example.com/pythonide:1.4.2 (lower-case repository, optional tag or @sha256 digest)",
    );
  }
  const cpu = r.int("taskCpu");
  const memory = r.int("taskMemory");
  if (r.valid("taskCpu", "taskMemory")) {
    const problem = fargateSizeProblem(cpu, memory);
    if (problem) {
      const key = problem.startsWith("CPU") ? "taskCpu" : "taskMemory";
      r.fail(key, String(key === "taskCpu" ? cpu : memory), `not a Fargate size: ${problem}`);
    }
  }
  const architecture = r.oneOf<CpuArchitecture>("cpuArchitecture");
  const strategy = r.oneOf<CapacityStrategy>("capacityProvider");
  const onDemandBase = r.int("onDemandBase");
  const spotWeight = r.int("spotWeight");
  const maxTasks = r.int("maxTasks");
  // staging reads neither: its switch (./staging.ts) sets both.
  let minTasks = 0;
  let desiredTasks = 0;
  if (r.stack === "prod") {
    minTasks = r.int("minTasks");
    desiredTasks = r.int("desiredTasks");
    if (r.valid("minTasks", "desiredTasks", "maxTasks")) {
      if (minTasks > desiredTasks || desiredTasks > maxTasks) {
        r.problems.push(
          `${r.k("minTasks")} ${minTasks}, ${r.k("desiredTasks")} ${desiredTasks} and ${r.k("maxTasks")} ${maxTasks} must satisfy minTasks <= desiredTasks <= maxTasks`,
        );
      } else if (maxTasks === minTasks) {
        r.fail(
          "maxTasks",
          String(maxTasks),
          `must be greater than minTasks (${minTasks}) so autoscaling can add tasks`,
        );
      }
    }
  } else if (r.stack === "exam") {
    minTasks = r.int("minTasks");
    desiredTasks = minTasks;
    if (r.valid("minTasks", "maxTasks") && minTasks >= maxTasks) {
      r.fail("minTasks", String(minTasks), `the idle floor must be below maxTasks (${maxTasks})`);
    }
  }
  if (
    strategy === "spot-with-base" &&
    r.valid("capacityProvider", "onDemandBase", "maxTasks") &&
    onDemandBase > maxTasks
  ) {
    r.fail("onDemandBase", String(onDemandBase), `must not exceed maxTasks (${maxTasks})`);
  }
  if (r.stack === "exam" && r.valid("capacityProvider") && strategy === "spot") {
    r.fail(
      "capacityProvider",
      "spot",
      "Spot tasks can be interrupted during an exam; use on-demand, or spot-with-base with onDemandBase of at least 2",
    );
  }
  if (
    r.stack === "exam" &&
    strategy === "spot-with-base" &&
    r.valid("capacityProvider", "onDemandBase") &&
    onDemandBase < 2
  ) {
    r.fail(
      "onDemandBase",
      String(onDemandBase),
      "must be at least 2 in exam so an exam never rests on Spot tasks alone",
    );
  }
  return {
    image: image ?? "",
    cpu,
    memory,
    architecture,
    minTasks,
    desiredTasks,
    maxTasks,
    capacity: { strategy, onDemandBase, spotWeight },
    cpuTargetPercent: r.int("cpuTargetPercent"),
    memoryTargetPercent: r.int("memoryTargetPercent"),
    app: {
      maxConcurrentExecutions: r.int("maxConcurrentExecutions"),
      executionTimeoutSeconds: r.int("executionTimeoutSeconds"),
      memoryLimitMb: r.int("memoryLimitMb"),
      tornadoProcesses: r.int("tornadoProcesses"),
    },
    logRetentionDays: r.int("logRetentionDays"),
    cookieSecret: r.maybeStr("cookieSecret"),
  };
}

/**
 * Settings that apply to one kind of database only, and why the other kind has no use for them.
 * `met`: a project-wide value the other kind satisfies anyway, so a project default of it needs
 * no warning (Aurora's storage grows past any allocated size; an instance never pauses).
 */
const ONE_KIND_ONLY: Readonly<
  Record<DbKind, Readonly<Record<string, { why: string; met?: (value: string) => boolean }>>>
> = {
  instance: {
    dbInstanceClass: {
      why: "a serverless database is sized in Aurora capacity units (dbMaxCapacityAcu), not by an instance class",
    },
    dbAllocatedStorageGb: {
      why: "Aurora storage grows with the data by itself; there is no size to allocate",
      met: () => true,
    },
    dbMultiAz: {
      why: "Aurora Serverless v2 has no Multi-AZ switch (Multi-AZ there is a reader instance in another zone, which this program does not create)",
      met: (value) => value === "false",
    },
  },
  serverless: {
    dbMaxCapacityAcu: { why: "an instance is sized by dbInstanceClass, not in capacity units" },
    dbAutoPauseMinutes: { why: "an instance never pauses" },
    dbConnectionsPerTask: {
      why: "it sizes a serverless database's capacity; an instance's connection limit follows dbInstanceClass",
    },
  },
};

/**
 * An instance's class must hold the service's peak connections (model/capacity.ts
 * peakDbConnections: maxTasks full tasks) below the connections alarm, the same fraction of the
 * limit a serverless database is sized to. The task size drives the connections a task opens
 * (taskCpu and cpuTargetPercent set its students), so the message names both ways out: the
 * smallest class that holds the peak (when one does) and the most tasks the class holds.
 */
function checkInstanceConnections(r: Reader, service: ServiceConfig, instanceClass: string): void {
  if (!r.valid("dbInstanceClass", "taskCpu", "taskMemory", "cpuTargetPercent", "maxTasks")) return;
  const below = (cls: string) =>
    Math.floor(defaultMaxConnections(cls) * CONNECTIONS_ALARM_FRACTION);
  const perTask = studentsPerTask(service.cpu, service.cpuTargetPercent);
  const perTaskConnections = peakDbConnections(1, perTask);
  const peak = peakDbConnections(service.maxTasks, perTask);
  if (peak <= below(instanceClass)) return;
  const bySize = Object.keys(DB_CLASSES).sort((a, b) => below(a) - below(b));
  const smallest = bySize.find((cls) => below(cls) >= peak);
  const largest = bySize[bySize.length - 1];
  const fewer = Math.floor(below(instanceClass) / perTaskConnections);
  const lower = `lower ${r.k("maxTasks")} to ${fewer}, or ${r.k("taskCpu")} (a smaller task serves fewer students and opens fewer connections)`;
  r.fail(
    "dbInstanceClass",
    instanceClass,
    `allows ${below(instanceClass)} connections below the connections alarm, but maxTasks ${service.maxTasks} tasks of ${perTask} students (taskCpu ${service.cpu} at cpuTargetPercent ${service.cpuTargetPercent}) open ${perTaskConnections} connections each, ${peak} at the peak (model/capacity.ts peakDbConnections); ${smallest !== undefined ? `use ${smallest}, the smallest class that holds ${peak}, or ${lower}` : `no class holds ${peak} (the largest, ${largest}, allows ${below(largest)}): ${lower}`}`,
  );
}

/**
 * The database settings. prod runs an instance; staging and exam run what `dbKind` says, and a
 * serverless database's maximum capacity defaults to the planner's for the service's `maxTasks`
 * (read before the staging switch sets the bounds of the moment).
 *
 * A setting of the other kind of database is refused when the stack sets it (the user expects it
 * to act, and it would not). A value equal to its project default (Pulumi.yaml) may not have been
 * written for this stack: the CLI gives it to every stack, prod's instance included. It is never
 * an error; it is a warning when the database cannot meet it (a project-wide dbMultiAz true on a
 * serverless staging).
 */
function readDatabase(
  r: Reader,
  service: ServiceConfig,
  defaults: Readonly<Record<string, Value>>,
): DatabaseConfig {
  const kind: DbKind = r.stack === "prod" ? "instance" : r.oneOf<DbKind>("dbKind");
  const config: DatabaseConfig = {
    kind,
    instanceClass: r.str("dbInstanceClass"),
    allocatedStorageGb: r.int("dbAllocatedStorageGb"),
    backupRetentionDays: r.int("dbBackupRetentionDays"),
    deletionProtection: r.bool("deletionProtection"),
    multiAz: r.bool("dbMultiAz"),
  };
  if (kind === "instance") checkInstanceConnections(r, service, config.instanceClass);
  if (r.stack === "prod" || !r.valid("dbKind")) return config;
  const other: DbKind = kind === "serverless" ? "instance" : "serverless";
  for (const [key, { why, met }] of Object.entries(ONE_KIND_ONLY[other])) {
    const value = r.given(key) ? r.text(key)! : undefined;
    if (value === undefined) continue;
    const fromProject = key in defaults && String(defaults[key]) === value;
    if (!fromProject) {
      r.fail(
        key,
        value,
        `does not apply to the ${r.stack} database, which is ${kind} (dbKind): ${why}; remove it from Pulumi.${r.stack}.yaml, or set dbKind ${other}`,
      );
    } else if (!(met?.(value) ?? false)) {
      r.warnings.push(
        `${r.k(key)} is ${r.shown(key, value)} for every stack (Pulumi.yaml's project default), but the ${r.stack} database is ${kind} (dbKind) and ignores it: ${why}`,
      );
    }
  }
  if (kind === "instance") return config;
  const perTask = r.int("dbConnectionsPerTask");
  const pauseMinutes = r.int("dbAutoPauseMinutes");
  const given = r.maybeInt("dbMaxCapacityAcu");
  const connections = service.maxTasks * perTask;
  let maxCapacityAcu = given ?? 1;
  if (given === undefined && r.valid("maxTasks", "dbConnectionsPerTask")) {
    try {
      maxCapacityAcu = serverlessMaxAcu(service.maxTasks, perTask);
    } catch (err) {
      r.fail("dbConnectionsPerTask", String(perTask), (err as Error).message);
    }
  } else if (given !== undefined && r.valid("maxTasks", "dbConnectionsPerTask")) {
    const limit = Math.floor(auroraMaxConnections(given) * CONNECTIONS_ALARM_FRACTION);
    if (limit < connections) {
      let needed: number | undefined;
      try {
        needed = serverlessMaxAcu(service.maxTasks, perTask);
      } catch {
        needed = undefined;
      }
      r.fail(
        "dbMaxCapacityAcu",
        String(given),
        `allows ${limit} connections below the connections alarm, but maxTasks ${service.maxTasks} x dbConnectionsPerTask ${perTask} = ${connections} may be opened; ${needed !== undefined ? `raise it to at least ${needed}` : "lower dbConnectionsPerTask"} (or remove it for the planner's value)`,
      );
    }
  }
  config.serverless = { maxCapacityAcu, secondsUntilAutoPause: pauseMinutes * 60 };
  return config;
}

/**
 * prod's shared platform settings: network, certificate, file system throughput.
 * @param region the stack's aws:region (checked by the caller); the certificate must be in it
 */
function readPlatform(r: Reader, region: string | undefined): PlatformConfig {
  const vpcCidr = r.str("vpcCidr");
  if (!isPrivateCidr(vpcCidr)) {
    r.fail(
      "vpcCidr",
      vpcCidr,
      "must be a private IPv4 range (10/8, 172.16/12 or 192.168/16) from /16 to /22, such as 10.0.0.0/16",
    );
  }
  const certificateArn = r.maybeStr("certificateArn");
  if (certificateArn !== undefined && !isAcmCertificateArn(certificateArn)) {
    r.fail(
      "certificateArn",
      certificateArn,
      "must be an ACM certificate ARN, arn:aws:acm:<region>:<account>:certificate/<id>",
    );
  }
  // ACM certificates are regional and a load balancer's listener can only use one in its own
  // region (AWS Certificate Manager User Guide, "Supported Regions",
  // https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html: "Certificates in ACM are
  // regional resources. To use a certificate with Elastic Load Balancing ... in more than one
  // AWS region, you must request or import a certificate for each region").
  const certRegion = certificateArn && acmCertificateRegion(certificateArn);
  if (certRegion && region !== undefined && REGION.test(region) && certRegion !== region) {
    r.fail(
      "certificateArn",
      certificateArn,
      `a certificate in ${certRegion}, but the prod stack is in ${region} (aws:region) and a load balancer can only use an ACM certificate of its own region: request or import the certificate in ${region} and use its ARN, arn:aws:acm:${region}:<account>:certificate/<id> (or set aws:region to ${certRegion})`,
    );
  }
  const efsThroughputMode = r.oneOf<EfsThroughputMode>("efsThroughputMode");
  const efsProvisionedMibps = r.maybeInt("efsProvisionedMibps");
  if (efsThroughputMode === "provisioned" && !r.given("efsProvisionedMibps")) {
    const { min, max } = rangeOf("efsProvisionedMibps")!;
    r.problems.push(
      `${r.k("efsProvisionedMibps")} is required when efsThroughputMode is provisioned: MiB/s from ${min} to ${max}`,
    );
  }
  if (
    r.valid("efsThroughputMode") &&
    efsThroughputMode !== "provisioned" &&
    r.given("efsProvisionedMibps")
  ) {
    r.fail(
      "efsProvisionedMibps",
      String(efsProvisionedMibps ?? r.text("efsProvisionedMibps")),
      `only applies when efsThroughputMode is provisioned (it is ${efsThroughputMode})`,
    );
  }
  return {
    availabilityZones: r.int("availabilityZones"),
    vpcCidr,
    natStrategy: r.oneOf<NatStrategy>("natStrategy"),
    certificateArn: certificateArn ?? "",
    efsThroughputMode,
    efsProvisionedMibps: efsThroughputMode === "provisioned" ? efsProvisionedMibps : undefined,
  };
}
