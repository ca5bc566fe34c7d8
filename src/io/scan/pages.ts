/**
 * The pages of an uploaded file: a multi-page PDF from a sheet-fed scanner (rasterised by MuPDF's
 * WebAssembly build), a multi-page TIFF, or one JPEG/PNG photo. Each page comes back as the
 * working greyscale image or as the reason it cannot be read; one bad page never stops the others.
 */
import { createHash } from "node:crypto";
import * as mupdf from "mupdf";
import sharp from "sharp";
import type { GrayImage } from "./geometry.ts";
import { loadWorkingImage } from "./read.ts";

export interface FilePage {
  /** 1-based within the file. */
  readonly page: number;
  /** SHA-256 of the page's own bytes (the whole file for a single image; the page's pixels for PDF/TIFF). */
  readonly hash: string;
  readonly image?: GrayImage | undefined;
  readonly error?: string | undefined;
}

export type FileKind = "pdf" | "tiff" | "jpeg" | "png" | "unknown";

export function fileKind(bytes: Uint8Array): FileKind {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return "pdf";
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a) || (b(0) === 0x4d && b(1) === 0x4d && b(3) === 0x2a))
    return "tiff";
  if (b(0) === 0xff && b(1) === 0xd8) return "jpeg";
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return "png";
  return "unknown";
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** 150 dpi is plenty: the reader works at ~110 dpi on an A4 sheet. */
const PDF_DPI = 150;

export async function* pagesOf(bytes: Buffer): AsyncGenerator<FilePage> {
  const kind = fileKind(bytes);
  switch (kind) {
    case "jpeg":
    case "png": {
      const hash = sha256(bytes);
      try {
        yield { page: 1, hash, image: await loadWorkingImage(bytes) };
      } catch {
        yield { page: 1, hash, error: "Không đọc được ảnh (tệp hỏng hoặc không phải JPEG/PNG)" };
      }
      return;
    }
    case "tiff": {
      let pages = 1;
      try {
        pages = (await sharp(bytes).metadata()).pages ?? 1;
      } catch {
        yield { page: 1, hash: sha256(bytes), error: "Không đọc được tệp TIFF" };
        return;
      }
      for (let p = 0; p < pages; p++) {
        try {
          const raw = await sharp(bytes, { page: p }).raw().toBuffer();
          yield { page: p + 1, hash: sha256(raw), image: await loadWorkingImage(bytes, p) };
        } catch {
          yield {
            page: p + 1,
            hash: `${sha256(bytes)}:${p}`,
            error: `Không đọc được trang ${p + 1} của tệp TIFF`,
          };
        }
      }
      return;
    }
    case "pdf": {
      let doc: mupdf.Document;
      try {
        doc = mupdf.Document.openDocument(bytes, "application/pdf");
      } catch {
        yield { page: 1, hash: sha256(bytes), error: "Không mở được tệp PDF" };
        return;
      }
      const count = doc.countPages();
      for (let p = 0; p < count; p++) {
        try {
          const page = doc.loadPage(p);
          const scale = PDF_DPI / 72;
          const pix = page.toPixmap(
            mupdf.Matrix.scale(scale, scale),
            mupdf.ColorSpace.DeviceRGB,
            false,
            true,
          );
          const pixels = pix.getPixels();
          const raw = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
          const image = await loadWorkingImage({
            raw,
            width: pix.getWidth(),
            height: pix.getHeight(),
            channels: 3,
          });
          yield { page: p + 1, hash: sha256(raw), image };
          pix.destroy();
          page.destroy();
        } catch {
          yield {
            page: p + 1,
            hash: `${sha256(bytes)}:${p}`,
            error: `Không đọc được trang ${p + 1} của tệp PDF`,
          };
        }
      }
      doc.destroy();
      return;
    }
    case "unknown":
      yield { page: 1, hash: sha256(bytes), error: "Tệp không phải PDF, JPEG, PNG hay TIFF" };
      return;
  }
}
