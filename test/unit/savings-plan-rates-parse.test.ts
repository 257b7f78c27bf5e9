import { describe, expect, it } from 'vitest';
import { ApiRate, ratedUsage } from '../../src/collect/savings-plan-rates-parse.js';

/** Which Savings Plans rates price usage the commitment plan counts, as the rate APIs describe them. */
const rate = (usageType: string, over: Record<string, unknown> = {}, props: Record<string, string> = {}) =>
  ratedUsage(
    ApiRate.parse({
      rate: '0.1234',
      unit: 'Hrs',
      usageType,
      operation: 'RunInstances',
      properties: Object.entries({ region: 'us-west-2', instanceType: usageType.split(':')[1] ?? '', tenancy: 'shared', ...props }).map(([name, value]) => ({
        name,
        value,
      })),
      ...over,
    }),
  );

describe('ratedUsage', () => {
  it.each([
    ['USW2-BoxUsage:m6i.xlarge', {}, 'instance'],
    ['BoxUsage:m6i.xlarge', {}, 'instance'],
    ['USW2-Host:ml.g5.xlarge', { operation: 'RunInstance' }, 'hosting'],
    ['USW2-Notebk:ml.t3.medium', { operation: 'CreateNotebookInstance' }, 'notebook'],
    ['USW2-Train:ml.p4d.24xlarge', { operation: 'CreateTrainingJob' }, 'training'],
    ['USW2-Studio_JupyterLab:ml.g5.xlarge', { operation: 'CreateApp' }, 'studio'],
  ])('%s is %s usage', (usageType, over, use) => {
    expect(rate(usageType, over)).toMatchObject({ use, region: 'us-west-2', usd: 0.1234 });
  });

  it.each([
    ['Windows (another operation)', 'BoxUsage:m6i.xlarge', { operation: 'RunInstances:0002' }, {}],
    ['dedicated tenancy', 'USW2-DedicatedUsage:m6i.xlarge', {}, { tenancy: 'dedicated' }],
    ['shared usage type but dedicated tenancy property', 'USW2-BoxUsage:m6i.xlarge', {}, { tenancy: 'dedicated' }],
    ['SageMaker processing', 'USW2-Processing:ml.m5.xlarge', {}, {}],
    ['a unit other than hours', 'USW2-BoxUsage:m6i.xlarge', { unit: 'Request' }, {}],
    ['no region property', 'BoxUsage:m6i.xlarge', {}, { region: '' }],
  ])('%s is not counted', (_what, usageType, over, props) => {
    expect(rate(usageType, over, props)).toBeUndefined();
  });

  it('a rate that is not a decimal fails the schema', () => {
    expect(ApiRate.safeParse({ rate: '-1', usageType: 'BoxUsage:m6i.xlarge' }).success).toBe(false);
    expect(ApiRate.safeParse({ rate: 'NaN', usageType: 'BoxUsage:m6i.xlarge' }).success).toBe(false);
  });
});
