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

/**
 * The price file of the cloudcosttree PyPI package (0.2.26; its wheel downloads `data/prices.json`
 * from the project's release at run time, so it is read from the repository rulssss/cloudcosttree).
 * Keyed by region code; "metadata.source": "aws-price-list-api".
 */
export const CLOUDCOSTTREE = (commit: string, updated: string): string =>
  `the cloudcosttree package's price file (repository rulssss/cloudcosttree, data/prices.json at commit ${commit}, metadata.updated ${updated}, source "aws-price-list-api")`;

/** The 2026-09-08 version of that file (10.7 MB), which carries RDS, Aurora and CloudWatch Logs rates. */
export const CLOUDCOSTTREE_SEP = CLOUDCOSTTREE("06086999f4eb", "2026-09-08");

/** The 2026-07-07 compact version of that file. */
export const CLOUDCOSTTREE_JUL = CLOUDCOSTTREE("66de04a8a942", "2026-07-07");
