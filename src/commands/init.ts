import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { splitRegions } from '../init/answers.js';

export default class Init extends BaseCommand {
  static override description =
    'Set mlcost up for an AWS account: check the credentials (STS GetCallerIdentity), write mlcost.config.yaml, print the IAM policy, optionally write a GitHub Actions workflow.';

  static override examples = [
    '<%= config.bin %> init',
    '<%= config.bin %> init --yes --regions us-east-1,us-west-2 --team-tag team',
    '<%= config.bin %> init --yes --profile ml-prod --account 111122223333 --workflow > mlcost-policy.json',
  ];

  static override flags = {
    account: Flags.string({ description: 'AWS account id the credentials must belong to (default: whichever they are for).' }),
    regions: Flags.string({ description: 'Regions to audit, comma-separated (default: AWS_REGION, else us-east-1).' }),
    'team-tag': Flags.string({ description: "Tag key that names a resource's team (default: team)." }),
    workflow: Flags.boolean({ description: 'Also write .github/workflows/mlcost.yml (CI gate and weekly report).', allowNo: true }),
    yes: Flags.boolean({ char: 'y', description: 'Ask nothing: use the flags and defaults (also when CI is set or stdin is not a terminal).' }),
    force: Flags.boolean({ description: 'Replace an existing config file or workflow.' }),
    profile: Flags.string({ description: 'AWS profile for the credentials check.' }),
    'endpoint-url': Flags.string({ description: 'Send the credentials check to this endpoint (an emulator); wins over AWS_ENDPOINT_URL.' }),
    config: Flags.string({ char: 'c', description: 'Config file to write.', default: 'mlcost.config.yaml' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Init);
    // The AWS SDK loads only once the flags are good.
    const { runInit } = await import('../init/run.js');
    // A boolean flag not given is undefined at run time (oclif types it boolean): then the question's default applies.
    const workflow = flags.workflow as boolean | undefined;
    const ci = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
    await runInit({
      cwd: process.cwd(),
      configPath: flags.config,
      interactive: !flags.yes && !ci && process.stdin.isTTY,
      force: flags.force,
      given: {
        ...(flags.account !== undefined ? { account: flags.account } : {}),
        ...(flags.regions !== undefined ? { regions: splitRegions(flags.regions) } : {}),
        ...(flags['team-tag'] !== undefined ? { teamTag: flags['team-tag'] } : {}),
        ...(workflow !== undefined ? { workflow } : {}),
      },
      ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
      ...(flags['endpoint-url'] !== undefined ? { endpointUrl: flags['endpoint-url'] } : {}),
      env: process.env,
      input: process.stdin,
      messages: process.stderr,
      output: (text) => this.emit(text),
      now: new Date(),
    });
  }
}
