/** A SageMaker training job shaped as the collector writes it, for the training rules' tables. */
import { gauge, rng } from '../../scripts/synthetic.js';
import type { SageMakerTrainingJob } from '../../src/snapshot/schema.js';
import { END, WINDOW } from '../helpers/builders.js';

const rand = rng(11);
const daysAgo = (d: number) => new Date(END.getTime() - d * 86_400_000).toISOString();

export function trainingJob(j: Partial<SageMakerTrainingJob> & { gpu?: [avg: number, p95: number, max: number] }): SageMakerTrainingJob {
  const { gpu, ...rest } = j;
  return {
    name: 'train-test',
    accountId: '111122223333',
    region: 'us-east-1',
    status: 'Completed',
    creationTime: daysAgo(3),
    instanceType: 'ml.g5.2xlarge',
    instanceCount: 1,
    managedSpot: false,
    trainingTimeSeconds: 3 * 3600,
    billableTimeSeconds: 3 * 3600,
    tags: {},
    metrics: gpu ? { gpu: gauge(WINDOW, { avg: gpu[0], p95: gpu[1], max: gpu[2], days: 1 }, rand) } : {},
    ...rest,
  };
}
