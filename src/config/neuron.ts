import { z } from 'zod';

/**
 * Where Inferentia/Trainium utilisation lives in CloudWatch. neuron-monitor (aws-neuronx-tools)
 * streams per-NeuronCore `neuroncore_utilization` (percent) and per-NeuronCore device memory
 * (`memory_used.neuroncore_memory_usage`, bytes), and its companion script publishes them:
 * `neuron-monitor | /opt/aws/neuron/bin/neuron-monitor-cloudwatch.py --namespace <ns> --region <r>`
 * (Neuron Monitor User Guide, "Companion scripts":
 * https://awsdocs-neuron.readthedocs-hosted.com/en/latest/tools/neuron-sys-tools/neuron-monitor-user-guide.html).
 * The guide names the command line and the per-NeuronCore dimension (`NeuronCore`, in its script
 * customisation example) but neither a default namespace nor the CloudWatch metric names, and calls
 * the script a sample to customise: so every name is a setting, the defaults are what mlcost's own
 * setup hint asks the script to publish, and docs/configuration.md says how to check yours
 * (`aws cloudwatch list-metrics --namespace <ns>`).
 */
export const NEURON_METRIC_DEFAULTS = {
  namespace: 'NeuronMonitor',
  coreUtilizationMetric: 'NeuronCoreUtilization',
  coreMemoryUsedMetric: 'NeuronCoreMemoryUsed',
  coreDimension: 'NeuronCore',
} as const;

export const NeuronMetricsSchema = z
  .object({
    /** The `--namespace` given to neuron-monitor-cloudwatch.py. */
    namespace: z.string().min(1).default(NEURON_METRIC_DEFAULTS.namespace),
    /** Per-NeuronCore utilisation, percent (0-100), one series per core. */
    coreUtilizationMetric: z.string().min(1).default(NEURON_METRIC_DEFAULTS.coreUtilizationMetric),
    /** Per-NeuronCore device memory used, bytes. */
    coreMemoryUsedMetric: z.string().min(1).default(NEURON_METRIC_DEFAULTS.coreMemoryUsedMetric),
    /** The dimension holding the NeuronCore index; series are matched to instances by InstanceId. */
    coreDimension: z.string().min(1).default(NEURON_METRIC_DEFAULTS.coreDimension),
  })
  .strict();

export type NeuronMetricsConfig = z.infer<typeof NeuronMetricsSchema>;
