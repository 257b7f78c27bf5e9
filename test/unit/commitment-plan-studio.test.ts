import { describe, expect, it } from 'vitest';
import { audit, snapshotOf } from '../helpers/builders.js';
import { studioApp } from '../rules/studio-apps.js';

/** Studio apps are SageMaker usage: SageMaker Savings Plans see them, net of the idle-shutdown finding. */
describe('commitment plan: SageMaker Studio apps', () => {
  const on = { domainUserDefault: { lifecycleManagement: 'ENABLED', idleTimeoutMinutes: 60 } } as const;

  it('counts an InService app with idle shutdown in the ml.g5 SageMaker line at its Studio rate; a system app and a deleted one are not usage', async () => {
    const r = await audit(
      snapshotOf({
        sagemakerStudioApps: [
          studioApp({ name: 'kept', idleSettings: on }),
          studioApp({ name: 'free', appType: 'KernelGateway', instanceType: 'system', spaceName: undefined, userProfileName: 'alice' }),
          studioApp({ name: 'gone', status: 'Deleted', instanceType: 'ml.g5.4xlarge', idleSettings: on }),
        ],
      }),
    );
    const lines = r.commitmentPlan?.accounts[0]?.lines ?? [];
    expect(lines.map((l) => [l.pool, l.family, l.usage, l.netted])).toEqual([
      ['sagemaker', 'ml.g5', [{ instanceType: 'ml.g5.2xlarge', use: 'studio', count: 1, onDemandHourly: 1.52 }], []],
    ]);
  });

  it('an app flagged for idle shutdown leaves the steady usage, and the plan says why', async () => {
    const r = await audit(snapshotOf({ sagemakerStudioApps: [studioApp({ name: 'left-on' })] }));
    const line = r.commitmentPlan?.accounts[0]?.lines[0];
    expect(line?.grossHourly).toBe(1.52);
    expect(line?.netHourly).toBe(0);
    expect(line?.netted).toEqual([
      { resourceId: 'd-test/alice-space/JupyterLab/left-on', ruleId: 'studio-app-without-idle-shutdown', effect: 'to run on a schedule, not every hour' },
    ]);
  });
});
