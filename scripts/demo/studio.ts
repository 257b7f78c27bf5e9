/**
 * The demo account's SageMaker Studio domain, as the collector writes it: a GPU JupyterLab space
 * left running for days in a domain that sets no idle shutdown (studio-app-without-idle-shutdown),
 * a large CPU JupyterLab app whose owner's profile turns idle shutdown on, and Studio Classic's
 * default KernelGateway on the free `system` instance.
 */
import type { SageMakerStudioApp } from '../../src/snapshot/types/sagemaker-studio-app.js';
import type { Window } from '../synthetic.js';

export function demoStudio(w: Window, account: string): SageMakerStudioApp[] {
  const created = (hours: number) => new Date(w.end.getTime() - hours * 3_600_000).toISOString();
  const base = { accountId: account, region: 'us-east-1', domainId: 'd-7xq2kfr9wz1m', domainName: 'research-studio', status: 'InService', tags: {} };
  return [
    {
      ...base,
      id: 'd-7xq2kfr9wz1m/priya-llm-eval/JupyterLab/default',
      name: 'default',
      appType: 'JupyterLab',
      spaceName: 'priya-llm-eval',
      instanceType: 'ml.g5.12xlarge',
      creationTime: created(9 * 24 + 5),
      space: { ownerUserProfileName: 'priya', sharingType: 'Private', ebsVolumeSizeGb: 100 },
      // Nothing set at any level: the domain was created before idle shutdown existed.
      idleSettings: {},
    },
    {
      ...base,
      id: 'd-7xq2kfr9wz1m/tom-features/JupyterLab/default',
      name: 'default',
      appType: 'JupyterLab',
      spaceName: 'tom-features',
      instanceType: 'ml.m5.4xlarge',
      creationTime: created(30),
      space: { ownerUserProfileName: 'tom', sharingType: 'Private', ebsVolumeSizeGb: 20 },
      idleSettings: { space: { idleTimeoutMinutes: 120 }, userProfile: { lifecycleManagement: 'ENABLED', idleTimeoutMinutes: 60 } },
    },
    {
      ...base,
      id: 'd-7xq2kfr9wz1m/tom/KernelGateway/default',
      name: 'default',
      appType: 'KernelGateway',
      userProfileName: 'tom',
      instanceType: 'system',
      creationTime: created(400),
      idleSettings: {},
    },
  ];
}
