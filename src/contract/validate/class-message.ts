import { z } from './zod';
import {
  CLASS_PROTOCOL,
  MAX_CHOICES,
  MAX_NICK,
  MAX_QUESTION_ID,
  STUDENT_ID_LENGTH,
  type ClassAnswer,
  type ClassQuestion,
  type ClassReply,
  type ClassTally,
} from '../class-session';
import { intIn, rule } from './fields';

/**
 * The live class's messages (issue 13), checked field by field by the page and by the session
 * server alike: a student's answer (a stateless message, so a string), the server's reply, and
 * what the room's shared map holds besides the presenter's sync and state (those are presenter
 * messages, ./presenter-message.ts). Anything else is null; nothing here throws.
 */

/** A stateless message is a string: past this it is refused before it is parsed. */
export const MAX_CLASS_MESSAGE_CHARS = 512;

const v = z.literal(CLASS_PROTOCOL);
const count = intIn(0, 1_000_000);
/** A question's id (`slug:2`, `slug:quiz`): also what a presenter window keeps of its reveals. */
export const questionId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9:_-]+$/), z.maxLength(MAX_QUESTION_ID));
const choice = intIn(0, MAX_CHOICES - 1);
// Letters, digits, spaces and a little punctuation: a nickname is shown to the teacher as text,
// and no control or formatting character (bidi overrides) can reach the projector.
const nick = z
  .string()
  .check(z.minLength(1), z.maxLength(MAX_NICK), z.regex(/^[\p{L}\p{N}\p{M} ._'-]+$/u));

const answer = z.object({
  v,
  type: z.literal('answer'),
  question: questionId,
  choice,
  nick: z.optional(nick),
});

const reply = z.discriminatedUnion('type', [
  z.object({ v, type: z.literal('answered'), question: questionId, choice }),
  z.object({ v, type: z.literal('roster'), question: questionId, nick, choice }),
  z.object({
    v,
    type: z.literal('refused'),
    why: z.enum(['invalid', 'closed', 'choice', 'duplicate']),
  }),
]);

export const questionSchema = z
  .object({
    id: questionId,
    choices: intIn(2, MAX_CHOICES),
    answer: z.nullable(choice),
    revealed: z.boolean(),
  })
  .check(
    rule<ClassQuestion>((q, ctx) => {
      // A question without a right answer (an opinion) is revealed with `answer: null`.
      if (q.answer !== null && q.answer >= q.choices)
        ctx.addIssue({ code: 'custom', message: 'answer', path: ['answer'] });
    }),
  );

export const tallySchema = z
  .object({
    question: questionId,
    counts: z.array(count).check(z.minLength(2), z.maxLength(MAX_CHOICES)),
    answered: count,
    present: count,
  })
  .check(
    rule<ClassTally>((t, ctx) => {
      if (t.counts.reduce((a, b) => a + b, 0) !== t.answered)
        ctx.addIssue({ code: 'custom', message: 'answered', path: ['answered'] });
    }),
  );

function parsed(schema: z.ZodMiniType, data: unknown): unknown {
  const r = schema.safeParse(data);
  return r.success ? r.data : null;
}

/** A stateless message as received: JSON text, short, then the schema. */
function fromText(schema: z.ZodMiniType, payload: unknown): unknown {
  if (typeof payload !== 'string' || payload.length > MAX_CLASS_MESSAGE_CHARS) return null;
  try {
    return parsed(schema, JSON.parse(payload));
  } catch {
    return null;
  }
}

export const checkClassAnswer = (payload: unknown) =>
  fromText(answer, payload) as ClassAnswer | null;
export const checkClassReply = (payload: unknown) => fromText(reply, payload) as ClassReply | null;
export const checkClassQuestion = (data: unknown) =>
  parsed(questionSchema, data) as ClassQuestion | null;
export const checkClassTally = (data: unknown) => parsed(tallySchema, data) as ClassTally | null;

/** A student's id as sent in their connection's token: random, URL-safe, fixed length. */
export function isStudentId(s: unknown): s is string {
  return typeof s === 'string' && new RegExp(`^[A-Za-z0-9_-]{${STUDENT_ID_LENGTH}}$`).test(s);
}
