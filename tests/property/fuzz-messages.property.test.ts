import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HostLink } from '../../src/features/embed/host-link';
import type { Command } from '../../src/features/embed/commands';
import { embedStore } from '../../src/features/embed/embed-store';
import { parseEmbedCommand } from '../../src/contract/validate/embed-command';
import { channelName, logKey, parsePresenterMessage } from '../../src/features/presenter/protocol';
import { startPresenterLink } from '../../src/features/presenter/presenter-link';
import { presenterStore } from '../../src/features/presenter/presenter-store';
import type { SimBridge } from '../../src/bridge/sim-bridge';
import { simStore } from '../../src/store/sim-store';
import { statusStore } from '../../src/store/status-store';
import { MAX_SEEK_NS, MAX_T, type LogEntry } from '../../src/contract';
import { PLAIN_LOOKS } from '../fixtures/presenter/plain-looks';
import { fuzzRuns } from './hostile-values';
import { judge, tagged } from './fuzz-judge';

// Messages from outside the page (issue 11; DESIGN §7): the embed's commands from its host page
// and the presenter's channel. Every message is checked by the contract's validator without a
// throw; one that fails, or comes from another origin or window, is ignored and counted, and
// never answered; a valid one from the allowed host does what it says.

const ALLOWED = 'https://docs.example';

const command = fc.oneof(
  fc.constantFrom<object>({ type: 'mklab:play', v: 1 }, { type: 'mklab:pause', v: 1 }),
  fc.constantFrom('en', 'es').map((lang) => ({ type: 'mklab:setLang', v: 1, lang })),
  fc.integer({ min: 1, max: 99 }).map((step) => ({ type: 'mklab:goto', v: 1, step })),
  fc.integer({ min: 0, max: MAX_SEEK_NS }).map((tNs) => ({ type: 'mklab:seek', v: 1, tNs })),
);

describe('embed commands under fuzzing', () => {
  const parent = { postMessage: vi.fn() };
  const applied: Command[] = [];
  const link = new HostLink([ALLOWED], (c) => applied.push(c) > 0);
  beforeAll(async () => {
    vi.stubGlobal('window', { parent });
    vi.stubGlobal('addEventListener', vi.fn());
    link.listen();
    // The validator loads on demand: a command sent meanwhile waits for it, then applies.
    link.receive({ data: { type: 'mklab:play', v: 1 }, origin: ALLOWED, source: parent } as never);
    await vi.waitFor(() => expect(applied).toHaveLength(1));
  });
  afterAll(() => vi.unstubAllGlobals());

  it('the validator takes a command exactly as sent, or nothing, and never throws', () => {
    let refused = 0;
    fc.assert(
      fc.property(tagged(command), (t) => {
        if (judge(t, parseEmbedCommand, (x) => x)) refused++;
      }),
      fuzzRuns(500),
    );
    expect(refused).toBeGreaterThan(250);
  });

  it('from the allowed host a valid command applies; anything else is ignored, counted, unanswered', () => {
    const from = fc.constantFrom('host', 'other origin', 'other window');
    let ignored = 0;
    fc.assert(
      fc.property(tagged(command), from, ({ kind, data }, who) => {
        const before = { count: embedStore.getState().ignored, applied: applied.length };
        const origin = who === 'other origin' ? 'https://evil.example' : ALLOWED;
        const source = who === 'other window' ? {} : parent;
        link.receive({ data, origin, source } as unknown as MessageEvent);
        // A mutated command may still be a valid one; valid and hostile ones are known.
        const valid = kind === 'valid' || (kind === 'mutated' && parseEmbedCommand(data) !== null);
        const takes = who === 'host' && valid;
        if (!takes && who === 'host') ignored++;
        expect(embedStore.getState().ignored).toBe(before.count + (takes ? 0 : 1));
        expect(applied.length).toBe(before.applied + (takes ? 1 : 0));
        expect(parent.postMessage).not.toHaveBeenCalled();
      }),
      fuzzRuns(500),
    );
    expect(ignored).toBeGreaterThan(80);
  });
});

const log: LogEntry[] = [{ atNs: 5, input: { type: 'shell.line', line: 'kerf ls' } }];
const presenterMessage = fc.oneof(
  fc.constantFrom<object>({ v: 1, type: 'hello' }, { v: 1, type: 'bye' }),
  fc.record({ t: fc.nat(MAX_T), playing: fc.boolean(), seq: fc.nat() }).map((s) => ({
    ...{ v: 1, type: 'state', ...s, lesson: null, speedIndex: 3, logLength: 1 },
    ...{ logKey: logKey(log), ...PLAIN_LOOKS },
  })),
  fc.nat().map((seed) => {
    const start = { scenario: 'two-kernels', seed };
    return { v: 1, type: 'sync', start, log, logKey: logKey(log) };
  }),
  fc.constantFrom<object>(
    { v: 1, type: 'class', room: null },
    {
      v: 1,
      type: 'class',
      room: {
        code: 'ABCDE12345',
        url: 'http://10.0.0.2:4410/?class=ABCDE12345',
        question: { id: 'crash-containment:0', choices: 3, answer: null, revealed: false },
        tally: { question: 'crash-containment:0', counts: [1, 0, 2], answered: 3, present: 4 },
      },
    },
  ),
);

describe('presenter channel messages under fuzzing', () => {
  it('the validator keeps only the protocol, reads what it kept the same, and never throws', () => {
    let refused = 0;
    fc.assert(
      fc.property(tagged(presenterMessage), (t) => {
        // What it keeps reads back the same: the protocol's fields, nothing smuggled in.
        if (judge(t, parsePresenterMessage, (x) => parsePresenterMessage(parsePresenterMessage(x))))
          refused++;
      }),
      fuzzRuns(500),
    );
    expect(refused).toBeGreaterThan(250);
  });

  it('the presenter counts what fails, answers nothing but a valid hello', async () => {
    vi.stubGlobal('addEventListener', vi.fn());
    vi.stubGlobal('removeEventListener', vi.fn());
    statusStore.setState({ phase: 'running' });
    simStore.setState({ view: {} as never, logLength: 1 });
    const bridge = { inputLog: log, startSpec: { scenario: 'two-kernels', seed: 1 } };
    const stop = startPresenterLink(bridge as unknown as SimBridge);
    const session = presenterStore.getState().session as string;
    const tx = new BroadcastChannel(channelName(session));
    const replies: { type: string }[] = [];
    tx.onmessage = (e: MessageEvent<{ type: string }>) => replies.push(e.data);
    const messages = fc
      .sample(
        tagged(presenterMessage).map((t) => t.data),
        { seed: 7, numRuns: 300 },
      )
      .filter((d) => parsePresenterMessage(d)?.type !== 'hello');
    const before = presenterStore.getState().ignored;
    let bad = 0;
    for (const d of messages) {
      try {
        tx.postMessage(d);
      } catch {
        continue; // Not cloneable (nesting too deep for the channel): never sent.
      }
      if (parsePresenterMessage(d) === null) bad++;
    }
    await vi.waitFor(() => expect(presenterStore.getState().ignored).toBe(before + bad));
    expect(bad).toBeGreaterThan(100);
    // Only the valid hello is answered (its machine, then its state): before it, nothing was.
    tx.postMessage({ v: 1, type: 'hello' });
    await vi.waitFor(() => expect(replies.map((r) => r.type)).toEqual(['sync', 'state']));
    stop();
    tx.close();
    vi.unstubAllGlobals();
  });
});
