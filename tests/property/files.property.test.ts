import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importScenario } from '../../src/features/sharing/controller';
import {
  parseScenarioFile,
  scenarioFileText,
  scenarioOf,
} from '../../src/features/sharing/scenario-file';
import { MAX_SCENARIO_CHARS, type ScenarioFile } from '../../src/contract';
import type { Input } from '../../src/sim';
import { fakeContext, scenarioArb, sim, stores } from './file-fixtures';

// Scenario files (issue 6 item 7): valid generated files are accepted, read back exactly and
// boot; one mutated field is refused naming that field (by the page's checks when the file alone
// says so, by the machine when it depends on the machine's state), and nothing changes.

const RUNS = { numRuns: 150 };

/** One field broken, and the path the message must name. */
type Mutation = { readonly file: unknown; readonly path: string; readonly code: string };
/** One setup step the machine refuses (the file alone is fine), and the errno it gives. */
type Refusal = { readonly file: ScenarioFile; readonly step: number; readonly errno: string };

function indices(f: ScenarioFile, type: Input['type']): number[] {
  return f.setup.flatMap((x, i) => (x.type === type ? [i] : []));
}

function patch(f: ScenarioFile, i: number, p: Record<string, unknown>): ScenarioFile {
  return { ...f, setup: f.setup.map((x, j) => (j === i ? { ...x, ...p } : x)) } as ScenarioFile;
}

/** What the file alone says is wrong: the page's checks name the field. */
function scenarioMutations(f: ScenarioFile): Mutation[] {
  const out: Mutation[] = [
    { file: { ...f, v: 2 }, path: 'v', code: 'version' },
    { file: { ...f, schema: 'mklab.progress' }, path: 'schema', code: 'schema' },
    { file: { ...f, config: { ...f.config, cpus: 0 } }, path: 'config.cpus', code: 'range' },
    {
      file: { ...f, config: { ...f.config, poolMiB: f.config.memoryMiB } },
      path: 'config.poolMiB',
      code: 'range',
    },
    { file: { ...f, seed: -1 }, path: 'seed', code: 'range' },
    { file: { ...f, name: 'x'.repeat(81) }, path: 'name', code: 'too-long' },
    { file: { ...f, name: 'x'.repeat(MAX_SCENARIO_CHARS) }, path: '', code: 'too-big' },
  ];
  const w = indices(f, 'workload.start')[0] as number;
  out.push({ file: patch(f, w, { load: 1001 }), path: `setup[${w}].load`, code: 'range' });
  out.push({
    file: patch(f, w, { type: 'workload.stop' }),
    path: `setup[${w}].type`,
    code: 'not-setup',
  });
  const c = indices(f, 'instance.create')[0];
  if (c !== undefined) {
    const at = (field: string) => `setup[${c}].${field}`;
    out.push({
      file: patch(f, c, { cpus: [f.config.cpus] }),
      path: at('cpus[0]'),
      code: 'cpu-missing',
    });
    out.push({
      file: patch(f, c, { devices: ['0000:99:00.0'] }),
      path: at('devices[0]'),
      code: 'device-missing',
    });
    out.push({ file: patch(f, c, { name: 'K0' }), path: at('name'), code: 'invalid-name' });
    out.push({ file: patch(f, c, { id: 2048 }), path: at('id'), code: 'range' });
    out.push({ file: patch(f, c, { memMiB: '128' }), path: at('memMiB'), code: 'not-int' });
  }
  if (f.log?.length)
    out.push({ file: { ...f, log: [f.log[1], f.log[0]] }, path: 'log[1].atNs', code: 'order' });
  return out;
}

/** What depends on the machine as the setup builds it: the machine refuses that step. */
function scenarioRefusals(f: ScenarioFile): Refusal[] {
  const creates = indices(f, 'instance.create');
  const w = indices(f, 'workload.start')[0] as number;
  const out: Refusal[] = [{ file: patch(f, w, { kernel: 'ghost' }), step: w, errno: 'ENOENT' }];
  if (creates.length > 0) {
    const c = creates[0] as number;
    out.push({ file: patch(f, c, { memMiB: f.config.poolMiB + 128 }), step: c, errno: 'ENOMEM' });
    out.push({ file: patch(f, c + 1, { name: 'ghost' }), step: c + 1, errno: 'ENOENT' });
  }
  if (creates.length > 1) {
    const [a, b] = creates as [number, number];
    const first = f.setup[a] as Extract<Input, { type: 'instance.create' }>;
    out.push({ file: patch(f, b, { cpus: [first.cpus[0]] }), step: b, errno: 'EBUSY' });
    out.push({ file: patch(f, b, { name: first.name }), step: b, errno: 'EEXIST' });
    // Without an explicit id the first spawn took the lowest free one, 1.
    out.push({ file: patch(f, b, { id: first.id ?? 1 }), step: b, errno: 'EEXIST' });
    if (first.devices?.[0])
      out.push({ file: patch(f, b, { devices: [first.devices[0]] }), step: b, errno: 'EBUSY' });
  }
  return out;
}

describe('scenario files (property)', () => {
  it('valid generated files are accepted, read back exactly, and boot', () => {
    fc.assert(
      fc.property(scenarioArb, (f) => {
        const text = scenarioFileText(f);
        const r = parseScenarioFile(text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toEqual(f);
        expect(scenarioFileText(r.value)).toBe(text);
        // The machine builds what the checks accept (these files hold no bad reference).
        expect(sim.checkScenario(scenarioOf(r.value), f.seed)).toBeNull();
      }),
      RUNS,
    );
  });

  it('one mutated field is refused, naming that field, and nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), async (f, pick) => {
        const all = scenarioMutations(f);
        const m = all[pick % all.length] as Mutation;
        const r = parseScenarioFile(JSON.stringify(m.file));
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect({ path: r.problem.path, code: r.problem.code }).toEqual({
          path: m.path,
          code: m.code,
        });
        const { ctx, load } = fakeContext();
        const before = stores();
        const result = await importScenario(ctx, JSON.stringify(m.file));
        expect(result.ok).toBe(false);
        expect(load).not.toHaveBeenCalled();
        expect(stores()).toEqual(before);
      }),
      RUNS,
    );
  });

  it('a reference the machine refuses is named at its step, with its errno, and nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), async (f, pick) => {
        const all = scenarioRefusals(f);
        const m = all[pick % all.length] as Refusal;
        const text = JSON.stringify(m.file);
        // The file alone is well formed: only the machine can say what is wrong.
        expect(parseScenarioFile(text).ok).toBe(true);
        const answer = sim.checkScenario(scenarioOf(m.file), m.file.seed);
        expect(answer).toMatchObject({ step: m.step, code: m.errno });
        const { ctx, load } = fakeContext();
        const before = stores();
        const result = await importScenario(ctx, text);
        expect(result).toEqual({
          ok: false,
          problem: {
            path: `setup[${m.step}]`,
            code: 'refused',
            params: { type: m.file.setup[m.step]?.type, code: m.errno, message: answer?.message },
          },
        });
        expect(load).not.toHaveBeenCalled();
        expect(stores()).toEqual(before);
      }),
      RUNS,
    );
  });
});
