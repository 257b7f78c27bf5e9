import { z } from 'zod';
import type { S3PriceClass } from '../catalog/index.js';
import type { CollectedPrice } from '../snapshot/schema.js';

/** The parts of a Pricing API PriceList item mlcost reads; everything else is ignored. */
const Dimension = z.object({ unit: z.string().optional(), pricePerUnit: z.record(z.string(), z.string()).default({}), beginRange: z.string().optional() });
const Term = z.object({
  priceDimensions: z.record(z.string(), Dimension).default({}),
  termAttributes: z.record(z.string(), z.string()).default({}),
});
export const PriceItemSchema = z.object({
  product: z.object({ productFamily: z.string().optional(), attributes: z.record(z.string(), z.string()).default({}) }),
  terms: z.object({ OnDemand: z.record(z.string(), Term).optional(), Reserved: z.record(z.string(), Term).optional() }).default({}),
  publicationDate: z.string().optional(),
});
export type PriceItem = z.infer<typeof PriceItemSchema>;

export interface ParseContext {
  service: CollectedPrice['service'];
  source: string;
  asOf: string;
}

/** PriceList entries are JSON strings; one that is not valid JSON or not the expected shape is skipped. */
export function parsePriceList(entries: readonly string[]): PriceItem[] {
  return entries.flatMap((e) => {
    try {
      const r = PriceItemSchema.safeParse(JSON.parse(e));
      return r.success ? [r.data] : [];
    } catch {
      return [];
    }
  });
}

/**
 * EC2 compute items: the on-demand hourly rate, and the standard no-upfront 1- and 3-year
 * reserved rates (no upfront fee, so the hourly rate is the whole price).
 */
export function ec2Prices(items: readonly PriceItem[], ctx: ParseContext): CollectedPrice[] {
  const out: CollectedPrice[] = [];
  for (const item of items) {
    const a = item.product.attributes;
    const type = a['instanceType'];
    const region = a['regionCode'];
    if (!type || !region) continue;
    const od = hourly(Object.values(item.terms.OnDemand ?? {}));
    if (od !== undefined) out.push({ service: 'ec2', region, key: type, term: 'on-demand', usd: od, unit: 'Hrs', source: ctx.source, asOf: ctx.asOf });
    for (const term of Object.values(item.terms.Reserved ?? {})) {
      const t = term.termAttributes;
      if (t['PurchaseOption'] !== 'No Upfront' || t['OfferingClass'] !== 'standard') continue;
      const lease = t['LeaseContractLength'] === '1yr' ? 'reserved-1yr-no-upfront' : t['LeaseContractLength'] === '3yr' ? 'reserved-3yr-no-upfront' : undefined;
      const usd = hourly([term]);
      if (lease && usd !== undefined) out.push({ service: 'ec2', region, key: type, term: lease, usd, unit: 'Hrs', source: ctx.source, asOf: ctx.asOf });
    }
  }
  return dedupe(out);
}

/** EBS storage items: $/GB-month per volume type (volumeApiName), first price tier. */
export function ebsPrices(items: readonly PriceItem[], ctx: ParseContext): CollectedPrice[] {
  const out: CollectedPrice[] = [];
  for (const item of items) {
    const a = item.product.attributes;
    const volumeType = a['volumeApiName'];
    const region = a['regionCode'];
    if (!volumeType || !region) continue;
    const usd = firstTier(Object.values(item.terms.OnDemand ?? {}), 'GB-Mo');
    if (usd !== undefined) out.push({ service: 'ebs', region, key: volumeType, term: 'on-demand', usd, unit: 'GB-Mo', source: ctx.source, asOf: ctx.asOf });
  }
  return dedupe(out);
}

/**
 * S3 storage classes by Price List usagetype (the names AWS's usage reports use). us-east-1
 * items carry no region prefix, other regions one word such as "USE2-"; "Tables-…" (S3 Tables)
 * and "-SmObjects"/"-Staging" variants share the suffixes, so the whole usagetype must match.
 */
const S3_USAGE_TYPES: Record<S3PriceClass, string> = {
  STANDARD: 'TimedStorage-ByteHrs',
  INTELLIGENT_TIERING_FA: 'TimedStorage-INT-FA-ByteHrs',
  INTELLIGENT_TIERING_IA: 'TimedStorage-INT-IA-ByteHrs',
  INTELLIGENT_TIERING_AIA: 'TimedStorage-INT-AIA-ByteHrs',
  STANDARD_IA: 'TimedStorage-SIA-ByteHrs',
  ONEZONE_IA: 'TimedStorage-ZIA-ByteHrs',
  GLACIER_IR: 'TimedStorage-GIR-ByteHrs',
  GLACIER: 'TimedStorage-GlacierByteHrs',
  DEEP_ARCHIVE: 'TimedStorage-GDA-ByteHrs',
};
const S3_CLASS_BY_USAGE = new Map(Object.entries(S3_USAGE_TYPES).map(([k, v]) => [v, k]));
const REGION_PREFIXED = /^(?:[A-Z]{2,}\d*-)?(.+)$/;

/** S3 storage items: $/GB-month of the first volume tier (0–50 TB for STANDARD) per storage class. */
export function s3Prices(items: readonly PriceItem[], ctx: ParseContext): CollectedPrice[] {
  const out: CollectedPrice[] = [];
  for (const item of items) {
    const a = item.product.attributes;
    const region = a['regionCode'];
    const storageClass = S3_CLASS_BY_USAGE.get(REGION_PREFIXED.exec(a['usagetype'] ?? '')?.[1] ?? '');
    if (!region || !storageClass) continue;
    const usd = firstTier(Object.values(item.terms.OnDemand ?? {}), 'GB-Mo');
    if (usd !== undefined) out.push({ service: 's3', region, key: storageClass, term: 'on-demand', usd, unit: 'GB-Mo', source: ctx.source, asOf: ctx.asOf });
  }
  return dedupe(out);
}

/** "USE1-Host:ml.m5.large" (real-time inference) and "USE1-Notebk:ml.t3.medium" (notebook instances). */
const SAGEMAKER_USAGE = /^(?:[A-Z]{2,}\d*-)?(Host|Notebk):(ml\.[a-z0-9.-]+)$/;

/**
 * SageMaker ML-instance items: the on-demand hourly rate of real-time inference hosting (key
 * = the ml.* type, as the catalog's sagemakerHourly reads it) and of notebook instances (key =
 * "notebook:" + type). Training, processing, Studio and other components are ignored.
 */
export function sagemakerPrices(items: readonly PriceItem[], ctx: ParseContext): CollectedPrice[] {
  const out: CollectedPrice[] = [];
  for (const item of items) {
    const a = item.product.attributes;
    const region = a['regionCode'];
    const m = SAGEMAKER_USAGE.exec(a['usagetype'] ?? '');
    if (!region || !m) continue;
    const [, kind, type] = m;
    // The usagetype says which component; a hosting item that names another one, or a Studio notebook, is not it.
    const component = a['component'];
    if (component !== undefined && (kind === 'Host' ? component !== 'Hosting' : /studio/i.test(component))) continue;
    const usd = hourly(Object.values(item.terms.OnDemand ?? {}));
    const key = kind === 'Host' ? type! : `notebook:${type!}`;
    if (usd !== undefined) out.push({ service: 'sagemaker', region, key, term: 'on-demand', usd, unit: 'Hrs', source: ctx.source, asOf: ctx.asOf });
  }
  return dedupe(out);
}

function hourly(terms: readonly z.infer<typeof Term>[]): number | undefined {
  return firstTier(terms, 'Hrs');
}

function firstTier(terms: readonly z.infer<typeof Term>[], unit: string): number | undefined {
  for (const term of terms) {
    for (const dim of Object.values(term.priceDimensions)) {
      if (dim.unit !== unit || (dim.beginRange !== undefined && Number(dim.beginRange) !== 0)) continue;
      const usd = Number(dim.pricePerUnit['USD']);
      if (Number.isFinite(usd)) return usd;
    }
  }
  return undefined;
}

/** Several SKUs can match one filter (e.g. capacity reservations); the lowest positive rate is the list price. */
function dedupe(prices: CollectedPrice[]): CollectedPrice[] {
  const best = new Map<string, CollectedPrice>();
  for (const p of prices) {
    const k = `${p.service}|${p.region}|${p.key}|${p.term}`;
    const prev = best.get(k);
    if (p.usd > 0 && (!prev || p.usd < prev.usd)) best.set(k, p);
  }
  return [...best.values()];
}
