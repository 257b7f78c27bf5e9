import { ProgressModel, type CollectProgressEvent } from '../collect/progress.js';
import { renderFrame } from './progress-render.js';

/** The parts of a TTY stream the display uses; tests pass a fake. */
export interface DisplayStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

const ESC = '\u001b[';
const REDRAW_MS = 100;

/** A live display only where someone watches: stderr is a terminal, not CI, not a dumb terminal. */
export function wantsLiveProgress(stream: Pick<DisplayStream, 'isTTY'>, env: NodeJS.ProcessEnv): boolean {
  const ci = env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false' && env['CI'] !== '0';
  return stream.isTTY === true && !ci && env['TERM'] !== 'dumb';
}

/**
 * Redraws the progress frame in place on a TTY: every 100 ms, the previous frame's lines are
 * overwritten (cursor up, erase to end of line, erase below), so a burst of thousands of call
 * events costs one draw. `stop` leaves the closing frame on screen as a static summary.
 */
export class LiveProgress {
  private readonly model: ProgressModel;
  private timer: NodeJS.Timeout | undefined;
  private drawn = 0;
  private tick = 0;
  private readonly restoreCursor = () => this.out.write(`${ESC}?25h`);

  constructor(
    private readonly out: DisplayStream,
    private readonly options: { color: boolean; now?: () => number },
  ) {
    this.model = new ProgressModel(this.now());
  }

  readonly handle = (e: CollectProgressEvent): void => {
    this.model.apply(e);
  };

  start(): void {
    this.out.write(`${ESC}?25l`);
    // An interrupted run must not leave the user's cursor hidden.
    process.once('exit', this.restoreCursor);
    this.draw(false);
    this.timer = setInterval(() => {
      this.draw(false);
    }, REDRAW_MS);
    this.timer.unref();
  }

  /** `keep: false` (the run failed) erases the frame so the error line stands alone. */
  stop(keep = true): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (keep) this.draw(true);
    else if (this.drawn > 0) this.out.write(`${ESC}${this.drawn}A\r${ESC}J`);
    this.drawn = 0;
    this.restoreCursor();
    process.removeListener('exit', this.restoreCursor);
  }

  private draw(final: boolean): void {
    const lines = renderFrame(this.model, {
      color: this.options.color,
      width: this.out.columns ?? 100,
      maxLines: final ? 20 : Math.max(3, (this.out.rows ?? 24) - 2),
      tick: this.tick++,
      now: this.now(),
      final,
    });
    const up = this.drawn > 0 ? `${ESC}${this.drawn}A` : '';
    this.out.write(`${up}\r${lines.map((l) => `${l}${ESC}K`).join('\n')}\n${ESC}J`);
    this.drawn = lines.length;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
