import { Flags } from '@oclif/core';

/**
 * Flags several commands share, defined once so their name, letter and help read the same
 * everywhere: `-o/--output` is always a format, `--out` always a file, `-c/--config` the config.
 */

export const configFlag = Flags.string({ char: 'c', description: 'Config file (default: ./mlcost.config.yaml when present).' });

export const rulesFlag = Flags.string({ description: 'Extra rule directory (repeatable).', multiple: true });

/** `-o/--output FORMAT`, its choices the keys of the command's renderer map. */
export function outputFlag<F extends string>(formats: readonly F[], defaultFormat: F, description = 'Output format.') {
  return Flags.option({ char: 'o', description, options: formats, default: defaultFormat })();
}

/** oclif's convention for machine-readable output, as a plain alias: `--json` is `--output json`. */
export const jsonFlag = Flags.boolean({ description: 'Shorthand for --output json.', exclusive: ['output'] });

/** The format the command renders: --json wins (the two cannot be given together). */
export function chosenFormat<F extends string>(flags: { output: F; json?: boolean | undefined }): F | 'json' {
  return flags.json === true ? 'json' : flags.output;
}

/** `--out FILE`: where a command writes instead of stdout (for `collect`, the Snapshot). */
export function outFlag(description: string) {
  return Flags.string({ description, helpValue: 'FILE' });
}
