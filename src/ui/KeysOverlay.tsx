import { useRef } from 'react';
import { useStore } from 'zustand';
import type { MessageKey } from '../i18n';
import { prefsStore, setPrefs } from '../store/prefs-store';
import { useT } from './hooks';
import { KEYS } from './keys';
import { useModal } from './use-modal';
import './dialogs.css';
import './keys-overlay.css';

/** Key caps that are words get a translated name; the rest are shown as they are typed. */
const CAP_NAMES: Readonly<Record<string, MessageKey>> = {
  Space: 'overlay.cap.space',
  PageDown: 'overlay.cap.pageDown',
  PageUp: 'overlay.cap.pageUp',
};

/**
 * The keys of DESIGN §5 (the KEYS table of keys.ts), as a modal dialog shown by `?`. A native
 * `<dialog>` opened with showModal(): the rest of the page is inert, focus moves to the close
 * button and Tab cycles inside; Esc, the close button or a click outside close it, and focus goes
 * back to where it was.
 */
export function KeysOverlay() {
  const t = useT();
  const open = useStore(prefsStore, (s) => s.keysOpen);
  const close = useRef<HTMLButtonElement>(null);
  // Esc, the backdrop and the close button all close through the store: page and dialog agree.
  const modal = useModal(open, () => setPrefs({ keysOpen: false }), close);

  if (!open) return null;

  return (
    <dialog
      {...modal}
      className="ls-dialog keys-overlay"
      aria-labelledby="keys-title"
      aria-describedby="keys-hint"
      data-testid="keys-overlay"
    >
      <div className="keys-box">
        <div className="keys-top">
          <h2 id="keys-title">{t('overlay.title')}</h2>
          <button
            ref={close}
            type="button"
            data-testid="keys-close"
            onClick={() => setPrefs({ keysOpen: false })}
          >
            {t('overlay.close')}
          </button>
        </div>
        <p id="keys-hint" className="keys-hint">
          {t('overlay.hint')}
        </p>
        <table className="keys-table">
          <caption className="sr-only">{t('overlay.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overlay.col.keys')}</th>
              <th scope="col">{t('overlay.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {KEYS.map((k) => (
              <tr key={k.action}>
                <td>
                  {k.keys.map((cap, i) => (
                    <span key={cap}>
                      {i > 0 ? <span className="keys-or">{t('overlay.or')}</span> : null}
                      <kbd>{CAP_NAMES[cap] ? t(CAP_NAMES[cap]) : cap}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(k.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  );
}
