import { formatUsd } from '../../money.js';
import type { BudgetCheck, Verdict } from '../verdict.js';
import { checkCounts } from './wording.js';

/**
 * JUnit XML for GitLab and Jenkins test reports: one test case per budget check, a broken
 * budget as a failure (message = the one-line reason, body = the findings responsible).
 */
export function renderGateJunit(verdict: Verdict): string {
  const { total, failed, skipped } = checkCounts(verdict.checks);
  const suite = `mlcost budget${verdict.budgetFile ? ` (${verdict.budgetFile})` : ''}`;
  const counts = `tests="${total}" failures="${failed}" errors="0" skipped="${skipped}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mlcost gate" ${counts}>`,
    `  <testsuite name="${xml(suite)}" ${counts}>`,
    ...verdict.checks.flatMap(testCase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(c: BudgetCheck): string[] {
  const where = c.source.file !== undefined ? ` file="${xml(c.source.file)}"${c.source.line ? ` line="${c.source.line}"` : ''}` : '';
  const open = `    <testcase classname="mlcost.gate.${xml(c.id.split('.')[0] ?? c.id)}" name="${xml(`${c.id}: ${c.name}`)}"${where}>`;
  if (c.status === 'pass') return [`${open.slice(0, -1)}/>`];
  if (c.status === 'skip') return [open, `      <skipped message="${xml(c.message)}"/>`, '    </testcase>'];
  const body = [`${c.message} (${c.source.label})`, ...c.findings.map((f) => `${f.id} ${f.severity} ${formatUsd(f.monthlySavings)}/month`)];
  return [open, `      <failure message="${xml(c.message)}" type="budget">${xml(body.join('\n'))}</failure>`, '    </testcase>'];
}

/** Escapes XML text and attributes; drops the control characters XML 1.0 cannot carry. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
