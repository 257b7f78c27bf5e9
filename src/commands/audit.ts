import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { awsFlags, refuseLiveOnlyFlags, type AwsFlagValues } from '../cli/aws-flags.js';
import { wantsColor } from '../cli/color.js';
import { chosenFormat, configFlag, jsonFlag, outFlag, outputFlag, rulesFlag } from '../cli/flags.js';
import { checkOutWritable } from '../cli/out-file.js';
import { outputWidth } from '../cli/width.js';
import { loadConfig } from '../config/load.js';
import { ExitCode } from '../errors.js';
import { applyBilledRates } from '../engine/billed-rates.js';
import { evaluate } from '../engine/evaluate.js';
import { failOnSeverity } from '../gate/severity.js';
import { filterFindings } from '../engine/filter.js';
import { SEVERITIES, type AuditResult, type Severity } from '../engine/result.js';
import { loadRules } from '../engine/rules/load.js';
import { OUTPUT_FORMATS, renderChunks } from '../render/index.js';
import { readDemoSnapshot } from '../snapshot/demo.js';
import type { Snapshot } from '../snapshot/schema.js';

export { DEMO_SNAPSHOT } from '../snapshot/demo.js';

export default class Audit extends BaseCommand {
  static override description = 'Find waste in AWS (read-only), a saved Snapshot or the demo, and price every fix.';

  static override exitCodes = [ExitCode.ok, ExitCode.gateFailed, ExitCode.usage, ExitCode.partialData, ExitCode.internal];

  static override examples = [
    '<%= config.bin %> audit --demo',
    '<%= config.bin %> audit --regions us-east-1,us-west-2 --lookback 30d',
    '<%= config.bin %> audit --snapshot snapshot.json --json > audit.json',
    '<%= config.bin %> audit --demo --severity high --min-savings 100',
    '<%= config.bin %> audit --regions us-east-1 --quiet --out audit.html --output html',
  ];

  static override flags = {
    ...awsFlags,
    demo: Flags.boolean({
      description: 'Audit the embedded demo Snapshot (no AWS account needed); the live-read AWS flags are refused.',
      exclusive: ['snapshot'],
    }),
    snapshot: Flags.string({ description: 'Audit a Snapshot file written by `mlcost collect`; the live-read AWS flags are refused.', exclusive: ['demo'] }),
    output: outputFlag(OUTPUT_FORMATS, 'table'),
    json: jsonFlag,
    out: outFlag('Write the output to this file instead of stdout (checked writable before AWS is read).'),
    'min-savings': Flags.integer({ description: 'Only report findings saving at least this many USD per month.', min: 0 }),
    severity: Flags.string({ description: 'Only report findings at or above this severity.', options: [...SEVERITIES] }),
    'fail-on': Flags.string({ description: 'Exit 1 when any reported finding is at or above this severity.', options: [...SEVERITIES] }),
    limit: Flags.integer({ description: 'Most findings the table shows, largest savings first (0: all).', default: 50, min: 0 }),
    rules: rulesFlag,
    billing: Flags.string({
      description: 'CUR 2.0 or FOCUS files (paths, globs, s3:// prefixes): price EC2 findings with the rates actually billed.',
      multiple: true,
    }),
    config: configFlag,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Audit);
    const live = !flags.demo && flags.snapshot === undefined;
    if (!live) refuseLiveOnlyFlags(flags, flags.demo ? '--demo' : '--snapshot', (flags.billing?.length ?? 0) > 0);
    if (flags.out !== undefined) await checkOutWritable(flags.out);
    const { config, at: configAt } = await loadConfig(flags.config);
    const rules = await loadRules({
      directories: [...config.rules.directories, ...(flags.rules ?? [])],
      disable: config.rules.disable,
      params: config.rules.params,
      configAt,
    });
    // Live collection (the AWS SDK), billing (DuckDB) and Snapshot validation load only when used: audit --demo needs none.
    const { snapshot, partial } = live
      ? await (await import('../cli/live-collect.js')).collectForCommand(flags, config, this.stderr)
      : { snapshot: flags.demo ? await readDemoSnapshot() : await (await import('../snapshot/io.js')).readSnapshot(flags.snapshot!), partial: false };
    const evaluated = evaluate(snapshot, { rules, config });
    // Rules that failed on some resources: on stderr whatever the output format (json included).
    for (const w of evaluated.warnings) if (w.code === 'rule-error') this.stderr.warn(`mlcost: warning: ${w.message}`);
    const full = flags.billing?.length ? await this.withBilledRates(evaluated, snapshot, flags.billing, flags) : evaluated;
    const result = filterFindings(full, {
      ...(flags['min-savings'] !== undefined ? { minSavings: flags['min-savings'] } : {}),
      ...(flags.severity !== undefined ? { severity: flags.severity as Severity } : {}),
    });
    const format = chosenFormat(flags);
    const chunks = (): Iterable<string> =>
      renderChunks(format, result, {
        color: format === 'table' && flags.out === undefined && wantsColor(process.stdout, process.env),
        width: outputWidth(process.stdout),
        limit: flags.limit,
      });
    if (flags.out !== undefined) {
      await this.saveChunks(flags.out, chunks);
      this.stderr.info(`wrote ${format} report to ${flags.out}`);
    } else {
      await this.emitChunks(chunks());
    }
    if (partial) {
      this.stderr.warn('mlcost: partial data (see warnings above); exiting 3');
      this.exit(ExitCode.partialData);
    }
    if (flags['fail-on'] !== undefined) {
      const gate = failOnSeverity(result, flags['fail-on'] as Severity);
      if (gate.failed) {
        this.stderr.warn(`mlcost: ${gate.message}`);
        this.exit(ExitCode.gateFailed);
      }
    }
  }

  private async withBilledRates(result: AuditResult, snapshot: Snapshot, paths: string[], flags: AwsFlagValues): Promise<AuditResult> {
    const { readBilledRates } = await import('../billing/billed-rates.js');
    const rates = await readBilledRates(paths, {
      aws: {
        ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
        ...(flags.region !== undefined ? { region: flags.region } : {}),
        ...(flags['endpoint-url'] !== undefined ? { endpointUrl: flags['endpoint-url'] } : {}),
      },
    });
    return applyBilledRates(result, snapshot, rates, `billing files ${paths.join(', ')}`);
  }
}
