/** Sources that more than one region's figures cite. */
import { Found } from "./types";

export const JP_PAGE =
  "AWS Fargate pricing page (Japanese edition), which prices US East (N. Virginia), US East (Ohio), US West (Oregon) and EU (Ireland) as one group";

/** On-demand Fargate Linux/x86 per region, "extracted from the official AWS Fargate documentation". */
export const FGCALC = "theuves/fgcalc src/utils/data.js (Fargate on-demand Linux/x86 by region)";

/** AWS's public IPv4 charge is one rate in every region (announced 2023-07, billed from 2024-02-01). */
export const IPV4_EVERY_REGION: Found = [
  0.005,
  'https://www.techpartner.news/news/aws-to-charge-for-ipv4-addresses-598672 (AWS: US$0.005 per address-hour "in all AWS regions"); https://www.haufe-akademie.de/en/skill-it/blog/aws-gebuehren-ipv4-adressen ("all AWS regions ... without exception")',
];
