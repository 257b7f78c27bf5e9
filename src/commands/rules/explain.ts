import { Args } from '@oclif/core';
import { BaseCommand } from '../../base-command.js';
import { chosenFormat, configFlag, jsonFlag, outputFlag, rulesFlag } from '../../cli/flags.js';
import { loadConfig } from '../../config/load.js';
import { UserError } from '../../errors.js';
import { ruleJson } from '../../engine/rules/docs.js';
import { ruleExplainText } from '../../engine/rules/explain-text.js';
import { loadRuleSpecs } from '../../engine/rules/specs.js';

export default class RulesExplain extends BaseCommand {
  static override description =
    "Show one rule's documentation: why it matters, the evidence it uses, the risk, how to act, and its params with defaults and bounds.";

  static override examples = ['<%= config.bin %> rules explain idle-gpu-instance', '<%= config.bin %> rules explain use-spot --json'];

  static override args = { id: Args.string({ description: 'Rule id (see `mlcost rules list`).' }) };

  static override flags = {
    rules: rulesFlag,
    config: configFlag,
    output: outputFlag(['text', 'json'], 'text'),
    json: jsonFlag,
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(RulesExplain);
    if (args.id === undefined) throw new UserError('missing rule id: run `mlcost rules explain ID` (ids from `mlcost rules list`)');
    const { config, at: configAt } = await loadConfig(flags.config);
    const rules = await loadRuleSpecs({ directories: [...config.rules.directories, ...(flags.rules ?? [])], params: config.rules.params, configAt });
    const rule = rules.find((r) => r.spec.id === args.id);
    if (!rule) {
      const near = rules.map((r) => r.spec.id).filter((id) => id.includes(args.id!) || args.id!.includes(id));
      throw new UserError(`unknown rule "${args.id}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; see \`mlcost rules list\``);
    }
    await this.emit(chosenFormat(flags) === 'json' ? JSON.stringify(ruleJson(rule), null, 2) : ruleExplainText(rule));
  }
}
