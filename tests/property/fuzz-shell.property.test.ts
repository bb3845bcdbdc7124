import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execLine } from '../../src/shell';
import { createMachine, preset, stateHash } from '../../src/sim';
import { inputLog } from '../../src/contract/validate/log';
import { MAX_LINE } from '../../src/contract';
import { randomLine } from './shell-lines';
import { HOSTILE_KEYS, MEGABYTES, SCRIPT_PAYLOADS, fuzzRuns, hostileText } from './hostile-values';

// Shell lines as the shell panel sends them (issue 11): script, control characters, lone
// surrogates, megabytes, lines just under and over the limit, and the shell's own words around
// them. The shell answers every one without a throw; a line that fails says why and changes
// nothing; and every line it runs is one the log can carry — links, files, saved progress and
// the presenter's channel check logs with the contract's validator, so a line the shell runs but
// the validator refuses would make all of them unloadable.

const COMMANDS = ['kerf create', 'kerf load', 'cat', 'mklab panic', 'echo 1 >', 'grep', 'cd'];

const hostileLine = fc.oneof(
  randomLine,
  hostileText,
  fc
    .tuple(fc.constantFrom(...COMMANDS), fc.constantFrom(...SCRIPT_PAYLOADS, ...HOSTILE_KEYS))
    .map(([c, p]) => `${c} ${p}`),
  fc.integer({ min: MAX_LINE - 2, max: MAX_LINE + 2 }).map((n) => 'kerf ls'.padEnd(n, ' ')),
  fc.integer({ min: MAX_LINE + 1, max: 4 * MAX_LINE }).map((n) => 'x'.repeat(n)),
  fc.constant(MEGABYTES),
);

/** What a link, a file or saved progress checks a log of one such line with. */
const loggable = (line: string) =>
  inputLog(null).safeParse([{ atNs: 0, input: { type: 'shell.line', line } }]).success;

describe('the shell under hostile lines', () => {
  it('answers every line; one it will not run says so and changes nothing', () => {
    const m = createMachine(preset('two-kernels'), 3);
    let tooLong = 0;
    fc.assert(
      fc.property(hostileLine, (line) => {
        const before = stateHash(m);
        const r = execLine(m, line);
        expect(Number.isInteger(r.exit)).toBe(true);
        if (line.length > MAX_LINE) {
          tooLong++;
          expect(r).toMatchObject({ exit: 2, inputs: [] });
          expect(r.output).toContainEqual(expect.objectContaining({ key: 'shell.tooLong' }));
          expect(stateHash(m)).toBe(before);
        } else if (r.exit !== 0 && r.inputs.length === 0 && !line.includes('|')) {
          expect(stateHash(m)).toBe(before);
        }
      }),
      fuzzRuns(1000),
    );
    expect(tooLong).toBeGreaterThan(60);
  });

  it('every line the shell runs is one a log can carry (links, files, saved progress)', () => {
    const m = createMachine(preset('two-kernels'), 3);
    fc.assert(
      fc.property(hostileLine, (line) => {
        const r = execLine(m, line);
        const ran = !r.output.some((l) => 'key' in l && l.key === 'shell.tooLong');
        expect(loggable(line)).toBe(ran && line.length > 0);
      }),
      fuzzRuns(1000),
    );
  });
});
