/**
 * A report table's held/total column as a bar chart image for the .docx: SVG (labels, percentages)
 * with a PNG fallback (bars only) for word processors without SVG. No canvas: the PNG is encoded
 * here (RGB rows, zlib, CRC-32).
 */
import { deflateSync } from "node:zlib";
import { formatPercent } from "../../domain/format/number.ts";

export interface ChartBar {
  readonly label: string;
  /** 0–100. */
  readonly value: number;
  /** The share as printed (the one rule: never "100%" unless all). */
  readonly text: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const CHART_WIDTH = 600;
const ROW = 22;
const LABEL = 230;
const TOP = 28;

export function chartHeight(bars: readonly ChartBar[]): number {
  return TOP + bars.length * ROW + 8;
}

/** "121/121" cells of the first column that has them in every row, as percentages. */
export function barsFromTable(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): { title: string; bars: ChartBar[] } | null {
  const ratio = /^(\d[\d.]*)\/(\d[\d.]*)$/;
  for (let c = 2; c < columns.length; c++) {
    if (rows.length === 0 || !rows.every((r) => ratio.test(r[c] ?? ""))) continue;
    const bars = rows.map((r) => {
      const [, n, d] = ratio.exec(r[c]!)!;
      const num = Number(n!.replace(/\./g, ""));
      const den = Number(d!.replace(/\./g, ""));
      const whole = { decimals: 0, mode: "half-up", trimZeros: false } as const;
      return {
        label: r[1] ?? "",
        value: den === 0 ? 0 : (num / den) * 100,
        text: den === 0 ? "–" : formatPercent(num, den, whole),
      };
    });
    return { title: `${columns[c]}: tỷ lệ đã tổ chức đại hội (%)`, bars };
  }
  return null;
}

export function barChartSvg(title: string, bars: readonly ChartBar[]): string {
  const w = CHART_WIDTH;
  const h = chartHeight(bars);
  const span = w - LABEL - 60;
  const rows = bars
    .map((b, i) => {
      const y = TOP + i * ROW;
      const len = Math.max(0, Math.min(100, b.value)) * (span / 100);
      return `<text x="${LABEL - 6}" y="${y + 15}" text-anchor="end" font-size="12">${esc(b.label)}</text><rect x="${LABEL}" y="${y + 4}" width="${len.toFixed(1)}" height="14" fill="#b71c1c"/><text x="${(LABEL + len + 4).toFixed(1)}" y="${y + 15}" font-size="11">${esc(b.text)}</text>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="Times New Roman"><rect width="${w}" height="${h}" fill="#fff"/><text x="${w / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${esc(title)}</text>${rows}</svg>`;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** The same bars as a PNG (no text): the fallback image. */
export function barChartPng(bars: readonly ChartBar[]): Buffer {
  const w = CHART_WIDTH;
  const h = chartHeight(bars);
  const stride = w * 3 + 1;
  const raw = Buffer.alloc(stride * h, 0xff);
  for (let y = 0; y < h; y++) raw[y * stride] = 0;
  const span = w - LABEL - 60;
  bars.forEach((b, i) => {
    const len = Math.round(Math.max(0, Math.min(100, b.value)) * (span / 100));
    for (let y = TOP + i * ROW + 4; y < TOP + i * ROW + 18; y++)
      for (let x = LABEL; x < LABEL + len; x++) {
        const o = y * stride + 1 + x * 3;
        raw[o] = 0xb7;
        raw[o + 1] = 0x1c;
        raw[o + 2] = 0x1c;
      }
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}
