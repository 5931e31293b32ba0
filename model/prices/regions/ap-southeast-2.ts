import { region } from "../region";
import {
  costTree,
  costTreeHighResAlarm,
  DASHBOARD_EVERY_REGION,
  FGCALC,
  IPV4_EVERY_REGION,
} from "../shared";

const SYDNEY_NOTES =
  "a public project's cost notes \"AWS Cost Estimates: Sydney pricing\" (read from aws.amazon.com/fargate/pricing; its x86 figures equal fgcalc's)";

/** ap-southeast-2's figures; every item without one is us-east-1's, marked. */
export const apSoutheast2 = region("ap-southeast-2", {
  "fargate.x86.vcpuHour": [0.04856, `${FGCALC}: ap-southeast-2 normal.cpu; ${SYDNEY_NOTES}`],
  "fargate.x86.gbHour": [0.00532, `${FGCALC}: ap-southeast-2 normal.ram; ${SYDNEY_NOTES}`],
  "fargate.arm.vcpuHour": [0.03885, SYDNEY_NOTES],
  "fargate.arm.gbHour": [0.00426, SYDNEY_NOTES],
  "fargate.ephemeralGbHour": costTree(
    0.000133,
    "ap-southeast-2",
    "fargate_ephemeral_storage_gb_hourly",
  ),
  "publicIpv4.hour": IPV4_EVERY_REGION,
  "rds.gp3IopsMonth": costTree(
    0.024,
    "ap-southeast-2",
    "rds_gp3_iops_price_per_unit_monthly.single-az",
  ),
  "efs.provisionedMibpsMonth": costTree(
    7.2,
    "ap-southeast-2",
    "efs_provisioned_throughput_per_mibps_monthly",
  ),
  "cloudwatch.highResolutionAlarmMonth": costTreeHighResAlarm("ap-southeast-2"),
  "cloudwatch.dashboardMonth": DASHBOARD_EVERY_REGION,
});
