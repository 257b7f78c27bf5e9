import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { fullDirectory } from '../helpers/full-disk.js';
import { freePort } from '../helpers/moto.js';

/** When mail fails and the report cannot be kept where it normally goes, both causes reach the user. */
describe('SMTP failure with an unwritable working directory', () => {
  it('keeps the SMTP cause and says where the HTML report went instead', async () => {
    const port = await freePort(); // nothing listens there: the connection is refused
    const home = mkdtempSync(join(tmpdir(), 'mlcost-mailfb-'));
    const config = join(home, 'mlcost.config.yaml');
    writeFileSync(
      config,
      ['email:', '  from: mlcost@example.test', '  to: [a@example.test]', '  smtp:', '    host: 127.0.0.1', `    port: ${port}`, '    secure: false', ''].join(
        '\n',
      ),
    );
    const full = fullDirectory({});
    try {
      const r = await runCli(['report', join(ROOT, 'fixtures', 'results', 'weekly.json'), '--email', '--config', config], {
        cwd: full.dir,
        env: { HOME: home, TMPDIR: home },
      });
      expect(r.code).toBe(2);
      const m = new RegExp(
        `^mlcost: SMTP server 127\\.0\\.0\\.1:${port} refused the connection \\(.*ECONNREFUSED.*\\): check email\\.smtp\\.host and port; ` +
          `${full.dir}/mlcost-report-2026-11-27\\.html: cannot write output \\((ENOSPC|EACCES): [^()]*\\); saved it to (${home}/\\S+\\.html) instead\\n$`,
      ).exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      expect(readFileSync(m![2]!, 'utf8')).toMatch(/^<!doctype html>/i);
    } finally {
      full.release();
    }
  });
});
