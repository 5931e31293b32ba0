/**
 * Which time-zone names a user may write: canonical IANA names only (Area/Location, and UTC).
 *
 * The runtime's ICU resolves far more than that: abbreviations such as `BST` (read as
 * Asia/Dhaka, not London), `IST` or `CST`, CLDR's own aliases, and the IANA `backward` links
 * (`US/Eastern`, `Asia/Calcutta`, `EST`, a fixed UTC-05:00 linked to America/Panama). A name that
 * merely resolves is refused here with the zones the user probably meant.
 *
 * Sources (maintained packages, no list of our own):
 * - canonical names and backward links: `countries-and-timezones` (each name's `aliasOf` is the
 *   IANA link target; canonical zones have none);
 * - abbreviations and the zones that use them: `@vvo/tzdb` (`abbreviation`, `dstAbbreviation`
 *   per zone, built from IANA tz release `tzdbVersion`).
 */
import { getAllTimezones } from "countries-and-timezones";
import { rawTimeZones } from "@vvo/tzdb";
import { nearest } from "./config/checks";
import { isKnownTimeZone, TZDB_VERSION } from "./time";

/** Every IANA name `countries-and-timezones` knows, canonical or link, with its link target. */
const IANA: Readonly<Record<string, { aliasOf?: string | null }>> = getAllTimezones({
  deprecated: true,
});

/** The zones a user may write, besides UTC: canonical Area/Location names (not Etc/). */
function isCanonicalPlace(name: string): boolean {
  const entry = IANA[name];
  return entry !== undefined && !entry.aliasOf && name.includes("/") && !name.startsWith("Etc/");
}

/** The canonical zone a name stands for: itself, or its link target. */
function canonical(name: string): string {
  return IANA[name]?.aliasOf ?? name;
}

const UTC_ALIASES = new Set(["Etc/UTC", "Etc/GMT", "Etc/UCT", "Etc/Universal", "Etc/Zulu"]);

/** `A, B or C`. */
function orList(items: string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

let byAbbreviation: Map<string, string[]> | undefined;

/**
 * Canonical zones that use `abbreviation` (upper case) in standard or daylight time, the zones
 * most names link to first (America/New_York before America/Panama for EST), at most 4.
 */
function zonesAbbreviated(abbreviation: string): string[] {
  if (!byAbbreviation) {
    const weighted = new Map<string, Map<string, number>>();
    for (const z of rawTimeZones) {
      const zone = canonical(z.name);
      if (!isCanonicalPlace(zone)) continue;
      for (const a of [z.abbreviation, z.dstAbbreviation]) {
        if (!a || !/^[A-Z]{2,5}$/.test(a)) continue;
        const zones = weighted.get(a) ?? new Map<string, number>();
        zones.set(zone, Math.max(zones.get(zone) ?? 0, z.group.length));
        weighted.set(a, zones);
      }
    }
    byAbbreviation = new Map(
      [...weighted].map(([a, zones]) => [
        a,
        [...zones]
          .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
          .map(([zone]) => zone)
          .slice(0, 4),
      ]),
    );
  }
  return byAbbreviation.get(abbreviation) ?? [];
}

const EXAMPLES = "such as America/Chicago, Europe/London or Australia/Sydney, or UTC";

/**
 * Why `name` is not a time zone a user may write, naming what would be valid; undefined when it
 * is one (UTC, or a canonical IANA Area/Location name this runtime can convert in).
 * @param name the zone as written (case-sensitive, as in the IANA database)
 */
export function timeZoneProblem(name: string): string | undefined {
  if (name === "UTC") return undefined;
  if (isCanonicalPlace(name)) {
    return isKnownTimeZone(name)
      ? undefined
      : `is an IANA time zone this runtime's time-zone database (${TZDB_VERSION}) does not have yet: use a neighbouring zone with the same clock, or UTC`;
  }
  const link = IANA[name]?.aliasOf;
  if (UTC_ALIASES.has(name) || (link && UTC_ALIASES.has(link))) {
    return `is a legacy name for UTC: write UTC, or the zone of the place if its clocks change for daylight saving (such as Europe/London)`;
  }
  const abbreviated = /^[A-Za-z]{2,5}$/.test(name) ? zonesAbbreviated(name.toUpperCase()) : [];
  if (abbreviated.length > 0) {
    const legacy = link ? ` (IANA keeps "${name}" only as a legacy link to ${link})` : "";
    return `is a time-zone abbreviation, not an IANA time zone${legacy}: abbreviations are ambiguous and do not say when daylight saving applies; write the zone of the place, such as ${orList(abbreviated)}`;
  }
  if (link) {
    return `is a legacy alias (an IANA backward link) of ${link}: write ${link}`;
  }
  if (/^Etc\/GMT[+-]\d+$/.test(name)) {
    return `is a fixed offset without daylight saving (and its sign is inverted: Etc/GMT+5 is UTC-05:00): write the zone of the place ${EXAMPLES}, or give the times with an explicit offset`;
  }
  const lower = name.toLowerCase();
  const key = (n: string) => n.toLowerCase().replace(/[\s_-]+/g, "");
  const places = Object.keys(IANA).filter(isCanonicalPlace).sort();
  const sameCase = places.find((p) => p.toLowerCase() === lower);
  if (sameCase) return `is not an IANA time zone (names are case-sensitive): write ${sameCase}`;
  const city = key(name.split("/").pop() ?? name);
  const near = places.filter((p) => key(p.split("/").pop()!) === city);
  if (near.length > 0) return `is not an IANA time zone: write ${orList(near)}`;
  // A misspelling (Europe/Londn, America/Chicgo, US/Pacifc): the IANA name fewest edits away,
  // ignoring case, if within 3 edits (./config/checks.ts nearest); a legacy link's canonical zone.
  const typo = name.includes("/")
    ? nearest(name, [
        ...places,
        ...Object.keys(IANA)
          .filter((n) => n.includes("/"))
          .sort(),
      ])
    : undefined;
  if (typo) {
    const zone = canonical(typo);
    return zone === typo || !isCanonicalPlace(zone)
      ? `is not an IANA time zone: did you mean ${typo}?`
      : `is not an IANA time zone: did you mean ${typo}? (a legacy alias: write ${zone})`;
  }
  return `is not an IANA time zone: write Area/Location ${EXAMPLES}`;
}
