import type { Ec2Instance } from '../../snapshot/schema.js';
import { round } from './metrics.js';

/**
 * Gbps from the busiest collection period of each direction (AWS/EC2 NetworkIn and NetworkOut, Sum
 * per period). The two peaks may fall in different periods, so their sum bounds the combined peak
 * from above: the careful side for a downsize. Undefined when neither was collected.
 */
export function networkPeakGbps(metrics: Ec2Instance['metrics']): number | undefined {
  const rate = (m: Ec2Instance['metrics']['networkInBytes']) => (m && m.datapoints > 0 ? (m.max * 8) / m.periodSeconds / 1e9 : undefined);
  const inGbps = rate(metrics.networkInBytes);
  const outGbps = rate(metrics.networkOutBytes);
  if (inGbps === undefined && outGbps === undefined) return undefined;
  return round((inGbps ?? 0) + (outGbps ?? 0), 4);
}
