/**
 * An attachment is accepted only when it decodes as what its first bytes claim: an 8-byte "PNG" or
 * a 20-byte "%PDF-" passed the magic-number check alone (issue 20 item 11). Images are decoded with
 * sharp (their header for the dimensions, then every pixel into a thumbnail, so a truncated file
 * fails); PDFs are opened with mupdf and must have at least one page that loads.
 */
import * as mupdf from "mupdf";
import sharp from "sharp";
import { err, ok, type Result } from "../domain/basics/result.ts";

export type AttachmentType = "application/pdf" | "image/jpeg" | "image/png";

export interface AttachmentFacts {
  /** Images: pixels across and down. */
  readonly width?: number;
  readonly height?: number;
  /** PDFs: the number of pages. */
  readonly pages?: number;
}

/** A scanned page at 600 dpi on A3 is ~7.000 × 10.000 pixels; beyond this an image is not a scan. */
const MAX_IMAGE_PIXELS = 120_000_000;

const NAMES: Record<AttachmentType, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "ảnh JPEG",
  "image/png": "ảnh PNG",
};

/**
 * Decodes the attachment as `type` (found from its first bytes); the Vietnamese reason when it
 * does not decode, naming the file.
 */
export async function checkAttachment(
  fileName: string,
  data: Uint8Array,
  type: AttachmentType,
): Promise<Result<AttachmentFacts, string>> {
  const broken = (detail: string) =>
    err(
      `Tệp "${fileName}" có phần đầu của ${NAMES[type]} nhưng không đọc được: ${detail}. Hãy chụp hoặc quét lại rồi đính kèm tệp khác.`,
    );
  if (type === "application/pdf") {
    let doc: mupdf.Document;
    try {
      doc = mupdf.Document.openDocument(data, "application/pdf");
    } catch {
      return broken("cấu trúc PDF hỏng hoặc tệp không trọn vẹn");
    }
    try {
      if (doc.needsPassword()) return broken("tệp PDF có mật khẩu");
      const pages = doc.countPages();
      if (pages < 1) return broken("tệp PDF không có trang nào");
      const [x0, y0, x1, y1] = doc.loadPage(0).getBounds();
      if (!(x1 - x0 > 0 && y1 - y0 > 0)) return broken("trang đầu của tệp PDF không có kích thước");
      return ok({ pages });
    } catch {
      return broken("không mở được trang của tệp PDF");
    } finally {
      doc.destroy();
    }
  }
  try {
    // The header first, without the pixel limit, so a too-large image is named as such.
    const meta = await sharp(data, { failOn: "error", limitInputPixels: false }).metadata();
    const image = sharp(data, { failOn: "error", limitInputPixels: MAX_IMAGE_PIXELS });
    const expected = type === "image/png" ? "png" : "jpeg";
    if (meta.format !== expected || !meta.width || !meta.height) return broken("phần đầu ảnh không hợp lệ");
    if (meta.width * meta.height > MAX_IMAGE_PIXELS)
      return err(
        `Tệp "${fileName}" là ảnh ${meta.width.toLocaleString("vi-VN")} × ${meta.height.toLocaleString("vi-VN")} điểm ảnh, quá lớn cho một bản chụp hoặc bản quét (tối đa ${(MAX_IMAGE_PIXELS / 1_000_000).toLocaleString("vi-VN")} triệu điểm ảnh). Hãy quét lại ở độ phân giải thấp hơn.`,
      );
    // Every pixel decoded (shrunk on the way), so a file cut short or with corrupt data is refused.
    await image.resize(64, 64, { fit: "inside" }).raw().toBuffer();
    return ok({ width: meta.width, height: meta.height });
  } catch {
    return broken("dữ liệu ảnh hỏng hoặc tệp không trọn vẹn");
  }
}
