import { PRESET_IDS, type PresetId } from '../../contract';
import { parseLang, type Lang } from '../../i18n';
import type { Theme } from '../../store/prefs-store';
import type { EmbedControls } from './embed-store';
import { readLessonRoute, type LessonRoute } from '../../app/lesson-route';

/** What an embed shows and how, read from its URL (DESIGN §7; docs/embedding.md). */
export interface EmbedOptions {
  /** A lesson step (`lesson`, `step`), or a bad lesson link. */
  readonly route: LessonRoute;
  /** The sandbox preset: the machine of `?scenario=`, or the one a lesson's worker is told about. */
  readonly preset: PresetId;
  readonly seed: number;
  readonly controls: EmbedControls;
  readonly theme: Theme;
  readonly lang: Lang | null;
  readonly autoplay: boolean;
  /** Origins whose commands are accepted and to which events go; empty = a read-only embed. */
  readonly origins: readonly string[];
  readonly hooks: boolean;
}

const CONTROLS: readonly EmbedControls[] = ['none', 'minimal', 'full'];
const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];
/** More than a few allowed origins is a mistake, not a use case. */
const MAX_ORIGINS = 8;

/**
 * An origin exactly as `MessageEvent.origin` spells it (`https://docs.example.org`), or null.
 * Paths, wildcards, `null` and non-http(s) schemes are refused: a command must come from a page
 * whose origin the author named.
 */
export function parseOrigin(text: string): string | null {
  const s = text.trim();
  if (!/^https?:\/\//i.test(s)) return null;
  try {
    const u = new URL(s);
    const origin = u.origin;
    const plainHost = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(u.hostname);
    return plainHost && s.replace(/\/$/, '').toLowerCase() === origin.toLowerCase() ? origin : null;
  } catch {
    return null;
  }
}

export function readEmbedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const scenario = q.get('scenario');
  const preset = (PRESET_IDS as readonly string[]).includes(scenario ?? '')
    ? (scenario as PresetId)
    : 'two-kernels';
  const seedText = q.get('seed');
  const seed = seedText !== null && /^\d{1,15}$/.test(seedText) ? Number(seedText) : 1;
  const controls = q.get('controls');
  const theme = q.get('theme');
  const autoplay = q.get('autoplay');
  const origins = [
    ...new Set(
      (q.get('origin') ?? '')
        .split(',')
        .map(parseOrigin)
        .filter((o): o is string => o !== null),
    ),
  ].slice(0, MAX_ORIGINS);
  return {
    route: readLessonRoute(search),
    preset,
    seed,
    controls: (CONTROLS as readonly (string | null)[]).includes(controls)
      ? (controls as EmbedControls)
      : 'minimal',
    theme: (THEMES as readonly (string | null)[]).includes(theme) ? (theme as Theme) : 'auto',
    lang: parseLang(q.get('lang')),
    // `autoplay`, `autoplay=1`, `autoplay=true` play; absent, `0` or `false` do not.
    autoplay: autoplay !== null && !/^(?:0|false|no)$/i.test(autoplay),
    origins,
    hooks: q.has('testhooks'),
  };
}
