import { Flags } from '@oclif/core';
import { RESOURCE_TYPE_TABLE } from '../snapshot/resources.js';
import { BaseCommand } from '../base-command.js';
import { awsFlags } from '../cli/aws-flags.js';
import { configFlag } from '../cli/flags.js';
import { collectForCommand } from '../cli/live-collect.js';
import { checkOutWritable } from '../cli/out-file.js';
import { loadConfig } from '../config/load.js';
import { ExitCode } from '../errors.js';
import { writeSnapshot } from '../snapshot/io.js';

export default class Collect extends BaseCommand {
  static override description =
    'Read an AWS account (read-only) and write a Snapshot for `mlcost audit --snapshot`. The --out file is checked writable before AWS is read.';

  static override exitCodes = [ExitCode.ok, ExitCode.usage, ExitCode.partialData, ExitCode.internal];

  static override examples = [
    '<%= config.bin %> collect --out snapshot.json',
    '<%= config.bin %> collect --regions us-east-1,us-west-2 --lookback 30d --out snapshot.json',
    'AWS_ENDPOINT_URL=http://127.0.0.1:5000 <%= config.bin %> collect --region us-east-1 --out snapshot.json --quiet',
  ];

  static override flags = {
    ...awsFlags,
    out: Flags.string({ description: 'Snapshot file to write.', required: true, helpValue: 'FILE' }),
    config: configFlag,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Collect);
    await checkOutWritable(flags.out);
    const { config } = await loadConfig(flags.config);
    const { snapshot, partial } = await collectForCommand(flags, config, this.stderr);
    await writeSnapshot(flags.out, snapshot);
    // Every resource type the Snapshot holds, from the one table, so a new type is counted without editing this line.
    const counts = RESOURCE_TYPE_TABLE.map((t) => [t.displayName, snapshot.resources[t.listKey].length] as const)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${n} ${name}${n === 1 ? '' : 's'}`);
    this.stderr.info(
      `mlcost: wrote ${flags.out}: ${counts.join(', ') || 'no resources'} in ${snapshot.scope.regions.length} region(s), ${snapshot.warnings.length} warning(s)`,
    );
    if (partial) {
      this.stderr.warn('mlcost: partial data (see warnings above); exiting 3');
      this.exit(ExitCode.partialData);
    }
  }
}
