import { describe, expect, it } from 'vitest';
import { notPriced } from '../../src/engine/summarize.js';
import { notPricedView } from '../../src/render/not-priced.js';
import { renderTable } from '../../src/render/table.js';
import { audit, instance, snapshotOf } from '../helpers/builders.js';

// A steady on-demand i7i.2xlarge (a family newer than the embedded RI feed) with no reserved prices collected: buy-commitment's saving is unknown,
// while the instance's own cost is known.
const steady = () => instance({ id: 'i-steady', type: 'i7i.2xlarge', cpu: [45, 70, 90], netMBPerDay: 9000 });

describe('findings not priced', () => {
  it('counts a finding with an unknown saving in totals.unpricedResources, with its reasons', async () => {
    const result = await audit(snapshotOf({ ec2Instances: [steady()] }), ['buy-commitment']);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.monthlySavings).toBeNull();
    expect(result.findings[0]?.monthlyCost).not.toBeNull();
    expect(result.totals.unpricedResources).toBe(1);
    const np = notPriced(result.findings);
    expect(np.count).toBe(1);
    expect(np.reasons.map((r) => r.reason)).toEqual(result.findings[0]?.pricing.unknown);
  });

  it('says so under the table', async () => {
    const result = await audit(snapshotOf({ ec2Instances: [steady()] }), ['buy-commitment']);
    const text = renderTable(result, { color: false, width: 160 });
    expect(text).toMatch(/^1 finding\(s\) not priced: no reserved-1yr-no-upfront price collected for i7i\.2xlarge in us-east-1, and none embedded \(1\); /m);
  });

  it('counts nothing when every finding is priced', async () => {
    const result = await audit(snapshotOf({ ec2Instances: [instance({ type: 'm5.4xlarge', cpu: [6, 12, 25], mem: [14, 18, 20], netMBPerDay: 1000 })] }), [
      'oversized-instance',
    ]);
    expect(result.findings).toHaveLength(1);
    expect(result.totals.unpricedResources).toBe(0);
    expect(renderTable(result, { color: false, width: 160 })).not.toContain('not priced');
  });

  it('keeps control characters from a reason off the terminal', async () => {
    const result = await audit(snapshotOf({ ec2Instances: [steady()] }), ['buy-commitment']);
    const [f] = result.findings;
    if (!f) throw new Error('expected a finding');
    f.pricing.unknown = ['price for \u001b[31mevil\u202e type'];
    const view = notPricedView([f]);
    expect(view.reasons).toEqual(['price for  [31mevil  type (1)']);
  });
});
