/** Generated sections of README.md: the text between two marker comments. */

/**
 * `readme` with the text between `start` and `end` replaced by `body` (on lines of its own);
 * an error naming the markers when the README lacks them.
 */
export function replaceBetween(readme: string, start: string, end: string, body: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) {
    throw new Error(`README.md has no ${start} ... ${end} markers to write between`);
  }
  return `${readme.slice(0, from + start.length)}\n${body}\n${readme.slice(to)}`;
}
