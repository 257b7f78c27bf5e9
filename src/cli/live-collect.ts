import type { Config } from '../config/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { formatUsage, formatWarning, isPartial, livePricesMissing } from '../collect/report.js';
import { collectWithUsage } from '../collect/run.js';
import { collectOptionsFromFlags, type AwsFlagValues } from './aws-flags.js';
import { wantsColor } from './color.js';
import { LiveProgress, wantsLiveProgress } from './progress-display.js';
import type { Stderr } from './stderr.js';

/**
 * A live read as `audit` and `collect` run it: a live progress display when stderr is a terminal
 * and not --quiet (nothing otherwise), then warnings and the run's own API cost on stderr, and
 * whether the data is partial in the sense of --strict / --prices live.
 */
export async function collectForCommand(
  flags: AwsFlagValues & { strict?: boolean | undefined },
  config: Config,
  stderr: Stderr,
): Promise<{ snapshot: Snapshot; partial: boolean }> {
  const display =
    !stderr.quiet && wantsLiveProgress(process.stderr, process.env)
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
  for (const w of snapshot.warnings) stderr.warn(formatWarning(w));
  stderr.info(formatUsage(usage));
  const partial = livePricesMissing(snapshot, options.prices) || (flags.strict === true && isPartial(snapshot, options.prices));
  return { snapshot, partial };
}
