import { region } from "../region";
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
  return region("us-east-2", found, {
    "db.t4g.micro": [
      0.016,
      `${ohioRds}: "db.t4g.micro Single-AZ PostgreSQL, 730 x $0.016/hour"; ${ohioNote}: "RDS PostgreSQL db.t4g.micro Single-AZ | US$ 0,016/h"`,
    ],
  });
}

/** us-east-2's figures; every item without one is us-east-1's, marked. */
export const usEast2Prices = usEast2();
