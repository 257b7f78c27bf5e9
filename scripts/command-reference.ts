import { Config, Help, type Command } from '@oclif/core';
import { loadCommandManifest } from './command-manifest.js';

/**
 * docs/commands.md: each command's `--help` text (usage, flags, description, examples), rendered by
 * oclif's own Help from the built commands, and the exit codes the command declares. Written by
 * `npx tsx scripts/write-command-reference.ts`; test/unit/command-reference.test.ts fails when stale.
 */
export async function commandReference(root: string): Promise<string> {
  const config = await Config.load(root);
  // A fixed width, so the page does not depend on the terminal it was generated in.
  const help = new ReferenceHelp(config, { stripAnsi: true, maxWidth: 110 });
  const commands = Object.values((await loadCommandManifest(root)).commands)
    .filter((c) => !c.hidden)
    .sort((a, b) => a.id.localeCompare(b.id));
  const name = (c: Command.Cached): string => `${config.bin} ${c.id.split(':').join(' ')}`;
  const anchor = (c: Command.Cached): string => name(c).replace(/\s+/g, '-');
  const sections = commands.map((c) => {
    const codes = (c['exitCodes'] as number[] | undefined) ?? [];
    return [
      `## ${name(c)}`,
      '',
      '```',
      help.commandText(c as Command.Loadable).trimEnd(),
      '```',
      '',
      `Exit codes: ${codes.join(', ')} ([what they mean](../README.md#exit-codes)).`,
    ].join('\n');
  });
  return [
    '# Command reference',
    '',
    '<!-- Generated from the commands by `npx tsx scripts/write-command-reference.ts`; do not edit. -->',
    `Every command's \`--help\`, generated from the commands themselves (a test fails when this page is stale).`,
    `\`${config.bin} help COMMAND\` prints the same text.`,
    '',
    ...commands.map((c) => `- [\`${name(c)}\`](#${anchor(c)})`),
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
}

/** oclif's Help with its per-command text made reachable (formatCommand is protected). */
class ReferenceHelp extends Help {
  commandText(command: Command.Loadable): string {
    return this.formatCommand(command);
  }
}
