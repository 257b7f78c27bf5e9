import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandReference } from '../../scripts/command-reference.js';
import { ensureBuilt, ROOT } from '../helpers/cli.js';

describe('docs/commands.md', () => {
  it("is every command's --help as the commands define it now", async () => {
    ensureBuilt();
    const onDisk = readFileSync(join(ROOT, 'docs', 'commands.md'), 'utf8');
    expect(onDisk, 'docs/commands.md is stale: run `npm run build && npx tsx scripts/write-command-reference.ts`').toBe(await commandReference(ROOT));
  });

  it('gives each command its declared exit codes', async () => {
    ensureBuilt();
    const page = await commandReference(ROOT);
    expect(page).toMatch(/## mlcost gate\n[\s\S]*?Exit codes: 0, 1, 2, 4 /);
    expect(page).toMatch(/## mlcost audit\n[\s\S]*?Exit codes: 0, 1, 2, 3, 4 /);
    expect(page).toMatch(/## mlcost rules list\n[\s\S]*?Exit codes: 0, 2, 4 /);
  });
});
