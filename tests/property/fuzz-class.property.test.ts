import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkClassAnswer,
  checkClassQuestion,
  checkClassReply,
  checkClassTally,
} from '../../src/contract/validate/class-message';
import { classServer, client, studentId, type Client } from '../unit/class/room-harness';
import { fuzzRuns } from './hostile-values';
import { judge, tagged } from './fuzz-judge';

// The live class's messages (issue 13), like every other input surface: each type through its
// contract validator (a valid one taken as sent, a hostile one refused, none throws), and a
// student's answers through a real session server on 127.0.0.1, where every refused one is
// counted and none reaches the tally.

const qid = fc.constantFrom('crash-containment:0', 'noisy-neighbours:3', 'q_1');
const answer = fc
  .record({ question: qid, choice: fc.nat(7), nick: fc.option(fc.constantFrom('Ana', 'Zoë 2')) })
  .map(({ nick, ...a }) => ({ v: 1, type: 'answer', ...a, ...(nick ? { nick } : {}) }));
const reply = fc.oneof(
  fc.record({ question: qid, choice: fc.nat(7) }).map((r) => ({ v: 1, type: 'answered', ...r })),
  fc
    .record({ question: qid, choice: fc.nat(7), nick: fc.constantFrom('Ana', "O'Neil", 'Zoë 2') })
    .map((r) => ({ v: 1, type: 'roster', ...r })),
  fc
    .constantFrom('invalid', 'closed', 'choice', 'duplicate')
    .map((why) => ({ v: 1, type: 'refused', why })),
);
const question = fc
  .record({ id: qid, choices: fc.integer({ min: 2, max: 8 }), revealed: fc.boolean() })
  .chain((q) => fc.option(fc.nat(q.choices - 1)).map((answer) => ({ ...q, answer })));
const tally = fc
  .record({ question: qid, counts: fc.array(fc.nat(50), { minLength: 2, maxLength: 8 }) })
  .chain((t) =>
    fc.nat(500).map((present) => ({
      ...t,
      answered: t.counts.reduce((a, b) => a + b, 0),
      present,
    })),
  );

/** A stateless message is text: a valid or mutated one goes as its JSON, a hostile one as is. */
function asText(t: { kind: string; data: unknown }): { kind: string; data: string } {
  if (t.kind === 'hostile' && typeof t.data === 'string') return { kind: t.kind, data: t.data };
  try {
    return { kind: t.kind, data: JSON.stringify(t.data) ?? 'undefined' };
  } catch {
    return { kind: 'hostile', data: '[' }; // nested past JSON's own depth: not sendable as is
  }
}

describe('class messages under fuzzing', () => {
  it('each validator takes a message exactly as sent, or nothing, and never throws', () => {
    const cases: [string, fc.Arbitrary<unknown>, (x: unknown) => unknown, boolean][] = [
      ['answer', answer, checkClassAnswer, true],
      ['reply', reply, checkClassReply, true],
      ['question', question, checkClassQuestion, false],
      ['tally', tally, checkClassTally, false],
    ];
    for (const [name, valid, check, text] of cases) {
      let refused = 0;
      fc.assert(
        fc.property(tagged(valid), (raw) => {
          const t = text ? asText(raw) : raw;
          // What is kept reads back the same (the message's own fields, nothing smuggled in)…
          const again = (x: unknown) => {
            const out = check(x);
            return out === null ? null : check(text ? JSON.stringify(out) : out);
          };
          if (judge(t, check, again)) refused++;
          // …and a valid message is kept exactly as it was sent.
          if (t.kind === 'valid')
            expect(check(t.data)).toEqual(text ? JSON.parse(t.data as string) : t.data);
        }),
        fuzzRuns(400),
      );
      expect(refused, name).toBeGreaterThan(150);
    }
  });

  describe('through the session server', () => {
    let server: Awaited<ReturnType<typeof classServer>>;
    const clients: Client[] = [];
    beforeAll(async () => {
      server = await classServer({ studentRate: { perS: 10_000, burst: 10_000 } });
    });
    afterAll(async () => {
      for (const c of clients) c.destroy();
      await server.stop();
    });

    it('refuses and counts every invalid answer; valid ones count once per student', async () => {
      const room = (await server.createRoom())!;
      const join = (token: string) => {
        const c = client(server.port, room.code, token);
        clients.push(c);
        return c;
      };
      const teacher = join(`p:${room.token}`);
      const q = { id: 'crash-containment:0', choices: 3, answer: null, revealed: false };
      teacher.publish({ question: q });
      const student = join(`s:${studentId()}`);
      await vi.waitFor(() => expect(student.read().question?.id).toBe(q.id), { timeout: 5000 });
      const payloads = fc
        .sample(tagged(answer), { seed: 11, numRuns: 300 })
        .map((t) => asText(t).data)
        .filter((p): p is string => typeof p === 'string');
      for (const p of payloads) student.sendRaw(p);
      const invalid = payloads.filter((p) => checkClassAnswer(p) === null).length;
      await vi.waitFor(() => expect(student.replies).toHaveLength(payloads.length), {
        timeout: 10_000,
      });
      const stats = server.stats();
      expect(stats.refused.invalid).toBe(invalid);
      expect(invalid).toBeGreaterThan(100);
      // One student, one question: at most one answer counted, whatever else they sent.
      expect(stats.answers).toBe(1);
      await vi.waitFor(() => expect(teacher.read().tally?.answered).toBe(1), { timeout: 5000 });
    });
  });
});
