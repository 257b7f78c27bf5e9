import { collectOptionsFromFlags, type AwsFlagValues } from '../aws/flags.js';
import type { Config } from '../config/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { wantsColor } from '../render/color.js';
import { LiveProgress, wantsLiveProgress } from './progress-display.js';
import { formatUsage, formatWarning, isPartial, livePricesMissing } from './report.js';
import { collectWithUsage } from './run.js';

/**
 * A live read as `audit` and `collect` run it: a live progress display when stderr is a terminal
 * (nothing otherwise), then warnings and the run's own API cost on stderr, and whether the data
 * is partial in the sense of --strict / --prices live.
 */
export async function collectForCommand(flags: AwsFlagValues & { strict?: boolean }, config: Config): Promise<{ snapshot: Snapshot; partial: boolean }> {
  const display = wantsLiveProgress(process.stderr, process.env)
    ? new LiveProgress(process.stderr, { color: wantsColor(process.stderr, process.env) })
    : undefined;
  const options = collectOptionsFromFlags(flags, config, display ? { onProgress: display.handle } : {});
  display?.start();
  let result: Awaited<ReturnType<typeof collectWithUsage>> | undefined;
  try {
    result = await collectWithUsage(options);
  } finally {
    // On a usage error (no credentials…) the frame is erased so the one error line stands alone.
    display?.stop(result !== undefined);
  }
  const { snapshot, usage } = result;
  for (const w of snapshot.warnings) process.stderr.write(`${formatWarning(w)}\n`);
  process.stderr.write(`${formatUsage(usage)}\n`);
  const partial = livePricesMissing(snapshot, options.prices) || (flags.strict === true && isPartial(snapshot, options.prices));
  return { snapshot, partial };
}
