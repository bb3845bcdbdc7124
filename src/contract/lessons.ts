/** The ten lessons, in teaching order (DESIGN §6): the one list every part reads. */
export const LESSON_SLUGS = [
  'one-kernel-owns-everything',
  'carving-the-machine',
  'booting-a-second-kernel',
  'talking-between-kernels',
  'crash-containment',
  'recovery-without-reboot',
  'noisy-neighbours',
  'zero-downtime-update',
  'what-it-does-not-protect',
  'roots',
] as const;
export type LessonSlug = (typeof LESSON_SLUGS)[number];
