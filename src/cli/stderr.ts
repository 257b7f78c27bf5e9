import { cleanText } from '../text/sanitize.js';

/** The part of a stream stderr lines are written to; tests pass an array-backed fake. */
export interface LineSink {
  write(chunk: string): unknown;
}

/**
 * What a command says on stderr besides its errors, in two kinds: progress and summary lines
 * ("wrote report.html", the run's API cost), which --quiet drops, and warnings and outcomes
 * ("partial data", "gate failed"), which are always written. Lower layers report through a
 * callback the command gives them; only commands hold this. Every line is one line of inert text:
 * warnings quote tag values and file contents (src/text/sanitize.ts).
 */
export class Stderr {
  constructor(
    readonly quiet: boolean,
    private readonly out: LineSink = process.stderr,
  ) {}

  /** A progress or summary line: dropped by --quiet. */
  info(line: string): void {
    if (!this.quiet) this.out.write(`${cleanText(line)}\n`);
  }

  /** A warning or an outcome the exit code stands for: always written. */
  warn(line: string): void {
    this.out.write(`${cleanText(line)}\n`);
  }

  /** A GitHub workflow command mlcost builds itself (gate annotations): its fields are escaped where it is made, so it goes out as is. */
  workflowCommand(line: string): void {
    this.out.write(`${line}\n`);
  }
}
