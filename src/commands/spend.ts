import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { awsAccessFlags } from '../cli/aws-flags.js';
import { chosenFormat, configFlag, jsonFlag, outputFlag } from '../cli/flags.js';
import type { AthenaSettings } from '../billing/athena-engine.js';
import { DIMENSIONS, type Dimension } from '../billing/model.js';
import { parseLast } from '../billing/period.js';
import { SPEND_FORMATS, SPEND_RENDERERS } from '../billing/render/index.js';
import type { SpendReport } from '../billing/report.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { UserError } from '../errors.js';
import { readSnapshot } from '../snapshot/io.js';

export default class Spend extends BaseCommand {
  static override description =
    'What was actually spent: CUR 2.0 or FOCUS exports (Parquet, CSV, CSV.gz; local or s3://) through embedded DuckDB or Athena, or Cost Explorer — by service, team, account, region, instance type or resource, with week-over-week and month-over-month deltas, top movers and a GPU line.';

  static override examples = [
    '<%= config.bin %> spend --source cur ./exports/*.parquet --by service,team --last 30d',
    '<%= config.bin %> spend --source focus s3://bucket/focus/ --by account --json',
    '<%= config.bin %> spend --source cost-explorer --by service --last 8w',
    '<%= config.bin %> spend --source cur --engine athena --database cur --table cur2 --workgroup finops',
    '<%= config.bin %> spend --source cur ./exports/ --by instance-type --snapshot snapshot.json',
  ];

  static override strict = false;

  static override flags = {
    source: Flags.string({ description: 'Where the billing data comes from.', options: ['cur', 'focus', 'cost-explorer'], required: true }),
    by: Flags.string({ description: `Comma-separated dimensions to group by: ${DIMENSIONS.join(', ')}.`, default: 'service' }),
    last: Flags.string({ description: 'Window ending where the data ends, e.g. 30d or 8w (default: the whole period the source holds).' }),
    'tag-key': Flags.string({ description: "Tag that names a team for --by team (default: the config's teamTags)." }),
    engine: Flags.string({ description: 'Where CUR/FOCUS queries run.', options: ['duckdb', 'athena'], default: 'duckdb' }),
    database: Flags.string({ description: 'Athena database (default: billing.athena.database).' }),
    table: Flags.string({ description: 'Athena table (default: billing.athena.table).' }),
    workgroup: Flags.string({ description: 'Athena workgroup (default: billing.athena.workgroup).' }),
    'output-location': Flags.string({ description: 'Athena query results location, s3://… (default: billing.athena.outputLocation or the workgroup’s).' }),
    output: outputFlag(SPEND_FORMATS, 'table'),
    json: jsonFlag,
    snapshot: Flags.string({ description: 'Snapshot with GPU utilisation, for the idle share of GPU hours.' }),
    cache: Flags.boolean({ description: 'Reuse Cost Explorer pages fetched in the last 6 hours.', default: true, allowNo: true }),
    ...awsAccessFlags,
    region: Flags.string({
      description: 'AWS region for Athena and S3 (default: billing.athena.region, else AWS_REGION or the profile region).',
      helpGroup: 'AWS',
    }),
    config: configFlag,
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Spend);
    const paths = argv.map(String);
    const { config } = await loadConfig(flags.config);
    const by = parseBy(flags.by);
    const lastDays = flags.last !== undefined ? parseLast(flags.last) : undefined;
    const teamKeys = flags['tag-key'] !== undefined ? [flags['tag-key']] : config.teamTags;
    const region = flags.region ?? config.billing?.athena.region;
    const aws = {
      ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
      ...(region !== undefined ? { region } : {}),
      ...(flags['endpoint-url'] !== undefined ? { endpointUrl: flags['endpoint-url'] } : {}),
    };
    const snapshot = flags.snapshot !== undefined ? await readSnapshot(flags.snapshot) : undefined;
    const notify = (line: string): void => {
      this.stderr.info(line);
    };
    const common = { by, ...(lastDays !== undefined ? { lastDays } : {}), aws, ...(snapshot ? { snapshot } : {}), now: new Date(), notify };
    let report: SpendReport;
    // Each source loads its engine (the AWS SDK, DuckDB) only when it is the one asked for.
    if (flags.source === 'cost-explorer') {
      if (paths.length > 0) throw new UserError('--source cost-explorer reads from the Cost Explorer API; drop the file paths');
      const { costExplorerSpendReport } = await import('../billing/costexplorer-spend.js');
      const { defaultCacheDir } = await import('../billing/costexplorer.js');
      report = await costExplorerSpendReport({ ...common, teamKey: teamKeys[0] ?? 'team', ...(flags.cache ? { cacheDir: defaultCacheDir() } : {}) });
    } else {
      const engine = flags.engine === 'athena' ? 'athena' : 'duckdb';
      const athena = engine === 'athena' ? athenaSettings(flags, config) : undefined;
      const { fileSpendReport } = await import('../billing/file-spend.js');
      report = await fileSpendReport({ ...common, source: flags.source === 'focus' ? 'focus' : 'cur', paths, engine, teamKeys, ...(athena ? { athena } : {}) });
    }
    await this.emit(SPEND_RENDERERS[chosenFormat(flags)](report));
  }
}

function parseBy(text: string): Dimension[] {
  const dims = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const d of dims) {
    if (!(DIMENSIONS as readonly string[]).includes(d)) throw new UserError(`--by ${d}: unknown dimension (choose from ${DIMENSIONS.join(', ')})`);
  }
  if (new Set(dims).size !== dims.length) throw new UserError(`--by ${text}: a dimension is named twice`);
  return dims as Dimension[];
}

function athenaSettings(f: { database?: string; table?: string; workgroup?: string; 'output-location'?: string }, config: Config): AthenaSettings {
  const c = config.billing?.athena ?? {};
  const database = f.database ?? c.database;
  const table = f.table ?? c.table;
  if (database === undefined || table === undefined)
    throw new UserError('--engine athena needs --database and --table (or billing.athena.database and .table in mlcost.config.yaml)');
  const workgroup = f.workgroup ?? c.workgroup;
  const outputLocation = f['output-location'] ?? c.outputLocation;
  if (outputLocation !== undefined && !outputLocation.startsWith('s3://')) throw new UserError(`--output-location ${outputLocation}: expected an s3:// URL`);
  return { database, table, ...(workgroup !== undefined ? { workgroup } : {}), ...(outputLocation !== undefined ? { outputLocation } : {}) };
}
