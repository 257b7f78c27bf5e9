/** A SageMaker Studio app shaped as the collector writes it, for the Studio rule's table. */
import type { SageMakerStudioApp } from '../../src/snapshot/types/sagemaker-studio-app.js';
import { END } from '../helpers/builders.js';

const hoursAgo = (h: number) => new Date(END.getTime() - h * 3_600_000).toISOString();

/** A private JupyterLab space's app on ml.g5.2xlarge, running 3 days, with no idle setting at any level. */
export function studioApp(a: Partial<SageMakerStudioApp>): SageMakerStudioApp {
  const name = a.name ?? 'default';
  const space = a.spaceName ?? 'alice-space';
  const appType = a.appType ?? 'JupyterLab';
  return {
    id: `d-test/${space}/${appType}/${name}`,
    name,
    accountId: '111122223333',
    region: 'us-east-1',
    domainId: 'd-test',
    domainName: 'research',
    appType,
    status: 'InService',
    spaceName: space,
    instanceType: 'ml.g5.2xlarge',
    creationTime: hoursAgo(72),
    space: { ownerUserProfileName: 'alice', sharingType: 'Private', ebsVolumeSizeGb: 5 },
    idleSettings: {},
    tags: {},
    ...a,
  };
}
