// @shopstream/commerce-shipping/testing: reading a label PDF back (text and barcode), for this
// lib's tests and the end-to-end suite. Uses dev dependencies (pdfjs-dist, @zxing/library).
export { readLabelPdf, type ReadLabel } from './testing/label-pdf-reader';
