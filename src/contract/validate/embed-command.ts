import { z } from './zod';
import { EMBED_PROTOCOL, type EmbedCommand } from '../channels';
import { MAX_LESSON_STEPS, MAX_SEEK_NS } from '../limits';

/**
 * The commands an embedding page may send (docs/embedding.md), validated whole: an unknown type,
 * a missing or extra field, a wrong version or a value out of range makes the message invalid,
 * and the embed ignores it. The step's real bound is the lesson's, checked when it is applied.
 */
const v = z.literal(EMBED_PROTOCOL);

const command: z.ZodMiniType<EmbedCommand> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('mklab:goto'),
    v,
    step: z.int().check(z.gte(1), z.lte(MAX_LESSON_STEPS)),
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

/** A command, or null for anything that is not one. Never throws. */
export function parseEmbedCommand(data: unknown): EmbedCommand | null {
  const r = command.safeParse(data);
  return r.success ? r.data : null;
}
