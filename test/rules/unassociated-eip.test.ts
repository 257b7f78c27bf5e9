import { describe, expect, it } from 'vitest';
import { eip, findingsOn } from './resources.js';

describe('unassociated-eip', () => {
  it.each([
    ['associated with an instance', eip({ associationId: 'eipassoc-1', instanceId: 'i-1' })],
    ['attached to a network interface (NAT gateway)', eip({ networkInterfaceId: 'eni-1' })],
  ])('does not match: %s', async (_, e) => {
    expect(await findingsOn('unassociated-eip', { elasticIps: [e] })).toEqual([]);
  });

  it('prices an idle address at $0.005/h x 730 = $3.65 in any region', async () => {
    const [f] = await findingsOn('unassociated-eip', { elasticIps: [eip({ region: 'eu-west-1' })] });
    expect(f?.action.kind).toBe('delete');
    expect(f?.monthlySavings).toBe(3.65);
    expect(f?.pricing.prices[0]).toMatchObject({ usd: 0.005, asOf: '2024-02-01' });
  });
});
