export { instanceSpec, sizeLadder, familyOf, allInstanceTypes, INSTANCE_SPEC_SOURCE, type InstanceSpec } from './instances.js';
export { acceleratorsOf, NEURON_CORES_PER_DEVICE, type Accelerators } from './accelerators.js';
export { cheapestFit, fits, type Fit, type FitNeed, type FitScope } from './instance-fit.js';
export { GPU_MODELS, gpuFitsWork, hasNvlink } from './gpu-compatibility.js';
export { spotAdvice, type SpotAdvice } from './spot-advisor.js';
export { SUCCESSORS, successorsOf, type Successor } from './successors.js';
export { PriceBook, HOURS_PER_MONTH, S3_PRICE_FACTS, type Price, type PriceLookup, type S3PriceClass, type EbsVolumeType } from './prices.js';
export { ladderCost, ladderSaving, type LadderCost, type LadderLookup } from './s3-tiers.js';
