/**
 * Wall-clock arithmetic without a date library: local times in IANA time zones -> UTC instants.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/** True when `tz` is an IANA time zone name this runtime knows (for example `Australia/Sydney`). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `instant` in `tz` (month 1-12). */
function wallClock(instant: number, tz: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Offset of `tz` from UTC at `instant`, in milliseconds (positive east of Greenwich). */
function offsetMs(instant: number, tz: string): number {
  const w = wallClock(instant, tz);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * Parses `YYYY-MM-DDTHH:MM[:SS]` as a wall-clock time in `tz`, or a time with an explicit `Z` or
 * `+HH:MM` offset as that instant. Returns undefined when the text is not such a time or names a
 * date that does not exist (2026-02-30).
 */
export function parseZonedTime(text: string, tz: string): Date | undefined {
  const m = LOCAL.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => (v === undefined ? 0 : Number(v)));
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return undefined;
  }
  const zone = m[7];
  if (zone === "Z") return new Date(wall);
  if (zone) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const [oh, om] = zone.slice(1).split(":").map(Number);
    return new Date(wall - sign * (oh * 60 + om) * 60_000);
  }
  // Two passes settle the offset across a daylight-saving change.
  let utc = wall - offsetMs(wall, tz);
  utc = wall - offsetMs(utc, tz);
  return new Date(utc);
}

/** `2026-03-10T09:00Z` style: minute precision, UTC, the form AWS `at()` schedules take. */
export function utcMinute(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/** The calendar month (`YYYY-MM`) `instant` falls in, in `tz`. */
export function monthOf(instant: number, tz: string): string {
  const w = wallClock(instant, tz);
  return `${w.year}-${String(w.month).padStart(2, "0")}`;
}

/** [start, end) of calendar month `YYYY-MM` in `tz`, as UTC milliseconds. */
export function monthBounds(month: string, tz: string): [number, number] {
  const [y, m] = month.split("-").map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  const start = parseZonedTime(`${month}-01T00:00`, tz)!.getTime();
  const end = parseZonedTime(`${next}-01T00:00`, tz)!.getTime();
  return [start, end];
}
