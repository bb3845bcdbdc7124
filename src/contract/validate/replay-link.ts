import { z } from './zod';
import { REPLAY_SCHEMA, type Replay, type ReplayConfig } from '../files';
import { LESSON_SLUGS, type LessonSlug } from '../lessons';
import { MAX_ENGINE, MAX_SEED } from '../limits';
import { PROPOSAL_VERSIONS } from '../machine';
import { PRESET_IDS } from '../presets';
import type { Checked, FileProblem } from '../problems';
import { flag, intIn, rule, simTimeProblem, tag, within } from './fields';
import { inputLog } from './log';
import { checked, shown } from './problem';
import { scenario } from './scenario';

/**
 * Replay links (DESIGN §7): the `#r=` payload `{schema, engine, config, log}` once decoded, and
 * the address's own parameters (`t`, `step`, `lang`, `seed`). A lesson's step count comes from
 * the page (`stepsOf`): the contract does not know the lessons' content.
 */

export type StepsOf = (slug: LessonSlug) => number;

const replayConfig = z
  .strictObject({
    lesson: z.optional(z.enum(LESSON_SLUGS)),
    scenario: z.optional(z.union([z.enum(PRESET_IDS), scenario])),
    seed: intIn(0, MAX_SEED),
    version: z.optional(z.enum(PROPOSAL_VERSIONS)),
    twin: z.optional(z.boolean()),
  })
  .check(
    rule<ReplayConfig>((c, ctx) => {
      // A link replays a lesson or a sandbox scenario: exactly one of them.
      if ((c.lesson === undefined) === (c.scenario === undefined))
        flag(ctx, 'missing', {}, ['scenario']);
    }),
  );

const kind = z.looseObject({ schema: tag(REPLAY_SCHEMA, 'schema', 20) });

const made = new WeakMap<StepsOf, z.ZodMiniType>();

function payload(stepsOf: StepsOf): z.ZodMiniType {
  let schema = made.get(stepsOf);
  if (!schema) made.set(stepsOf, (schema = makePayload(stepsOf)));
  return schema;
}

function makePayload(stepsOf: StepsOf) {
  return z
    .strictObject({
      schema: z.unknown(),
      engine: intIn(1, MAX_ENGINE),
      config: replayConfig,
      log: z.unknown(),
    })
    .check(
      rule<Replay>((r, ctx) => {
        // The log's lesson inputs are bounded by the lesson the config names.
        const lesson = r.config.lesson;
        within(ctx, inputLog(lesson ? stepsOf(lesson) : null), r.log, ['log']);
      }),
    );
}

/**
 * A decoded `#r=` payload. An unknown schema (a newer app's link) is refused; another engine
 * version is accepted (the page replays it with a notice).
 */
export function checkReplay(data: unknown, stepsOf: StepsOf): Checked<Replay> {
  const r = checked<Replay>(kind, data);
  return r.ok ? checked<Replay>(payload(stepsOf), data) : r;
}

/** A decimal parameter of the address: digits only, then in range. */
function decimal(digits: number, min: number, max: number) {
  return z.optional(
    z.string().check(
      z.superRefine((s: string, ctx) => {
        const n = new RegExp(`^\\d{1,${digits}}$`).test(s) ? Number(s) : NaN;
        if (Number.isNaN(n)) flag(ctx, 'not-int', { value: shown(s) });
        else if (n < min || n > max) flag(ctx, 'range', { value: n, min, max });
      }),
    ),
  );
}

/**
 * The address's `t`: digits only (any number of them, so a time far in the future is named as
 * one, with the limit), then a simulated time no later than `MAX_T`.
 */
const timeParam = z.optional(
  z.string().check(
    z.superRefine((s: string, ctx) => {
      const bad = /^\d+$/.test(s)
        ? simTimeProblem(Number(s))
        : (['not-int', { value: shown(s) }] as const);
      if (bad) flag(ctx, bad[0], bad[1]);
    }),
  ),
);

/** What the address of a replay link says besides the replay itself. */
export interface LinkWhere {
  readonly t: number;
  /** 0-based (the address says 1-based); null outside a lesson or when not given. */
  readonly step: number | null;
  readonly lang: 'en' | 'es' | null;
}

/**
 * The address's parameters of a link that replays `replay`: `t` (simulated ns), `step` (1-based,
 * a lesson's), `seed` (the replay's own is the one used; the address repeats it for people) and
 * `lang` (anything but en or es is ignored). Other parameters are not the link's business.
 */
export function checkLinkParams(
  params: Readonly<Record<string, string>>,
  replay: Replay,
  stepsOf: StepsOf,
): Checked<LinkWhere> {
  const lesson = replay.config.lesson;
  const schema = z.looseObject({
    t: timeParam,
    seed: decimal(15, 0, MAX_SEED),
    ...(lesson ? { step: decimal(3, 1, stepsOf(lesson)) } : {}),
  });
  const r = checked<Record<string, string | undefined>>(schema, params);
  if (!r.ok) return r as { ok: false; problem: FileProblem };
  const { t, step, lang } = r.value;
  return {
    ok: true,
    value: {
      t: t === undefined ? 0 : Number(t),
      step: lesson && step !== undefined ? Number(step) - 1 : null,
      lang: lang === 'en' || lang === 'es' ? lang : null,
    },
  };
}
