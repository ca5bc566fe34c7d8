/**
 * The printed ballot as one SVG document drawn from its layout. The print page shows this SVG, the
 * reader rasterises it as the blank reference to compare scans with, and the scan generator marks
 * and degrades it: one drawing, so the three can never disagree about where a row is.
 */
import { encode } from "uqr";
import type { BallotLayout, Rect } from "./layout.ts";
import { estimateTextWidth } from "./layout.ts";

const PT = 0.3528;
const FONT = "'Times New Roman', 'Liberation Serif', Times, serif";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
const n = (v: number) => Math.round(v * 1000) / 1000;

/** QR modules of the code, `true` = dark, without quiet zone. */
export function codeModules(payload: string): readonly (readonly boolean[])[] {
  return encode(payload, { ecc: "M", border: 0 }).data;
}

function rectPath(r: Rect): string {
  return `M${n(r.x)} ${n(r.y)}h${n(r.w)}v${n(r.h)}h${n(-r.w)}z`;
}

export interface BallotSvgOptions {
  /** Extra SVG drawn over the ballot (the generator's pen strokes), in millimetres. */
  readonly overlay?: string | undefined;
  /** Size in pixels instead of millimetres (for rasterising at a chosen resolution). */
  readonly pixelsPerMm?: number | undefined;
}

export function renderBallotSvg(layout: BallotLayout, options: BallotSvgOptions = {}): string {
  const { width: W, height: H } = layout.page;
  const parts: string[] = [];
  const ppm = options.pixelsPerMm;
  const size = ppm
    ? `width="${Math.round(W * ppm)}" height="${Math.round(H * ppm)}"`
    : `width="${W}mm" height="${H}mm"`;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} viewBox="0 0 ${W} ${H}" font-family="${FONT}">`,
  );
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>`);

  const s = layout.fiducialSize;
  parts.push(
    `<path fill="#000" d="${layout.fiducials.map((f) => rectPath({ x: f.x - s / 2, y: f.y - s / 2, w: s, h: s })).join("")}"/>`,
  );

  const modules = codeModules(layout.code.payload);
  // Two modules of quiet zone inside the printed square.
  const m = layout.code.rect.w / (modules.length + 4);
  const qr: string[] = [];
  modules.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark)
        qr.push(
          rectPath({ x: layout.code.rect.x + (c + 2) * m, y: layout.code.rect.y + (r + 2) * m, w: m, h: m }),
        );
    });
  });
  parts.push(`<path fill="#000" shape-rendering="crispEdges" d="${qr.join("")}"/>`);

  const note: string[] = [];
  for (const t of layout.text) {
    const attrs = [
      `x="${n(t.x)}"`,
      `y="${n(t.y)}"`,
      `font-size="${n(t.sizePt * PT)}"`,
      `text-anchor="${t.anchor}"`,
      t.bold ? `font-weight="bold"` : "",
      t.italic ? `font-style="italic"` : "",
      t.underline ? `text-decoration="underline"` : "",
    ].filter(Boolean);
    (t.note ? note : parts).push(`<text ${attrs.join(" ")}>${esc(t.text)}</text>`);
  }
  parts.push(`<g data-testid="ballot-note">${note.join("")}</g>`);

  const lines: string[] = [];
  const labels: string[] = [];
  const labelSize = n(9 * PT);
  const crossOut = layout.kind === "cross-out";
  for (const col of layout.columns) {
    const r = col.rect;
    lines.push(rectPath(r));
    lines.push(`M${n(r.x)} ${n(r.y + col.headerHeight)}h${n(r.w)}`);
    const first = layout.rows.find((row) => row.band.x === r.x);
    if (!first) continue;
    const hy = n(r.y + col.headerHeight * 0.68);
    const vertical = (x: number) => lines.push(`M${n(x)} ${n(r.y)}v${n(r.h)}`);
    vertical(first.nameCell.x);
    labels.push(
      `<text x="${n(first.numberCell.x + first.numberCell.w / 2)}" y="${hy}" font-size="${labelSize}" font-weight="bold" text-anchor="middle">STT</text>`,
      `<text x="${n(first.nameCell.x + first.nameCell.w / 2)}" y="${hy}" font-size="${labelSize}" font-weight="bold" text-anchor="middle">Họ và tên</text>`,
    );
    if (!crossOut && first.boxes) {
      vertical(first.boxes.agree.x);
      vertical(first.boxes.disagree.x);
      labels.push(
        `<text x="${n(first.boxes.agree.x + first.boxes.agree.w / 2)}" y="${hy}" font-size="${labelSize}" font-weight="bold" text-anchor="middle">Đồng ý</text>`,
        `<text x="${n(first.boxes.disagree.x + first.boxes.disagree.w / 2)}" y="${hy}" font-size="${n(6.5 * PT)}" font-weight="bold" text-anchor="middle">Không đồng ý</text>`,
      );
    }
  }
  const nameSize = layout.nameSizePt * PT;
  for (const row of layout.rows) {
    const b = row.band;
    lines.push(`M${n(b.x)} ${n(b.y + b.h)}h${n(b.w)}`);
    const baseline = n(b.y + b.h * 0.68);
    labels.push(
      `<text x="${n(row.numberCell.x + row.numberCell.w / 2)}" y="${baseline}" font-size="${n(nameSize)}" text-anchor="middle">${row.position}</text>`,
    );
    const room = row.nameCell.w - 3;
    const fit =
      estimateTextWidth(row.name, layout.nameSizePt) > room
        ? ` textLength="${n(room)}" lengthAdjust="spacingAndGlyphs"`
        : "";
    labels.push(
      `<text x="${n(row.nameCell.x + 1.5)}" y="${baseline}" font-size="${n(nameSize)}"${fit}>${esc(row.name)}</text>`,
    );
  }
  parts.push(`<path fill="none" stroke="#000" stroke-width="0.25" d="${lines.join("")}"/>`);
  parts.push(...labels);
  if (options.overlay) parts.push(options.overlay);
  parts.push("</svg>");
  return parts.join("");
}
