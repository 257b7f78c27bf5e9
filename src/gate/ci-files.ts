import { appendFile } from 'node:fs/promises';
import { UserError, errorMessage } from '../errors.js';
import { writeFileChunks } from '../write-chunks.js';
import { renderGateJunit } from './output/junit.js';
import { renderGateMarkdown } from './output/markdown.js';
import type { Verdict } from './verdict.js';

export interface CiFileOptions {
  summary?: string;
  junit?: string;
  /** Set by GitHub Actions; the Markdown summary is appended so it shows on the run page. */
  githubStepSummary?: string;
}

/** Writes the files CI systems read: Markdown summary, JUnit XML, and GitHub's step summary. */
export async function writeCiFiles(verdict: Verdict, opts: CiFileOptions): Promise<void> {
  const markdown = renderGateMarkdown(verdict);
  if (opts.summary !== undefined) await write(opts.summary, markdown, 'summary');
  if (opts.junit !== undefined) await write(opts.junit, renderGateJunit(verdict), 'JUnit report');
  if (opts.githubStepSummary) {
    try {
      await appendFile(opts.githubStepSummary, `${markdown}\n`);
    } catch (err) {
      throw new UserError(`${opts.githubStepSummary}: cannot append to $GITHUB_STEP_SUMMARY (${errorMessage(err)})`);
    }
  }
}

async function write(file: string, text: string, what: string): Promise<void> {
  try {
    await writeFileChunks(file, [text]);
  } catch (err) {
    throw new UserError(`${file}: cannot write ${what} (${errorMessage(err)})`);
  }
}
