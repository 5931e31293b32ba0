import { region } from "../region";
import { calculatorEndpointGbRow, costTree, DASHBOARD_EVERY_REGION } from "../shared";
import { Found, PriceKey, RegionPrices } from "../types";
import { US_EAST_1_ITEMS } from "../usEast1";

/** Items for which a us-east-2 source was found (and matched us-east-1). */
const US_EAST_2_CHECKED: ReadonlySet<PriceKey> = new Set<PriceKey>([
  "fargate.x86.vcpuHour",
  "fargate.x86.gbHour",
  "fargate.arm.vcpuHour",
  "fargate.arm.gbHour",
  "alb.hour",
  "alb.lcuHour",
  "nat.hour",
  "nat.gb",
  "publicIpv4.hour",
  "cloudwatch.logsIngestGb",
  "cloudwatch.logsStorageGbMonth",
]);

function usEast2(): RegionPrices {
  const found: Partial<Record<PriceKey, Found>> = {};
  for (const key of US_EAST_2_CHECKED) {
    const base = US_EAST_1_ITEMS[key];
    found[key] = [base.usd, `${base.source}; us-east-2 checked, equal to us-east-1`, base.date];
  }
  const secrets =
    "a public AWS Pricing Calculator skill's Secrets Manager notes: GetProducts AWSSecretsManager for regionCode=us-east-2 ($0.40 per Secret; $5e-06 per API request, $0.05 per 10000 API Requests), verified against the live API 2026-05-09";
  found["secretsmanager.secretMonth"] = [0.4, secrets, "2026-05"];
  found["secretsmanager.per10kCalls"] = [0.05, secrets, "2026-05"];
  // The same skill's Fargate, EFS and CloudWatch notes: calculator captures made in us-east-2 on
  // 2026-05-11, their rates read with GetProducts for regionCode=us-east-2.
  const skill = (service: string, quote: string): string =>
    `a public AWS Pricing Calculator skill's ${service} notes, rates read with GetProducts for regionCode=us-east-2 (captures of 2026-05-11): ${quote}`;
  found["fargate.ephemeralGbHour"] = [
    0.000111,
    skill(
      "Fargate",
      'USE2-Fargate-EphemeralStorage-GB-Hours "us-east-2: $0.000111 / GB-hour", billed above 20 GB a task',
    ),
    "2026-05",
  ];
  const efs = skill(
    "EFS",
    '"Pricing API SKU coverage confirmed for us-east-2: Standard ($0.30/GB-Mo), ... ET read ($0.03/GB), ET write ($0.06/GB), Provisioned Throughput ($6.00/MiBps-Mo)"',
  );
  found["efs.standardGbMonth"] = [0.3, efs, "2026-05"];
  found["efs.elasticReadGb"] = [0.03, efs, "2026-05"];
  found["efs.elasticWriteGb"] = [0.06, efs, "2026-05"];
  found["efs.provisionedMibpsMonth"] = [6.0, efs, "2026-05"];
  found["cloudwatch.alarmMonth"] = [
    0.1,
    `${skill("CloudWatch", 'USE2-CW:AlarmMonitorUsage "$0.10 per alarm metric-month"')}; the cost table below, from the "Ohio CloudWatch catalog" (.../AmazonCloudWatch/current/us-east-2/index.json, published 2026-09-22): "7 x $0.10/alarm metric-month"`,
    "2026-09",
  ];
  found["cloudwatch.highResolutionAlarmMonth"] = [
    0.3,
    skill("CloudWatch", 'USE2-CW:HighResAlarmMonitorUsage "$0.30 per alarm metric-month"'),
    "2026-05",
  ];
  found["cloudwatch.dashboardMonth"] = DASHBOARD_EVERY_REGION;
  // The cloudcosttree price file's us-east-2 object: its usage block (the one whose inter-region
  // map omits us-east-2) opens about 9,510,000 characters in; the hourly rates and the on-demand
  // RDS table below sit 150,000 to 190,000 characters before it, the layout of every other region
  // object, and too close for a whole region object (270,000+ characters) to lie between.
  const byPosition =
    " (the file's us-east-2 object by position: 150,000 to 190,000 characters before the usage block whose inter-region map omits us-east-2; the same table's db.t4g.micro, 0.016, is the Ohio RDS catalog's)";
  found["endpoint.azHour"] = costTree(
    0.01,
    "us-east-2",
    "resource_hourly.vpc_endpoint_interface",
    ` = 0.01 an hour${byPosition}; its 2026-07-07 version's explicit us-east-2 key resource_hourly.vpce_interface = 0.01 (AWS bills an interface endpoint per AZ)`,
  );
  found["endpoint.gb"] = [
    0.01,
    calculatorEndpointGbRow(
      "US East (Ohio)",
      "7FYQG974DNVUNVKW.JRTCKXETXF.D7RZ6WCPVW",
      "0.0100000000",
    ),
    "2025-11",
  ];
  found["rds.gp3IopsMonth"] = costTree(
    0.02,
    "us-east-2",
    "rds_gp3_iops_price_per_unit_monthly.single-az",
  );
  // Ohio's RDS price list (.../AmazonRDS/current/us-east-2/index.json) as two public projects
  // quoted it: a cost table (PostgreSQL db.t4g.micro, gp3, backups) and a Portuguese run-cost
  // note with regional sources (the same three, snapshots at the backup rate); a third for Aurora.
  const ohioRds =
    'a public project\'s cost table from the "Ohio RDS catalog" (.../AmazonRDS/current/us-east-2/index.json)';
  const ohioNote =
    "a public project's run-cost note (Portuguese) whose regional sources are the us-east-2 ECS, RDS, ECR, Secrets Manager and CloudWatch price lists";
  const ohioAurora =
    'a public project\'s cost plan citing the Ohio RDS catalog (.../AmazonRDS/current/us-east-2/index.csv): "Aurora Standard v2 | $0.12/ACU-hour; $0.10/GB-month storage and $0.20/million I/O requests"';
  found["rds.gp3GbMonth"] = [
    0.115,
    `${ohioRds}: "Same catalog: 20 x $0.115/GiB-month"; ${ohioNote}: "RDS gp3 | US$ 0,115/GB-mes"`,
  ];
  found["rds.backupGbMonth"] = [
    0.095,
    `${ohioRds}: "RDS backups ... $0.095/GiB-month"; ${ohioNote}: "Snapshot PostgreSQL cobravel | US$ 0,095/GB-mes"`,
  ];
  found["rds.snapshotGbMonth"] = [
    0.095,
    `${ohioNote}: "Snapshot PostgreSQL cobravel | US$ 0,095/GB-mes"`,
  ];
  found["aurora.serverlessV2AcuHour"] = [0.12, ohioAurora];
  found["aurora.storageGbMonth"] = [0.1, ohioAurora];
  found["aurora.ioMillion"] = [0.2, ohioAurora];
  const postgres = (usd: number, cls: string): Found =>
    costTree(usd, "us-east-2", `rds_instance_hourly_by_engine.postgres|.${cls}`, byPosition);
  return region("us-east-2", found, {
    "db.t4g.micro": [
      0.016,
      `${ohioRds}: "db.t4g.micro Single-AZ PostgreSQL, 730 x $0.016/hour"; ${ohioNote}: "RDS PostgreSQL db.t4g.micro Single-AZ | US$ 0,016/h"`,
    ],
    "db.t4g.small": postgres(0.032, "db.t4g.small"),
    "db.t4g.medium": postgres(0.065, "db.t4g.medium"),
    "db.t3.micro": postgres(0.018, "db.t3.micro"),
  });
}

/** us-east-2's figures; every item without one is us-east-1's, marked. */
export const usEast2Prices = usEast2();
