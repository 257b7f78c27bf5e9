import { Command, Flags } from '@oclif/core';
import { errorMessage, ExitCode, UserError, type ExitCodeValue } from './errors.js';
import { writeChunks, writeFileChunks } from './write-chunks.js';

/**
 * Every command extends this: it owns how errors reach the user. A UserError is one line on
 * stderr and its documented exit code; anything else is a bug, also one line unless --debug.
 */
export abstract class BaseCommand extends Command {
  /** The exit codes a command can end with (README "Exit codes"); docs/commands.md lists them from here. */
  static exitCodes: readonly ExitCodeValue[] = [ExitCode.ok, ExitCode.usage, ExitCode.internal];

  static override baseFlags = {
    debug: Flags.boolean({ description: 'Show stack traces and internal detail on errors.', default: false, helpGroup: 'GLOBAL' }),
  };

  protected get debugEnabled(): boolean {
    return this.argv.includes('--debug') || process.env['MLCOST_DEBUG'] === '1';
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- oclif's Command.catch is async by contract; this.exit() throws inside it
  protected override async catch(err: Error & { code?: string; oclif?: { exit?: number } }): Promise<unknown> {
    // this.exit(n) throws oclif's ExitError: a decision already made, not an error to report.
    if (err.code === 'EEXIT' && err.oclif?.exit !== undefined) return this.exit(err.oclif.exit);
    if (this.debugEnabled) process.stderr.write(`${err.stack ?? err.message}\n`);
    if (err instanceof UserError) {
      process.stderr.write(`mlcost: ${err.message}\n`);
      return this.exit(err.exitCode);
    }
    // oclif's own parse errors (unknown flag, bad option value) are usage errors.
    if (err.oclif?.exit !== undefined) {
      if (err.oclif.exit === 0) return this.exit(0);
      process.stderr.write(`mlcost: ${usageProblem(err.message)} (see \`mlcost ${this.id ?? ''} --help\`)\n`);
      return this.exit(ExitCode.usage);
    }
    process.stderr.write(`mlcost: internal error: ${firstLine(err.message)} (rerun with --debug and report it)\n`);
    return this.exit(ExitCode.internal);
  }

  /** Writes the requested output to stdout; stdout carries nothing else. */
  protected emit(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Like emit, for output given in pieces: streamed, each write waiting until stdout has taken the last. */
  protected async emitChunks(chunks: Iterable<string>): Promise<void> {
    try {
      await writeChunks(process.stdout, endingWithNewline(chunks));
    } catch (err) {
      // The reader closed the pipe (`mlcost audit -o json | head`): it has what it wanted, so output
      // stops quietly and the command goes on to its exit code. (oclif already ignores the
      // stream's EPIPE 'error' event; this is the same failure reaching the write that hit it.)
      if (!isClosedPipe(err)) throw err;
    }
  }

  /** Writes output given in pieces to a file (--out); a file that cannot be written is the user's one-line error. */
  protected async saveChunks(file: string, chunks: Iterable<string>): Promise<void> {
    try {
      await writeFileChunks(file, chunks);
    } catch (err) {
      throw new UserError(`${file}: cannot write output (${errorMessage(err)})`);
    }
  }
}

function isClosedPipe(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'EPIPE';
}

function* endingWithNewline(chunks: Iterable<string>): Generator<string, void, undefined> {
  let last = '';
  for (const chunk of chunks) {
    yield chunk;
    if (chunk !== '') last = chunk;
  }
  if (!last.endsWith('\n')) yield '\n';
}

/** oclif's parse errors wrap the problem in framing lines; keep just the problem, on one line. */
function usageProblem(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^The following errors? occurred:?$/.test(l) && !l.startsWith('See more help with'));
  return lines.join('; ') || message;
}

function firstLine(message: string): string {
  return (
    message
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? message
  );
}
