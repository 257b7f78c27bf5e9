import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * Questions on a terminal, one line per answer. Lines are queued as they arrive, so answers typed
 * (or pasted) ahead of their question are kept rather than dropped; end of input is an error
 * rather than a hang.
 */
export class Prompter {
  private readonly rl: Interface;
  private readonly lines: string[] = [];
  private waiting: ((line: string | undefined) => void) | undefined;
  private closed = false;

  constructor(
    input: Readable,
    private readonly output: Writable,
  ) {
    this.rl = createInterface({ input, terminal: false });
    this.rl.on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w(line);
      } else this.lines.push(line);
    });
    this.rl.on('close', () => {
      this.closed = true;
      this.waiting?.(undefined);
    });
  }

  /** Asks once; an empty answer takes `fallback` (shown in brackets). */
  async ask(question: string, fallback = ''): Promise<string> {
    this.output.write(`${question}${fallback !== '' ? ` [${fallback}]` : ''}: `);
    const line = await this.nextLine();
    if (line === undefined) throw new Error('input ended before every question was answered');
    return line.trim() === '' ? fallback : line.trim();
  }

  /** Asks until `parse` accepts the answer, saying why it did not. */
  async askUntil<T>(question: string, fallback: string, parse: (answer: string) => { ok: true; value: T } | { ok: false; why: string }): Promise<T> {
    for (;;) {
      const r = parse(await this.ask(question, fallback));
      if (r.ok) return r.value;
      this.output.write(`  ${r.why}\n`);
    }
  }

  close(): void {
    this.rl.close();
  }

  private nextLine(): Promise<string | undefined> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}
