import { Command, Flags, type Interfaces } from '@oclif/core';
import { Stderr } from './cli/stderr.js';
import { handleStdoutErrorsAtTheWrite, writeStdout } from './cli/stdout.js';
import { cleanText } from './text/sanitize.js';
import { ExitCode, UserError, type ExitCodeValue } from './errors.js';
import { writeFileOrFallback } from './write-chunks.js';

// oclif's own constraint on parsed flags and args (its FlagOutput type is not exported).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ParsedValues = Record<string, any>;

/**
 * Every command extends this: it owns how errors reach the user. A UserError is one line on
 * stderr and its documented exit code; anything else is a bug, also one line unless --debug.
 */
export abstract class BaseCommand extends Command {
  /** The exit codes a command can end with (README "Exit codes"); docs/commands.md lists them from here. */
  static exitCodes: readonly ExitCodeValue[] = [ExitCode.ok, ExitCode.usage, ExitCode.internal];

  static override baseFlags = {
    debug: Flags.boolean({ description: 'Show stack traces and internal detail on errors.', default: false, helpGroup: 'GLOBAL' }),
    quiet: Flags.boolean({
      char: 'q',
      description: 'No progress display or summary lines on stderr; warnings and errors still go there.',
      default: false,
      helpGroup: 'GLOBAL',
    }),
  };

  /** Progress and summary lines (dropped by --quiet), warnings and outcomes: the command's stderr. */
  protected stderr = new Stderr(false);

  protected override async init(): Promise<void> {
    await super.init();
    handleStdoutErrorsAtTheWrite();
  }

  /** oclif's parse, and --quiet taken from what it parsed, for every command alike. */
  protected override async parse<F extends ParsedValues, B extends ParsedValues, A extends ParsedValues>(
    options?: Interfaces.Input<F, B, A>,
    argv?: string[],
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    const parsed = await super.parse(options, argv);
    this.stderr = new Stderr((parsed.flags as { quiet?: unknown }).quiet === true);
    return parsed;
  }

  protected get debugEnabled(): boolean {
    return this.argv.includes('--debug') || process.env['MLCOST_DEBUG'] === '1';
  }

  // Not async: every path ends in this.exit, which throws the decided exit code to oclif.
  protected override catch(err: Error & { code?: string; oclif?: { exit?: number } }): Promise<unknown> {
    // this.exit(n) throws oclif's ExitError: a decision already made, not an error to report.
    if (err.code === 'EEXIT' && err.oclif?.exit !== undefined) return this.exit(err.oclif.exit);
    if (this.debugEnabled) process.stderr.write(`${err.stack ?? err.message}\n`);
    if (err instanceof UserError) {
      process.stderr.write(`mlcost: ${cleanText(err.message)}\n`);
      return this.exit(err.exitCode);
    }
    // oclif's own parse errors (unknown flag, bad option value) are usage errors.
    if (err.oclif?.exit !== undefined) {
      if (err.oclif.exit === 0) return this.exit(0);
      process.stderr.write(`mlcost: ${cleanText(usageProblem(err.message))} (see \`mlcost ${this.id ?? ''} --help\`)\n`);
      return this.exit(ExitCode.usage);
    }
    process.stderr.write(`mlcost: internal error: ${cleanText(firstLine(err.message))} (rerun with --debug and report it)\n`);
    return this.exit(ExitCode.internal);
  }

  /** Writes the requested output to stdout; stdout carries nothing else. */
  protected async emit(text: string): Promise<void> {
    await writeStdout([text.endsWith('\n') ? text : `${text}\n`]);
  }

  /** Like emit, for output given in pieces: streamed, each write waiting until stdout has taken the last. */
  protected async emitChunks(chunks: Iterable<string>): Promise<void> {
    await writeStdout(endingWithNewline(chunks));
  }

  /**
   * Writes output given in pieces to a file (--out), replacing it only when complete; a file that
   * cannot be written is saved in the temp folder instead and the one-line error says where.
   */
  protected async saveChunks(file: string, chunks: () => Iterable<string>): Promise<void> {
    await writeFileOrFallback(file, chunks, 'output');
  }
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
