/**
 * The one sanitising step for untrusted text (tag values, names, ids, user rule text, warning
 * messages carrying them) on its way to a terminal, a CI log, a plain-text email or Markdown.
 * HTML and CSV escape for their own syntax and keep full values; JSON keeps everything.
 */
/* eslint-disable no-control-regex -- finding control characters is what this file is for */

/** Escape sequences removed whole, so no fragment of a colour, title or OSC 8 link is left to read as text. */
const ESCAPE_SEQUENCES = [
  // CSI (ESC [ or C1 0x9B): cursor moves, clear screen, colours.
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]/g,
  // OSC, DCS, SOS, PM, APC strings (window titles, OSC 8 links) with their terminator: BEL, ESC \ or C1 ST.
  /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)/g,
  // Two- and three-byte escapes: ESC c (reset), ESC 7, ESC ( B.
  /\u001b[ -/]*[0-~]/g,
];

/** Line breaks of every kind, tab included: one field stays on one line and in its table cell. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/** C0, DEL and C1 controls, and the bidi overrides and isolates that reorder what a reader sees (Trojan Source). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Anything the first passes of cleanText change: controls, separators, bidi controls, surrogates. */
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** Half of a surrogate pair alone is not text; terminals print it as U+FFFD anyway. */
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * GitHub Actions runs `::command::` at the start of a line (after TrimStart) and the legacy
 * `##[command]` anywhere in one. The runner matches culture-sensitively, which skips
 * default-ignorable characters, so those are allowed between the marks here too.
 */
const IGNORABLE = '\\p{Default_Ignorable_Code_Point}';
const LEGACY_COMMAND = new RegExp(`#([${IGNORABLE}]*)#([${IGNORABLE}]*)\\[`, 'gu');
const LINE_COMMAND = new RegExp(`^([\\s${IGNORABLE}]*):([${IGNORABLE}]*):`, 'u');

export const ELLIPSIS = '…';

/**
 * One line of plain, inert text: escape sequences and control and bidi characters removed, line
 * breaks flattened to a space, workflow commands broken with a visible backslash, and, with `max`,
 * at most `max` UTF-16 units ending in an ellipsis.
 */
export function cleanText(text: string, max?: number): string {
  let out = text;
  // Most text has nothing to clean: one scan decides, so a 10,000-finding report stays fast.
  if (NEEDS_CLEANING.test(out)) {
    for (const sequence of ESCAPE_SEQUENCES) out = out.replace(sequence, '');
    out = out.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').replace(LONE_SURROGATES, '\ufffd');
  }
  if (out.includes('#') || out.includes(':')) out = out.replace(LEGACY_COMMAND, '#$1#$2\\[').replace(LINE_COMMAND, '$1:$2\\:');
  return max === undefined ? out : truncate(out, max);
}

/** At most `max` UTF-16 units, the last one an ellipsis when anything was cut; never half a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  if (cut > 0 && /[\ud800-\udbff]/.test(text.charAt(cut - 1))) cut--;
  return `${text.slice(0, cut)}${ELLIPSIS}`;
}

/** A multi-line text whose every line is cleaned as one line: for outputs that quote user files (rule text). */
export function cleanLines(text: string): string {
  return text
    .split('\n')
    .map((line) => cleanText(line))
    .join('\n');
}

/**
 * A whole text output made safe for a CI log, line by line: the last guard in case two clean
 * fields meet at a line start. Lines the renderers write themselves never start with `::`.
 */
export function guardCommandLines(output: string): string {
  if (!output.includes(':') && !output.includes('#')) return output;
  return output
    .split('\n')
    .map((line) => line.replace(LEGACY_COMMAND, '#$1#$2\\[').replace(LINE_COMMAND, '$1:$2\\:'))
    .join('\n');
}

/**
 * `@user` and `@org/team` stay text in GitHub Markdown: GitHub links a mention only when an
 * letter or digit follows the `@` directly, and a WORD JOINER (U+2060, invisible, no line break,
 * not a control) between them is kept by its sanitiser. A backslash would not do: `\@` renders `@`.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=[\p{L}\p{N}])/gu, '@\u2060');
}
