/** How a group with no value is named wherever findings or spend are grouped: tables, charts, gate messages. */
export const UNTAGGED = '(untagged)';
export const NO_VALUE = '(none)';

/** The team a finding or cost is grouped under: its team tag, or UNTAGGED. */
export function teamLabel(team: string | null | undefined): string {
  return team ?? UNTAGGED;
}
