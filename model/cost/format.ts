/**
 * The estimate as text: totals, the line table, notes and assumptions. No Pulumi imports.
 */
import { fmt } from "./assumptions";
import { fmtHours } from "./months";
import { Borrowed, CostEstimate } from "./types";

/** `$1,234.56`; a credit (a free tier) `-$0.90`. */
export function usd(value: number): string {
  const text = Math.abs(value).toLocaleString("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${value < -0.005 ? "-" : ""}$${text}`;
}

/**
 * The estimate as text: the three totals; unless `summary`, a table of lines (each with what it
 * assumed on the line below), notes and assumptions; always what could not be priced.
 */
export function formatEstimate(
  e: CostEstimate,
  opts: { summary?: boolean; indent?: string } = {},
): string {
  const pad = opts.indent ?? "";
  const out: string[] = [
    `${pad}Monthly cost (${e.region}, ${e.hoursPerMonth} h a month${e.borrowed ? `; ${borrowedText(e.borrowed)}` : ""}): floor ${usd(e.floor)}, expected ${usd(e.expected)}, ceiling ${usd(e.ceiling)}`,
    `${pad}  expected: ${e.expectedBasis}`,
    ...(e.stagingSession ? [`${pad}  ${sessionText(e.stagingSession)}`] : []),
    `${pad}  per enrolled student: ${usd(e.perEnrolledStudent)} a month (expected / ${e.assumptions.enrolledStudents} enrolled, assumption enrolledStudents)`,
  ];
  const freeTier = e.notes.find((n) => n.startsWith("free tiers"));
  if (opts.summary && freeTier) out.push(`${pad}  ${freeTier}`);
  if (!opts.summary) {
    const rows = e.lines.map((l) => [
      `${l.resource}: ${l.item}`,
      `${fmtQty(l.quantity.expected)} ${l.unit}`,
      `${fmtPrice(l.unitPrice)}${l.assumedFrom ? "*" : ""}`,
      usd(l.monthly.floor),
      usd(l.monthly.expected),
      usd(l.monthly.ceiling),
    ]);
    const head = ["item", "quantity (expected)", "unit price", "floor", "expected", "ceiling"];
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
    const fmt = (r: string[]) =>
      `${pad}  ${r.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ")}`;
    out.push(fmt(head));
    e.lines.forEach((l, n) => {
      out.push(fmt(rows[n]));
      if (l.assumed) out.push(`${pad}      ${l.assumed}`);
    });
  }
  for (const u of e.unpriced) out.push(`${pad}  not priced: ${u}`);
  if (!opts.summary) {
    for (const n of e.notes) out.push(`${pad}  note: ${n}`);
    const assumed = Object.entries(e.assumptions)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    out.push(`${pad}  assumptions: ${assumed}`);
  }
  return out.join("\n");
}

/**
 * `this session: staging is on until 2026-12-05T18:00Z (4 h from now): $0.98 more than staying
 * off; expected already counts 10 h a month of staging (assumption stagingActiveHoursPerMonth)`
 */
export function sessionText(s: NonNullable<CostEstimate["stagingSession"]>): string {
  const month =
    s.hours > s.assumedHours
      ? `expected counts these ${fmtHours(s.hours)} in place of the ${fmtHours(s.assumedHours)} a month assumed (stagingActiveHoursPerMonth)`
      : `expected already counts ${fmtHours(s.assumedHours)} a month of staging (assumption stagingActiveHoursPerMonth)`;
  return `this session: staging is on until ${s.until.slice(0, 16)}Z (${fmtHours(s.hours)} from now): ${usd(s.usd)} more than staying off; ${month}`;
}

/** `11 of 25 priced lines at us-east-1's prices, marked *`: what a headline says of them. */
export function borrowedText(b: Borrowed): string {
  return `${b.lines} of ${b.of} priced line${b.of === 1 ? "" : "s"} at ${b.from}'s prices, marked *`;
}

/** The note an estimate carries when it has lines at another region's prices: what, in words. */
export function borrowedNote(region: string, b: Borrowed): string {
  return `no ${region} source was found for ${b.items.join(", ")}: those prices are assumed equal to ${b.from}'s (marked *)`;
}

/** A quantity: whole numbers as they are, others to two decimals. */
export function fmtQty(q: number): string {
  return Number.isInteger(q) ? String(q) : q.toFixed(2);
}

/** A unit price to four significant digits, and at least cents: `$0.04048`, `$0.20`, `$3.00`. */
export function fmtPrice(p: number): string {
  const text = String(Number(p.toPrecision(4)));
  const decimals = text.split(".")[1]?.length ?? 0;
  return `$${decimals < 2 ? p.toFixed(2) : text}`;
}
