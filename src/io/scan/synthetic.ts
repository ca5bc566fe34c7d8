/**
 * Realistic synthetic scans with ground truth, for the tests, the committed corpus and the
 * benchmark. A ballot is the product's own drawing (renderBallotSvg of the layout) with pen strokes
 * drawn over it — a single line, a double line, a scribble, a line running past the row, in blue,
 * black, red or violet, 0,3–0,9 mm wide, covering more or less of the name — then degraded the way
 * a sheet-fed scanner or a phone degrades it: rotation up to ±5°, perspective (phone), 150–300 dpi,
 * blur, noise, a shadow, JPEG quality 50–95.
 */
import * as mupdf from "mupdf";
import sharp from "sharp";
import { createRandom, type Random } from "../../demo/random.ts";
import type { Ballot, RowMark } from "../../domain/election/ballot.ts";
import { renderBallotSvg } from "../../domain/scan/ballot-svg.ts";
import type { BallotLayout, Point, Rect } from "../../domain/scan/layout.ts";
import { applyHomography, solveHomography } from "./geometry.ts";

export interface SyntheticTruth {
  readonly ballot: Ballot;
  /** Rows whose stroke was drawn deliberately faint or short: a reader may (should) doubt them. */
  readonly hardRows: readonly number[];
}

export interface SyntheticScan {
  readonly jpeg: Buffer;
  readonly truth: SyntheticTruth;
  readonly device: "scanner" | "phone";
  readonly dpi: number;
  readonly width: number;
  readonly height: number;
}

const INKS = ["#1d2f8f", "#0b1a5c", "#202020", "#b3121b", "#5b2a86", "#2d5fd0"];

function f(v: number): string {
  return (Math.round(v * 100) / 100).toString();
}

function strokeFor(rng: Random, cell: Rect, extent: { x0: number; x1: number }, hard: boolean): string {
  const colour = rng.pick(INKS);
  const width = 0.3 + rng.next() * 0.6;
  const mid = cell.y + cell.h * (0.45 + (rng.next() - 0.5) * 0.25);
  const span = extent.x1 - extent.x0;
  // A hard row: a short or broken line over part of the name.
  const coverage = hard ? 0.2 + rng.next() * 0.3 : 0.85 + rng.next() * 0.3;
  const start = extent.x0 - (hard ? -rng.next() * span * 0.3 : rng.next() * 4);
  let end = start + span * coverage;
  const style = hard
    ? "single"
    : rng.pick(["single", "single", "single", "double", "scribble", "past"] as const);
  if (style === "past") end = Math.min(cell.x + cell.w + 6 + rng.next() * 6, 200);
  const slope = (rng.next() - 0.5) * cell.h * 0.5;
  const attrs = `fill="none" stroke="${colour}" stroke-width="${f(width)}" stroke-linecap="round" stroke-linejoin="round" opacity="${f(0.8 + rng.next() * 0.2)}"`;
  const wobble = () => (rng.next() - 0.5) * cell.h * 0.2;
  const line = (y: number) =>
    `<path ${attrs} d="M${f(start)} ${f(y - slope / 2)} Q${f((start + end) / 2)} ${f(y + wobble())} ${f(end)} ${f(y + slope / 2)}"/>`;
  switch (style) {
    case "single":
    case "past":
      return line(mid);
    case "double":
      return line(mid - cell.h * 0.12) + line(mid + cell.h * 0.12);
    case "scribble": {
      const n = 8 + rng.int(0, 10);
      const pts: string[] = [];
      for (let i = 0; i <= n; i++) {
        const x = start + ((end - start) * i) / n;
        const y = mid + (i % 2 ? -1 : 1) * cell.h * (0.15 + rng.next() * 0.15);
        pts.push(`${f(x)} ${f(y)}`);
      }
      return `<path ${attrs} d="M${pts.join("L")}"/>`;
    }
  }
}

function boxMark(rng: Random, box: Rect): string {
  const colour = rng.pick(INKS);
  const width = 0.35 + rng.next() * 0.5;
  const attrs = `fill="none" stroke="${colour}" stroke-width="${f(width)}" stroke-linecap="round"`;
  const cx = box.x + box.w / 2 + (rng.next() - 0.5) * 3;
  const cy = box.y + box.h / 2;
  const s = box.h * (0.25 + rng.next() * 0.12);
  return rng.next() < 0.8
    ? `<path ${attrs} d="M${f(cx - s)} ${f(cy - s)}L${f(cx + s)} ${f(cy + s)}M${f(cx + s)} ${f(cy - s)}L${f(cx - s)} ${f(cy + s)}"/>`
    : `<path ${attrs} d="M${f(cx - s)} ${f(cy)}L${f(cx - s / 3)} ${f(cy + s)}L${f(cx + s * 1.2)} ${f(cy - s * 1.1)}"/>`;
}

/** Which names a voter crosses out: usually exactly the surplus, sometimes more, rarely too few. */
function chooseBallot(rng: Random, layout: BallotLayout, seats: number): Ballot {
  const n = layout.rows.length;
  if (layout.kind === "cross-out") {
    const surplus = n - seats;
    const r = rng.next();
    const k =
      r < 0.7 ? surplus : r < 0.95 ? rng.int(surplus, Math.min(n, surplus + 15)) : rng.int(0, surplus);
    const crossedOut = rng
      .shuffle(layout.rows.map((row) => row.position))
      .slice(0, k)
      .sort((a, b) => a - b);
    return { kind: "cross-out", crossedOut };
  }
  const marks: RowMark[] = layout.rows.map(() => {
    const r = rng.next();
    return r < 0.8 ? "agree" : r < 0.97 ? "disagree" : r < 0.985 ? "both" : "neither";
  });
  return { kind: "agree-disagree", marks };
}

export interface SyntheticOptions {
  readonly seed: number;
  readonly seats: number;
  /** Share of crossed rows drawn faint or short (the reader should send them to adjudication). */
  readonly hardShare?: number | undefined;
  /** Share of ballots with a stray mark or an added name. */
  readonly strayShare?: number | undefined;
  /** Override the device; by default one ballot in four is a phone photo. */
  readonly device?: "scanner" | "phone" | undefined;
  /** Override the resolution and the JPEG quality (the committed corpus keeps its files small). */
  readonly dpi?: number | undefined;
  readonly quality?: number | undefined;
}

export async function generateScan(layout: BallotLayout, options: SyntheticOptions): Promise<SyntheticScan> {
  const rng = createRandom(options.seed);
  const base = chooseBallot(rng, layout, options.seats);
  const overlay: string[] = [];
  const hardRows: number[] = [];
  let addedName = false;
  let identifyingMark = false;
  if (base.kind === "cross-out") {
    const crossed = new Set(base.crossedOut);
    for (const row of layout.rows) {
      if (!crossed.has(row.position)) continue;
      const hard = rng.next() < (options.hardShare ?? 0.003);
      if (hard) hardRows.push(row.position);
      const textWidth = Math.min(row.nameCell.w - 3, row.name.length * layout.nameSizePt * 0.3528 * 0.47);
      overlay.push(
        strokeFor(
          rng,
          row.nameCell,
          { x0: row.nameCell.x + 1.5, x1: row.nameCell.x + 1.5 + textWidth },
          hard,
        ),
      );
    }
  } else {
    base.marks.forEach((m, i) => {
      const row = layout.rows[i]!;
      if (m === "agree" || m === "both") overlay.push(boxMark(rng, row.boxes!.agree));
      if (m === "disagree" || m === "both") overlay.push(boxMark(rng, row.boxes!.disagree));
    });
  }
  if (rng.next() < (options.strayShare ?? 0.01)) {
    const colour = rng.pick(INKS);
    if (rng.next() < 0.5 && layout.writeIn.h > 8) {
      addedName = true;
      overlay.push(
        `<text x="${f(layout.writeIn.x + 10 + rng.next() * 30)}" y="${f(layout.writeIn.y + 6)}" font-size="4.5" font-style="italic" fill="${colour}">Hoàng Văn Thêm</text>`,
      );
    } else {
      identifyingMark = true;
      const x = 20 + rng.next() * (layout.page.width - 60);
      const y = 24 + rng.next() * 3;
      overlay.push(
        `<path fill="none" stroke="${colour}" stroke-width="0.5" d="M${f(x)} ${f(y)}c3 -4 5 4 8 0s4 -5 7 1 4 2 6 -2"/>`,
      );
    }
  }
  const ballot: Ballot = {
    ...base,
    ...(addedName ? { addedName } : {}),
    ...(identifyingMark ? { identifyingMark } : {}),
  };

  const device = options.device ?? (rng.next() < 0.25 ? "phone" : "scanner");
  const drawnDpi = device === "phone" ? rng.int(150, 220) : rng.pick([150, 200, 300]);
  const dpi = options.dpi ?? drawnDpi;
  const ppm = dpi / 25.4;
  const svg = renderBallotSvg(layout, { overlay: overlay.join(""), pixelsPerMm: ppm });
  const page = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pw = page.info.width;
  const ph = page.info.height;

  // Where the sheet's corners land on the output: rotated (and, for a phone, in perspective).
  const margin = device === "phone" ? 0.09 : 0.025;
  const ow = Math.round(pw * (1 + 2 * margin));
  const oh = Math.round(ph * (1 + 2 * margin));
  const angle = ((rng.next() - 0.5) * 10 * Math.PI) / 180;
  const cx = ow / 2 + (rng.next() - 0.5) * pw * margin;
  const cy = oh / 2 + (rng.next() - 0.5) * ph * margin;
  const src: Point[] = [
    { x: 0, y: 0 },
    { x: pw, y: 0 },
    { x: pw, y: ph },
    { x: 0, y: ph },
  ];
  const scale = device === "phone" ? 0.9 : 0.97;
  const dst = src.map((p) => {
    const dx = (p.x - pw / 2) * scale;
    const dy = (p.y - ph / 2) * scale;
    const jitter = device === "phone" ? 0.035 : 0;
    return {
      x: cx + dx * Math.cos(angle) - dy * Math.sin(angle) + (rng.next() - 0.5) * pw * jitter,
      y: cy + dx * Math.sin(angle) + dy * Math.cos(angle) + (rng.next() - 0.5) * ph * jitter,
    };
  });
  const back = solveHomography(dst, src);
  const out = Buffer.alloc(ow * oh * 3);
  const bg =
    device === "phone" ? [70 + rng.int(0, 60), 60 + rng.int(0, 50), 50 + rng.int(0, 40)] : [235, 235, 232];
  // A shadow: light falling off linearly across the frame.
  const shadowDir = rng.next() * Math.PI * 2;
  const shadowDepth = rng.next() < 0.5 ? rng.next() * 0.35 : 0;
  const sdx = Math.cos(shadowDir) / ow;
  const sdy = Math.sin(shadowDir) / oh;
  const noise = 3 + rng.next() * 9;
  const pd = page.data;
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      const s = applyHomography(back, { x: x + 0.5, y: y + 0.5 });
      const sx = s.x - 0.5;
      const sy = s.y - 0.5;
      const o = (y * ow + x) * 3;
      const light = 1 - shadowDepth * (0.5 + (x * sdx + y * sdy) * 0.7);
      const grain = (rng.next() - 0.5) * 2 * noise;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= pw || y0 + 1 >= ph) {
        for (let c = 0; c < 3; c++) out[o + c] = Math.max(0, Math.min(255, bg[c]! * light + grain));
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = (y0 * pw + x0) * 3;
      for (let c = 0; c < 3; c++) {
        const a = pd[i + c]!;
        const b = pd[i + 3 + c]!;
        const d = pd[i + pw * 3 + c]!;
        const e = pd[i + pw * 3 + 3 + c]!;
        const top = a + (b - a) * fx;
        const bottom = d + (e - d) * fx;
        out[o + c] = Math.max(0, Math.min(255, (top + (bottom - top) * fy) * light + grain));
      }
    }
  }
  const blur = 0.3 + rng.next() * (device === "phone" ? 1.2 : 0.7);
  const jpeg = await sharp(out, { raw: { width: ow, height: oh, channels: 3 } })
    .blur(blur)
    .jpeg({ quality: options.quality ?? rng.int(50, 95) })
    .toBuffer();
  return { jpeg, truth: { ballot, hardRows }, device, dpi, width: ow, height: oh };
}

/** A PDF with one scan per page at its resolution, as a sheet-fed scanner writes it. */
export function scansToPdf(
  scans: readonly Pick<SyntheticScan, "jpeg" | "dpi" | "width" | "height">[],
): Buffer {
  const doc = new mupdf.PDFDocument();
  for (const { jpeg, dpi, width, height } of scans) {
    const w = (width / dpi) * 72;
    const h = (height / dpi) * 72;
    const image = doc.addImage(new mupdf.Image(jpeg));
    const resources = doc.newDictionary();
    const xobjects = doc.newDictionary();
    xobjects.put("Im0", image);
    resources.put("XObject", xobjects);
    doc.insertPage(-1, doc.addPage([0, 0, w, h], 0, resources, `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`));
  }
  const out = doc.saveToBuffer("compress");
  const bytes = Buffer.from(out.asUint8Array());
  doc.destroy();
  return bytes;
}
