/** Attachments decode before they are accepted (issue 20 item 11). */
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { realJpeg, realPdf, realPng } from "../../test/attachments.ts";
import { checkAttachment } from "./attachment.ts";

describe("attachments are decoded, not only sniffed", () => {
  it("accepts real PNG, JPEG and PDF files, with their dimensions or pages", async () => {
    expect(await checkAttachment("a.png", await realPng(40, 30), "image/png")).toEqual({
      ok: true,
      value: { width: 40, height: 30 },
    });
    expect(await checkAttachment("a.jpg", await realJpeg(20, 10), "image/jpeg")).toEqual({
      ok: true,
      value: { width: 20, height: 10 },
    });
    expect(await checkAttachment("a.pdf", realPdf(2), "application/pdf")).toEqual({
      ok: true,
      value: { pages: 2 },
    });
  });

  it.each([
    [
      "an 8-byte PNG signature",
      "a.png",
      "image/png",
      async () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]),
    ],
    ["a PNG cut short", "a.png", "image/png", async () => (await realPng(200, 200)).slice(0, 120)],
    [
      "a JPEG header alone",
      "a.jpg",
      "image/jpeg",
      async () => Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
    ],
    ["a JPEG cut short", "a.jpg", "image/jpeg", async () => (await realJpeg(300, 300)).slice(0, 400)],
    ["a PNG's bytes sniffed as JPEG", "a.jpg", "image/jpeg", () => realPng()],
    [
      "a 20-byte PDF",
      "a.pdf",
      "application/pdf",
      async () => new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"),
    ],
    ["a PDF cut short", "a.pdf", "application/pdf", async () => realPdf().slice(0, 60)],
  ] as const)("refuses %s with a Vietnamese message naming the file", async (_, name, type, make) => {
    const r = await checkAttachment(name, await make(), type);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain(`Tệp "${name}"`);
    expect(r.error).toContain("không đọc được");
  });

  it("refuses an image too large to be a scan, by its header, before decoding it", async () => {
    // A real PNG whose header (IHDR, CRC recomputed) claims 12.000 × 12.000 pixels.
    const huge = Buffer.from(await realPng(10, 10));
    huge.writeUInt32BE(12_000, 16);
    huge.writeUInt32BE(12_000, 20);
    huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
    const r = await checkAttachment("to.png", huge, "image/png");
    expect(r.ok ? null : r.error).toContain('Tệp "to.png" là ảnh 12.000 × 12.000 điểm ảnh, quá lớn');
  });
});
