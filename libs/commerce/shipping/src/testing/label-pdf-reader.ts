/**
 * Reads a label PDF back the way a person and a scanner would, for the tests: the text of
 * every page (pdfjs-dist, Mozilla's PDF.js, legacy build for Node) and every barcode in the
 * embedded images (PDF.js decodes the image XObject — the PNG with its alpha mask — to pixels,
 * @zxing/library's Code 128 reader decodes the bars). Nothing here trusts our own rendering
 * code: if the PDF did not contain the text or a scannable barcode, these would not find it.
 */
import { BinaryBitmap, Code128Reader, HybridBinarizer, RGBLuminanceSource } from '@zxing/library';

export interface ReadLabel {
  /** All text items of all pages, joined by newlines, in content order. */
  text: string;
  pages: number;
  /** The decoded Code 128 barcodes, one per image that holds one. */
  barcodes: string[];
  /** Sizes of the embedded images, in pixels. */
  images: { width: number; height: number }[];
}

interface DecodedImage {
  width: number;
  height: number;
  /** PDF.js ImageKind: 1 = 1 bit grey, 2 = RGB, 3 = RGBA. */
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** A grey value per pixel (the first channel is enough for black bars on white). */
function luminance(image: DecodedImage): Uint8ClampedArray {
  const { width, height, kind, data } = image;
  if (kind === 1) throw new Error('1-bit images are not expected on a label');
  const channels = kind === 3 ? 4 : 3;
  const out = new Uint8ClampedArray(width * height);
  for (let p = 0; p < out.length; p++) out[p] = data[p * channels]!;
  return out;
}

function decodeCode128(image: DecodedImage): string | undefined {
  const source = new RGBLuminanceSource(luminance(image), image.width, image.height);
  try {
    return new Code128Reader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
  } catch {
    return undefined; // not a barcode (or not a readable one)
  }
}

export async function readLabelPdf(pdf: Buffer): Promise<ReadLabel> {
  // An ES module; a dynamic import also from this (CommonJS-typed) file.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: 0,
  }).promise;
  const texts: string[] = [];
  const barcodes: string[] = [];
  const images: ReadLabel['images'] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item && item.str !== '') texts.push(item.str);
      const ops = await page.getOperatorList();
      for (let i = 0; i < ops.fnArray.length; i++) {
        if (ops.fnArray[i] !== pdfjs.OPS.paintImageXObject) continue;
        const id = (ops.argsArray[i] as [string])[0];
        const image = await new Promise<DecodedImage>((resolve) => {
          page.objs.get(id, resolve);
        });
        images.push({ width: image.width, height: image.height });
        const text = decodeCode128(image);
        if (text !== undefined) barcodes.push(text);
      }
    }
  } finally {
    await document.destroy();
  }
  return { text: texts.join('\n'), pages: document.numPages, barcodes, images };
}
