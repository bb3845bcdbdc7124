import type { LessonSlug } from '../../contract';
import { lessonKey } from '../../content/keys';
import { plainText } from '../../ui/lessons/marks';
import { useLessonText } from '../../ui/lessons/use-lesson-text';
import { StepView } from '../../ui/lessons/StepView';
import { PlaybackControls } from '../../ui/PlaybackControls';

/**
 * `controls=full`: the app's whole step (prediction, task and checks, hints, show me, card,
 * explanation, back / next) and its playback bar. Loaded only when asked for, so a minimal embed
 * stays small (DESIGN §8: ≤ 120 KB before ready).
 */
export default function EmbedFull({ slug }: { readonly slug: LessonSlug | null }) {
  return (
    <>
      {slug ? (
        <div className="ls-panel">
          <LessonTitle slug={slug} />
          <StepView slug={slug} surface="embed-full" />
        </div>
      ) : null}
      <PlaybackControls />
    </>
  );
}

/** The lesson's title, above the step's own headings (as in the app's lesson panel). */
function LessonTitle({ slug }: { readonly slug: LessonSlug }) {
  const { tx } = useLessonText(slug);
  return <h2 className="em-lesson">{plainText(tx(lessonKey.title(slug)))}</h2>;
}
