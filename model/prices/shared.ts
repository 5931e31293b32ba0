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
 * A price file several regions' figures were read from: `data/prices.json` of the public repo
 * rulssss/cloudcosttree (the PyPI package cloudcosttree 0.2.26 downloads it at first run), one
 * block per region, `metadata.source` "aws-price-list-api". Two editions are cited by commit.
 */
export const COSTTREE_SEP =
  'rulssss/cloudcosttree data/prices.json at commit 06086999 ("updated": "2026-09-08", "source": "aws-price-list-api"; the region block named by its inter-region transfer map, which lists every region but its own)';

/** The compact 2026-07-07 edition of the same file, whose region blocks are keyed by name. */
export const COSTTREE_JUL =
  'rulssss/cloudcosttree data/prices.json at commit 66de04a8 ("updated": "2026-07-07", "source": "aws-price-list-api")';
