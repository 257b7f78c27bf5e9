import { BaseCommand } from '../../base-command.js';
import { chosenFormat, configFlag, jsonFlag, outputFlag, rulesFlag } from '../../cli/flags.js';
import { loadConfig } from '../../config/load.js';
import { ruleJson, ruleListText, ruleTableMarkdown } from '../../engine/rules/docs.js';
import { loadRuleSpecs } from '../../engine/rules/specs.js';

export default class RulesList extends BaseCommand {
  static override description = 'List every rule (built-in, from config and from --rules directories) with its resource, category, severity and action.';

  static override examples = ['<%= config.bin %> rules list', '<%= config.bin %> rules list --rules ./my-rules --json'];

  static override flags = {
    rules: rulesFlag,
    config: configFlag,
    output: outputFlag(['table', 'json', 'markdown'], 'table'),
    json: jsonFlag,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(RulesList);
    const { config, at: configAt } = await loadConfig(flags.config);
    // Disabled rules are listed too (a user looking for a rule should find it); params show the config's values.
    const rules = await loadRuleSpecs({ directories: [...config.rules.directories, ...(flags.rules ?? [])], params: config.rules.params, configAt });
    const disabled = new Set(config.rules.disable);
    const format = chosenFormat(flags);
    if (format === 'json')
      await this.emit(
        JSON.stringify(
          rules.map((r) => ({ ...ruleJson(r), disabled: disabled.has(r.spec.id) })),
          null,
          2,
        ),
      );
    else if (format === 'markdown') await this.emit(ruleTableMarkdown(rules));
    else await this.emit(ruleListText(rules) + (disabled.size ? `\nDisabled in config: ${[...disabled].join(', ')}` : ''));
  }
}
