/** The modules of a QR code as the `qrcode` package gives them: `size` × `size`, row by row, 1 for dark. */
export type QrMatrix = { size: number; data: ArrayLike<number> };

/** Light modules around the code that a phone camera needs to find it (ISO/IEC 18004: four). */
export const qrQuietZone = 4;

/**
 * An SVG path drawing the dark modules, one rectangle per run of dark modules in a row, shifted by
 * the quiet zone; the viewBox is `size + 2 × quietZone` square. Drawn by React as a plain <path>, so
 * no markup string is injected and the content security policy needs no exception.
 */
export const qrPath = (matrix: QrMatrix, quiet = qrQuietZone): string => {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.data[row * matrix.size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.data[row * matrix.size + col]) col++;
      parts.push(`M${start + quiet} ${row + quiet}h${col - start}v1h-${col - start}z`);
    }
  }
  return parts.join('');
};
