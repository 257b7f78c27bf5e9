/**
 * Exit codes are part of the public contract (README.md "Exit codes").
 * Anything a user can cause (bad flags, files, config, rules, AWS access) is a UserError:
 * the base command prints its one-line message and exits with its code, never a stack.
 */
export const ExitCode = {
  ok: 0,
  gateFailed: 1,
  usage: 2,
  partialData: 3,
  internal: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.usage,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Where in a file something went wrong, as `file:line:col`. */
export function at(file: string, line?: number, col?: number): string {
  if (line === undefined) return file;
  return col === undefined ? `${file}:${line}` : `${file}:${line}:${col}`;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
