import data from './data/spot-advisor.json' with { type: 'json' };

/** What the Spot Instance Advisor said about a type in a region: interruption band and typical saving. */
export interface SpotAdvice {
  band: string;
  typicalSavingPct: number;
  source: string;
  asOf: string;
}

const regions = data.regions as Record<string, Record<string, { s: number; r: number }>>;

/** Undefined when the shipped snapshot does not cover the type and region: unknown, never a guess. */
export function spotAdvice(instanceType: string, region: string): SpotAdvice | undefined {
  const entry = regions[region]?.[instanceType];
  const band = entry ? data.bands[entry.r] : undefined;
  if (!entry || band === undefined) return undefined;
  return { band, typicalSavingPct: entry.s, source: data.source, asOf: data.asOf };
}
