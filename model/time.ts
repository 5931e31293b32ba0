/**
 * Times as people write them -> UTC instants, and instants -> wall-clock text, with Temporal
 * (`@js-temporal/polyfill`): it reads the runtime's IANA time-zone database (Node's ICU, version
 * TZDB_VERSION) and resolves a local time exactly, telling a time that does not exist (the
 * spring-forward gap) from one that happens twice (the fall-back overlap). No offset arithmetic
 * of our own.
 */
import { Temporal } from "@js-temporal/polyfill";

/**
 * Release of the IANA time-zone database conversions use: the runtime's ICU data (Node's
 * `process.versions.tz`, such as `2025c`), which Temporal's polyfill reads through Intl.
 */
export const TZDB_VERSION: string = process.versions.tz ?? "unknown";

/**
 * How a time may be written: a date, `T` (or a space), hours and minutes, optional seconds
 * (and fraction), then `Z`, an offset (`+05:30`, `+0530`, `+05`) or nothing (local time).
 */
const ISO =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** What valid times look like, for messages. */
export const TIME_FORMAT =
  "a time YYYY-MM-DDTHH:MM (seconds optional), local or with Z or an offset such as -05:00";

/** True when the runtime's time-zone database converts in `tz` (any name ICU resolves). */
export function isKnownTimeZone(tz: string): boolean {
  if (tz.length === 0) return false;
  try {
    Temporal.Now.zonedDateTimeISO(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * A time read: its instant (and, for an offset the zone does not have then, a note saying what
 * the clocks there show), or why it is not one (what would be valid included).
 */
export type TimeReading =
  | { instant: Date; note?: string; problem?: undefined }
  | { problem: string; note?: undefined };

/** `2027-03-14T03:00`: the wall-clock time to the minute. */
const minute = (t: Temporal.PlainDateTime | Temporal.ZonedDateTime) =>
  ("toPlainDateTime" in t ? t.toPlainDateTime() : t).toString({ smallestUnit: "minute" });

/** `UTC-05:00`, `UTC+05:30`. */
const utcOffset = (offset: string) => `UTC${offset}`;

/**
 * Reads `text` as an instant: with `Z` or an offset as written, otherwise as the wall-clock time
 * in `tz`. A local time in a spring-forward gap (it never shows on the clocks) or a fall-back
 * overlap (it shows twice) is not read at all: the problem names the change and the valid
 * choices (the nearest times around the gap; the two offsets in the overlap). A time with an
 * offset that `tz` does not have at that instant is read as written, with a note for a warning.
 * @param text the time as the user wrote it (stack config is text, quoted or not in YAML)
 * @param tz the zone a local time is read in (already checked with timeZones.timeZoneProblem)
 */
export function readTime(text: string, tz: string): TimeReading {
  const m = ISO.exec(text);
  const invalid = { problem: `is not ${TIME_FORMAT}` };
  if (!m) return invalid;
  const [, date, time, offset] = m;
  let local: Temporal.PlainDateTime;
  try {
    local = Temporal.PlainDateTime.from(`${date}T${time}`, { overflow: "reject" });
  } catch {
    return { problem: `is not a date and time that exists on the calendar: write ${TIME_FORMAT}` };
  }
  if (offset) {
    const instant = Temporal.Instant.from(`${date}T${time}${offset.toUpperCase()}`);
    // An offset the zone does not have then: most likely the other season's, copied.
    const there = instant.toZonedDateTimeISO(tz);
    const note =
      tz !== "UTC" && offset.toUpperCase() !== "Z" && minute(there) !== minute(local)
        ? `${text} is ${minute(there).replace("T", " ")} in ${tz} (${utcOffset(there.offset)} then), not ${minute(local).slice(11)}: for ${minute(local).slice(11)} on the clocks there, write ${minute(local)} without an offset`
        : undefined;
    return { instant: new Date(instant.epochMilliseconds), note };
  }
  const earlier = local.toZonedDateTime(tz, { disambiguation: "earlier" });
  const later = local.toZonedDateTime(tz, { disambiguation: "later" });
  if (earlier.epochNanoseconds === later.epochNanoseconds) {
    return { instant: new Date(earlier.epochMilliseconds) };
  }
  // The clock change right after the earlier reading (which is before it in both cases).
  const change = earlier.getTimeZoneTransition("next")!;
  const [before, after] = [earlier.offset, change.offset];
  const oldClock = change.toInstant().toZonedDateTimeISO(before);
  const says = `clocks go from ${minute(oldClock).slice(11)} to ${minute(change).slice(11)} on ${minute(change).slice(0, 10)} (${utcOffset(before)} to ${utcOffset(after)})`;
  const shown = local.toString({ smallestUnit: "minute" });
  if (minute(earlier) !== minute(local)) {
    const lastBefore = oldClock.subtract({ minutes: 1 });
    return {
      problem: `does not exist in ${tz}: ${says}; the nearest valid times are ${minute(lastBefore)} and ${minute(change)}`,
    };
  }
  const utc = (z: Temporal.ZonedDateTime) => `${utcMinute(new Date(z.epochMilliseconds))}Z`;
  return {
    problem: `happens twice in ${tz}: ${says}; write it with its offset, ${shown}${before} (the first, ${utc(earlier)}) or ${shown}${after} (the second, ${utc(later)})`,
  };
}

/**
 * The instant `text` names (see readTime), or undefined when it names none. For times that are
 * not the user's (an `at()` schedule read back from a resource); config reads use readTime.
 */
export function parseZonedTime(text: string, tz: string): Date | undefined {
  const r = readTime(text, tz);
  return r.problem === undefined ? r.instant : undefined;
}

/** `2026-03-10T09:00` style: minute precision, UTC, the form AWS `at()` schedules take. */
export function utcMinute(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/** `instant` on the clocks of `tz`: `2027-03-16 08:00 (UTC-05:00)`. */
export function localMinute(instant: Date, tz: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(tz);
  return `${minute(z).replace("T", " ")} (${utcOffset(z.offset)})`;
}

/** The calendar month (`YYYY-MM`) `instant` falls in, in `tz`. */
export function monthOf(instant: number, tz: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(tz);
  return z.toPlainDate().toPlainYearMonth().toString();
}

/** [start, end) of calendar month `YYYY-MM` in `tz`, as UTC milliseconds. */
export function monthBounds(month: string, tz: string): [number, number] {
  const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
  const start = first.toZonedDateTime({ timeZone: tz });
  const end = first.add({ months: 1 }).toZonedDateTime({ timeZone: tz });
  return [start.epochMilliseconds, end.epochMilliseconds];
}
