/**
 * Geometry of a photographed or scanned sheet: the four corner squares, the homography from the
 * layout's millimetres to image pixels, and the warp into layout space. Written here rather than
 * taken from OpenCV's WebAssembly build: the whole need is one 8×8 linear solve, a bilinear sampler
 * and a connected-component pass over four corner windows, which is less code than loading and
 * marshalling images into a 10 MB module on every worker.
 */
import type { Point } from "../../domain/scan/layout.ts";

/** A single-channel 8-bit image, row-major. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** 3×3 homography, row-major, h[8] = 1. */
export type Homography = readonly number[];

/** The homography taking `from[i]` to `to[i]` (four point pairs, no three collinear). */
export function solveHomography(from: readonly Point[], to: readonly Point[]): Homography {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the 8×9 augmented matrix.
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]!;
    if (Math.abs(pivot) < 1e-12) throw new Error("degenerate fiducials");
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / pivot;
      if (f === 0) continue;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  const h = a.map((row, i) => row[8]! / row[i]!);
  return [...h, 1];
}

export function applyHomography(h: Homography, p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return { x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w, y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w };
}

/**
 * Samples `src` into a `width`×`height` image whose pixel (u, v) is layout point
 * ((u + 0,5) / ppm, (v + 0,5) / ppm) mapped by `h`; outside the source is white.
 */
export function warpToLayout(
  src: GrayImage,
  h: Homography,
  width: number,
  height: number,
  ppm: number,
): GrayImage {
  const out = new Uint8Array(width * height);
  const { width: sw, height: sh, data } = src;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  for (let v = 0; v < height; v++) {
    const y = (v + 0.5) / ppm;
    for (let u = 0; u < width; u++) {
      const x = (u + 0.5) / ppm;
      const w = h6 * x + h7 * y + h8;
      const sx = (h0 * x + h1 * y + h2) / w - 0.5;
      const sy = (h3 * x + h4 * y + h5) / w - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= sw || y0 + 1 >= sh) {
        out[v * width + u] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * sw + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + sw]! + (data[i + sw + 1]! - data[i + sw]!) * fx;
      out[v * width + u] = top + (bottom - top) * fy;
    }
  }
  return { width, height, data: out };
}

/** The brightness of the paper: a high percentile, so ink and black squares do not pull it down. */
export function paperLevel(img: GrayImage): number {
  const hist = new Uint32Array(256);
  const step = Math.max(1, Math.floor(img.data.length / 200_000));
  let n = 0;
  for (let i = 0; i < img.data.length; i += step) {
    hist[img.data[i]!]!++;
    n++;
  }
  let acc = 0;
  for (let v = 255; v >= 0; v--) {
    acc += hist[v]!;
    if (acc >= n * 0.1) return Math.max(v, 64);
  }
  return 255;
}

interface Blob {
  readonly cx: number;
  readonly cy: number;
  readonly area: number;
  readonly w: number;
  readonly h: number;
}

/** Dark connected components inside a window (4-connectivity), with centroid and bounding box. */
function blobsIn(img: GrayImage, x0: number, y0: number, x1: number, y1: number, dark: number): Blob[] {
  const { width } = img;
  const ww = x1 - x0;
  const wh = y1 - y0;
  const seen = new Uint8Array(ww * wh);
  const blobs: Blob[] = [];
  const stack: number[] = [];
  for (let y = 0; y < wh; y++) {
    for (let x = 0; x < ww; x++) {
      const k = y * ww + x;
      if (seen[k] || img.data[(y + y0) * width + x + x0]! >= dark) continue;
      seen[k] = 1;
      stack.push(k);
      let area = 0;
      let sx = 0;
      let sy = 0;
      let minX = x;
      let maxX = x;
      let minY = y;
      let maxY = y;
      while (stack.length) {
        const q = stack.pop()!;
        const qx = q % ww;
        const qy = (q - qx) / ww;
        area++;
        sx += qx;
        sy += qy;
        if (qx < minX) minX = qx;
        if (qx > maxX) maxX = qx;
        if (qy < minY) minY = qy;
        if (qy > maxY) maxY = qy;
        const visit = (nx: number, ny: number) => {
          if (nx < 0 || ny < 0 || nx >= ww || ny >= wh) return;
          const nk = ny * ww + nx;
          if (seen[nk] || img.data[(ny + y0) * width + nx + x0]! >= dark) return;
          seen[nk] = 1;
          stack.push(nk);
        };
        visit(qx + 1, qy);
        visit(qx - 1, qy);
        visit(qx, qy + 1);
        visit(qx, qy - 1);
      }
      blobs.push({
        cx: x0 + sx / area + 0.5,
        cy: y0 + sy / area + 0.5,
        area,
        w: maxX - minX + 1,
        h: maxY - minY + 1,
      });
    }
  }
  return blobs;
}

/**
 * The four corner squares, as image points listed top-left, top-right, bottom-right, bottom-left
 * of the image (not yet of the ballot: the sheet may be upside down). Null when a corner has none.
 * A square is a solid, roughly square dark blob between 1% and 8% of the image's shorter side;
 * the largest such blob in each corner window wins (the code's small finder cores lose).
 */
export function findFiducials(img: GrayImage): [Point, Point, Point, Point] | null {
  const dark = paperLevel(img) * 0.45;
  const short = Math.min(img.width, img.height);
  const minSide = short * 0.01;
  const maxSide = short * 0.08;
  const wx = Math.round(img.width * 0.35);
  const wy = Math.round(img.height * 0.28);
  const windows: [number, number, number, number][] = [
    [0, 0, wx, wy],
    [img.width - wx, 0, img.width, wy],
    [img.width - wx, img.height - wy, img.width, img.height],
    [0, img.height - wy, wx, img.height],
  ];
  const found: Point[] = [];
  for (const [x0, y0, x1, y1] of windows) {
    let best: Blob | null = null;
    for (const b of blobsIn(img, x0, y0, x1, y1, dark)) {
      const side = Math.sqrt(b.area);
      if (side < minSide || side > maxSide) continue;
      const aspect = b.w / b.h;
      // A square turned by up to ~15° still fills most of its bounding box.
      if (aspect < 0.7 || aspect > 1.43 || b.area / (b.w * b.h) < 0.6) continue;
      if (!best || b.area > best.area) best = b;
    }
    if (!best) return null;
    found.push({ x: best.cx, y: best.cy });
  }
  return found as [Point, Point, Point, Point];
}
