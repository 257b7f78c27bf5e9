import type { ActionKind } from '../result.js';
import { buyCommitment } from './buy-commitment.js';
import { changeInstanceType } from './change-instance-type.js';
import { changeStorageClass } from './change-storage-class.js';
import { changeVolumeType } from './change-volume-type.js';
import { del } from './delete.js';
import { downsize } from './downsize.js';
import { schedule } from './schedule.js';
import { snapshotAndDelete } from './snapshot-and-delete.js';
import { stop } from './stop.js';
import type { ActionDefinition } from './types.js';
import { useSpot } from './use-spot.js';

/** Action kinds with a pricing function; a rule naming any other kind fails to load. */
export const ACTIONS: Readonly<Partial<Record<ActionKind, ActionDefinition>>> = {
  stop,
  downsize,
  delete: del,
  'snapshot-and-delete': snapshotAndDelete,
  'change-volume-type': changeVolumeType,
  'change-instance-type': changeInstanceType,
  'use-spot': useSpot,
  schedule,
  'buy-commitment': buyCommitment,
  'change-storage-class': changeStorageClass,
};

export type { ActionDefinition, ActionContext, PricedMove } from './types.js';
