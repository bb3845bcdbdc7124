import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A native modal `<dialog>` driven by store state (as the keys overlay is): while `open`, it is
 * shown with showModal() (the page is inert), `focusRef` takes focus, Tab cycles inside, Esc or
 * a click on the backdrop calls `onClose`, and focus goes back to where it was.
 */
export function useModal(
  open: boolean,
  onClose: () => void,
  focusRef: RefObject<HTMLElement | null>,
) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!open || !d) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    focusRef.current?.focus();
    return () => {
      if (d.open) d.close();
      before?.focus();
    };
  }, [open, focusRef]);

  const props = {
    ref: dialog,
    'aria-modal': true,
    onKeyDown: (e: KeyboardEvent<HTMLDialogElement>) => {
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
    },
    onCancel: (e: { preventDefault(): void }) => {
      e.preventDefault();
      onClose();
    },
    onClick: (e: { target: EventTarget; currentTarget: EventTarget }) => {
      if (e.target === e.currentTarget) onClose();
    },
  };
  return props;
}
