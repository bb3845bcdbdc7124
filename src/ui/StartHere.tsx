import { homeText, type HomeKey } from '../i18n/home-text';
import { useState } from 'react';
import { LESSON_SLUGS } from '../contract';
import { controls } from '../store/controls';
import { isBareAddress, lastPlace, rememberPlace } from '../store/last-place';
import { useLang } from './hooks';
import { Legend } from './Legend';
import './start-here.css';

/** A first visit: the bare address, and nothing kept of an earlier one on this browser. */
const firstVisit = (): boolean =>
  typeof location !== 'undefined' &&
  isBareAddress(location.search, location.hash) &&
  lastPlace() === null;

/**
 * The first visit's "start here": what the learner is looking at in three sentences, the
 * legend of the machine view, one big "Start lesson 1", and the sandbox (the running machine
 * below) one click away. Not a modal: the machine stays usable under it.
 */
export function StartHere() {
  const lang = useLang();
  const h = (key: HomeKey) => homeText(lang, key);
  const [open, setOpen] = useState(firstVisit);
  if (!open) return null;
  const sandbox = () => {
    rememberPlace('sandbox');
    setOpen(false);
  };
  const lesson1 = () => {
    setOpen(false);
    void controls.startLesson(LESSON_SLUGS[0], 0);
  };
  return (
    <section className="start-here" data-testid="start-here" aria-labelledby="start-h">
      <div className="start-text">
        <h2 id="start-h">{h('start.title')}</h2>
        <p>{h('start.what')}</p>
        <div className="start-actions">
          <button
            type="button"
            className="primary start-big"
            data-testid="start-lesson-1"
            onClick={lesson1}
          >
            {h('start.lesson1')}
          </button>
          <button type="button" data-testid="start-sandbox" onClick={sandbox}>
            {h('start.sandbox')}
          </button>
        </div>
      </div>
      <div className="start-legend">
        <h3>{h('legend.title')}</h3>
        <Legend />
      </div>
    </section>
  );
}
