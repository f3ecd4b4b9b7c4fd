import QRCode from 'qrcode';
import { useMemo } from 'react';
import { cx } from './class-names.ts';
import { qrPath, qrQuietZone } from './qr-code.rules.ts';

/**
 * A QR code for `value` as an inline SVG image, black on white with its quiet zone (so it scans on
 * any background), named by `label` for screen readers. Say next to it what the code is for.
 */
export const QrCode = ({ value, label, className }: { value: string; label: string; className?: string }) => {
  const { path, size } = useMemo(() => {
    const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
    return { path: qrPath(modules), size: modules.size + 2 * qrQuietZone };
  }, [value]);
  return (
    <svg className={cx('gv-qr', className)} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
};
