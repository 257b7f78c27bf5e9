/**
 * Whether to colour what goes to `stream`: a terminal that is not dumb, and no NO_COLOR
 * (no-color.org: present and not empty turns colour off; FORCE_COLOR does not override it).
 * One rule for the table and the progress display.
 */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  return stream.isTTY === true && env['TERM'] !== 'dumb' && !noColor;
}
