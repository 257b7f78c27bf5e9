import { sagemakerEndpointsCollector } from '../../sagemaker-endpoints.js';
import { sagemakerRequests } from '../resources.js';
import { defineMetricSource } from '../source.js';

export const sagemakerEndpointMetrics = defineMetricSource({
  what: 'SageMaker endpoint metrics',
  collector: sagemakerEndpointsCollector,
  requests: (endpoints, _ctx, _client, summary) => sagemakerRequests(endpoints, summary),
});
