import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { MessageKey } from '../i18n';
import { prefsStore, setPrefs } from '../store/prefs-store';
import { useT } from './hooks';
import { KEYS } from './keys';
import './sandbox/keys-overlay.css';

/** Key caps that are words get a translated name; the rest are shown as they are typed. */
const CAP_NAMES: Readonly<Record<string, MessageKey>> = {
  Space: 'overlay.cap.space',
  PageDown: 'overlay.cap.pageDown',
  PageUp: 'overlay.cap.pageUp',
};

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The keys of DESIGN §5 (the KEYS table of keys.ts), as a modal dialog shown by `?`. A native
 * `<dialog>` opened with showModal(): the rest of the page is inert, focus moves to the close
 * button and Tab cycles inside; Esc, the close button or a click outside close it, and focus goes
 * back to where it was.
 */
export function KeysOverlay() {
  const t = useT();
  const open = useStore(prefsStore, (s) => s.keysOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!open || !d) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    close.current?.focus();
    return () => {
      if (d.open) d.close();
      before?.focus();
    };
  }, [open]);

  if (!open) return null;

  const trap = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="keys-overlay"
      aria-modal="true"
      aria-labelledby="keys-title"
      aria-describedby="keys-hint"
      data-testid="keys-overlay"
      onKeyDown={trap}
      onCancel={(e) => {
        // Esc: close through the store, so the page and the dialog agree.
        e.preventDefault();
        setPrefs({ keysOpen: false });
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === e.currentTarget) setPrefs({ keysOpen: false });
      }}
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
