import { collectOptionsFromFlags, type AwsFlagValues } from '../aws/flags.js';
import type { Config } from '../config/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { formatUsage, formatWarning, isPartial, livePricesMissing } from './report.js';
import { collectWithUsage } from './run.js';

/**
 * A live read as `audit` and `collect` run it: progress lines on a TTY, warnings and the run's
 * own API cost on stderr, and whether the data is partial in the sense of --strict / --prices live.
 */
export async function collectForCommand(flags: AwsFlagValues & { strict?: boolean }, config: Config): Promise<{ snapshot: Snapshot; partial: boolean }> {
  const tty = process.stderr.isTTY === true;
  const options = collectOptionsFromFlags(flags, config, tty ? { onProgress: (e) => process.stderr.write(`${e.message}\n`) } : {});
  const { snapshot, usage } = await collectWithUsage(options);
  for (const w of snapshot.warnings) process.stderr.write(`${formatWarning(w)}\n`);
  process.stderr.write(`${formatUsage(usage)}\n`);
  const partial = livePricesMissing(snapshot, options.prices) || (flags.strict === true && isPartial(snapshot, options.prices));
  return { snapshot, partial };
}
