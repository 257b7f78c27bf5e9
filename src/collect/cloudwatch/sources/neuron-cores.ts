import { ec2InstancesCollector } from '../../ec2-instances.js';
import { neuronMissingWarning, neuronRequests } from '../neuron.js';
import { defineMetricSource } from '../source.js';

/** Per-NeuronCore utilisation and device memory of Inferentia/Trainium instances, from neuron-monitor's CloudWatch publisher. */
export const neuronCoreMetrics = defineMetricSource({
  what: 'NeuronCore metrics (neuron-monitor)',
  collector: ec2InstancesCollector,
  requests: async ({ instances }, ctx, client, summary) => {
    const cfg = ctx.config.cloudwatch.neuron;
    const { requests, missing } = await neuronRequests(
      client,
      cfg,
      instances.filter((i) => i.state !== 'terminated'),
      summary,
    );
    const warning = neuronMissingWarning(
      cfg,
      { accountId: ctx.account.accountId, region: ctx.region },
      missing.filter((i) => i.state === 'running'),
    );
    if (warning) ctx.warnings.add(warning);
    return requests;
  },
});
