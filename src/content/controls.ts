/**
 * What a lesson step's text asks the reader to use (its task and hints) or to look at (what to
 * look at), beyond the machine view itself. A step declares them (`uses`, `sees` in its
 * content); each surface the step is shown on resolves them: the app has every one, an embed
 * only those of its `controls=` mode. A step whose task needs what a surface lacks is not
 * offered there as a task (issue 12): the surface offers "show me" and the app instead. Each
 * control's element carries `data-control="<name>"`, so a test can see that it is there.
 */
export type Control =
  | 'shell'
  | 'sandbox'
  | 'inspector'
  | 'timeline'
  | 'charts'
  | 'card'
  | 'play'
  | 'speed'
  | 'twin-button';

/** Where a step is shown: the app, or the embed in one of its `controls=` modes. */
export type Surface = 'app' | 'embed-full' | 'embed-minimal' | 'embed-none';

export const SURFACES: readonly Surface[] = ['app', 'embed-full', 'embed-minimal', 'embed-none'];

const ALL: readonly Control[] = [
  'shell',
  'sandbox',
  'inspector',
  'timeline',
  'charts',
  'card',
  'play',
  'speed',
  'twin-button',
];

/** What each surface holds. The twin pane (and its button) comes with the machine view. */
const HOLDS: Readonly<Record<Surface, readonly Control[]>> = {
  app: ALL,
  'embed-full': ['card', 'play', 'speed', 'twin-button'],
  'embed-minimal': ['play', 'twin-button'],
  'embed-none': ['twin-button'],
};

export function holds(surface: Surface, c: Control): boolean {
  return HOLDS[surface].includes(c);
}

/** The controls of `wanted` that `surface` does not hold, in the order asked. */
export function lacking(surface: Surface, wanted: readonly Control[] | undefined): Control[] {
  return (wanted ?? []).filter((c) => !holds(surface, c));
}

/** A step whose task is to open its card (a recovery, a source, a comparison): its usual shape. */
export const CARD_STEP = {
  uses: ['card'],
  goals: [],
  ui: { kind: 'open-card' },
  card: true,
  highlights: [{ kind: 'card' }],
} as const;
