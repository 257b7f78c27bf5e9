// Over 250 lines on purpose: PriceBook is the one place a price is chosen (collected, then embedded by file); its lookups share that order.
import type storageJson from './data/storage-prices.json';
import type { CollectedPrice } from '../snapshot/schema.js';
import { priceData, type PriceData, type BEDROCK_TERMS } from './price-data.js';
import type { ReservedTerm } from './commitment-terms.js';
import { orRegionalStorage, regionalS3Ladder } from './storage-regional.js';
import type { LadderLookup } from './s3-tiers.js';
import { EMBEDDED_ON_DEMAND, EMBEDDED_RESERVED, firstPrice } from './ec2-embedded.js';

/** A month is 730 hours everywhere in mlcost (AWS's own convention). */
export const HOURS_PER_MONTH = 730;

export interface Price {
  usd: number;
  unit: 'hour' | 'GB-month' | 'IOPS-month' | 'MiBps-month';
  source: string;
  asOf: string;
  /** How the figure applies to this region, e.g. "us-east-1 list price (same list price in us-west-2)". */
  basis: string;
}

/** A price is known, or explicitly unknown with the reason: never a silent 0. */
export type PriceLookup = { known: true; price: Price } | { known: false; reason: string };

type LookupTree = Map<string, LookupTree | PriceLookup>;

export type S3PriceClass = keyof typeof storageJson.s3.gbMonth;
export type EbsVolumeType = keyof typeof storageJson.ebs.gbMonth;

/**
 * Prices for one audit: live prices collected into the Snapshot win; otherwise the embedded,
 * dated catalog: the us-east-1 list (and the regions AWS lists at the same price), then, for
 * accelerated types, their own price in every commercial region. Anything else is unknown.
 */
export class PriceBook {
  private readonly collected = new Map<string, CollectedPrice>();
  private readonly lookups: LookupTree = new Map();
  private readonly ladders = new Map<string, LadderLookup>();
  private readonly data: PriceData;

  constructor(collected: readonly CollectedPrice[] = []) {
    // Validated here, not at import: a damaged catalog file is then the command's one-line error (exit 2).
    this.data = priceData();
    for (const p of collected) this.collected.set(key(p.service, p.region, p.key, p.term), p);
  }

  ec2OnDemand(instanceType: string, region: string): PriceLookup {
    const ec2 = this.data.ec2OnDemand;
    return this.cached(['ec2OnDemand', instanceType, region], () =>
      this.liveOrEmbedded('ec2', region, instanceType, 'hour', () => {
        const usEast1List = embedded(ec2.prices[instanceType], region, ec2.sameListPriceRegions, {
          unit: 'hour',
          source: ec2.source,
          asOf: ec2.asOf,
          what: `on-demand price for ${instanceType}`,
        });
        if (usEast1List.known) return usEast1List;
        const regional = firstPrice(EMBEDDED_ON_DEMAND, this.data, instanceType, region);
        return regional ? { known: true, price: regional } : usEast1List;
      }),
    );
  }

  /**
   * A Standard Reserved Instance's effective hourly rate: collected (Pricing API Reserved terms) first, then
   * the embedded rate files in EMBEDDED_RESERVED's order (accelerated types; the few CPU rates a dated source gives).
   */
  ec2Reserved(instanceType: string, region: string, term: ReservedTerm): PriceLookup {
    return this.cached(['ec2Reserved', instanceType, region, term], () => {
      const p = this.collected.get(key('ec2', region, instanceType, term));
      if (p) return { known: true, price: fromCollected(p, 'hour') };
      const rate = firstPrice(EMBEDDED_RESERVED, this.data, instanceType, region, term);
      return rate ? { known: true, price: rate } : { known: false, reason: `no ${term} price collected for ${instanceType} in ${region}, and none embedded` };
    });
  }

  ebsGbMonth(volumeType: EbsVolumeType, region: string): PriceLookup {
    return this.storageGbMonth('ebs', volumeType, region);
  }

  s3GbMonth(storageClass: S3PriceClass, region: string): PriceLookup {
    return this.storageGbMonth('s3', storageClass, region);
  }

  /**
   * An S3 class's price ladder in a region: the first rung is s3GbMonth (collected or embedded), the
   * rungs above come from the embedded ladder (storage-prices.json s3.tiers) where it covers the region.
   * A class the file lists no ladder for is one flat rung. Price GB with ladderCost (s3-tiers.ts).
   */
  s3Ladder(storageClass: S3PriceClass, region: string): LadderLookup {
    const k = `${storageClass}|${region}`;
    let ladder = this.ladders.get(k);
    if (ladder === undefined) this.ladders.set(k, (ladder = this.buildS3Ladder(storageClass, region)));
    return ladder;
  }

  private buildS3Ladder(storageClass: S3PriceClass, region: string): LadderLookup {
    const first = this.s3GbMonth(storageClass, region);
    if (!first.known) return first;
    const t = this.data.storage.s3.tiers;
    const upper = (t.classes[storageClass] ?? []).slice(1);
    const base = { fromGb: 0, price: first.price };
    if (upper[0] === undefined) return { known: true, rungs: [base] };
    if (!t.sameListPriceRegions.includes(region)) {
      const regional = regionalS3Ladder(this.data, storageClass, region);
      if (regional?.length) return { known: true, rungs: [base, ...regional] };
      const reason = `the embedded S3 ${storageClass} price ladder above its first ${upper[0].fromGb} GB covers ${t.sameListPriceRegions.join(', ')} only, and live price collection fetches the first rung only`;
      return { known: true, rungs: [base], unknownFromGb: { fromGb: upper[0].fromGb, reason } };
    }
    const basis = region === 'us-east-1' ? 'us-east-1 list price' : `us-east-1 list price (AWS lists the same price in ${region})`;
    return {
      known: true,
      rungs: [base, ...upper.map((r) => ({ fromGb: r.fromGb, price: { usd: r.usd, unit: 'GB-month' as const, source: t.source, asOf: t.asOf, basis } }))],
    };
  }

  /** EBS volume types and S3 storage classes: one $/GB-month table each, same shape. */
  private storageGbMonth(service: 'ebs' | 's3', storageClass: string, region: string): PriceLookup {
    return this.cached([service, storageClass, region], () => {
      const table = this.data.storage[service];
      return this.liveOrEmbedded(service, region, storageClass, 'GB-month', () =>
        orRegionalStorage(
          embedded(table.gbMonth[storageClass], region, table.sameListPriceRegions, {
            unit: 'GB-month',
            source: table.source,
            asOf: table.asOf,
            what: `${service.toUpperCase()} ${storageClass} price`,
          }),
          this.data,
          { table: service, key: storageClass },
          region,
          'GB-month',
        ),
      );
    });
  }

  sagemakerHourly(mlInstanceType: string, region: string): PriceLookup {
    const sm = this.data.sagemaker;
    return this.cached(['sagemakerHourly', mlInstanceType, region], () =>
      this.liveOrEmbedded('sagemaker', region, mlInstanceType, 'hour', () =>
        embedded(sm.prices[mlInstanceType], region, regionsOf(sm, mlInstanceType), {
          unit: 'hour',
          source: provenanceOf(sm, mlInstanceType),
          asOf: sm.asOf,
          what: `SageMaker real-time inference price for ${mlInstanceType}`,
        }),
      ),
    );
  }

  /** Notebook instances are priced apart from hosting (the same ml.* type can differ). */
  sagemakerNotebookHourly(mlInstanceType: string, region: string): PriceLookup {
    const nb = this.data.sagemaker.notebook;
    return this.cached(['sagemakerNotebookHourly', mlInstanceType, region], () =>
      this.liveOrEmbedded('sagemaker', region, `notebook:${mlInstanceType}`, 'hour', () =>
        embedded(nb.prices[mlInstanceType], region, regionsOf(nb, mlInstanceType), {
          unit: 'hour',
          source: provenanceOf(nb, mlInstanceType),
          asOf: nb.asOf,
          what: `SageMaker notebook price for ${mlInstanceType}`,
        }),
      ),
    );
  }

  /** Training jobs bill per instance-second at the Train rate, which can differ from hosting for the same type. */
  sagemakerTrainingHourly(mlInstanceType: string, region: string): PriceLookup {
    const t = this.data.sagemaker.training;
    return this.cached(['sagemakerTrainingHourly', mlInstanceType, region], () =>
      this.liveOrEmbedded('sagemaker', region, `training:${mlInstanceType}`, 'hour', () =>
        embedded(t.prices[mlInstanceType], region, regionsOf(t, mlInstanceType), {
          unit: 'hour',
          source: provenanceOf(t, mlInstanceType),
          asOf: t.asOf,
          what: `SageMaker training price for ${mlInstanceType}`,
          collectedLive: false,
        }),
      ),
    );
  }

  /** A Studio app's instance rate; only the app types the table names are priced (JupyterLab today). */
  sagemakerStudioHourly(appType: string, mlInstanceType: string, region: string): PriceLookup {
    const st = this.data.sagemaker.studio;
    return this.cached(['sagemakerStudioHourly', appType, mlInstanceType, region], () =>
      this.liveOrEmbedded('sagemaker', region, `studio:${appType}:${mlInstanceType}`, 'hour', () =>
        st.appTypes.includes(appType)
          ? embedded(st.prices[mlInstanceType], region, regionsOf(st, mlInstanceType), {
              unit: 'hour',
              source: provenanceOf(st, mlInstanceType),
              asOf: st.asOf,
              what: `SageMaker Studio ${appType} price for ${mlInstanceType}`,
              collectedLive: false,
            })
          : { known: false, reason: `no SageMaker Studio ${appType} price is catalogued for ${mlInstanceType} (only ${st.appTypes.join(', ')} rates are)` },
      ),
    );
  }

  /** FSx for Lustre storage, per GB-month of capacity; `key` is DEPLOYMENT_TYPE/STORAGE_TYPE[/MB/s per TiB] (fsx-prices.json). */
  fsxLustreGbMonth(key: string, region: string): PriceLookup {
    const t = this.data.fsx.lustre;
    return this.cached(['fsxLustreGbMonth', key, region], () =>
      embedded(t.prices[key], region, t.sameListPriceRegions, {
        unit: 'GB-month',
        source: `${t.source}: ${t.provenance[key] ?? ''}`,
        asOf: t.asOf,
        what: `FSx for Lustre ${key} price`,
        collectedLive: false,
      }),
    );
  }

  /**
   * A Bedrock Provisioned Throughput rate per model unit-hour for a model (its id, any ":version"
   * suffix ignored) and the API's commitmentDuration (none, OneMonth, SixMonths). Not fetched live.
   */
  bedrockProvisionedHourly(modelId: string, commitmentDuration: string | undefined, region: string): PriceLookup {
    const term: (typeof BEDROCK_TERMS)[number] =
      commitmentDuration === 'OneMonth' ? '1-month' : commitmentDuration === 'SixMonths' ? '6-month' : 'no-commitment';
    const base = modelId.split(':')[0] ?? modelId;
    return this.cached(['bedrockProvisionedHourly', base, term, region], () => {
      const b = this.data.bedrock;
      return embedded(b.provisionedThroughput[base]?.[term], region, b.sameListPriceRegions, {
        unit: 'hour',
        source: b.source,
        asOf: b.asOf,
        what: `Bedrock provisioned-throughput rate (${term}) for ${base}`,
        collectedLive: false,
      });
    });
  }

  /** Public IPv4 (Elastic IPs included) is one flat hourly rate in every commercial region. */
  publicIpv4Hourly(region: string): PriceLookup {
    const n = this.data.network.publicIpv4;
    return this.cached(['publicIpv4Hourly', region], () =>
      this.liveOrEmbedded('ec2', region, 'public-ipv4', 'hour', () => ({
        known: true,
        price: { usd: n.usdPerHour, unit: 'hour', source: n.source, asOf: n.asOf, basis: `${region}: ${n.note}` },
      })),
    );
  }

  /**
   * EBS snapshot storage per GB-month of data held. Live collection does not fetch snapshot prices, so
   * outside a collected price only the embedded standard-tier figure exists; the archive tier is unknown.
   */
  ebsSnapshotGbMonth(tier: 'standard' | 'archive', region: string): PriceLookup {
    const snap = this.data.storage.ebsSnapshot;
    return this.cached(['ebsSnapshotGbMonth', tier, region], () =>
      this.liveOrEmbedded('ebs', region, `snapshot-${tier}`, 'GB-month', () =>
        tier === 'archive'
          ? {
              known: false,
              reason: `no EBS snapshot archive-tier price for ${region}: the embedded catalog has none and live price collection does not fetch snapshot prices`,
            }
          : orRegionalStorage(
              embedded(snap.gbMonth.standard, region, snap.sameListPriceRegions, {
                unit: 'GB-month',
                source: snap.source,
                asOf: snap.asOf,
                what: 'EBS snapshot (standard tier) price',
                collectedLive: false,
              }),
              this.data,
              'ebsSnapshot',
              region,
              'GB-month',
            ),
      ),
    );
  }

  /** gp3 IOPS provisioned above the 3,000 included; not fetched by live collection. */
  ebsGp3ExtraIops(region: string): PriceLookup {
    return this.cached(['ebsGp3ExtraIops', region], () => {
      const g = this.data.storage.gp3Performance;
      const listed = embedded(g.iopsMonth, region, g.sameListPriceRegions, {
        unit: 'IOPS-month',
        source: g.source,
        asOf: g.asOf,
        what: 'gp3 extra-IOPS price',
        collectedLive: false,
      });
      return orRegionalStorage(listed, this.data, 'gp3Iops', region, 'IOPS-month');
    });
  }

  /** gp3 throughput provisioned above the 125 MiB/s included; not fetched by live collection. */
  ebsGp3ExtraThroughput(region: string): PriceLookup {
    return this.cached(['ebsGp3ExtraThroughput', region], () => {
      const g = this.data.storage.gp3Performance;
      const listed = embedded(g.throughputMiBpsMonth, region, g.sameListPriceRegions, {
        unit: 'MiBps-month',
        source: g.source,
        asOf: g.asOf,
        what: 'gp3 extra-throughput price',
        collectedLive: false,
      });
      return orRegionalStorage(listed, this.data, 'gp3Throughput', region, 'MiBps-month');
    });
  }

  /**
   * Every lookup is answered once per audit: findings then share one Price (and its strings)
   * instead of each holding a copy, which adds up over a fleet of 100,000 resources.
   */
  private cached(keys: readonly [string, ...string[]], compute: () => PriceLookup): PriceLookup {
    // Nested maps, not one joined key: joining builds and hashes a new string on every call.
    // keys[0] names the lookup, so the keys under one name always have the same depth.
    let level = this.lookups;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = level.get(keys[i]!);
      if (next === undefined) level.set(keys[i]!, (next = new Map()));
      level = next as LookupTree;
    }
    const leaf = keys[keys.length - 1]!;
    let lookup = level.get(leaf) as PriceLookup | undefined;
    if (lookup === undefined) level.set(leaf, (lookup = compute()));
    return lookup;
  }

  /** The on-demand price collected into the Snapshot for this key, else the embedded answer. */
  private liveOrEmbedded(service: CollectedPrice['service'], region: string, k: string, unit: Price['unit'], orEmbedded: () => PriceLookup): PriceLookup {
    const p = this.collected.get(key(service, region, k, 'on-demand'));
    return p ? { known: true, price: fromCollected(p, unit) } : orEmbedded();
  }
}

/** S3 request and monitoring charges (us-east-1 list), read from the validated catalog when first used. */
export const S3_PRICE_FACTS = {
  get intelligentTieringMonitoringPer1000Objects(): number {
    return priceData().storage.s3.intelligentTieringMonitoringPer1000Objects;
  },
  get getRequestsPer1000(): number {
    return priceData().storage.s3.getRequestsPer1000;
  },
  get putRequestsPer1000(): number {
    return priceData().storage.s3.putRequestsPer1000;
  },
  get source(): string {
    return priceData().storage.s3.source;
  },
  get asOf(): string {
    return priceData().storage.s3.asOf;
  },
};

/** The regions one SageMaker figure applies to: its own list where the source covered fewer regions than the table. */
function regionsOf(table: { sameListPriceRegions: string[]; figureRegions?: Record<string, string[]> | undefined }, mlInstanceType: string): readonly string[] {
  return table.figureRegions?.[mlInstanceType] ?? table.sameListPriceRegions;
}

/** The source of one SageMaker figure: the file's statement plus the copies this figure came from. */
function provenanceOf(table: { source: string; provenance: Record<string, string> }, mlInstanceType: string): string {
  const copies = table.provenance[mlInstanceType];
  return copies === undefined ? table.source : `${table.source}; this figure: ${copies}`;
}

function key(service: string, region: string, k: string, term: string): string {
  return `${service}|${region}|${k}|${term}`;
}

function fromCollected(p: CollectedPrice, unit: Price['unit']): Price {
  return { usd: p.usd, unit, source: p.source, asOf: p.asOf, basis: `${p.region} price from the AWS Pricing API` };
}

function embedded(
  usd: number | undefined,
  region: string,
  sameRegions: readonly string[],
  meta: { unit: Price['unit']; source: string; asOf: string; what: string; collectedLive?: boolean },
): PriceLookup {
  // Only point at --prices live for prices the live collector actually fetches.
  const next = meta.collectedLive === false ? 'live price collection does not fetch it' : `use --prices live for ${region}`;
  if (usd === undefined) return { known: false, reason: `no embedded ${meta.what}${meta.collectedLive === false ? `; ${next}` : ''}` };
  if (!sameRegions.includes(region)) {
    return { known: false, reason: `embedded ${meta.what} covers ${sameRegions.join(', ')} only; ${next}` };
  }
  const basis = region === 'us-east-1' ? 'us-east-1 list price' : `us-east-1 list price (AWS lists the same price in ${region})`;
  return { known: true, price: { usd, unit: meta.unit, source: meta.source, asOf: meta.asOf, basis } };
}
