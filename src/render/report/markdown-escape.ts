/**
 * Escapes text from AWS (tags, names, ids) and rule output for GitHub-flavoured Markdown, so a
 * tag value cannot open a link, an image, emphasis or HTML, or split a table cell with `|`.
 * `<`, `>` and `&` become entities (GitHub's sanitiser would otherwise see raw HTML); the
 * Markdown punctuation that can start inline syntax gets a backslash; newlines become spaces.
 */
const PUNCTUATION = /[\\`*_[\]|~$#]/g;

export function mdText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(PUNCTUATION, (c) => `\\${c}`);
}

/** A table cell: escaped, and clipped so one long tag cannot eat the comment budget. */
export function mdCell(text: string, max = 240): string {
  const clipped = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return mdText(clipped);
}

/** Inline code for ids: backticks cannot be escaped inside a code span, so ids with one fall back to text. */
export function mdCode(text: string): string {
  if (/[`\r\n]/.test(text)) return mdText(text);
  return `\`${text.replace(/\|/g, '\\|')}\``;
}
