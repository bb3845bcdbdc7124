import { useEffect, useRef, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import { qrPath } from './qr-path';
import { closeShareDialog, sharing, shareStore, type SharedLink } from './share-store';
import { useT } from '../../ui/hooks';
import { useModal } from '../../ui/use-modal';
import { downloadJson } from '../../ui/download';
import { problemText } from './problem-text';
import type { FileProblem } from '../../contract';
import '../../ui/dialogs.css';
import './share.css';

type Copy = 'idle' | 'copied' | 'blocked';

/**
 * The Share dialog: the link in a text field (always there, so it can be copied by hand when the
 * browser blocks the clipboard), a copy button, and the link as a QR code sized for a projector.
 * A link the lab would not open (longer than it reads, a run past a limit) is not offered: the
 * dialog says why and offers the file that holds the same state instead.
 */
export default function ShareDialog() {
  const t = useT();
  const dialog = useStore(shareStore, (s) => s.dialog);
  const field = useRef<HTMLInputElement>(null);
  const fileButton = useRef<HTMLButtonElement>(null);
  const [copy, setCopy] = useState<Copy>('idle');
  const url = dialog?.url ?? '';
  const opens = dialog?.problem === null;
  const modal = useModal(dialog !== null, closeShareDialog, opens ? field : fileButton);

  const doCopy = () => {
    const blocked = () => {
      setCopy('blocked');
      field.current?.focus();
      field.current?.select();
    };
    if (!navigator.clipboard) return blocked();
    navigator.clipboard.writeText(url).then(() => setCopy('copied'), blocked);
  };
  // Share copies at once (the click that opened the dialog allows it); the button is for again.
  // A link that would not open is not copied unasked: the file is what to send.
  useEffect(() => {
    if (url && opens) doCopy();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per link
  }, [url]);

  if (!dialog) return null;
  return (
    <dialog
      {...modal}
      className="ls-dialog sh-dialog"
      aria-labelledby="sh-title"
      aria-describedby="sh-about"
      data-testid="share-dialog"
    >
      <div className="ls-dialog-box">
        <div className="ls-dialog-top">
          <h2 id="sh-title">{t('share.title')}</h2>
          <button type="button" onClick={closeShareDialog} data-testid="share-close">
            {t('share.close')}
          </button>
        </div>
        {dialog.problem ? (
          <Unopenable link={dialog} problem={dialog.problem} button={fileButton} />
        ) : (
          <>
            <p id="sh-about" className="sh-about">
              {t('share.about')}
            </p>
            <label className="sh-field">
              <span>{t('share.link')}</span>
              <input
                ref={field}
                type="text"
                readOnly
                value={url}
                data-testid="share-url"
                onFocus={(e) => e.currentTarget.select()}
              />
            </label>
            <p className="sh-actions">
              <button type="button" className="primary" onClick={doCopy} data-testid="share-copy">
                {t('share.copy')}
              </button>
              <span role="status" data-testid="share-copy-status" data-state={copy}>
                {copy === 'copied'
                  ? t('share.copied')
                  : copy === 'blocked'
                    ? t('share.blocked')
                    : ''}
              </span>
            </p>
            <QrCode url={url} />
          </>
        )}
      </div>
    </dialog>
  );
}

/**
 * The link would not open in the lab: why (a link too long says its size against the most a link
 * may carry), and the file that holds the same state, to send instead.
 */
function Unopenable(props: {
  readonly link: SharedLink;
  readonly problem: FileProblem;
  readonly button: RefObject<HTMLButtonElement | null>;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const { link, problem, button } = props;
  const { file } = link;
  const download = () => {
    setError(null);
    (file === 'progress' ? sharing.exportProgress() : sharing.exportScenario())
      .then((text) => downloadJson(text, `multikernel-${file}.json`))
      .catch((e: unknown) => setError(String(e)));
  };
  const why =
    problem.code === 'too-big'
      ? t('share.unopenable.tooLong', problem.params)
      : t('share.unopenable.other', { problem: problemText(t, problem) });
  return (
    <div className="notice sh-unopenable" role="alert" data-testid="share-unopenable">
      <p id="sh-about">{why}</p>
      <p>{t(`share.unopenable.${file}`)}</p>
      <p className="sh-actions">
        <button
          ref={button}
          type="button"
          className="primary"
          onClick={download}
          data-testid="share-download"
        >
          {t(`share.download.${file}`)}
        </button>
        {error ? <span role="status">{error}</span> : null}
      </p>
    </div>
  );
}

/** The QR code as one SVG path of dark modules: crisp at any size, large on a projector. */
function QrCode({ url }: { readonly url: string }) {
  const t = useT();
  const qr = qrPath(url);
  if (!qr) {
    return (
      <p className="notice" data-testid="share-qr-too-long">
        {t('share.qr.tooLong', { length: url.length })}
      </p>
    );
  }
  return (
    <figure className="sh-qr">
      <svg
        viewBox={`0 0 ${qr.size} ${qr.size}`}
        role="img"
        aria-label={t('share.qr.label')}
        data-testid="share-qr"
        shapeRendering="crispEdges"
      >
        <rect width={qr.size} height={qr.size} fill="#fff" />
        <path d={qr.d} fill="#000" />
      </svg>
      <figcaption>{t('share.qr.caption', { length: url.length })}</figcaption>
    </figure>
  );
}
