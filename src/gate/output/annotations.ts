import { cleanText } from '../../text/sanitize.js';
import type { Verdict } from '../verdict.js';

/**
 * GitHub Actions error annotations, one per broken budget, pointing at its line in the budget
 * file. Only under GitHub Actions (GITHUB_ACTIONS=true): elsewhere `::error` is noise in a log.
 */
export function githubAnnotations(verdict: Verdict, env: NodeJS.ProcessEnv): string[] {
  if (env['GITHUB_ACTIONS'] !== 'true') return [];
  return verdict.checks
    .filter((c) => c.status === 'fail')
    .map((c) => {
      const props = [
        ...(c.source.file !== undefined ? [`file=${property(c.source.file)}`] : []),
        ...(c.source.line !== undefined ? [`line=${c.source.line}`] : []),
        `title=${property(`mlcost budget broken: ${c.name}`)}`,
      ];
      return `::error ${props.join(',')}::${data(c.message)}`;
    });
}

/**
 * Workflow-command escaping as @actions/core does it, after the one cleaning step: no escape
 * sequences reach the CI log, and line breaks are already flattened, so `%` is all left to escape.
 */
function data(text: string): string {
  return cleanText(text, 1000).replace(/%/g, '%25');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
