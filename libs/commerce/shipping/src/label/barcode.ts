/**
 * The tracking number as a Code 128 barcode, rendered by bwip-js (the only file that imports
 * it) into a PNG the label embeds. Sized for a thermal label printer and a handheld scanner:
 * 3 px per module at the PDF's scale, 12 mm bars, a quiet zone on every side (Code 128 needs
 * ten modules of white before and after the bars), the digits printed underneath for people.
 */
import bwipjs from 'bwip-js';

/** The bwip-js options of a tracking barcode; a test decodes the result back. */
export const BARCODE_OPTIONS = {
  bcid: 'code128',
  scale: 3,
  height: 12,
  includetext: true,
  textxalign: 'center',
  paddingwidth: 12,
  paddingheight: 4,
  backgroundcolor: 'FFFFFF',
} as const;

/**
 * A PNG of `text` as Code 128.
 *
 * @example
 * const png = await code128Png('SS12345678901234565');
 */
export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ ...BARCODE_OPTIONS, text });
}
