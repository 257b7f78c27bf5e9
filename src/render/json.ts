import type { AuditResult } from '../engine/result.js';
import { jsonChunks, type JsonLayout } from '../json-layout.js';
import type { Renderer } from './types.js';

/**
 * The small parts indented as people read them, then one finding per line: a 100,000-resource
 * audit streams out without becoming one string, and a diff of two results shows whole findings.
 */
const AUDIT_RESULT_LAYOUT: JsonLayout = { members: 'indented', keys: { findings: 'items' } };

const resultChunks = (result: AuditResult): Iterable<string> => jsonChunks(result, AUDIT_RESULT_LAYOUT);

export const renderJson: Renderer = Object.assign((result: AuditResult) => Array.from(resultChunks(result)).join(''), {
  chunks: resultChunks,
});
