import { GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand, type AthenaClient, type QueryExecution } from '@aws-sdk/client-athena';
import { UserError } from '../errors.js';
import { awsErrorLine } from './aws-error.js';
import { ATHENA, ident, literal } from './dialect.js';
import type { BillingEngine, SqlRow } from './engine.js';
import type { SourceMapping } from './mapping/types.js';
import { SourceSchema } from './source-schema.js';
import type { QueryTarget } from './sql.js';

export interface AthenaSettings {
  database: string;
  table: string;
  workgroup?: string;
  /** s3:// location for results; optional when the workgroup sets one. */
  outputLocation?: string;
}

export interface AthenaRunOptions {
  /** First wait between status polls; doubles up to maxPollMs. */
  pollMs?: number;
  maxPollMs?: number;
  timeoutMs?: number;
  /** Told about every finished query: bytes scanned and what Athena charges for them. */
  onQuery?: (q: AthenaQueryStats) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface AthenaQueryStats {
  id: string;
  purpose: string;
  bytesScanned: number;
  costUsd: number;
  polls: number;
}

/** Athena SQL pricing: $5 per TB scanned, at least 10 MB per query (us-east-1 list price). */
export const ATHENA_USD_PER_TB = 5;
const MIN_BYTES = 10 * 1024 * 1024;

export function athenaQueryCost(bytes: number): number {
  return (Math.max(bytes, MIN_BYTES) / 1024 ** 4) * ATHENA_USD_PER_TB;
}

/**
 * The organisation's CUR or FOCUS table in Athena. The table's columns are read from
 * information_schema first, so a missing column is the same clear error as with a local file.
 */
export async function openAthena(client: AthenaClient, s: AthenaSettings, mapping: SourceMapping, o: AthenaRunOptions = {}): Promise<BillingEngine> {
  const runner = new AthenaRunner(client, s, o);
  const rows = await runner.run(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ${literal(s.database.toLowerCase())} AND table_name = ${literal(s.table.toLowerCase())}`,
    'the table schema',
  );
  const where = `${s.database}.${s.table}`;
  if (rows.length === 0) throw new UserError(`Athena table ${where} not found (check --database and --table, or billing.athena in mlcost.config.yaml)`);
  const columns = rows.map((r) => ({ name: String(r['column_name'] ?? ''), type: String(r['data_type'] ?? '') }));
  const target: QueryTarget = {
    table: `${ident(s.database)}.${ident(s.table)}`,
    dialect: ATHENA,
    schema: new SourceSchema(columns, `Athena ${where}`, mapping.columnAliases),
    mapping,
  };
  return {
    target,
    run: (sql, purpose) => runner.run(sql, purpose),
    close: () => {
      client.destroy();
      return Promise.resolve();
    },
  };
}

export class AthenaRunner {
  constructor(
    private readonly client: AthenaClient,
    private readonly s: AthenaSettings,
    private readonly o: AthenaRunOptions = {},
  ) {}

  async run(sql: string, purpose: string): Promise<SqlRow[]> {
    const id = await this.call(purpose, async () => {
      const out = await this.client.send(
        new StartQueryExecutionCommand({
          QueryString: sql,
          QueryExecutionContext: { Database: this.s.database },
          ...(this.s.workgroup !== undefined ? { WorkGroup: this.s.workgroup } : {}),
          ...(this.s.outputLocation !== undefined ? { ResultConfiguration: { OutputLocation: this.s.outputLocation } } : {}),
        }),
      );
      if (!out.QueryExecutionId) throw new Error('StartQueryExecution returned no QueryExecutionId');
      return out.QueryExecutionId;
    });
    const { execution, polls } = await this.wait(id, purpose);
    const bytes = execution.Statistics?.DataScannedInBytes ?? 0;
    this.o.onQuery?.({ id, purpose, bytesScanned: bytes, costUsd: athenaQueryCost(bytes), polls });
    return this.results(id, purpose);
  }

  /** Polls with exponential backoff: quick queries return fast, long ones are not hammered. */
  private async wait(id: string, purpose: string): Promise<{ execution: QueryExecution; polls: number }> {
    const sleep = this.o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const deadline = Date.now() + (this.o.timeoutMs ?? 30 * 60_000);
    let delay = this.o.pollMs ?? 250;
    for (let polls = 1; ; polls++) {
      const out = await this.call(purpose, () => this.client.send(new GetQueryExecutionCommand({ QueryExecutionId: id })));
      const execution = out.QueryExecution;
      const state = execution?.Status?.State;
      if (execution && state === 'SUCCEEDED') return { execution, polls };
      if (state === 'FAILED' || state === 'CANCELLED') {
        const reason = execution?.Status?.StateChangeReason ?? execution?.Status?.AthenaError?.ErrorMessage ?? 'no reason given';
        throw new UserError(`Athena query for ${purpose} ${state.toLowerCase()} (${id}): ${reason}`);
      }
      if (Date.now() > deadline)
        throw new UserError(`Athena query for ${purpose} still ${state ?? 'pending'} after the timeout (${id}); it keeps running in Athena`);
      await sleep(delay);
      delay = Math.min(delay * 2, this.o.maxPollMs ?? 5_000);
    }
  }

  /** Pages through GetQueryResults; the first row of the first page is the header. */
  private async results(id: string, purpose: string): Promise<SqlRow[]> {
    const rows: SqlRow[] = [];
    let names: string[] | undefined;
    let token: string | undefined;
    let first = true;
    do {
      const out = await this.call(purpose, () =>
        this.client.send(new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: 1000, ...(token ? { NextToken: token } : {}) })),
      );
      names ??= (out.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => c.Name ?? '');
      const data = out.ResultSet?.Rows ?? [];
      for (const [i, row] of data.entries()) {
        const values = (row.Data ?? []).map((d) => d.VarCharValue ?? null);
        if (first && i === 0) {
          // Without column metadata, the header row is the only source of names.
          if (names.length === 0) names = values.map((v) => v ?? '');
          continue;
        }
        rows.push(Object.fromEntries(names.map((n, j) => [n, values[j] ?? null])));
      }
      first = false;
      token = out.NextToken;
    } while (token);
    return rows;
  }

  private async call<T>(purpose: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`Athena (${purpose}): ${awsErrorLine(err)}`);
    }
  }
}
