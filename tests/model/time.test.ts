/**
 * Exam and staging times, read as the stack files give them: exact UTC instants in the zones of
 * the seeds' users and the main university regions, both daylight-saving changes in both
 * hemispheres, gaps and overlaps, refused abbreviations and aliases, windows across midnight and
 * across a change, and the schedule at every phase of a window. Instants were checked against
 * the IANA rules: US changes on the second Sunday of March and the first of November at 02:00;
 * the EU on the last Sundays of March and October at 01:00Z; Sydney on the first Sundays of
 * October and April; Auckland on the last Sunday of September and the first of April.
 */
import { strict as assert } from "assert";
import { describeSchedule, examPlan } from "../../model/schedule";
import { localMinute, readTime, TZDB_VERSION } from "../../model/time";
import { parse, problem, withChanges } from "./configHelpers";

/** The instants an exam window is read as, `[startZ, endZ]`, in `timeZone` (the stack's). */
function window(entry: string, timeZone: string): string[] {
  const c = parse("exam", withChanges("exam", { timeZone, examWindows: JSON.stringify([entry]) }));
  const w = c.exam!.windows[0];
  return [w.start.toISOString(), w.end.toISOString()];
}

/** The one problem an exam window causes, `timeZone` being the stack's. */
function windowProblem(entry: string, timeZone: string): string {
  return problem("exam", { timeZone, examWindows: JSON.stringify([entry]) });
}

const FORMAT =
  "a time YYYY-MM-DDTHH:MM (seconds optional), local or with Z or an offset such as -05:00";

describe("exam and staging times", () => {
  describe("read as exact UTC instants", () => {
    const cases: [string, string, string, string[]][] = [
      // [what, zone, window, [start, end] in UTC]
      [
        "Chicago in winter (CST, UTC-6)",
        "America/Chicago",
        "w 2027-01-12T09:00/2027-01-12T11:00 40",
        ["2027-01-12T15:00:00.000Z", "2027-01-12T17:00:00.000Z"],
      ],
      [
        "Chicago in summer (CDT, UTC-5)",
        "America/Chicago",
        "w 2027-06-08T13:00/2027-06-08T16:00 40",
        ["2027-06-08T18:00:00.000Z", "2027-06-08T21:00:00.000Z"],
      ],
      [
        "Chicago: the last minute before the spring gap and the first after it",
        "America/Chicago",
        "w 2027-03-14T01:59/2027-03-14T03:00 40",
        ["2027-03-14T07:59:00.000Z", "2027-03-14T08:00:00.000Z"],
      ],
      [
        "Chicago: across spring-forward keeps its true length (3 wall hours, 2 real)",
        "America/Chicago",
        "w 2027-03-14T01:00/2027-03-14T04:00 40",
        ["2027-03-14T07:00:00.000Z", "2027-03-14T09:00:00.000Z"],
      ],
      [
        "Chicago: across fall-back keeps its true length (3 wall hours, 4 real)",
        "America/Chicago",
        "w 2027-11-07T00:30/2027-11-07T03:30 40",
        ["2027-11-07T05:30:00.000Z", "2027-11-07T09:30:00.000Z"],
      ],
      [
        "Chicago: both readings of the repeated hour, each with its offset",
        "America/Chicago",
        "w 2027-11-07T01:30-05:00/2027-11-07T01:30-06:00 40",
        ["2027-11-07T06:30:00.000Z", "2027-11-07T07:30:00.000Z"],
      ],
      [
        "Chicago: across midnight",
        "America/Chicago",
        "w 2027-01-12T22:00/2027-01-13T01:00 40",
        ["2027-01-13T04:00:00.000Z", "2027-01-13T07:00:00.000Z"],
      ],
      [
        "New York the week before its change (EST, UTC-5)",
        "America/New_York",
        "w 2027-03-10T09:00/2027-03-10T11:00 40",
        ["2027-03-10T14:00:00.000Z", "2027-03-10T16:00:00.000Z"],
      ],
      [
        "New York the week after (EDT, UTC-4)",
        "America/New_York",
        "w 2027-03-16T09:00/2027-03-16T11:00 40",
        ["2027-03-16T13:00:00.000Z", "2027-03-16T15:00:00.000Z"],
      ],
      [
        "London in winter (GMT)",
        "Europe/London",
        "w 2027-01-12T10:00/2027-01-12T12:00 40",
        ["2027-01-12T10:00:00.000Z", "2027-01-12T12:00:00.000Z"],
      ],
      [
        "London in summer (BST, UTC+1), the exam BST was meant for",
        "Europe/London",
        "w 2027-06-08T10:00/2027-06-08T12:30 40",
        ["2027-06-08T09:00:00.000Z", "2027-06-08T11:30:00.000Z"],
      ],
      [
        "London: across the October change",
        "Europe/London",
        "w 2027-10-31T00:30/2027-10-31T02:30 40",
        ["2027-10-30T23:30:00.000Z", "2027-10-31T02:30:00.000Z"],
      ],
      [
        "Berlin in winter (CET, UTC+1)",
        "Europe/Berlin",
        "w 2027-01-12T09:00/2027-01-12T11:00 40",
        ["2027-01-12T08:00:00.000Z", "2027-01-12T10:00:00.000Z"],
      ],
      [
        "Berlin in summer (CEST, UTC+2)",
        "Europe/Berlin",
        "w 2027-07-06T09:00/2027-07-06T11:00 40",
        ["2027-07-06T07:00:00.000Z", "2027-07-06T09:00:00.000Z"],
      ],
      [
        "Kolkata (UTC+5:30, no daylight saving)",
        "Asia/Kolkata",
        "w 2027-03-10T09:00/2027-03-10T12:00 40",
        ["2027-03-10T03:30:00.000Z", "2027-03-10T06:30:00.000Z"],
      ],
      [
        "Sydney in its summer (AEDT, UTC+11): the previous UTC day",
        "Australia/Sydney",
        "w 2027-03-16T09:00/2027-03-16T11:00 40",
        ["2027-03-15T22:00:00.000Z", "2027-03-16T00:00:00.000Z"],
      ],
      [
        "Sydney in its winter (AEST, UTC+10)",
        "Australia/Sydney",
        "w 2027-06-08T09:00/2027-06-08T11:00 40",
        ["2027-06-07T23:00:00.000Z", "2027-06-08T01:00:00.000Z"],
      ],
      [
        "Sydney: across its October spring-forward",
        "Australia/Sydney",
        "w 2027-10-03T01:00/2027-10-03T04:00 40",
        ["2027-10-02T15:00:00.000Z", "2027-10-02T17:00:00.000Z"],
      ],
      [
        "Auckland in its summer (NZDT, UTC+13)",
        "Pacific/Auckland",
        "w 2027-03-16T09:00/2027-03-16T11:00 40",
        ["2027-03-15T20:00:00.000Z", "2027-03-15T22:00:00.000Z"],
      ],
      [
        "Auckland in its winter (NZST, UTC+12)",
        "Pacific/Auckland",
        "w 2027-06-08T09:00/2027-06-08T11:00 40",
        ["2027-06-07T21:00:00.000Z", "2027-06-07T23:00:00.000Z"],
      ],
      [
        "Auckland: across its April fall-back",
        "Pacific/Auckland",
        "w 2027-04-04T01:00/2027-04-04T04:00 40",
        ["2027-04-03T12:00:00.000Z", "2027-04-03T16:00:00.000Z"],
      ],
      [
        "a window's own zone over the stack's",
        "America/Chicago",
        "w 2027-03-16T09:00/2027-03-16T11:00 40 Europe/Berlin",
        ["2027-03-16T08:00:00.000Z", "2027-03-16T10:00:00.000Z"],
      ],
      [
        "UTC",
        "UTC",
        "w 2027-03-16T09:00/2027-03-16T11:00 40",
        ["2027-03-16T09:00:00.000Z", "2027-03-16T11:00:00.000Z"],
      ],
      [
        "Z and seconds, whatever the stack's zone",
        "Australia/Sydney",
        "w 2027-03-16T09:00:00Z/2027-03-16T11:00:30Z 40",
        ["2027-03-16T09:00:00.000Z", "2027-03-16T11:00:30.000Z"],
      ],
      [
        "offsets +05:30 and +0530",
        "America/Chicago",
        "w 2027-03-16T09:00+05:30/2027-03-16T11:00+0530 40",
        ["2027-03-16T03:30:00.000Z", "2027-03-16T05:30:00.000Z"],
      ],
    ];
    for (const [what, zone, entry, expected] of cases) {
      it(`${what}: ${entry} in ${zone}`, () => assert.deepEqual(window(entry, zone), expected));
    }

    it("an offset the zone does not have then is read as written, with a warning", () => {
      // July in Chicago is CDT (UTC-5): -06:00 is winter's offset, so 09:00-06:00 is 10:00 there.
      const c = parse(
        "exam",
        withChanges("exam", {
          examWindows: JSON.stringify(["w 2027-07-06T09:00-06:00/2027-07-06T11:00-05:00 40"]),
        }),
      );
      assert.deepEqual(
        [c.exam!.windows[0].start.toISOString(), c.exam!.windows[0].end.toISOString()],
        ["2027-07-06T15:00:00.000Z", "2027-07-06T16:00:00.000Z"],
      );
      assert.deepEqual(c.warnings, [
        "pythonide:examWindows[0]: 2027-07-06T09:00-06:00 is 2027-07-06 10:00 in America/Chicago (UTC-05:00 then), not 09:00: for 09:00 on the clocks there, write 2027-07-06T09:00 without an offset",
      ]);
      const staging = parse(
        "staging",
        withChanges("staging", { active: "true", activeUntil: "2026-11-22T12:00-05:00" }),
      );
      assert.equal(staging.staging?.activeUntil?.toISOString(), "2026-11-22T17:00:00.000Z");
      assert.deepEqual(staging.warnings, [
        "pythonide:activeUntil: 2026-11-22T12:00-05:00 is 2026-11-22 11:00 in America/Chicago (UTC-06:00 then), not 12:00: for 12:00 on the clocks there, write 2026-11-22T12:00 without an offset",
      ]);
    });

    it("staging's activeUntil as YAML hands it over unquoted (with seconds and Z)", () => {
      const c = parse(
        "staging",
        withChanges("staging", { active: "true", activeUntil: "2026-11-22T18:00:00Z" }),
      );
      assert.equal(c.staging?.activeUntil?.toISOString(), "2026-11-22T18:00:00.000Z");
    });
  });

  describe("refuses a bad time or zone, naming the key, the value and what is valid", () => {
    const gap = (zone: string, from: string, to: string, date: string, offsets: string) =>
      `does not exist in ${zone}: clocks go from ${from} to ${to} on ${date} (${offsets})`;
    const cases: [string, string, string, string][] = [
      // [what, zone, window, message]
      [
        "a start in Chicago's spring-forward gap",
        "America/Chicago",
        "w 2027-03-14T02:30/2027-03-14T04:00 40",
        `pythonide:examWindows[0] is "w 2027-03-14T02:30/2027-03-14T04:00 40": the start "2027-03-14T02:30" ${gap("America/Chicago", "02:00", "03:00", "2027-03-14", "UTC-06:00 to UTC-05:00")}; the nearest valid times are 2027-03-14T01:59 and 2027-03-14T03:00`,
      ],
      [
        "an end at 02:00 that night in New York (it does not exist either)",
        "America/New_York",
        "w 2027-03-14T01:00/2027-03-14T02:00 40",
        `pythonide:examWindows[0] is "w 2027-03-14T01:00/2027-03-14T02:00 40": the end "2027-03-14T02:00" ${gap("America/New_York", "02:00", "03:00", "2027-03-14", "UTC-05:00 to UTC-04:00")}; the nearest valid times are 2027-03-14T01:59 and 2027-03-14T03:00`,
      ],
      [
        "a start in Chicago's repeated hour",
        "America/Chicago",
        "w 2027-11-07T01:30/2027-11-07T03:00 40",
        'pythonide:examWindows[0] is "w 2027-11-07T01:30/2027-11-07T03:00 40": the start "2027-11-07T01:30" happens twice in America/Chicago: clocks go from 02:00 to 01:00 on 2027-11-07 (UTC-05:00 to UTC-06:00); write it with its offset, 2027-11-07T01:30-05:00 (the first, 2027-11-07T06:30Z) or 2027-11-07T01:30-06:00 (the second, 2027-11-07T07:30Z)',
      ],
      [
        "London's March gap",
        "Europe/London",
        "w 2027-03-28T01:30/2027-03-28T03:00 40",
        `pythonide:examWindows[0] is "w 2027-03-28T01:30/2027-03-28T03:00 40": the start "2027-03-28T01:30" ${gap("Europe/London", "01:00", "02:00", "2027-03-28", "UTC+00:00 to UTC+01:00")}; the nearest valid times are 2027-03-28T00:59 and 2027-03-28T02:00`,
      ],
      [
        "Berlin's October overlap",
        "Europe/Berlin",
        "w 2027-10-31T02:30/2027-10-31T04:00 40",
        'pythonide:examWindows[0] is "w 2027-10-31T02:30/2027-10-31T04:00 40": the start "2027-10-31T02:30" happens twice in Europe/Berlin: clocks go from 03:00 to 02:00 on 2027-10-31 (UTC+02:00 to UTC+01:00); write it with its offset, 2027-10-31T02:30+02:00 (the first, 2027-10-31T00:30Z) or 2027-10-31T02:30+01:00 (the second, 2027-10-31T01:30Z)',
      ],
      [
        "Sydney's October gap (southern spring)",
        "Australia/Sydney",
        "w 2027-10-03T02:30/2027-10-03T04:00 40",
        `pythonide:examWindows[0] is "w 2027-10-03T02:30/2027-10-03T04:00 40": the start "2027-10-03T02:30" ${gap("Australia/Sydney", "02:00", "03:00", "2027-10-03", "UTC+10:00 to UTC+11:00")}; the nearest valid times are 2027-10-03T01:59 and 2027-10-03T03:00`,
      ],
      [
        "Sydney's April overlap (southern autumn)",
        "Australia/Sydney",
        "w 2027-04-04T01:00/2027-04-04T02:30 40",
        'pythonide:examWindows[0] is "w 2027-04-04T01:00/2027-04-04T02:30 40": the end "2027-04-04T02:30" happens twice in Australia/Sydney: clocks go from 03:00 to 02:00 on 2027-04-04 (UTC+11:00 to UTC+10:00); write it with its offset, 2027-04-04T02:30+11:00 (the first, 2027-04-03T15:30Z) or 2027-04-04T02:30+10:00 (the second, 2027-04-03T16:30Z)',
      ],
      [
        "Auckland's September gap",
        "Pacific/Auckland",
        "w 2027-09-26T02:30/2027-09-26T04:00 40",
        `pythonide:examWindows[0] is "w 2027-09-26T02:30/2027-09-26T04:00 40": the start "2027-09-26T02:30" ${gap("Pacific/Auckland", "02:00", "03:00", "2027-09-26", "UTC+12:00 to UTC+13:00")}; the nearest valid times are 2027-09-26T01:59 and 2027-09-26T03:00`,
      ],
      [
        "BST on a window, which the runtime would read as Asia/Dhaka",
        "America/Chicago",
        "w 2027-06-08T10:00/2027-06-08T12:30 40 BST",
        'pythonide:examWindows[0] is "w 2027-06-08T10:00/2027-06-08T12:30 40 BST": the time zone "BST" is a time-zone abbreviation, not an IANA time zone: abbreviations are ambiguous and do not say when daylight saving applies; write the zone of the place, such as Europe/London, Asia/Dhaka or Pacific/Bougainville',
      ],
      [
        "a time without minutes",
        "America/Chicago",
        "w 2027-06-08T10/2027-06-08T12:30 40",
        `pythonide:examWindows[0] is "w 2027-06-08T10/2027-06-08T12:30 40": the start "2027-06-08T10" is not ${FORMAT}`,
      ],
    ];
    for (const [what, zone, entry, message] of cases) {
      it(what, () => assert.equal(windowProblem(entry, zone), message));
    }

    const zones: [string, string][] = [
      [
        "IST",
        'pythonide:timeZone "IST" is a time-zone abbreviation, not an IANA time zone: abbreviations are ambiguous and do not say when daylight saving applies; write the zone of the place, such as Asia/Jerusalem, Asia/Kolkata, Europe/Dublin or Asia/Colombo',
      ],
      [
        "EST",
        'pythonide:timeZone "EST" is a time-zone abbreviation, not an IANA time zone (IANA keeps "EST" only as a legacy link to America/Panama): abbreviations are ambiguous and do not say when daylight saving applies; write the zone of the place, such as America/New_York, America/Toronto, America/Panama or America/Winnipeg',
      ],
      [
        "CET",
        'pythonide:timeZone "CET" is a time-zone abbreviation, not an IANA time zone (IANA keeps "CET" only as a legacy link to Europe/Brussels): abbreviations are ambiguous and do not say when daylight saving applies; write the zone of the place, such as Europe/Berlin, Europe/Brussels, Europe/Madrid or Europe/Warsaw',
      ],
      [
        "US/Eastern",
        'pythonide:timeZone "US/Eastern" is a legacy alias (an IANA backward link) of America/New_York: write America/New_York',
      ],
      [
        "Asia/Calcutta",
        'pythonide:timeZone "Asia/Calcutta" is a legacy alias (an IANA backward link) of Asia/Kolkata: write Asia/Kolkata',
      ],
      [
        "GMT",
        'pythonide:timeZone "GMT" is a legacy name for UTC: write UTC, or the zone of the place if its clocks change for daylight saving (such as Europe/London)',
      ],
      [
        "europe/london",
        'pythonide:timeZone "europe/london" is not an IANA time zone (names are case-sensitive): write Europe/London',
      ],
      [
        "america/new_york",
        'pythonide:timeZone "america/new_york" is not an IANA time zone (names are case-sensitive): write America/New_York',
      ],
      [
        "Europe/Londn",
        'pythonide:timeZone "Europe/Londn" is not an IANA time zone: did you mean Europe/London?',
      ],
      [
        "Australia/Sidney",
        'pythonide:timeZone "Australia/Sidney" is not an IANA time zone: did you mean Australia/Sydney?',
      ],
      [
        "US/Pacifc",
        'pythonide:timeZone "US/Pacifc" is not an IANA time zone: did you mean US/Pacific? (a legacy alias: write America/Los_Angeles)',
      ],
      [
        "Europe/Nowhere (more than 3 edits from any zone)",
        'pythonide:timeZone "Europe/Nowhere" is not an IANA time zone: write Area/Location such as America/Chicago, Europe/London or Australia/Sydney, or UTC',
      ],
    ];
    for (const [zone, message] of zones) {
      it(`the stack zone ${zone}`, () =>
        assert.equal(problem("exam", { timeZone: zone.split(" ")[0] }), message));
    }

    it("a window's own zone misspelt gets the nearest zone too", () => {
      assert.equal(
        windowProblem("w 2027-06-08T10:00/2027-06-08T12:30 40 America/Chicgo", "UTC"),
        'pythonide:examWindows[0] is "w 2027-06-08T10:00/2027-06-08T12:30 40 America/Chicgo": the time zone "America/Chicgo" is not an IANA time zone: did you mean America/Chicago?',
      );
    });

    it("a staging expiry in the gap, before anything else is judged", () => {
      assert.equal(
        problem("staging", { active: "true", activeUntil: "2027-03-14T02:30" }),
        `pythonide:activeUntil "2027-03-14T02:30" ${gap("America/Chicago", "02:00", "03:00", "2027-03-14", "UTC-06:00 to UTC-05:00")}; the nearest valid times are 2027-03-14T01:59 and 2027-03-14T03:00`,
      );
    });

    it("a staging zone given as an abbreviation is reported once, on timeZone", () => {
      assert.equal(
        problem("staging", { timeZone: "CST", active: "true", activeUntil: "2026-11-22T12:00" }),
        'pythonide:timeZone "CST" is a time-zone abbreviation, not an IANA time zone: abbreviations are ambiguous and do not say when daylight saving applies; write the zone of the place, such as America/Chicago, America/Mexico_City, Asia/Shanghai or America/Edmonton',
      );
    });
  });

  describe("a window is under way from its lead start to its grace end", () => {
    // cs101-midsem 09:00-11:00 Chicago (CDT) = 14:00Z-16:00Z; lead 60 min, grace 30 min.
    const entry = "cs101-midsem 2027-03-16T09:00/2027-03-16T11:00 120";
    const at = (now: string) => {
      const clock = new Date(now);
      const c = parse("exam", withChanges("exam", { examWindows: JSON.stringify([entry]) }), clock);
      const plan = examPlan(c.exam!, c.service, clock);
      return {
        now: `${plan.minCapacity}/${plan.maxCapacity}`,
        reason: plan.reason,
        steps: describeSchedule(plan, c.timeZone).map((e) => `${e.utc} ${e.before} -> ${e.after}`),
        warnings: c.warnings,
      };
    };
    // Under way: the floor held at 4 tasks, only the return scheduled.
    const held = {
      now: "4/10",
      reason:
        "cs101-midsem under way: 4 tasks from 60 min before the start until 30 min after the end (2027-03-16T16:30Z)",
      steps: ["2027-03-16T16:30Z 4/10 -> 0/10"],
      warnings: [],
    };
    const phases: [string, string, ReturnType<typeof at>][] = [
      [
        "before the lead",
        "2027-03-16T12:59:00Z",
        {
          now: "0/10",
          reason: "the idle floor: no exam under way",
          steps: ["2027-03-16T13:00Z 0/10 -> 4/10", "2027-03-16T16:30Z 4/10 -> 0/10"],
          warnings: [],
        },
      ],
      ["at the lead start", "2027-03-16T13:00:00Z", held],
      ["in the lead", "2027-03-16T13:30:00Z", held],
      ["during the exam", "2027-03-16T15:00:00Z", held],
      ["in the grace period", "2027-03-16T16:10:00Z", held],
      [
        "after the grace period",
        "2027-03-16T16:30:00Z",
        {
          now: "0/10",
          reason: "the idle floor: no exam under way",
          steps: [],
          warnings: [
            'exam window "cs101-midsem" ended at 2027-03-16T16:00Z and its 30 min grace before now (2027-03-16T16:30Z): skipped',
          ],
        },
      ],
    ];
    for (const [phase, now, expected] of phases) {
      it(`${phase} (${now})`, () => assert.deepEqual(at(now), expected));
    }
  });

  it("shows instants on a zone's clocks with the offset in force", () => {
    assert.equal(
      localMinute(new Date("2027-03-14T07:59:00Z"), "America/Chicago"),
      "2027-03-14 01:59 (UTC-06:00)",
    );
    assert.equal(
      localMinute(new Date("2027-03-14T08:00:00Z"), "America/Chicago"),
      "2027-03-14 03:00 (UTC-05:00)",
    );
    assert.equal(
      localMinute(new Date("2027-03-15T22:00:00Z"), "Australia/Sydney"),
      "2027-03-16 09:00 (UTC+11:00)",
    );
  });

  it("reads the runtime's IANA database, whose release it names", () => {
    assert.match(TZDB_VERSION, /^\d{4}[a-z]$/);
    assert.equal(TZDB_VERSION, process.versions.tz);
    assert.deepEqual(readTime("2027-02-29T09:00", "UTC"), {
      problem: `is not a date and time that exists on the calendar: write ${FORMAT}`,
    });
  });
});
