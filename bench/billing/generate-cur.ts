/**
 * A synthetic CUR 2.0 Parquet file for the spend benchmark: N line items (default 10 million)
 * over 90 days, 20 services, 12 teams, 2,000 resources, a realistic mix of on-demand, spot,
 * Savings Plan and RI lines. DuckDB writes it in seconds. Output goes to bench/out/ (gitignored).
 * Usage: npx tsx bench/billing/generate-cur.ts [rows] [file]
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const rows = Number(process.argv[2] ?? 10_000_000);
const file = process.argv[3] ?? join(import.meta.dirname, '..', 'out', 'cur-10m.parquet');
mkdirSync(dirname(file), { recursive: true });

const SERVICES = [
  'AmazonEC2',
  'AmazonS3',
  'AmazonSageMaker',
  'AmazonRDS',
  'AWSLambda',
  'AmazonCloudWatch',
  'AmazonEKS',
  'AmazonECR',
  'AmazonDynamoDB',
  'AmazonVPC',
  'AmazonEFS',
  'AmazonFSx',
  'AWSGlue',
  'AmazonAthena',
  'AmazonKinesis',
  'AmazonSNS',
  'AmazonSQS',
  'AWSDataTransfer',
  'AmazonRoute53',
  'AWSBackup',
];
const TYPES = ['g5.xlarge', 'g5.12xlarge', 'p4d.24xlarge', 'p5.48xlarge', 'g4dn.xlarge', 'm5.xlarge', 'c6i.4xlarge', 'r6i.2xlarge'];
const list = (xs: string[]): string => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const started = Date.now();
await c.run(`COPY (
  SELECT
    'li-' || i AS identity_line_item_id,
    TIMESTAMP '2026-08-01 00:00:00' + INTERVAL (i % 2160) HOUR AS line_item_usage_start_date,
    lpad(CAST(100000000000 + (i % 40) AS VARCHAR), 12, '0') AS line_item_usage_account_id,
    CASE WHEN i % 10 = 0 THEN 'SavingsPlanCoveredUsage' WHEN i % 10 = 1 THEN 'SavingsPlanNegation' WHEN i % 25 = 2 THEN 'DiscountedUsage' ELSE 'Usage' END AS line_item_line_item_type,
    ${list(SERVICES)}[1 + (i % 20)] AS line_item_product_code,
    CASE WHEN i % 20 = 0 THEN 'USE1-' || CASE WHEN i % 7 = 0 THEN 'SpotUsage:' ELSE 'BoxUsage:' END || ${list(TYPES)}[1 + (i % 8)] ELSE 'USE1-Requests-Tier1' END AS line_item_usage_type,
    'i-' || lpad(CAST(i % 2000 AS VARCHAR), 17, '0') AS line_item_resource_id,
    1.0 AS line_item_usage_amount,
    (i % 1000) / 100.0 AS line_item_unblended_cost,
    ['us-east-1', 'us-west-2', 'eu-west-1'][1 + (i % 3)] AS product_region_code,
    CASE WHEN i % 20 = 0 THEN ${list(TYPES)}[1 + (i % 8)] ELSE '' END AS product_instance_type,
    (i % 1000) / 80.0 AS pricing_public_on_demand_cost,
    (i % 1000) / 140.0 AS reservation_effective_cost,
    0.0 AS reservation_unused_amortized_upfront_fee_for_billing_period,
    0.0 AS reservation_unused_recurring_fee,
    '' AS reservation_reservation_a_r_n,
    (i % 1000) / 150.0 AS savings_plan_savings_plan_effective_cost,
    0.0 AS savings_plan_total_commitment_to_date,
    0.0 AS savings_plan_used_commitment,
    MAP {'user_team': 'team-' || (i % 12), 'user_project': 'p' || (i % 30)} AS resource_tags
  FROM range(${rows}) t(i)
) TO '${file}' (FORMAT PARQUET, ROW_GROUP_SIZE 1000000)`);
c.closeSync();
db.closeSync();
process.stdout.write(`wrote ${rows.toLocaleString('en-US')} CUR 2.0 line items to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
