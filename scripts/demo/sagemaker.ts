/**
 * The demo's SageMaker training jobs (two weeks of them) and a GPU endpoint with office-hours
 * traffic, so training-without-spot, unused-warm-pool, training-gpu-underused and
 * low-traffic-gpu-endpoint each show in `audit --demo`. Its own random stream, so adding it leaves
 * the rest of the demo's numbers as they were.
 */
import { profileFromHours } from '../../src/snapshot/hour-of-week.js';
import type { SageMakerEndpoint, SageMakerTrainingJob } from '../../src/snapshot/schema.js';
import { counter, gauge, rng, type Window } from '../synthetic.js';

interface Accounts {
  research: string;
  prod: string;
}

const rand = rng(1616);
const ago = (w: Window, days: number, hours = 0) => new Date(w.end.getTime() - days * 86_400_000 - hours * 3_600_000).toISOString();

export function demoSageMaker(w: Window, a: Accounts): { sagemakerTrainingJobs: SageMakerTrainingJob[]; sagemakerEndpoints: SageMakerEndpoint[] } {
  const job = (name: string, daysAgo: number, j: Partial<SageMakerTrainingJob>): SageMakerTrainingJob => ({
    name,
    accountId: a.research,
    region: 'us-east-1',
    arn: `arn:aws:sagemaker:us-east-1:${a.research}:training-job/${name}`,
    status: 'Completed',
    creationTime: ago(w, daysAgo),
    trainingStartTime: ago(w, daysAgo, -0.1),
    instanceType: 'ml.g5.2xlarge',
    instanceCount: 1,
    managedSpot: false,
    maxRuntimeSeconds: 86_400,
    tags: { team: 'research' },
    metrics: { gpu: gauge(w, { avg: 70, p95: 88, max: 97, days: 1 }, rand) },
    ...j,
  });
  const hours = (h: number) => ({ trainingTimeSeconds: h * 3600, billableTimeSeconds: h * 3600 });
  const ckpt = (run: string) => ({ checkpointS3Uri: `s3://acme-ml-checkpoints/${run}/` });
  return {
    sagemakerTrainingJobs: [
      // On-demand fine-tunes that checkpoint: managed spot candidates.
      job('bert-finetune-2026-11-08', 12, { instanceCount: 2, ...hours(6), ...ckpt('bert-1108') }),
      job('bert-finetune-2026-11-12', 8, { instanceCount: 2, ...hours(7), ...ckpt('bert-1112') }),
      job('bert-finetune-2026-11-17', 3, { instanceCount: 2, ...hours(6.5), ...ckpt('bert-1117') }),
      // A hyper-parameter sweep on spot with a warm pool that no later job reused.
      job('hpo-sweep-trial-042', 5, {
        managedSpot: true,
        trainingTimeSeconds: 2 * 3600,
        billableTimeSeconds: 2600,
        maxWaitTimeSeconds: 4 * 3600,
        keepAlivePeriodSeconds: 3600,
        warmPool: { status: 'Terminated', retainedBillableSeconds: 3600 },
      }),
      // Four GPU hosts for a job whose GPUs waited on data.
      job('resnet-pretrain-4node', 6, {
        instanceCount: 4,
        managedSpot: true,
        trainingTimeSeconds: 10 * 3600,
        billableTimeSeconds: 9 * 3600,
        maxWaitTimeSeconds: 20 * 3600,
        ...ckpt('resnet-4node'),
        metrics: { gpu: gauge(w, { avg: 8, p95: 14, max: 31, days: 1 }, rand), cpu: gauge(w, { avg: 40, p95: 71, max: 93, days: 1 }, rand) },
      }),
      // A well-run job: spot, checkpoints, busy GPUs; nothing to say.
      job('xgb-churn-nightly', 1, { instanceType: 'ml.m5.large', managedSpot: true, ...hours(1), billableTimeSeconds: 1500, ...ckpt('xgb'), metrics: {} }),
    ],
    sagemakerEndpoints: [
      {
        name: 'doc-summarizer-office-hours',
        accountId: a.research,
        region: 'us-east-1',
        status: 'InService',
        creationTime: ago(w, 90),
        tags: { team: 'applied-ml' },
        variants: [
          {
            name: 'AllTraffic',
            instanceType: 'ml.g5.xlarge',
            instanceCount: 1,
            serverless: false,
            metrics: {
              // Traffic 09:00-13:00 UTC on weekdays only: 20 active hours a week.
              invocations: {
                ...counter(w, 1_200, rand),
                hourOfWeek: profileFromHours(Array.from({ length: 168 }, (_, h) => (h < 120 && h % 24 >= 9 && h % 24 < 13 ? 60 : 0))),
              },
              cpu: gauge(w, { avg: 2, p95: 9, max: 30 }, rand),
              gpu: gauge(w, { avg: 4, p95: 35, max: 70 }, rand),
              gpuMemory: gauge(w, { avg: 55, p95: 56, max: 57 }, rand),
            },
          },
        ],
      },
    ],
  };
}
