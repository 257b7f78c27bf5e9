import { describe, expect, it } from 'vitest';
import { DEMO_SNAPSHOT } from '../../src/commands/audit.js';
import { buildView } from '../../src/render/report/view.js';
import { renderTable } from '../../src/render/table.js';
import { readSnapshot } from '../../src/snapshot/io.js';
import type { SnapshotWarning } from '../../src/snapshot/schema.js';
import { warningBody, warningLine } from '../../src/snapshot/warning-text.js';
import { audit } from '../helpers/builders.js';

const collected: SnapshotWarning = {
  code: 'access-denied',
  message: '123456789012/eu-west-1: could not read EC2 instances (UnauthorizedOperation: denied)',
  accountId: '123456789012',
  region: 'eu-west-1',
  service: 'ec2',
};

describe('warning text', () => {
  it('names the account and region once, whether or not the collector already wrote them', () => {
    expect(warningLine(collected)).toBe('123456789012/eu-west-1: could not read EC2 instances (UnauthorizedOperation: denied)');
    expect(warningLine({ ...collected, message: 'could not read EC2 instances' })).toBe('123456789012/eu-west-1: could not read EC2 instances');
    expect(warningLine({ ...collected, message: '123456789012: skipped, cannot assume its role', region: undefined })).toBe(
      '123456789012: skipped, cannot assume its role',
    );
    expect(warningLine({ code: 'partial-metrics', message: 'no scope' })).toBe('no scope');
    expect(warningBody(collected)).toBe('could not read EC2 instances (UnauthorizedOperation: denied)');
  });

  it('the table and the report views do not repeat the scope a collected warning starts with', async () => {
    const result = await audit(await readSnapshot(DEMO_SNAPSHOT));
    result.warnings = [collected];
    const table = renderTable(result, { color: false, width: 160 });
    expect(table).toContain('  - 123456789012/eu-west-1: could not read EC2 instances');
    expect(table).not.toContain('eu-west-1: 123456789012/eu-west-1');
    expect(buildView(result).warnings[0]?.message).toBe('could not read EC2 instances (UnauthorizedOperation: denied)');
  });
});
