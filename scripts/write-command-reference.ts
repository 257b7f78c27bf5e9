/** Rewrites docs/commands.md from the built commands: `npm run build && npx tsx scripts/write-command-reference.ts`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandReference } from './command-reference.js';

const ROOT = join(import.meta.dirname, '..');
writeFileSync(join(ROOT, 'docs', 'commands.md'), await commandReference(ROOT));
process.stderr.write('wrote docs/commands.md\n');
