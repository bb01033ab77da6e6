import QRCode from 'qrcode';
import { useMemo } from 'react';

/** Light modules around the symbol that a phone's scanner needs (ISO/IEC 18004). */
const QUIET_ZONE = 4;

/** One rect per horizontal run of dark modules: far fewer elements than one per module. */
function darkRuns(payload: string): { size: number; runs: { row: number; col: number; length: number }[] } {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  const runs = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size, runs };
}

/** The guide's QR code as inline SVG (no canvas, no data: URL), crisp at any size. */
export function QrCodeSvg({ payload, label }: { payload: string; label: string }) {
  const { size, runs } = useMemo(() => darkRuns(payload), [payload]);
  const total = size + 2 * QUIET_ZONE;
  return (
    <svg
      className="qr"
      data-testid="guide-qr"
      data-modules={size}
      viewBox={`0 0 ${total} ${total}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={total} height={total} fill="#fff" />
      {runs.map(({ row, col, length }) => (
        <rect
          key={`${row}:${col}`}
          className="qr__module"
          x={col + QUIET_ZONE}
          y={row + QUIET_ZONE}
          width={length}
          height={1}
          fill="#000"
        />
      ))}
    </svg>
  );
}
