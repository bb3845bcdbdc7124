import { encode } from 'uqr';

/**
 * A QR code as one SVG path of its dark modules (crisp at any size, large on a projector), or
 * null when the text is too long for one. Shared by the Share dialog and the live class.
 */
export function qrPath(text: string): { readonly size: number; readonly d: string } | null {
  let qr: ReturnType<typeof encode>;
  try {
    qr = encode(text, { ecc: 'L', border: 4 });
  } catch {
    return null;
  }
  let d = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size: qr.size, d };
}
