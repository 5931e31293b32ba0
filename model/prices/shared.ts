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
 * The price data file of the PyPI package cloudcosttree 0.2.26 (its launcher downloads the file at
 * run time; read here in its repository). Its metadata names the source "aws-price-list-api".
 */
const CLOUDCOSTTREE =
  'cloudcosttree 0.2.26 (PyPI) price file, repository rulssss/cloudcosttree data/prices.json ("source": "aws-price-list-api")';

/** That file at commit 06086999 (`metadata.updated` 2026-09-08). */
export const CLOUDCOSTTREE_SEP = `${CLOUDCOSTTREE}, commit 06086999 (updated 2026-09-08)`;

/** That file at commit 66de04a8 (`metadata.updated` 2026-07-07), an older, shorter version. */
export const CLOUDCOSTTREE_JUL = `${CLOUDCOSTTREE}, commit 66de04a8 (updated 2026-07-07)`;
