import type { Finding } from '../engine/result.js';
import { capacityText } from './report/capacity.js';
import { csvAmount, csvRow, csvText } from './report/csv-cell.js';
import type { Renderer } from './types.js';

/**
 * One row per finding, RFC 4180 (CRLF, quoted where needed). The columns are a public contract:
 * add new ones at the end, never rename or reorder, so spreadsheets and scripts keep working.
 */
export const CSV_COLUMNS: readonly { name: string; cell: (f: Finding) => string }[] = [
  { name: 'id', cell: (f) => csvText(f.id) },
  { name: 'rule_id', cell: (f) => csvText(f.ruleId) },
  { name: 'title', cell: (f) => csvText(f.title) },
  { name: 'severity', cell: (f) => f.severity },
  { name: 'category', cell: (f) => f.category },
  { name: 'confidence', cell: (f) => f.confidence },
  { name: 'account_id', cell: (f) => csvText(f.resource.accountId) },
  { name: 'region', cell: (f) => csvText(f.resource.region) },
  { name: 'resource_type', cell: (f) => f.resource.type },
  { name: 'resource_id', cell: (f) => csvText(f.resource.id) },
  { name: 'resource_name', cell: (f) => csvText(f.resource.name) },
  { name: 'team', cell: (f) => csvText(f.resource.team) },
  { name: 'tags_json', cell: (f) => csvText(Object.keys(f.resource.tags).length ? JSON.stringify(f.resource.tags) : undefined) },
  { name: 'problem', cell: (f) => csvText(f.problem) },
  { name: 'action', cell: (f) => f.action.kind },
  { name: 'action_from', cell: (f) => csvText(f.action.from) },
  { name: 'action_to', cell: (f) => csvText(f.action.to) },
  { name: 'action_description', cell: (f) => csvText(f.action.description) },
  { name: 'monthly_cost_usd', cell: (f) => csvAmount(f.monthlyCost) },
  { name: 'monthly_savings_usd', cell: (f) => csvAmount(f.monthlySavings) },
  { name: 'performance_risk', cell: (f) => f.tradeoff.performanceRisk },
  { name: 'tradeoff', cell: (f) => csvText(f.tradeoff.summary) },
  { name: 'capacity_before', cell: (f) => csvText(f.tradeoff.before && capacityText(f.tradeoff.before)) },
  { name: 'capacity_after', cell: (f) => csvText(f.tradeoff.after && capacityText(f.tradeoff.after)) },
  { name: 'pricing_method', cell: (f) => csvText(f.pricing.method) },
];

export const renderCsv: Renderer = (result) =>
  csvRow(CSV_COLUMNS.map((c) => c.name)) + result.findings.map((f) => csvRow(CSV_COLUMNS.map((c) => c.cell(f)))).join('');
