#!/usr/bin/env -S node --import tsx
import { execute } from '@oclif/core';

// The AWS SDK prints a multi-line notice about Node 20 to stderr on every client; mlcost's own
// output promises one-line errors. docs/development.md says how mlcost moves to Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

await execute({ development: true, dir: import.meta.url });
