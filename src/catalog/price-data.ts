import { z } from 'zod';
import ec2Raw from './data/ec2-ondemand-prices.json' with { type: 'json' };
import regionalRaw from './data/ec2-accelerated-regional-prices.json' with { type: 'json' };
import storageRaw from './data/storage-prices.json' with { type: 'json' };
import sagemakerRaw from './data/sagemaker-prices.json' with { type: 'json' };
import networkRaw from './data/network-prices.json' with { type: 'json' };
import reservedRaw from './data/ec2-reserved-rates.json' with { type: 'json' };
import { RESERVED_TERMS } from './commitment-terms.js';
import fsxRaw from './data/fsx-prices.json' with { type: 'json' };
import { UserError } from '../errors.js';

/** A price: a non-negative number of USD (zod 4 numbers reject NaN and Infinity). A negative one would become a fake saving. */
const usd = z.number().nonnegative();
const dated = { source: z.string().min(1), asOf: z.iso.date() };
const listPrices = z.object({ ...dated, sameListPriceRegions: z.array(z.string().min(1)).min(1), prices: z.record(z.string(), usd) });

/** Every hand-curated SageMaker figure names the copies it came from. */
const withProvenance = <T extends z.ZodType<{ prices: Record<string, number>; provenance: Record<string, string> }>>(schema: T) =>
  schema.refine((t) => Object.keys(t.prices).every((k) => (t.provenance[k] ?? '') !== ''), { error: 'every price needs its provenance' });

const storageTable = z.object({ ...dated, sameListPriceRegions: z.array(z.string()).min(1), gbMonth: z.record(z.string(), usd) });

/** One row per embedded price file: its name (for the error line) and its schema. */
const FILES = {
  ec2OnDemand: { file: 'ec2-ondemand-prices.json', raw: ec2Raw as unknown, schema: listPrices },
  ec2Regional: {
    file: 'ec2-accelerated-regional-prices.json',
    raw: regionalRaw as unknown,
    schema: z.object({
      ...dated,
      prices: z.record(z.string(), z.record(z.string(), z.object({ onDemand: usd, reserved1yrNoUpfront: usd.optional() }))),
    }),
  },
  ec2Reserved: {
    file: 'ec2-reserved-rates.json',
    raw: reservedRaw as unknown,
    schema: z.object({
      ...dated,
      prices: z.record(z.string(), z.record(z.string(), z.partialRecord(z.enum(RESERVED_TERMS.map((t) => t.id)), usd))),
    }),
  },
  storage: {
    file: 'storage-prices.json',
    raw: storageRaw as unknown,
    schema: z.object({
      ebs: storageTable,
      s3: storageTable.extend({ intelligentTieringMonitoringPer1000Objects: usd, getRequestsPer1000: usd, putRequestsPer1000: usd }),
      ebsSnapshot: storageTable,
      gp3Performance: z.object({ ...dated, sameListPriceRegions: z.array(z.string()).min(1), iopsMonth: usd, throughputMiBpsMonth: usd }),
    }),
  },
  sagemaker: {
    file: 'sagemaker-prices.json',
    raw: sagemakerRaw as unknown,
    schema: withProvenance(
      listPrices.extend({
        provenance: z.record(z.string(), z.string()),
        notebook: withProvenance(listPrices.extend({ provenance: z.record(z.string(), z.string()) })),
        training: withProvenance(listPrices.extend({ provenance: z.record(z.string(), z.string()), notes: z.string() })),
        /** Studio rates apply to the app types listed; another app type on the same instance is unknown. */
        studio: withProvenance(
          listPrices.extend({ provenance: z.record(z.string(), z.string()), notes: z.string(), appTypes: z.array(z.string().min(1)).min(1) }),
        ),
      }),
    ),
  },
  fsx: {
    file: 'fsx-prices.json',
    raw: fsxRaw as unknown,
    // Keys of prices: DEPLOYMENT_TYPE/STORAGE_TYPE[/MB/s per TiB], $ per GB-month; a key without a figure is unpriced, never $0.
    schema: z.object({
      lustre: withProvenance(
        z.object({
          ...dated,
          sameListPriceRegions: z.array(z.string().min(1)).min(1),
          prices: z.record(z.string(), usd),
          provenance: z.record(z.string(), z.string()),
        }),
      ),
    }),
  },
  network: {
    file: 'network-prices.json',
    raw: networkRaw as unknown,
    schema: z.object({ publicIpv4: z.object({ ...dated, usdPerHour: usd, note: z.string() }) }),
  },
} as const;

type Files = typeof FILES;
export type PriceData = { [K in keyof Files]: z.infer<Files[K]['schema']> };
export type PriceDataInput = { [K in keyof Files]?: unknown };

/**
 * The embedded price files, validated. A file that fails its schema is one line naming the file and
 * the first bad field (exit 2): the catalog ships with mlcost, so a bad one means a bad build or edit.
 * `override` replaces files' contents (tests).
 */
export function parsePriceData(override: PriceDataInput = {}): PriceData {
  const out: Partial<Record<keyof Files, unknown>> = {};
  for (const name of Object.keys(FILES) as (keyof Files)[]) {
    const { file, raw, schema } = FILES[name];
    const parsed = schema.safeParse(name in override ? override[name] : raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : '(top level)';
      throw new UserError(
        `src/catalog/data/${file}: ${where}: ${issue?.message ?? 'invalid'}; the embedded price catalog is damaged (rebuild or reinstall mlcost)`,
      );
    }
    out[name] = parsed.data;
  }
  return out as PriceData;
}

let validated: PriceData | undefined;

/** The embedded catalog, validated on first use (inside a command, so a bad file is a user-facing error). */
export function priceData(): PriceData {
  return (validated ??= parsePriceData());
}
