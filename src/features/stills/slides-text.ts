import { addEnglish } from '../../i18n';
import slidesEn from '../../i18n/en/slides.json';

// The handout's and the step video's English strings travel in their own chunks (src/i18n/index.ts).
addEnglish(slidesEn);
