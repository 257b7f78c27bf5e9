import { z } from 'zod';
import ec2Raw from './data/ec2-ondemand-prices.json' with { type: 'json' };
import regionalRaw from './data/ec2-accelerated-regional-prices.json' with { type: 'json' };
import storageRaw from './data/storage-prices.json' with { type: 'json' };
import sagemakerRaw from './data/sagemaker-prices.json' with { type: 'json' };
import networkRaw from './data/network-prices.json' with { type: 'json' };
import reservedRaw from './data/ec2-reserved-rates.json' with { type: 'json' };
import reservedCpuRaw from './data/ec2-reserved-rates-cpu.json' with { type: 'json' };
import cpuRegionalRaw from './data/ec2-cpu-regional-prices.json' with { type: 'json' };
import { RESERVED_TERMS } from './commitment-terms.js';
import fsxRaw from './data/fsx-prices.json' with { type: 'json' };
import bedrockRaw from './data/bedrock-prices.json' with { type: 'json' };
import cpuRegional2025Raw from './data/ec2-cpu-regional-prices-2025-04.json' with { type: 'json' };
import reservedCpu2025Raw from './data/ec2-reserved-rates-cpu-2025-04.json' with { type: 'json' };
import { UserError } from '../errors.js';
import { usdRecord, usdTable } from './usd-tree.js';

/** A price: a non-negative number of USD (zod 4 numbers reject NaN and Infinity). A negative one would become a fake saving. */
const usd = z.number().nonnegative();
const dated = { source: z.string().min(1), asOf: z.iso.date() };
const listPrices = z.object({ ...dated, sameListPriceRegions: z.array(z.string().min(1)).min(1), prices: z.record(z.string(), usd) });

/** Every hand-curated SageMaker figure names the copies it came from. */
const withProvenance = <T extends z.ZodType<{ prices: Record<string, number>; provenance: Record<string, string> }>>(schema: T) =>
  schema.refine((t) => Object.keys(t.prices).every((k) => (t.provenance[k] ?? '') !== ''), { error: 'every price needs its provenance' });

/** A SageMaker figure sourced for fewer regions than its table's list names them (e.g. a us-east-1-only bulk file). */
const figureRegions = { figureRegions: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional() };

const storageTable = z.object({ ...dated, sameListPriceRegions: z.array(z.string()).min(1), gbMonth: z.record(z.string(), usd) });

/** A class's price ladder: rungs from 0 GB up, strictly ascending (a rung out of order would bill GB twice or not at all). */
const ladder = z
  .array(z.object({ fromGb: z.number().nonnegative(), usd }))
  .min(1)
  .refine((rungs) => rungs[0]?.fromGb === 0 && rungs.every((r, i) => i === 0 || r.fromGb > rungs[i - 1]!.fromGb), {
    error: 'rungs must start at 0 GB and ascend',
  });

const s3Table = storageTable
  .extend({
    intelligentTieringMonitoringPer1000Objects: usd,
    getRequestsPer1000: usd,
    putRequestsPer1000: usd,
    tiers: z.object({ ...dated, sameListPriceRegions: z.array(z.string()).min(1), classes: z.record(z.string(), ladder), notes: z.string() }),
  })
  // The first rung is the flat figure every other lookup reads: two different numbers would price one bucket two ways.
  .refine((t) => Object.entries(t.tiers.classes).every(([cls, rungs]) => t.gbMonth[cls] === rungs[0]?.usd), {
    error: "a tiered class's first rung must equal its gbMonth price",
  });

/** Standard RI effective hourly rates: instance type -> region -> term -> USD (two files share it). */
const reservedRates = z.object({
  ...dated,
  prices: usdTable(RESERVED_TERMS.map((t) => t.id)),
});

/** Prices gathered region by region from different documents: each region block names its source (a key of `sources`). */
const regionalBySource = z
  .object({
    sources: z.record(z.string(), z.object(dated)),
    regions: z.record(z.string(), z.object({ source: z.string().min(1), prices: usdRecord() })),
  })
  .refine((t) => Object.values(t.regions).every((r) => r.source in t.sources), { error: "every region block's source must be a key of sources" });

/** Bedrock Provisioned Throughput terms as the catalog names them (the API's commitmentDuration maps onto them in PriceBook). */
export const BEDROCK_TERMS = ['no-commitment', '1-month', '6-month'] as const;

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
  ec2Reserved: { file: 'ec2-reserved-rates.json', raw: reservedRaw as unknown, schema: reservedRates },
  ec2ReservedCpu: { file: 'ec2-reserved-rates-cpu.json', raw: reservedCpuRaw as unknown, schema: reservedRates },
  ec2CpuRegional: { file: 'ec2-cpu-regional-prices.json', raw: cpuRegionalRaw as unknown, schema: regionalBySource },
  ec2CpuRegional2025: { file: 'ec2-cpu-regional-prices-2025-04.json', raw: cpuRegional2025Raw as unknown, schema: regionalBySource },
  ec2ReservedCpu2025: { file: 'ec2-reserved-rates-cpu-2025-04.json', raw: reservedCpu2025Raw as unknown, schema: reservedRates },
  storage: {
    file: 'storage-prices.json',
    raw: storageRaw as unknown,
    schema: z.object({
      ebs: storageTable,
      s3: s3Table,
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
        ...figureRegions,
        notebook: withProvenance(listPrices.extend({ provenance: z.record(z.string(), z.string()), ...figureRegions })),
        training: withProvenance(listPrices.extend({ provenance: z.record(z.string(), z.string()), notes: z.string(), ...figureRegions })),
        /** Studio rates apply to the app types listed; another app type on the same instance is unknown. */
        studio: withProvenance(
          listPrices.extend({
            provenance: z.record(z.string(), z.string()),
            notes: z.string(),
            appTypes: z.array(z.string().min(1)).min(1),
            ...figureRegions,
          }),
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
  bedrock: {
    file: 'bedrock-prices.json',
    raw: bedrockRaw as unknown,
    // Base model id -> commitment term -> USD per model unit-hour; a term the source does not offer is absent (unknown).
    schema: z.object({
      ...dated,
      sameListPriceRegions: z.array(z.string().min(1)).min(1),
      notes: z.string(),
      provisionedThroughput: z.record(z.string(), z.partialRecord(z.enum(BEDROCK_TERMS), usd)),
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
