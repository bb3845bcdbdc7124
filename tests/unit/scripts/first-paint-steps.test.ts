import { expect, it } from 'vitest';
import { lessonSteps } from '../../../scripts/first-paint';
import { LESSON_SLUGS } from '../../../src/contract/lessons';
import { CONTENT } from '../../../src/content';

// The inline script of the first paint gives a lesson's compact header only to an address the
// app opens as a lesson (src/app/lesson-route.ts). It counts a lesson's steps from its text; the
// app, from its content. They must agree, or a link to a lesson's last step would paint the wrong
// header (or a bad step the lesson's).
it("counts each registered lesson's steps as the app does", () => {
  const steps = lessonSteps();
  expect(Object.keys(steps)).toEqual([...LESSON_SLUGS]);
  for (const slug of LESSON_SLUGS) expect(steps[slug], slug).toBe(CONTENT[slug].steps.length);
});
