import type { Hook } from '@oclif/core';
import { ExitCode } from '../../errors.js';
import { closest } from '../suggest.js';
import { cleanText } from '../../text/sanitize.js';

/**
 * `mlcost audt` → "unknown command "audt" (did you mean audit?)", exit 2: oclif's default is a bare
 * "command audt not found" with exit 1, the code that means a gate failed. The typed id is quoted
 * with JSON escaping and cleaned, so control and bidi characters in it reach the terminal as text.
 */
const hook: Hook.CommandNotFound = function (options) {
  const separator = options.config.topicSeparator;
  const shown = (id: string): string => id.replaceAll(':', separator);
  const visible = options.config.commands.filter((c) => !c.hidden).map((c) => shown(c.id));
  const typed = shown(options.id);
  const suggestion = closest(typed, visible);
  const hint = suggestion !== undefined ? ` (did you mean ${suggestion}?)` : '';
  process.stderr.write(`mlcost: unknown command ${cleanText(JSON.stringify(typed))}${hint}; see \`mlcost --help\` for the commands\n`);
  this.exit(ExitCode.usage);
  return Promise.resolve();
};

export default hook;
