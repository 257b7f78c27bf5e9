import type { Capacity } from '../../engine/result.js';

/** One side of a move in a few words: "8x H100 (640 GiB), 192 vCPU, 2048 GiB". */
export function capacityText(c: Capacity | undefined): string {
  if (c === undefined) return '-';
  const parts: string[] = [];
  if (c.gpus !== undefined && c.gpus > 0) {
    const mem = c.gpuMemoryGiB !== undefined ? ` (${num(c.gpuMemoryGiB)} GiB)` : '';
    parts.push(`${c.gpus}x ${c.gpuModel ?? 'GPU'}${mem}`);
  }
  if (c.vcpu !== undefined && c.vcpu > 0) parts.push(`${num(c.vcpu)} vCPU`);
  if (c.memoryGiB !== undefined && c.memoryGiB > 0) parts.push(`${num(c.memoryGiB)} GiB`);
  if (c.storageGiB !== undefined) parts.push(`${num(c.storageGiB)} GiB stored`);
  if (c.storageClass !== undefined && c.storageClass !== c.label) parts.push(c.storageClass);
  return parts.length ? `${c.label}: ${parts.join(', ')}` : c.label;
}

export function utilText(c: Capacity | undefined): string | undefined {
  return c?.expectedUtilPct === undefined ? undefined : `${Math.round(c.expectedUtilPct)}%`;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
