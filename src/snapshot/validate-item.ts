import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { RESOURCE_LIST_SCHEMAS, columnsAligned, unobservedAscending, type DailySeries, type HourOfWeekProfile } from './schema.js';

export type ResourceList = keyof typeof RESOURCE_LIST_SCHEMAS;

/**
 * Validates one Snapshot resource in place, filling defaults in, with zod's result shape: the
 * data is the input itself when it is valid. Reading a large fleet is what this is for: zod
 * returns a validated copy, and the copy is both the slowest part of reading and the larger half
 * of the memory (its number arrays hold a boxed number per element where JSON.parse's hold plain
 * doubles). An Ajv validator compiled from the same zod schema checks without copying; anything
 * it rejects goes through zod, so an invalid resource gets zod's message and the zod schema
 * stays the contract.
 */
export function validateResource(list: ResourceList, raw: unknown): z.ZodSafeParseResult<unknown> {
  if (validatorFor(list)(raw)) return { success: true, data: raw };
  return RESOURCE_LIST_SCHEMAS[list].safeParse(raw);
}

const validators = new Map<ResourceList, ValidateFunction>();

function validatorFor(list: ResourceList): ValidateFunction {
  let validate = validators.get(list);
  if (!validate) {
    const schema = z.toJSONSchema(RESOURCE_LIST_SCHEMAS[list], { io: 'input', unrepresentable: 'any' });
    // zod's refinements (per-day columns, unobserved hours) have no JSON Schema form: the same checks as keywords.
    const daily = schema.$defs?.['DailySeries'];
    if (typeof daily === 'object') Object.assign(daily, { [ALIGNED]: true });
    const profile = schema.$defs?.['HourOfWeekProfile'];
    if (typeof profile === 'object') Object.assign(profile, { [ASCENDING]: true });
    validate = ajv().compile(schema);
    validators.set(list, validate);
  }
  return validate;
}

const ALIGNED = 'mlcostColumnsAligned';
const ASCENDING = 'mlcostUnobservedAscending';
let instance: Ajv2020 | undefined;

function ajv(): Ajv2020 {
  // Dates are checked by the pattern zod emits next to `format`; useDefaults fills zod's defaults in.
  if (instance) return instance;
  instance = new Ajv2020({ strict: false, useDefaults: true, validateFormats: false });
  instance.addKeyword({ keyword: ALIGNED, validate: (_: unknown, data: unknown) => !hasColumns(data) || columnsAligned(data) });
  instance.addKeyword({ keyword: ASCENDING, validate: (_: unknown, data: unknown) => !hasUnobservedList(data) || unobservedAscending(data) });
  return instance;
}

// Ajv runs these keywords before checking types and required fields: whatever is not shaped for
// them passes here and is rejected by those checks (then reported by zod), instead of throwing.
function hasColumns(data: unknown): data is DailySeries {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Partial<Record<keyof DailySeries, unknown>>;
  return Array.isArray(d.avg) && Array.isArray(d.max) && Array.isArray(d.datapoints) && (d.sum === undefined || Array.isArray(d.sum));
}

function hasUnobservedList(data: unknown): data is HourOfWeekProfile {
  return typeof data === 'object' && data !== null && Array.isArray((data as Partial<Record<keyof HourOfWeekProfile, unknown>>).unobserved);
}
