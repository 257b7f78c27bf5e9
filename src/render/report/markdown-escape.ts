import { cleanText, neutraliseMentions } from '../../text/sanitize.js';

/**
 * Escapes text from AWS (tags, names, ids) and rule output for GitHub-flavoured Markdown, so a
 * tag value cannot open a link, an image, emphasis or HTML, split a table cell with `|`, or ping
 * anyone. It is first cleaned (src/text/sanitize.ts: one line, no control or bidi characters, no
 * workflow command); `<`, `>` and `&` become entities (GitHub's sanitiser would otherwise see raw
 * HTML); the Markdown punctuation that can start inline syntax gets a backslash.
 */
const PUNCTUATION = /[\\`*_[\]|~$#]/g;

export function mdText(text: string, max?: number): string {
  return neutraliseMentions(
    cleanText(text, max)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(PUNCTUATION, (c) => `\\${c}`),
  );
}

/** A table cell: escaped, and clipped so one long tag cannot eat the comment budget. */
export function mdCell(text: string, max = 240): string {
  return mdText(text, max);
}

/**
 * Inline code for ids: backticks cannot be escaped inside a code span, so ids with one fall back to
 * text. GitHub links no mention inside code, but a cut or merged span would, so mentions are broken here too.
 */
export function mdCode(text: string, max = 240): string {
  const clean = cleanText(text, max);
  if (clean.includes('`')) return mdText(clean);
  return `\`${neutraliseMentions(clean.replace(/\|/g, '\\|'))}\``;
}
