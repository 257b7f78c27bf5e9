import { Flags } from '@oclif/core';
import { awsFlags } from '../aws/flags.js';
import { BaseCommand } from '../base-command.js';
import { collectForCommand } from '../collect/live.js';
import { loadConfig } from '../config/load.js';
import { ExitCode, UserError, errorMessage } from '../errors.js';
import { writeSnapshot } from '../snapshot/io.js';

export default class Collect extends BaseCommand {
  static override description = 'Read an AWS account (read-only) and write a Snapshot for `mlcost audit --snapshot`.';

  static override exitCodes = [ExitCode.ok, ExitCode.usage, ExitCode.partialData, ExitCode.internal];

  static override examples = [
    '<%= config.bin %> collect --out snapshot.json',
    '<%= config.bin %> collect --regions us-east-1,us-west-2 --lookback 30d --out snapshot.json',
    'AWS_ENDPOINT_URL=http://127.0.0.1:5000 <%= config.bin %> collect --region us-east-1 --out snapshot.json',
  ];

  static override flags = {
    ...awsFlags,
    out: Flags.string({ char: 'o', description: 'Snapshot file to write.', required: true }),
    config: Flags.string({ char: 'c', description: 'Config file (default: ./mlcost.config.yaml when present).' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Collect);
    const { config } = await loadConfig(flags.config);
    const { snapshot, partial } = await collectForCommand(flags, config);
    try {
      await writeSnapshot(flags.out, snapshot);
    } catch (err) {
      throw new UserError(`${flags.out}: cannot write snapshot (${errorMessage(err)})`);
    }
    const r = snapshot.resources;
    process.stderr.write(
      `mlcost: wrote ${flags.out}: ${r.ec2Instances.length} instances, ${r.ebsVolumes.length} volumes, ${r.s3Buckets.length} buckets, ${r.sagemakerEndpoints.length} endpoints in ${snapshot.scope.regions.length} region(s), ${snapshot.warnings.length} warning(s)\n`,
    );
    if (partial) {
      process.stderr.write('mlcost: partial data (see warnings above); exiting 3\n');
      this.exit(ExitCode.partialData);
    }
  }
}
