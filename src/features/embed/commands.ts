import type { EmbedCommand } from '../../contract';
import { parseEmbedCommand } from '../../contract/validate/embed-command';

/**
 * The commands of the embed's protocol (protocol.ts), validated by the contract
 * (src/contract/validate/embed-command.ts). This module loads on demand, only in an embed that
 * has allowed origins: a read-only embed ignores every message without looking inside it.
 */
export type Command = EmbedCommand;

/** A command, or null for anything that is not one. Never throws. */
export const parseCommand: (data: unknown) => Command | null = parseEmbedCommand;
