import * as z from 'zod/mini';
import { PROTOCOL_VERSION } from './protocol';

/**
 * The commands of the embed's protocol (protocol.ts), validated with zod/mini. This module loads
 * on demand, only in an embed that has allowed origins: a read-only embed ignores every message
 * without looking inside it.
 */

/** Farthest a host may seek: ten simulated minutes (a seek re-simulates up to there). */
export const MAX_SEEK_NS = 600_000_000_000;
/** No lesson has this many steps; the real bound is checked against the lesson when applied. */
const MAX_STEP = 99;

const v = z.literal(PROTOCOL_VERSION);

/**
 * Commands, validated whole: an unknown type, a missing or extra field, a wrong version or a value
 * out of range makes the message invalid, and it is ignored (and counted).
 */
export const Command = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('mklab:goto'),
    v,
    step: z.int().check(z.gte(1), z.lte(MAX_STEP)),
  }),
  z.strictObject({ type: z.literal('mklab:play'), v }),
  z.strictObject({ type: z.literal('mklab:pause'), v }),
  z.strictObject({
    type: z.literal('mklab:seek'),
    v,
    tNs: z.int().check(z.gte(0), z.lte(MAX_SEEK_NS)),
  }),
  z.strictObject({ type: z.literal('mklab:setLang'), v, lang: z.enum(['en', 'es']) }),
]);
export type Command = z.infer<typeof Command>;

/** A command, or null for anything that is not one. Never throws. */
export function parseCommand(data: unknown): Command | null {
  const r = Command.safeParse(data);
  return r.success ? r.data : null;
}
