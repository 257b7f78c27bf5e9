import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYaml, validateYaml } from '../../src/config/yaml-file.js';
import { UserError } from '../../src/errors.js';

/** "Billion laughs": nine levels of nine aliases each would expand to 9^9 strings. */
const BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(
    Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
    ),
  )
  .join('\n');

describe('a YAML alias bomb in a rule or config file', () => {
  it('is one line naming the file, a user error (exit 2), not an internal error', () => {
    const src = parseYaml(BOMB, 'rules/bomb.yaml');
    let caught: unknown;
    try {
      validateYaml(src, z.unknown(), 'rule');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).exitCode).toBe(2);
    expect((caught as UserError).message).toMatch(/^rules\/bomb\.yaml: invalid YAML: .*alias.*\(aliases expand to more than 100 times their size\)$/i);
  });

  it('a file with a few aliases still reads', () => {
    const src = parseYaml('base: &b {x: 1}\none: *b\ntwo: *b\n', 'ok.yaml');
    expect(validateYaml(src, z.unknown(), 'rule')).toEqual({ base: { x: 1 }, one: { x: 1 }, two: { x: 1 } });
  });
});
