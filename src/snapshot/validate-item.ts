import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { RESOURCE_LIST_SCHEMAS, columnsAligned, type DailySeries } from './schema.js';

export type ResourceList = keyof typeof RESOURCE_LIST_SCHEMAS;

/**
 * Validates one Snapshot resource in place, filling defaults in, with zod's result shape: the
 * data is the input itself when it is valid. Reading a large fleet is what this is for: zod returns a validated
 * copy, and the copy is both the slowest part of reading and the larger half of the memory (its
 * number arrays hold a boxed number per element where JSON.parse's hold plain doubles). An Ajv
 * validator compiled from the same zod schema checks without copying; anything it rejects goes
 * through zod, so an invalid resource gets zod's message and the zod schema stays the contract.
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
    // zod's refinement of per-day columns has no JSON Schema form: the same check as a keyword.
    const daily = schema.$defs?.['DailySeries'];
    if (typeof daily === 'object') Object.assign(daily, { [ALIGNED]: true });
    validate = ajv().compile(schema);
    validators.set(list, validate);
  }
  return validate;
}

const ALIGNED = 'mlcostColumnsAligned';
let instance: Ajv2020 | undefined;

function ajv(): Ajv2020 {
  // Dates are checked by the pattern zod emits next to `format`; useDefaults fills zod's defaults in.
  instance ??= new Ajv2020({ strict: false, useDefaults: true, validateFormats: false }).addKeyword({
    keyword: ALIGNED,
    validate: (_: unknown, data: unknown) => columnsAligned(data as DailySeries),
  });
  return instance;
}
