/**
 * Reading one scanned or photographed ballot: decode (sharp), find the code (zxing-wasm), find the
 * corner squares, take the homography that puts the code where the layout prints it (so an
 * upside-down or sideways sheet reads as well), warp onto the layout and measure the ink.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import sharp from "sharp";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { renderBallotSvg } from "../../domain/scan/ballot-svg.ts";
import type { PageScores } from "../../domain/scan/interpret.ts";
import { type BallotLayout, codeRectFor, fiducialsFor, type Point } from "../../domain/scan/layout.ts";
import {
  applyHomography,
  findFiducials,
  type GrayImage,
  type Homography,
  solveHomography,
  warpToLayout,
} from "./geometry.ts";
import { type BlankReference, makeBlankReference, PPM, scorePage } from "./score.ts";

let zxingReady = false;
function ensureZxing(): void {
  if (zxingReady) return;
  // The wasm ships inside the package; without this zxing-wasm would fetch it from a CDN.
  const file = readFileSync(createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm"));
  prepareZXingModule({
    overrides: {
      wasmBinary: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
    },
  });
  zxingReady = true;
}

/** Longest side of the working image: ~4,4 px/mm on an A4 sheet filling the frame. */
const WORKING_SIDE = 1300;

/**
 * Decodes an image (JPEG, PNG, TIFF page, or raw RGB from a PDF renderer) into the working
 * greyscale image. Grey is the darkest of the three channels, so a blue or red pen is as dark as
 * a black one.
 */
export async function loadWorkingImage(
  input:
    | Buffer
    | { readonly raw: Uint8Array; readonly width: number; readonly height: number; readonly channels: 3 | 4 },
  page = 0,
): Promise<GrayImage> {
  const img =
    "raw" in input
      ? sharp(input.raw, { raw: { width: input.width, height: input.height, channels: input.channels } })
      : sharp(input, { page, failOn: "error" });
  const { data, info } = await img
    .rotate()
    .flatten({ background: "#ffffff" })
    .resize({ width: WORKING_SIDE, height: WORKING_SIDE, fit: "inside", withoutEnlargement: true })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const n = info.width * info.height;
  const out = new Uint8Array(n);
  const c = info.channels;
  if (c === 1) out.set(data.subarray(0, n));
  else
    for (let i = 0, j = 0; i < n; i++, j += c) {
      const r = data[j]!;
      const g = data[j + 1]!;
      const b = data[j + 2]!;
      out[i] = Math.min(r, g, b);
    }
  return { width: info.width, height: info.height, data: out };
}

export interface CodeFound {
  readonly text: string;
  readonly centre: Point;
}

/** Corner windows where the code may be: bottom-left (upright), then top-right (upside down), then the others. */
const CODE_WINDOWS = [
  [0, 0.6],
  [0.55, 0],
  [0.55, 0.6],
  [0, 0],
] as const;

export async function readCode(img: GrayImage): Promise<CodeFound | null> {
  ensureZxing();
  // Reading a corner window is ~10× faster than the whole sheet; the whole sheet is the last resort.
  const windows: (readonly [number, number, number, number])[] = CODE_WINDOWS.map(([fx, fy]) => [
    Math.round(img.width * fx),
    Math.round(img.height * fy),
    Math.round(img.width * 0.45),
    Math.round(img.height * 0.4),
  ]);
  windows.push([0, 0, img.width, img.height]);
  for (const [x0, y0, w, h] of windows) {
    const found = await readCodeIn(img, x0, y0, w, h);
    if (found) return found;
  }
  return null;
}

async function readCodeIn(
  img: GrayImage,
  x0: number,
  y0: number,
  w: number,
  h: number,
): Promise<CodeFound | null> {
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0, j = y * w * 4; x < w; x++, j += 4) {
      const v = img.data[(y + y0) * img.width + x + x0]!;
      rgba[j] = v;
      rgba[j + 1] = v;
      rgba[j + 2] = v;
      rgba[j + 3] = 255;
    }
  }
  const found = await readBarcodes({ data: rgba, width: w, height: h, colorSpace: "srgb" } as ImageData, {
    formats: ["QRCode"],
    maxNumberOfSymbols: 1,
    tryHarder: true,
  });
  const first = found.find((f) => f.isValid);
  if (!first) return null;
  const p = first.position;
  return {
    text: first.text,
    centre: {
      x: x0 + (p.topLeft.x + p.topRight.x + p.bottomRight.x + p.bottomLeft.x) / 4,
      y: y0 + (p.topLeft.y + p.topRight.y + p.bottomRight.y + p.bottomLeft.y) / 4,
    },
  };
}

const blankCache = new Map<string, BlankReference>();

/** The blank ballot of a layout at working resolution (cached per code and page). */
export async function blankReferenceFor(layout: BallotLayout): Promise<BlankReference> {
  const key = `${layout.code.payload}|${layout.rows.length}`;
  const hit = blankCache.get(key);
  if (hit) return hit;
  const svg = renderBallotSvg(layout, { pixelsPerMm: PPM });
  const { data, info } = await sharp(Buffer.from(svg))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const ref = makeBlankReference(layout, {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data),
  });
  if (blankCache.size > 32) blankCache.clear();
  blankCache.set(key, ref);
  return ref;
}

export type PageRead =
  | {
      readonly status: "read";
      readonly code: string;
      readonly scores: PageScores;
      /** The sheet straightened onto the layout (greyscale, `PPM` px/mm), for adjudication crops. */
      readonly straightened: GrayImage;
    }
  | { readonly status: "no-code" }
  | { readonly status: "refused"; readonly code: string; readonly reason: string }
  | { readonly status: "no-fiducials"; readonly code: string };

/**
 * Reads one page. `layoutFor` turns the code into the ballot's layout, or says why the code is
 * refused (another election, another round, another list).
 */
export async function readBallotPage(
  img: GrayImage,
  layoutFor: (code: string) => BallotLayout | { readonly refused: string },
): Promise<PageRead> {
  let code = await readCode(img);
  const corners = findFiducials(img);
  if (!code && corners) code = await readCodeStraightened(img, corners);
  if (!code) return { status: "no-code" };
  const layout = layoutFor(code.text);
  if ("refused" in layout) return { status: "refused", code: code.text, reason: layout.refused };
  if (!corners) return { status: "no-fiducials", code: code.text };
  const h = homographyForCode(layout, corners, code.centre);
  const blank = await blankReferenceFor(layout);
  const straightened = warpToLayout(img, h, blank.width, blank.height, PPM);
  return { status: "read", code: code.text, scores: scorePage(layout, straightened, blank), straightened };
}

/**
 * A phone photo in steep perspective can hide the code from the reader: straighten the corner
 * where the code is printed, for each sheet size and each way the sheet may lie, and read again.
 */
async function readCodeStraightened(img: GrayImage, corners: readonly Point[]): Promise<CodeFound | null> {
  const ppm = 8;
  for (const page of ["A4", "A5"] as const) {
    const r = codeRectFor(page);
    const fiducials = fiducialsFor(page);
    for (let turn = 0; turn < 4; turn++) {
      const image = [0, 1, 2, 3].map((i) => corners[(i + turn) % 4]!);
      const h = solveHomography(fiducials, image);
      // The code's square with 4 mm around it, straightened at 8 px/mm.
      const x0 = r.x - 4;
      const y0 = r.y - 4;
      const shifted = solveHomography(
        fiducials.map((f) => ({ x: f.x - x0, y: f.y - y0 })),
        image,
      );
      const side = Math.round((r.w + 8) * ppm);
      const patch = warpToLayout(img, shifted, side, side, ppm);
      const found = await readCodeIn(patch, 0, 0, side, side);
      if (found) {
        const centre = applyHomography(h, { x: r.x + r.w / 2, y: r.y + r.h / 2 });
        return { text: found.text, centre };
      }
    }
  }
  return null;
}

/** Of the four ways the sheet may lie, the one that maps the layout's code onto the code found. */
function homographyForCode(layout: BallotLayout, corners: readonly Point[], codeCentre: Point): Homography {
  const r = layout.code.rect;
  const expected = { x: r.x + r.w / 2, y: r.y + r.h / 2 };
  let best: Homography | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let turn = 0; turn < 4; turn++) {
    const image = [0, 1, 2, 3].map((i) => corners[(i + turn) % 4]!);
    const h = solveHomography(layout.fiducials, image);
    const p = applyHomography(h, expected);
    const d = Math.hypot(p.x - codeCentre.x, p.y - codeCentre.y);
    if (d < bestDistance) {
      bestDistance = d;
      best = h;
    }
  }
  return best!;
}
