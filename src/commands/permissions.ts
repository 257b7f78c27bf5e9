import { BaseCommand } from '../base-command.js';
import { minimalPolicy } from '../collect/permissions.js';

export default class Permissions extends BaseCommand {
  static override description = 'Print the minimal read-only IAM policy mlcost needs, assembled from what each collector calls.';

  static override examples = ['<%= config.bin %> permissions > mlcost-policy.json'];

  async run(): Promise<void> {
    await this.parse(Permissions);
    this.emit(JSON.stringify(minimalPolicy(), null, 2));
  }
}
