import { LESSON_SLUGS } from '../../../src/contract';
import { describeLessonSolutions } from './solution-suite';

// Every lesson the registry holds (src/contract/lessons.ts): no list here to keep up.
describeLessonSolutions(LESSON_SLUGS);
