import { ebsVolumesCollector } from '../../ebs-volumes.js';
import { ebsRequests } from '../resources.js';
import { defineMetricSource } from '../source.js';

export const ebsVolumeMetrics = defineMetricSource({
  what: 'EBS volume metrics',
  collector: ebsVolumesCollector,
  requests: (volumes, _ctx, _client, summary) => ebsRequests(volumes, summary),
});
