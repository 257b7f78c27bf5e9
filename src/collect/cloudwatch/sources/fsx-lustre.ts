import { fsxLustreCollector } from '../../fsx-lustre.js';
import type { MetricRequest } from '../batch.js';
import { assign } from '../ec2.js';
import { summarize } from '../summarize.js';
import { defineMetricSource } from '../source.js';

/**
 * AWS/FSx by FileSystemId (FSx for Lustre User Guide, "Monitoring with Amazon CloudWatch"): DataReadBytes and
 * DataWriteBytes summed per period (bytes moved), FreeDataStorageCapacity at its period Minimum, stored as
 * capacity minus free so the summary's max is the fullest the file system got.
 */
export const fsxLustreMetrics = defineMetricSource({
  what: 'FSx for Lustre metrics',
  collector: fsxLustreCollector,
  requests: (fileSystems, _ctx, _client, summary) =>
    fileSystems
      .filter((fs) => fs.lifecycle === 'AVAILABLE')
      .flatMap((fs): MetricRequest[] => {
        const dimensions = [{ Name: 'FileSystemId', Value: fs.id }];
        const capacityBytes = fs.storageCapacityGiB * 2 ** 30;
        const counter = { counter: true, windowHours: summary.windowHours };
        const bytesMoved = (metricName: string, key: 'dataReadBytes' | 'dataWriteBytes'): MetricRequest => ({
          namespace: 'AWS/FSx',
          metricName,
          dimensions,
          stat: 'Sum',
          onResult: (s) => {
            assign(fs.metrics, key, summarize(s, summary.periodSeconds, counter));
          },
        });
        return [
          bytesMoved('DataReadBytes', 'dataReadBytes'),
          bytesMoved('DataWriteBytes', 'dataWriteBytes'),
          {
            namespace: 'AWS/FSx',
            metricName: 'FreeDataStorageCapacity',
            dimensions,
            stat: 'Minimum',
            onResult: (s) => {
              const used = { timestamps: s.timestamps, values: s.values.map((free) => Math.max(0, capacityBytes - free)) };
              assign(fs.metrics, 'usedDataStorageBytes', summarize(used, summary.periodSeconds, { counter: false, windowHours: summary.windowHours }));
            },
          },
        ];
      }),
});
