import { translate, type Lang } from '../../i18n';
import { findView, slideLook, viewMarkup, type DotsPiece } from './export-view';
import { slideSvg, type Box, type SlideCaption, type SlidePane } from './slide';

export interface BuiltSlide {
  readonly text: string;
  readonly width: number;
  readonly height: number;
  readonly boxes: Box[];
  readonly dots: (readonly DotsPiece[])[];
}

/**
 * The slide of what is on screen now: the twin (when shown, on the left as on the page), the
 * machine, and the caption. Null when the machine view is not on the page.
 */
export function buildSlide(lang: Lang, caption: SlideCaption): Promise<BuiltSlide | null> {
  return buildSlideFrom(document, '', lang, caption);
}

/** The slide of the views under `root` whose test ids start with `prefix`. */
export async function buildSlideFrom(
  root: ParentNode,
  prefix: string,
  lang: Lang,
  caption: SlideCaption,
): Promise<BuiltSlide | null> {
  const machine = findView(`${prefix}machine-view`, root);
  if (!machine) return null;
  const twin = findView(`${prefix}twin-machine-view`, root);
  const found = twin ? [twin, machine] : [machine];
  const panes: SlidePane[] = found.map((v) => {
    const isTwin = v === twin;
    const { markup, viewBox } = viewMarkup(v.svg);
    return {
      id: isTwin ? 'twin' : 'machine',
      heading: twin ? translate(lang, isTwin ? 'machine.twin.title' : 'machine.title') : null,
      markup,
      viewBox,
    };
  });
  const look = await slideLook(root instanceof Element ? root : document.documentElement);
  const svg = slideSvg(panes, caption, look, lang);
  return { ...svg, dots: found.map((v) => v.dots) };
}
