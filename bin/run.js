#!/usr/bin/env node
// execute alone, not oclif's index: the index loads all of oclif (ux, parser, help…) before --version can answer.
import { execute } from '@oclif/core/execute';

// The AWS SDK prints a multi-line notice about Node 20 to stderr on every client; mlcost's own
// output promises one-line errors. docs/development.md says how mlcost moves to Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// oclif's index checks Node against oclif's own engines (>=18) with semver, 47 modules loaded by every
// command; mlcost's engines (>=20.19, package.json) are stricter, so that check can never warn.
process.env.OCLIF_DISABLE_ENGINE_WARNING ??= 'true';

// oclif's own stdout listener rethrows every write error but EPIPE, so `mlcost --help > /dev/full`
// died with a stack trace and exit 1 (the gate's "failed"). Commands handle failures at their
// writes (src/cli/stdout.ts); this covers what oclif writes itself: help, --version.
process.stdout.removeAllListeners('error');
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`mlcost: cannot write the output to stdout (${err.message})\n`);
  process.exit(2);
});

await execute({ dir: import.meta.url });
