import { homeText, type HomeKey } from '../i18n/home-text';
import { useRef, useState } from 'react';
import { useLang, useT } from './hooks';
import { Legend } from './Legend';
import { useModal } from './use-modal';
import './start-here.css';

/** The legend, one click away from the header on every screen: a button and a small dialog. */
export function LegendMenu() {
  const t = useT();
  const lang = useLang();
  const h = (key: HomeKey) => homeText(lang, key);
  const [open, setOpen] = useState(false);
  const close = useRef<HTMLButtonElement>(null);
  const modal = useModal(open, () => setOpen(false), close);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        data-testid="legend-open"
        onClick={() => setOpen(true)}
      >
        {h('legend.open')}
      </button>
      {open ? (
        <dialog
          {...modal}
          className="ls-dialog legend-dialog"
          aria-labelledby="legend-title"
          data-testid="legend-dialog"
        >
          <div className="keys-top">
            <h2 id="legend-title">{h('legend.title')}</h2>
            <button ref={close} type="button" onClick={() => setOpen(false)}>
              {t('overlay.close')}
            </button>
          </div>
          <Legend />
        </dialog>
      ) : null}
    </>
  );
}
