import { LESSON_ORDER } from '../../../src/content';
import { describeLessonMetadata } from './metadata-suite';

// Every lesson the registry holds (src/contract/lessons.ts): no list here to keep up.
describeLessonMetadata(LESSON_ORDER);
