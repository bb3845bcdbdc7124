import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { MachineView } from '../../contract';
import type { Lang } from '../../i18n';
import { MachineDrawing } from '../../ui/machine/MachineView';
import { buildSlideFrom } from '../presenter/export-slide';
import type { SlideCaption } from '../presenter/slide';
import './stills.css';

/** A frame's machine (and twin) as a 16:9 slide with its caption, drawn off screen. */
export interface Still {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

const frames = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

/**
 * Draw the views with the page's own machine drawing, in a stage off screen at a fixed width,
 * mounted afresh for each picture: nothing glides from a previous picture, so a picture depends
 * only on the view it shows (a video's frames are the same on every run).
 */
export async function stillOf(
  lang: Lang,
  view: MachineView,
  twin: MachineView | null,
  now: number,
  caption: SlideCaption,
  paper = false,
): Promise<Still> {
  const stage = document.createElement('div');
  // On paper the light palette, whatever the page's theme (a dark slide wastes ink).
  stage.className = paper ? 'still-stage still-paper' : 'still-stage';
  stage.setAttribute('aria-hidden', 'true');
  document.body.append(stage);
  const root = createRoot(stage);
  // The twin's pane (when shown) beside the machine's, as the page draws them.
  const panes: [MachineView, string][] = twin
    ? [
        [twin, 'still-twin-'],
        [view, 'still-'],
      ]
    : [[view, 'still-']];
  try {
    flushSync(() =>
      root.render(
        <>
          {panes.map(([v, prefix]) => (
            <div className="still-pane" key={prefix}>
              <MachineDrawing
                view={v}
                now={now}
                interactive={false}
                testPrefix={prefix}
                waiting=""
              />
            </div>
          ))}
        </>,
      ),
    );
    // The drawing measures its box, lays itself out for it (a transition: it may take frames
    // when the page is busy), then holds still two frames. Every pane must be laid out for its
    // measured width, or a picture would sometimes be the fallback width's (not the same twice).
    let settledFor = 0;
    for (let i = 0; i < 120 && settledFor < 2; i++) {
      await frames();
      const measures = stage.querySelectorAll('.mk-measure');
      const laidOut =
        stage.querySelector('svg[data-testid="still-machine-view"]') !== null &&
        measures.length === panes.length &&
        Array.from(measures).every((m) => m.hasAttribute('data-measured')) &&
        !stage.querySelector('.mk-still');
      settledFor = laidOut ? settledFor + 1 : 0;
    }
    if (settledFor < 2) throw new Error('the machine could not be drawn');
    const built = await buildSlideFrom(stage, 'still-', lang, caption);
    if (!built) throw new Error('the machine could not be drawn');
    return built;
  } finally {
    root.unmount();
    stage.remove();
  }
}
