import { DescribeTrainingJobCommand, paginateListTrainingJobs, type DescribeTrainingJobCommandOutput } from '@aws-sdk/client-sagemaker';
import { mapLimit } from '../aws/limiter.js';
import type { SageMakerTrainingJob } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, guarded, type RegionContext } from './context.js';
import { sagemakerTagsOf } from './sagemaker-tags.js';

export const sagemakerTrainingJobsCollector = defineCollector({
  id: 'sagemaker-training-jobs',
  service: 'sagemaker',
  scope: 'region',
  iamActions: ['sagemaker:ListTrainingJobs', 'sagemaker:DescribeTrainingJob', 'sagemaker:ListTags'],
  resourceType: 'sagemaker-training-job',
  step: 'sagemaker',
  what: 'SageMaker training jobs',
  collect: collectTrainingJobs,
  toSnapshot: (sagemakerTrainingJobs) => ({ resources: { sagemakerTrainingJobs } }),
  count: (list) => list.length,
});

/** Training jobs created in the lookback window (CreationTimeAfter = its start), each described: one failed describe loses only that job. */
export async function collectTrainingJobs(ctx: RegionContext): Promise<SageMakerTrainingJob[]> {
  const client = clientFor(ctx, 'sagemaker');
  const names: string[] = [];
  for await (const page of paginateListTrainingJobs({ client, pageSize: 100 }, { CreationTimeAfter: ctx.window.start })) {
    for (const j of page.TrainingJobSummaries ?? []) if (j.TrainingJobName) names.push(j.TrainingJobName);
  }
  const jobs = await mapLimit(names, 4, (name) =>
    guarded(ctx, 'sagemaker', `training job ${name}`, async () => {
      const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
      const tags = d.TrainingJobArn
        ? ((await guarded(ctx, 'sagemaker', `tags of training job ${name}`, () => sagemakerTagsOf(client, d.TrainingJobArn!))) ?? {})
        : {};
      return trainingJobOf(ctx, name, d, tags);
    }),
  );
  return jobs.filter((j): j is SageMakerTrainingJob => j !== undefined);
}

function trainingJobOf(ctx: RegionContext, name: string, d: DescribeTrainingJobCommandOutput, tags: Record<string, string>): SageMakerTrainingJob {
  const rc = d.ResourceConfig;
  // Heterogeneous clusters name their instance groups instead of one type; the first group stands for the job.
  const group = rc?.InstanceGroups?.[0];
  const wp = d.WarmPoolStatus;
  const sc = d.StoppingCondition;
  return {
    name,
    accountId: ctx.account.accountId,
    region: ctx.region,
    ...(d.TrainingJobArn ? { arn: d.TrainingJobArn } : {}),
    status: d.TrainingJobStatus ?? 'Unknown',
    creationTime: (d.CreationTime ?? ctx.now).toISOString(),
    ...(d.TrainingStartTime ? { trainingStartTime: d.TrainingStartTime.toISOString() } : {}),
    ...(d.TrainingEndTime ? { trainingEndTime: d.TrainingEndTime.toISOString() } : {}),
    instanceType: rc?.InstanceType ?? group?.InstanceType ?? 'unknown',
    instanceCount: rc?.InstanceCount ?? group?.InstanceCount ?? 0,
    managedSpot: d.EnableManagedSpotTraining === true,
    ...(rc?.TrainingPlanArn ? { trainingPlanArn: rc.TrainingPlanArn } : {}),
    ...(d.TrainingTimeInSeconds !== undefined ? { trainingTimeSeconds: d.TrainingTimeInSeconds } : {}),
    ...(d.BillableTimeInSeconds !== undefined ? { billableTimeSeconds: d.BillableTimeInSeconds } : {}),
    ...(d.CheckpointConfig?.S3Uri ? { checkpointS3Uri: d.CheckpointConfig.S3Uri } : {}),
    ...(sc?.MaxRuntimeInSeconds !== undefined ? { maxRuntimeSeconds: sc.MaxRuntimeInSeconds } : {}),
    ...(sc?.MaxWaitTimeInSeconds !== undefined ? { maxWaitTimeSeconds: sc.MaxWaitTimeInSeconds } : {}),
    ...(rc?.KeepAlivePeriodInSeconds !== undefined ? { keepAlivePeriodSeconds: rc.KeepAlivePeriodInSeconds } : {}),
    ...(wp
      ? {
          warmPool: {
            status: wp.Status ?? 'Unknown',
            ...(wp.ResourceRetainedBillableTimeInSeconds !== undefined ? { retainedBillableSeconds: wp.ResourceRetainedBillableTimeInSeconds } : {}),
            ...(wp.ReusedByJob ? { reusedByJob: wp.ReusedByJob } : {}),
          },
        }
      : {}),
    tags,
    metrics: {},
  };
}
