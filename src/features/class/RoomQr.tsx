import { qrPath } from '../sharing/qr-path';
import { useClassT } from './use-class-t';
import { formatRoomCode } from '../../contract';

/** The room to join, for a projector: the code in large type, the short address and its QR. */
export function RoomQr(props: { readonly code: string; readonly url: string }) {
  const t = useClassT();
  const qr = qrPath(props.url);
  return (
    <div className="cl-room">
      <p>
        <span className="cl-label">{t('class.code')}</span>{' '}
        <strong className="cl-code" data-testid="class-code">
          {formatRoomCode(props.code)}
        </strong>
      </p>
      <p className="cl-url">{t('class.join.at', { url: props.url })}</p>
      {qr ? (
        <svg
          className="cl-qr"
          viewBox={`0 0 ${qr.size} ${qr.size}`}
          role="img"
          aria-label={t('class.qr')}
          shapeRendering="crispEdges"
        >
          <rect width={qr.size} height={qr.size} fill="#fff" />
          <path d={qr.d} fill="#000" />
        </svg>
      ) : null}
    </div>
  );
}
