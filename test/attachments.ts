/** Real, small attachments for tests: they decode (issue 20 item 11 checks more than first bytes). */
import * as mupdf from "mupdf";
import sharp from "sharp";

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 250, g: 250, b: 245 } } });

export async function realPng(width = 40, height = 30): Promise<Uint8Array> {
  return new Uint8Array(await image(width, height).png().toBuffer());
}

export async function realJpeg(width = 40, height = 30): Promise<Uint8Array> {
  return new Uint8Array(await image(width, height).jpeg().toBuffer());
}

/** A PDF of `pages` blank A4 pages, written by mupdf. */
export function realPdf(pages = 1): Uint8Array {
  const doc = new mupdf.PDFDocument();
  for (let i = 0; i < pages; i++)
    doc.insertPage(-1, doc.addPage([0, 0, 595, 842], 0, doc.newDictionary(), ""));
  const out = doc.saveToBuffer("").asUint8Array().slice();
  doc.destroy();
  return out;
}
