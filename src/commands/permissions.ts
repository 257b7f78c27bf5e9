import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { minimalPolicy } from '../collect/permissions.js';

export default class Permissions extends BaseCommand {
  static override description = 'Print the minimal read-only IAM policy mlcost needs, assembled from what each collector calls.';

  static override examples = ['<%= config.bin %> permissions > mlcost-policy.json'];

  static override flags = {
    // The policy is JSON already; --json is accepted so a script can pass it to every command alike.
    json: Flags.boolean({ description: 'Output is always JSON (an IAM policy document); accepted for scripts that pass --json to every command.' }),
  };

  async run(): Promise<void> {
    await this.parse(Permissions);
    await this.emit(JSON.stringify(minimalPolicy(), null, 2));
  }
}
