export { instanceSpec, sizeLadder, familyOf, allInstanceTypes, INSTANCE_SPEC_SOURCE, type InstanceSpec } from './instances.js';
export { PriceBook, HOURS_PER_MONTH, S3_PRICE_FACTS, type Price, type PriceLookup, type S3PriceClass, type EbsVolumeType } from './prices.js';
