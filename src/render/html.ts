import { buildView } from './report/view.js';
import { template } from './report/templates.js';
import type { Renderer } from './types.js';

/**
 * One self-contained HTML file: inline CSS and SVG, no scripts, fonts or fetched assets, so it
 * can be mailed, archived or opened offline. Handlebars escapes every interpolated string.
 */
export const renderHtml: Renderer = (result, options) => template('report')(buildView(result, options));
