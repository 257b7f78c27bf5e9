import { describe, expect, it } from 'vitest';
import type { AwsCallEvent } from '../../src/aws/session.js';
import { ProgressModel, type CollectProgressEvent } from '../../src/collect/progress.js';
import { LiveProgress, wantsLiveProgress, type DisplayStream } from '../../src/cli/progress-display.js';
import { wantsColor } from '../../src/cli/color.js';
import { renderFrame, type FrameOptions } from '../../src/cli/progress-render.js';

/** The live display's frames, rendered as strings from events, without a terminal. */
const T0 = Date.parse('2026-11-23T10:00:00Z');
const opts = (o: Partial<FrameOptions> = {}): FrameOptions => ({ color: false, width: 200, maxLines: 30, tick: 0, now: T0 + 2_500, final: false, ...o });
const call = (c: Partial<AwsCallEvent> & Pick<AwsCallEvent, 'operation' | 'phase'>): CollectProgressEvent => ({
  kind: 'call',
  call: { service: 'ec2', region: 'us-east-1', accountId: '111111111111', ...c },
});
const model = (...events: CollectProgressEvent[]) => {
  const m = new ProgressModel(T0);
  for (const e of events) m.apply(e);
  return m;
};
const plan: CollectProgressEvent = { kind: 'plan', accounts: ['111111111111'], regions: ['us-east-1', 'eu-west-1'], lookbackDays: 14 };
const counts = { instances: 3, volumes: 2, snapshots: 0, eips: 1, RIs: 0, sagemaker: 0, spot: 2, types: 0 };
// eslint-disable-next-line no-control-regex -- ESC is what this pattern finds
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

describe('progress display frames', () => {
  it('before the plan: one line saying accounts and regions are being resolved', () => {
    expect(renderFrame(model(), opts())).toEqual(['⠋ resolving accounts and regions… 2.5 s']);
  });

  it('after the plan: one waiting line per account × region', () => {
    expect(renderFrame(model(plan), opts())).toEqual([
      '⠋ collecting 1 account × 2 regions, 14-day lookback  2.5 s',
      '111111111111 us-east-1       waiting',
      '111111111111 eu-west-1       waiting',
    ]);
  });

  it('steps appear from the calls: a spinner while in flight, a dot between pages, the call count, failures by kind', () => {
    const m = model(
      plan,
      { kind: 'region-start', accountId: '111111111111', region: 'us-east-1' },
      call({ operation: 'DescribeInstances', phase: 'start' }),
      call({ operation: 'DescribeInstances', phase: 'ok' }),
      call({ operation: 'DescribeInstances', phase: 'start' }),
      call({ operation: 'DescribeVolumes', phase: 'start' }),
      call({ operation: 'DescribeVolumes', phase: 'ok' }),
      call({ operation: 'DescribeReservedInstances', phase: 'start' }),
      call({ operation: 'DescribeReservedInstances', phase: 'error', failure: 'not-implemented', httpStatus: 500 }),
    );
    expect(renderFrame(m, opts({ tick: 3 }))[1]).toBe('111111111111 us-east-1        ⠸ instances (2 calls) · volumes ✗ RIs not-implemented');
  });

  it('an expected 4xx (no tag set, no lifecycle rule) is an answer, not a failure', () => {
    const m = model(
      plan,
      call({ service: 's3', operation: 'GetBucketTagging', phase: 'start' }),
      call({ service: 's3', operation: 'GetBucketTagging', phase: 'error', failure: 'error', httpStatus: 404 }),
      { kind: 'account-done', accountId: '111111111111', counts: { s3: 4, 'savings plans': 2 }, warnings: 0 },
    );
    expect(renderFrame(m, opts())[3]).toBe('111111111111 global           ✓ s3 4 ✓ savings plans 2');
  });

  it('a finished region shows counts; the Pricing API has its own line; warnings are flagged', () => {
    const m = model(
      plan,
      call({ operation: 'DescribeInstances', phase: 'start' }),
      call({ operation: 'DescribeInstances', phase: 'ok' }),
      call({ service: 'cloudwatch', operation: 'GetMetricData', phase: 'start' }),
      call({ service: 'cloudwatch', operation: 'GetMetricData', phase: 'ok' }),
      { kind: 'region-done', accountId: '111111111111', region: 'us-east-1', counts, warnings: 1 },
      call({ service: 'pricing', operation: 'GetProducts', region: 'us-east-1', phase: 'start' }),
    );
    expect(renderFrame(m, opts())).toEqual([
      '⠋ collecting 1 account × 2 regions, 14-day lookback  2.5 s',
      '111111111111 us-east-1        ✓ instances 3 ✓ metrics ✓ volumes 2 ✓ eips 1 ✓ spot 2 ⚠ 1',
      '111111111111 eu-west-1       waiting',
      'Pricing API                   ⠋ prices',
    ]);
  });

  it('the closing frame is static and sums up what was read', () => {
    const m = model(
      plan,
      call({ operation: 'DescribeInstances', phase: 'start' }),
      call({ operation: 'DescribeInstances', phase: 'ok' }),
      { kind: 'region-done', accountId: '111111111111', region: 'us-east-1', counts, warnings: 0 },
      call({ operation: 'DescribeInstances', region: 'eu-west-1', phase: 'start' }),
      call({ operation: 'DescribeInstances', region: 'eu-west-1', phase: 'error', failure: 'access-denied', httpStatus: 403 }),
      { kind: 'region-done', accountId: '111111111111', region: 'eu-west-1', counts: { ...counts, instances: 0, volumes: 0, eips: 0, spot: 0 }, warnings: 1 },
    );
    expect(renderFrame(m, opts({ final: true, now: T0 + 12_340 }))).toEqual([
      'collected 1 account × 2 regions, 14-day lookback in 12.3 s: 3 instances, 2 volumes, 1 eips, 2 spot; 1 warning (below)',
      '111111111111 us-east-1        ✓ instances 3 ✓ volumes 2 ✓ eips 1 ✓ spot 2',
      '111111111111 eu-west-1        ✗ instances access-denied ⚠ 1',
    ]);
  });

  it('colour only when asked; a line never exceeds the terminal width', () => {
    const m = model(plan, call({ operation: 'DescribeInstances', phase: 'start' }));
    const coloured = renderFrame(m, opts({ color: true }));
    expect(coloured.join('\n')).toMatch(ANSI);
    expect(coloured.map((l) => l.replace(ANSI, ''))).toEqual(renderFrame(m, opts()));
    const narrow = renderFrame(m, opts({ width: 30, color: true }));
    expect(narrow.every((l) => Array.from(l.replace(ANSI, '')).length <= 29)).toBe(true);
    expect(narrow[1]!.replace(ANSI, '')).toBe('111111111111 us-east-1      …');
  });

  it('more lines than the terminal holds: running lines stay, the rest are counted', () => {
    const regions = Array.from({ length: 12 }, (_, i) => `us-test-${i + 1}`);
    const m = model(
      { kind: 'plan', accounts: ['111111111111'], regions, lookbackDays: 14 },
      call({ operation: 'DescribeInstances', region: 'us-test-9', phase: 'start' }),
    );
    const frame = renderFrame(m, opts({ maxLines: 5 }));
    expect(frame).toHaveLength(5);
    expect(frame[1]).toContain('us-test-1 ');
    expect(frame.some((l) => l.includes('us-test-9') && l.includes('instances'))).toBe(true);
    expect(frame[4]).toBe('… 9 more (9 waiting)');
  });
});

describe('live display on a terminal', () => {
  class FakeTty implements DisplayStream {
    readonly isTTY = true;
    readonly columns = 120;
    readonly rows = 40;
    readonly chunks: string[] = [];
    write(chunk: string): boolean {
      this.chunks.push(chunk);
      return true;
    }
  }

  it('hides the cursor, redraws in place over the previous frame, ends on a static summary and shows the cursor', () => {
    const tty = new FakeTty();
    let now = T0;
    const live = new LiveProgress(tty, { color: false, now: () => now });
    live.start();
    live.handle(plan);
    now += 1000;
    live.stop();
    const [hide, first, last, show] = tty.chunks;
    expect(hide).toBe('\u001b[?25l');
    expect(first).toBe('\r⠋ resolving accounts and regions… 0.0 s\u001b[K\n\u001b[J');
    // One line drawn before: go up one line, then overwrite with the three-line closing frame.
    expect(last).toBe(
      '\u001b[1A\r' +
        ['collected 1 account × 2 regions, 14-day lookback in 1.0 s', '111111111111 us-east-1       waiting', '111111111111 eu-west-1       waiting']
          .map((l) => `${l}\u001b[K`)
          .join('\n') +
        '\n\u001b[J',
    );
    expect(show).toBe('\u001b[?25h');
  });

  it('a failed run erases its frame so the error line stands alone', () => {
    const tty = new FakeTty();
    const live = new LiveProgress(tty, { color: false });
    live.start();
    live.stop(false);
    expect(tty.chunks.slice(2)).toEqual(['\u001b[1A\r\u001b[J', '\u001b[?25h']);
  });

  it('only on a TTY, never in CI or on a dumb terminal; NO_COLOR turns colour off', () => {
    expect(wantsLiveProgress({ isTTY: true }, {})).toBe(true);
    expect(wantsLiveProgress({ isTTY: false }, {})).toBe(false);
    expect(wantsLiveProgress({}, {})).toBe(false);
    expect(wantsLiveProgress({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(wantsLiveProgress({ isTTY: true }, { CI: 'false' })).toBe(true);
    expect(wantsLiveProgress({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(wantsColor({ isTTY: true }, {})).toBe(true);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    // no-color.org: an empty NO_COLOR does not count, for the table and the progress display alike.
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(wantsColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(wantsColor({ isTTY: false }, {})).toBe(false);
  });
});

describe('progress model', () => {
  it('prices from the cache still show; nothing to price shows no line', () => {
    expect([...model(plan, { kind: 'prices-done', count: 0, warnings: 0 }).lines.keys()]).not.toContain('|prices');
    const cached = model(plan, { kind: 'prices-done', count: 12, warnings: 0 });
    expect(renderFrame(cached, opts())[3]).toBe('Pricing API                   ✓ prices 12');
  });
});
