import { stringify } from 'yaml';
import { ConfigSchema } from '../config/schema.js';
import type { InitAnswers } from './answers.js';

/**
 * mlcost.config.yaml from the answers: only what was asked, every other key at its default. The
 * object is checked against the config schema before it is written, so init never writes a file
 * that `mlcost audit` would refuse.
 */
export function configFileText(answers: InitAnswers, checked: { account: string; date: string }): string {
  const config = { regions: answers.regions, teamTags: [answers.teamTag] };
  ConfigSchema.parse(config);
  return [
    '# yaml-language-server: $schema=https://raw.githubusercontent.com/OWNER/mlcost/main/schemas/config.schema.json',
    `# Written by \`mlcost init\` on ${checked.date} for AWS account ${checked.account}; every key: docs/configuration.md.`,
    stringify(config).trimEnd(),
    '',
  ].join('\n');
}
