import { expect } from 'vitest';

/**
 * What no text output may carry, whatever went in: control characters (a line break is the
 * renderer's own), bidi overrides and isolates, a GitHub Actions workflow command (`::` at a line
 * start after whitespace, or `##[` anywhere, default-ignorable characters allowed between the marks
 * as the runner allows them), and in Markdown a live `@mention`.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const LINE_COMMAND = /^[\s\p{Default_Ignorable_Code_Point}]*:\p{Default_Ignorable_Code_Point}*:/mu;
const LEGACY_COMMAND = /#\p{Default_Ignorable_Code_Point}*#\p{Default_Ignorable_Code_Point}*\[/u;
const MENTION = /(?:^|[^\p{L}\p{N}_])@[A-Za-z0-9]/mu;

export function inertProblems(output: string, opts: { markdown?: boolean } = {}): string[] {
  const problems: string[] = [];
  const control = CONTROL.exec(output);
  if (control) problems.push(`control character U+${control[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${control.index}`);
  const line = LINE_COMMAND.exec(output);
  if (line) problems.push(`workflow command at a line start: ${JSON.stringify(output.slice(line.index, line.index + 40))}`);
  const legacy = LEGACY_COMMAND.exec(output);
  if (legacy) problems.push(`legacy workflow command: ${JSON.stringify(output.slice(legacy.index, legacy.index + 40))}`);
  if (opts.markdown) {
    const mention = MENTION.exec(output);
    if (mention) problems.push(`live mention: ${JSON.stringify(output.slice(mention.index, mention.index + 40))}`);
  }
  return problems;
}

export function expectInert(output: string, opts: { markdown?: boolean } = {}): void {
  expect(inertProblems(output, opts)).toEqual([]);
}
