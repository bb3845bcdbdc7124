// What is wrong with something that came from outside (a link, a file, a scenario): the page
// shows it, the validators in ./validate produce it. Types only: no validator loads from here.

/** The first bad field of a link or a file, as a message key and its parameters. */
export interface FileProblem {
  /** Where, as a path into the JSON (`setup[3].cpus[1]`); empty for the whole thing. */
  readonly path: string;
  /** The message is `share.problem.<code>` in the i18n catalog. */
  readonly code: ProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export type ProblemCode =
  | 'too-big'
  | 'not-json'
  | 'malformed'
  | 'schema'
  | 'version'
  | 'not-object'
  | 'not-array'
  | 'not-int'
  | 'not-string'
  | 'not-bool'
  | 'not-one-of'
  | 'invalid'
  | 'missing'
  | 'unknown-field'
  | 'range'
  | 'too-many'
  | 'too-long'
  | 'empty'
  | 'not-multiple'
  | 'duplicate'
  | 'invalid-name'
  | 'pci'
  | 'order'
  | 'cpu-missing'
  | 'v1-one-cpu'
  | 'monolithic'
  | 'needs-github'
  | 'device-missing'
  | 'backend-needs-server'
  | 'not-setup'
  | 'lesson-only'
  /** The machine refused a setup step (the worker's answer: errno and the sim's message). */
  | 'refused'
  /** The machine would not boot at all. */
  | 'no-boot'
  /** A simulated time past `MAX_T` (named in seconds, with the limit). */
  | 'too-far'
  /** A setup that takes more than `MAX_SETUP_EVENTS` events to boot. */
  | 'boot-budget'
  /** The simulator did not answer in time and was stopped. */
  | 'boot-silent'
  /** The simulator was replaced (restarted, another machine) before it answered. */
  | 'interrupted';

/** A value read from outside: the value, or the first problem with it. */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: FileProblem };
