import { z } from './zod';
import { PRESENTER_PROTOCOL, type PresenterMessage } from '../channels';
import { LESSON_SLUGS, type LessonSlug } from '../lessons';
import { MAX_LESSON_STEPS, MAX_LOG, MAX_LOG_KEY, MAX_SEED, MAX_SPEED_INDEX } from '../limits';
import { PROPOSAL_VERSIONS } from '../machine';
import { PRESET_IDS } from '../presets';
import { intIn, rule, simTime, text, within } from './fields';
import { inputLog } from './log';
import type { StepsOf } from './replay-link';
import { scenario } from './scenario';
import { questionSchema, tallySchema } from './class-message';
import { ROOM_CODE_LENGTH } from '../class-session';

/**
 * A message on the presenter's BroadcastChannel (DESIGN §7), checked field by field: anything
 * else is dropped (an old tab of the app, a future version, a stray script on the same origin).
 * What is returned holds exactly the fields the protocol knows; a sync's log is the one sent, so
 * its fingerprint can be compared. A lesson's step count comes from the page (`stepsOf`).
 */

const v = z.literal(PRESENTER_PROTOCOL);
const nat = intIn(0, Number.MAX_SAFE_INTEGER);

const lesson = z.nullable(
  z
    .object({
      slug: z.enum(LESSON_SLUGS),
      step: nat,
      steps: intIn(1, MAX_LESSON_STEPS),
    })
    .check(z.refine((l: { step: number; steps: number }) => l.step < l.steps)),
);

const state = z.object({
  v,
  type: z.literal('state'),
  seq: nat,
  lesson,
  t: simTime(),
  playing: z.boolean(),
  speedIndex: intIn(0, MAX_SPEED_INDEX),
  logLength: intIn(0, MAX_LOG),
  logKey: text(MAX_LOG_KEY),
  twin: z.boolean(),
  lang: z.enum(['en', 'es']),
  theme: z.enum(['light', 'dark', 'auto']),
  blank: z.boolean(),
  page: z.enum(['step', 'quiz', 'finish']),
  revealed: z.boolean(),
  chartsShown: z.boolean(),
  card: z.boolean(),
});

const start = z.object({
  // A preset, or the sandbox's own scenario (checked as a file's would be).
  scenario: z.union([z.enum(PRESET_IDS), scenario]),
  seed: intIn(0, MAX_SEED),
  lesson: z.optional(z.enum(LESSON_SLUGS)),
  step: z.optional(intIn(0, MAX_LESSON_STEPS)),
  version: z.optional(z.enum(PROPOSAL_VERSIONS)),
  twin: z.optional(z.boolean()),
  checkpointEvery: z.optional(intIn(1, Number.MAX_SAFE_INTEGER)),
});

const made = new WeakMap<StepsOf, z.ZodMiniType>();

function message(stepsOf: StepsOf): z.ZodMiniType {
  const known = made.get(stepsOf);
  if (known) return known;
  const sync = z
    .object({ v, type: z.literal('sync'), start, log: z.unknown(), logKey: text(MAX_LOG_KEY) })
    .check(
      rule<{ start: { lesson?: LessonSlug }; log: unknown }>((s, ctx) => {
        const steps = s.start.lesson ? stepsOf(s.start.lesson) : null;
        within(ctx, inputLog(steps), s.log, ['log']);
      }),
    );
  const schema = z.discriminatedUnion('type', [
    z.object({ v, type: z.literal('hello') }),
    z.object({ v, type: z.literal('bye') }),
    sync,
    state,
    z.object({
      v,
      type: z.literal('class'),
      room: z.nullable(
        z.object({
          code: z.string().check(z.length(ROOM_CODE_LENGTH)),
          url: text(200),
          question: z.nullable(questionSchema),
          tally: z.nullable(tallySchema),
        }),
      ),
    }),
  ]);
  made.set(stepsOf, schema);
  return schema;
}

/** A received message, or null for anything that is not one. Never throws. */
export function checkPresenterMessage(data: unknown, stepsOf: StepsOf): PresenterMessage | null {
  const r = message(stepsOf).safeParse(data);
  return r.success ? (r.data as PresenterMessage) : null;
}
