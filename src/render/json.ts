import type { Renderer } from './types.js';

export const renderJson: Renderer = (result) => `${JSON.stringify(result, null, 2)}\n`;
