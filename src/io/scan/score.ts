/**
 * Ink measurement in layout space: the scan, warped onto the layout, is compared with the blank
 * ballot drawn from the same layout. "New ink" is a pixel clearly darker than the paper around it
 * (the paper level is estimated locally, so shadows and uneven lighting do not count) that is not
 * on the blank ballot. Per name row the score is the share of the printed name's width that new ink
 * crosses; per box, the share of the box's inside that is inked; everything else is grouped into
 * connected marks, and a mark that touches no row is reported as stray.
 */
import type { PageScores, StrayMark } from "../../domain/scan/interpret.ts";
import type { BallotLayout, Rect } from "../../domain/scan/layout.ts";
import type { GrayImage } from "./geometry.ts";

/** Working resolution of layout space, pixels per millimetre. */
export const PPM = 4;

export interface BlankReference {
  readonly width: number;
  readonly height: number;
  /** 1 where the blank ballot (slightly widened) has ink. */
  readonly mask: Uint8Array;
  /** Per row, the columns the printed name spans, in layout pixels. */
  readonly nameExtent: readonly { readonly x0: number; readonly x1: number }[];
}

function px(r: Rect, inset: number): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.round((r.x + inset) * PPM),
    y0: Math.round((r.y + inset) * PPM),
    x1: Math.round((r.x + r.w - inset) * PPM),
    y1: Math.round((r.y + r.h - inset) * PPM),
  };
}

/** Builds the reference from the blank ballot rasterised at `PPM` (greyscale). */
export function makeBlankReference(layout: BallotLayout, blank: GrayImage): BlankReference {
  const { width, height, data } = blank;
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) ink[i] = data[i]! < 170 ? 1 : 0;
  // Widen by one pixel (0,2 mm) so a slightly misregistered glyph edge is not new ink.
  const mask = new Uint8Array(width * height);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (ink[i] || ink[i - 1] || ink[i + 1] || ink[i - width] || ink[i + width]) mask[i] = 1;
    }
  }
  const nameExtent = layout.rows.map((row) => {
    const c = px(row.nameCell, 0.6);
    let x0 = c.x1;
    let x1 = c.x0;
    for (let y = c.y0; y < c.y1; y++) {
      for (let x = c.x0; x < c.x1; x++) {
        if (ink[y * width + x]) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
        }
      }
    }
    return x1 > x0 ? { x0, x1: x1 + 1 } : { x0: c.x0, x1: c.x1 };
  });
  return { width, height, mask, nameExtent };
}

/** 1 where the warped scan has ink that the blank ballot has not. */
export function newInk(warped: GrayImage, blank: BlankReference): Uint8Array {
  const { width, height, data } = warped;
  const B = 20;
  const gw = Math.ceil(width / B);
  const gh = Math.ceil(height / B);
  const grid = new Float32Array(gw * gh);
  const hist = new Uint16Array(256);
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      hist.fill(0);
      let n = 0;
      for (let y = gy * B; y < Math.min(height, gy * B + B); y++) {
        for (let x = gx * B; x < Math.min(width, gx * B + B); x++) {
          hist[data[y * width + x]!]!++;
          n++;
        }
      }
      let acc = 0;
      let v = 255;
      for (; v > 0; v--) {
        acc += hist[v]!;
        if (acc >= n * 0.1) break;
      }
      grid[gy * gw + gx] = v;
    }
  }
  // A block covered by a corner square or a bold title has no paper in it: take its neighbours'.
  const paper = new Float32Array(gw * gh);
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = gx + dx;
          const y = gy + dy;
          if (x >= 0 && y >= 0 && x < gw && y < gh) m = Math.max(m, grid[y * gw + x]!);
        }
      }
      paper[gy * gw + gx] = Math.max(m, 40);
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(gh - 1, Math.max(0, (y + 0.5) / B - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(gh - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (blank.mask[i]) continue;
      const fx = Math.min(gw - 1, Math.max(0, (x + 0.5) / B - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(gw - 1, x0 + 1);
      const tx = fx - x0;
      const top = paper[y0 * gw + x0]! + (paper[y0 * gw + x1]! - paper[y0 * gw + x0]!) * tx;
      const bottom = paper[y1 * gw + x0]! + (paper[y1 * gw + x1]! - paper[y1 * gw + x0]!) * tx;
      const level = top + (bottom - top) * ty;
      if (data[i]! < level * 0.62) out[i] = 1;
    }
  }
  return out;
}

/** Measures every row, every box and the stray marks of one warped page. */
export function scorePage(layout: BallotLayout, warped: GrayImage, blank: BlankReference): PageScores {
  const ink = newInk(warped, blank);
  const { width, height } = warped;

  let rows: PageScores["rows"];
  if (layout.kind === "cross-out") {
    rows = {
      kind: "cross-out",
      ink: layout.rows.map((row, i) => {
        const c = px(row.nameCell, 0.5);
        const { x0, x1 } = blank.nameExtent[i]!;
        // A pen line through the name vanishes where it crosses a printed letter (the blank mask):
        // a gap of up to 1,6 mm between inked columns that lies on printed text counts as crossed.
        const hits = new Uint8Array(x1 - x0);
        const onText = new Uint8Array(x1 - x0);
        for (let x = x0; x < x1; x++) {
          for (let y = c.y0; y < c.y1; y++) {
            const k = y * width + x;
            if (ink[k]) hits[x - x0] = 1;
            if (blank.mask[k]) onText[x - x0] = 1;
          }
        }
        const GAP = Math.round(1.6 * PPM);
        let hit = 0;
        let last = -1;
        for (let i = 0; i < hits.length; i++) {
          if (!hits[i]) continue;
          hit++;
          if (last >= 0 && i - last > 1 && i - last - 1 <= GAP) {
            let printed = true;
            for (let j = last + 1; j < i; j++) if (!onText[j]) printed = false;
            if (printed) hit += i - last - 1;
          }
          last = i;
        }
        return hit / Math.max(1, x1 - x0);
      }),
    };
  } else {
    const share = (r: Rect) => {
      const c = px(r, 0.8);
      let hit = 0;
      for (let y = c.y0; y < c.y1; y++) for (let x = c.x0; x < c.x1; x++) hit += ink[y * width + x]!;
      return hit / Math.max(1, (c.x1 - c.x0) * (c.y1 - c.y0));
    };
    rows = {
      kind: "agree-disagree",
      boxes: layout.rows.map((row) => ({
        agree: share(row.boxes!.agree),
        disagree: share(row.boxes!.disagree),
      })),
    };
  }

  // Stray marks: connected new ink touching no row, away from the sheet's edges (scanner shadows).
  const inRow = new Uint8Array(width * height);
  for (const row of layout.rows) {
    const b = px(row.band, 0);
    for (let y = Math.max(0, b.y0); y < Math.min(height, b.y1); y++)
      inRow.fill(1, y * width + b.x0, y * width + b.x1);
  }
  const edge = Math.round(4 * PPM);
  const write = px(layout.writeIn, 0);
  const stray: StrayMark[] = [];
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const parts: { x0: number; y0: number; x1: number; y1: number; area: number }[] = [];
  for (let y = edge; y < height - edge; y++) {
    for (let x = edge; x < width - edge; x++) {
      const start = y * width + x;
      if (!ink[start] || seen[start]) continue;
      seen[start] = 1;
      stack.push(start);
      let area = 0;
      let touchesRow = false;
      let minX = x;
      let maxX = x;
      let minY = y;
      let maxY = y;
      while (stack.length) {
        const q = stack.pop()!;
        const qx = q % width;
        const qy = (q - qx) / width;
        area++;
        if (inRow[q]) touchesRow = true;
        if (qx < minX) minX = qx;
        if (qx > maxX) maxX = qx;
        if (qy < minY) minY = qy;
        if (qy > maxY) maxY = qy;
        // 8-connectivity with a one-pixel gap bridged, so a faint handwritten stroke stays one mark.
        for (let dy = -2; dy <= 2; dy++) {
          const ny = qy + dy;
          if (ny < edge || ny >= height - edge) continue;
          for (let dx = -2; dx <= 2; dx++) {
            const nx = qx + dx;
            if (nx < edge || nx >= width - edge) continue;
            const nk = ny * width + nx;
            if (ink[nk] && !seen[nk]) {
              seen[nk] = 1;
              stack.push(nk);
            }
          }
        }
      }
      if (touchesRow) continue;
      parts.push({ x0: minX, y0: minY, x1: maxX + 1, y1: maxY + 1, area });
    }
  }
  // Handwriting is many small pieces (letters): pieces closer than 3 mm make one mark.
  const near = 3 * PPM;
  const groups = parts.map((p) => ({ ...p }));
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i]!;
        const b = groups[j]!;
        if (a.x0 - near > b.x1 || b.x0 - near > a.x1 || a.y0 - near > b.y1 || b.y0 - near > a.y1) continue;
        groups[i] = {
          x0: Math.min(a.x0, b.x0),
          y0: Math.min(a.y0, b.y0),
          x1: Math.max(a.x1, b.x1),
          y1: Math.max(a.y1, b.y1),
          area: a.area + b.area,
        };
        groups.splice(j, 1);
        merged = true;
        j--;
      }
    }
  }
  for (const g of groups) {
    const cx = (g.x0 + g.x1) / 2;
    const cy = (g.y0 + g.y1) / 2;
    const inWrite = cx >= write.x0 && cx <= write.x1 && cy >= write.y0 && cy <= write.y1;
    stray.push({
      region: inWrite ? "write-in" : "elsewhere",
      areaMm2: g.area / (PPM * PPM),
      box: { x: g.x0 / PPM, y: g.y0 / PPM, w: (g.x1 - g.x0) / PPM, h: (g.y1 - g.y0) / PPM },
    });
  }
  return { rows, stray };
}
