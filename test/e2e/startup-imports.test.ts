import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { DEMO_SNAPSHOT } from '../../src/snapshot/demo.js';
import { readSnapshot } from '../../src/snapshot/io.js';
import { ensureBuilt, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mlcost-imports-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// `node --import register.mjs`: loader hooks (run on the loader thread) append every module URL the
// process resolves to IMPORT_TRACE_OUT.
const REGISTER = join(dir, 'register.mjs');
writeFileSync(
  REGISTER,
  "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url, { data: { out: process.env.IMPORT_TRACE_OUT } });\n",
);
writeFileSync(
  join(dir, 'hooks.mjs'),
  [
    "import { appendFileSync } from 'node:fs';",
    'let out;',
    'export function initialize(data) { out = data.out; }',
    'export async function resolve(specifier, context, next) {',
    '  const resolved = await next(specifier, context);',
    "  appendFileSync(out, resolved.url + '\\n');",
    '  return resolved;',
    '}',
  ].join('\n'),
);

/** Runs the built CLI with a loader hook and returns every module URL it resolved. */
function importsOf(args: string[]): string[] {
  ensureBuilt();
  const out = join(dir, `${args.join('_').replace(/\W/g, '')}.txt`);
  const r = spawnSync(process.execPath, ['--import', REGISTER, join(ROOT, 'bin', 'run.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: dir, NO_COLOR: '1', IMPORT_TRACE_OUT: out, AWS_REGION: 'us-east-1' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out, 'utf8').split('\n').filter(Boolean);
}

const packages = (urls: string[]): Set<string> => new Set(urls.flatMap((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []));

describe('what a command imports before it answers', () => {
  it('audit --demo never loads the AWS SDK, DuckDB, Handlebars or nodemailer', () => {
    const loaded = [...packages(importsOf(['audit', '--demo']))];
    expect(loaded).toContain('@marcbachmann/cel-js'); // the trace sees the engine's imports
    expect(loaded.filter((p) => /^@aws-sdk\/|^@smithy\/|^@duckdb\/|^handlebars$|^nodemailer$/.test(p))).toEqual([]);
  });

  it('rules list imports what it prints: no cel-js, zod, action, price catalog, resource schema or AWS SDK', () => {
    const urls = importsOf(['rules', 'list']);
    expect([...packages(urls)].filter((p) => /^@marcbachmann\/cel-js$|^zod$|^@aws-sdk\/|^@smithy\/|^yaml$|^semver$/.test(p))).toEqual([]);
    expect(urls.filter((u) => /\/dist\/(engine\/(actions|signals|cel)|catalog|snapshot)\//.test(u) || u.includes('/dist/engine/cel.js'))).toEqual([]);
  });

  it('audit --demo takes the demo Snapshot validated by the build: no Snapshot reader, no Ajv', () => {
    const urls = importsOf(['audit', '--demo']);
    expect(urls.filter((u) => /\/dist\/snapshot\/(io|read-lines|validate-item|semantic-checks)\.js$/.test(u))).toEqual([]);
    expect([...packages(urls)]).not.toContain('ajv');
  });

  it("the build's caches hold what they stand for: the config defaults and the demo Snapshot as validated", async () => {
    ensureBuilt();
    const cached = (file: string): unknown => (JSON.parse(readFileSync(join(ROOT, 'dist', file), 'utf8')) as { value: unknown }).value;
    expect(cached('config/config-defaults.cache.json')).toEqual(ConfigSchema.parse({}));
    expect(cached('snapshot/demo-snapshot.cache.json')).toEqual(await readSnapshot(DEMO_SNAPSHOT));
  });

  it("rules list and audit --demo take the built-in rules from the build's cache: no YAML parser, no rule checks", () => {
    for (const args of [
      ['rules', 'list'],
      ['audit', '--demo'],
    ]) {
      const urls = importsOf(args);
      expect(
        urls.filter((u) => u.includes('/dist/engine/rules/check-rule.js') || u.includes('/dist/engine/rules/references.js')),
        args.join(' '),
      ).toEqual([]);
      expect([...packages(urls)], args.join(' ')).not.toContain('yaml');
    }
  });

  it("the hook sees the YAML parser and the rule checks where a rule is not in the cache (a user's rule directory)", () => {
    const userRules = join(dir, 'user-rules');
    mkdirSync(userRules);
    const builtin = readFileSync(join(ROOT, 'rules', 'gp2-to-gp3.yaml'), 'utf8');
    writeFileSync(join(userRules, 'mine.yaml'), builtin.replace(/^id: .*$/m, 'id: my-gp2-rule'));
    const urls = importsOf(['rules', 'list', '--rules', userRules]);
    expect(urls.some((u) => u.includes('/dist/engine/rules/check-rule.js'))).toBe(true);
    expect([...packages(urls)]).toContain('yaml');
  });

  it('the hook does see the SDK where a command loads it (permissions lists what collectors declare)', () => {
    expect([...packages(importsOf(['permissions']))].some((p) => p.startsWith('@aws-sdk/'))).toBe(true);
  });

  it('--version and --help answer from the manifest without importing any command', () => {
    for (const args of [['--version'], ['--help']]) {
      const urls = importsOf(args);
      expect(
        urls.filter((u) => u.includes('/dist/commands/')),
        args.join(' '),
      ).toEqual([]);
      // bin/run.js imports oclif's execute alone: its index would load every oclif module (ux, parser, help…) first.
      expect(urls.filter((u) => u.includes('/@oclif/core/lib/index.js'))).toEqual([]);
      expect(urls.some((u) => u.includes('/@oclif/core/lib/execute.js'))).toBe(true);
    }
  });

  it('the manifest lists every built command', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8')) as { commands: Record<string, unknown> };
    const built = (sub: string): string[] =>
      readdirSync(join(ROOT, 'dist', 'commands', sub), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? built(join(sub, e.name)) : e.name.endsWith('.js') ? [join(sub, e.name.slice(0, -3)).split('/').join(':')] : [],
      );
    expect(Object.keys(manifest.commands).sort()).toEqual(built('').sort());
  });
});
