/**
 * Whether to colour what goes to `stream`. One rule for the table and the progress display:
 * - NO_COLOR present and not empty turns colour off, whatever else is set (no-color.org: the user's opt-out wins);
 * - FORCE_COLOR present and not empty forces it on, even into a pipe, a file or TERM=dumb (force-color.org),
 *   except FORCE_COLOR=0 or false, which turns it off (the convention of Node and chalk);
 * - otherwise colour only on a terminal that is not dumb.
 */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (isSet(env['NO_COLOR'])) return false;
  const force = env['FORCE_COLOR'];
  if (isSet(force)) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
