/**
 * Writes oclif.manifest.json from the built commands (run by `npm run build`). With a manifest, oclif
 * answers --version and --help and finds a command without importing every command module first.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCommandManifest } from './command-manifest.js';

const ROOT = join(import.meta.dirname, '..');
const manifest = await loadCommandManifest(ROOT);
writeFileSync(join(ROOT, 'oclif.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
process.stderr.write(`wrote oclif.manifest.json (${String(Object.keys(manifest.commands).length)} commands)\n`);
