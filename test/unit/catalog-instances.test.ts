import { describe, expect, it } from 'vitest';
import { instanceSpec, sizeLadder } from '../../src/catalog/index.js';

describe('instance size ladders', () => {
  it('run smallest to largest and leave bare-metal sizes out (same capacity, never a move)', () => {
    const m5 = sizeLadder('m5').map((s) => s.type);
    expect(m5[0]).toBe('m5.large');
    expect(m5.at(-1)).toBe('m5.24xlarge');
    expect(m5).not.toContain('m5.metal');
    expect(instanceSpec('m5.metal')?.vcpu).toBe(96);
  });

  it('are empty for a family the catalog does not know', () => {
    expect(sizeLadder('zz9')).toEqual([]);
  });
});
