import { readFileSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { interpretScores } from "../../domain/scan/interpret.ts";
import { type BallotLayout, layoutBallot } from "../../domain/scan/layout.ts";
import { BRANCH_4_OF_4, COMMUNE_7_OF_9, PROVINCE_55_OF_62 } from "./fixtures.ts";
import { applyHomography, solveHomography } from "./geometry.ts";
import { fileKind, pagesOf } from "./pages.ts";
import { loadWorkingImage, readBallotPage } from "./read.ts";
import { generateScan, scansToPdf } from "./synthetic.ts";

const LAYOUTS = new Map<number, BallotLayout>(
  [COMMUNE_7_OF_9, BRANCH_4_OF_4, PROVINCE_55_OF_62].map((l) => [l.electionId, layoutBallot(l)]),
);
const byCode = (code: string) =>
  [...LAYOUTS.values()].find((l) => l.code.payload === code) ?? { refused: "Phiếu của cuộc bầu khác" };

async function read(bytes: Buffer) {
  const r = await readBallotPage(await loadWorkingImage(bytes), byCode);
  if (r.status !== "read") throw new Error(`not read: ${r.status}`);
  const layout = byCode(r.code) as BallotLayout;
  return interpretScores(layout.kind, r.scores);
}

describe("solveHomography", () => {
  it("maps the four points it was built from, and a fifth consistently", () => {
    const from = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 20 },
      { x: 0, y: 20 },
    ];
    const to = [
      { x: 5, y: 7 },
      { x: 105, y: 12 },
      { x: 98, y: 215 },
      { x: 2, y: 208 },
    ];
    const h = solveHomography(from, to);
    from.forEach((p, i) => {
      const q = applyHomography(h, p);
      expect(q.x).toBeCloseTo(to[i]!.x, 6);
      expect(q.y).toBeCloseTo(to[i]!.y, 6);
    });
    const back = solveHomography(to, from);
    const mid = applyHomography(back, applyHomography(h, { x: 3, y: 4 }));
    expect(mid.x).toBeCloseTo(3, 6);
    expect(mid.y).toBeCloseTo(4, 6);
  });
});

describe("readBallotPage on the committed corpus", () => {
  const truth = JSON.parse(readFileSync("test/fixtures/scan/truth.json", "utf8")) as Record<
    string,
    { ballot: unknown }
  >;
  for (const [file, t] of Object.entries(truth)) {
    it(`reads ${file} exactly as marked, without adjudication`, async () => {
      const reading = await read(readFileSync(`test/fixtures/scan/${file}`));
      expect(reading.proposed).toEqual(t.ballot);
      expect(reading.adjudication).toEqual([]);
    });
  }

  it("reads a sheet fed upside down", async () => {
    const file = "commune-scanner-1.jpg";
    const flipped = await sharp(readFileSync(`test/fixtures/scan/${file}`))
      .rotate(180)
      .jpeg()
      .toBuffer();
    expect((await read(flipped)).proposed).toEqual(truth[file]!.ballot);
  });
});

describe("readBallotPage on generated 55-of-62 ballots", () => {
  it("reads scanner and phone images of the provincial list, or doubts them, never misreads", async () => {
    const layout = LAYOUTS.get(PROVINCE_55_OF_62.electionId)!;
    for (const [seed, device] of [
      [101, "scanner"],
      [102, "phone"],
    ] as const) {
      const scan = await generateScan(layout, { seed, seats: 55, device, strayShare: 0 });
      const reading = await read(scan.jpeg);
      const doubted = new Set(
        reading.adjudication.map((a) => (a.kind === "uncertain-row" ? a.position : -1)),
      );
      const want = scan.truth.ballot.kind === "cross-out" ? scan.truth.ballot.crossedOut : [];
      const got = reading.proposed.kind === "cross-out" ? reading.proposed.crossedOut : [];
      for (let p = 1; p <= 62; p++) {
        if (doubted.has(p)) continue;
        expect({ seed, p, crossed: got.includes(p) }).toEqual({ seed, p, crossed: want.includes(p) });
      }
    }
  });

  it("sends a name written below the list to adjudication", async () => {
    const layout = LAYOUTS.get(COMMUNE_7_OF_9.electionId)!;
    let scan = await generateScan(layout, { seed: 1, seats: 7, strayShare: 1 });
    for (let seed = 2; !scan.truth.ballot.addedName; seed++)
      scan = await generateScan(layout, { seed, seats: 7, strayShare: 1 });
    const reading = await read(scan.jpeg);
    expect(reading.adjudication.map((a) => a.kind)).toContain("possible-added-name");
  });
});

describe("pagesOf", () => {
  it("splits a scanner PDF into pages that read like the images", async () => {
    const layout = LAYOUTS.get(COMMUNE_7_OF_9.electionId)!;
    const scans = [
      await generateScan(layout, {
        seed: 21,
        seats: 7,
        device: "scanner",
        dpi: 150,
        strayShare: 0,
        hardShare: 0,
      }),
      await generateScan(layout, {
        seed: 22,
        seats: 7,
        device: "scanner",
        dpi: 150,
        strayShare: 0,
        hardShare: 0,
      }),
    ];
    const pdf = scansToPdf(scans);
    expect(fileKind(pdf)).toBe("pdf");
    const pages = [];
    for await (const p of pagesOf(pdf)) pages.push(p);
    expect(pages.map((p) => [p.page, p.error])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    expect(pages[0]!.hash).not.toBe(pages[1]!.hash);
    for (const [i, p] of pages.entries()) {
      const r = await readBallotPage(p.image!, byCode);
      expect(r.status).toBe("read");
      if (r.status === "read")
        expect(interpretScores("cross-out", r.scores).proposed).toEqual(scans[i]!.truth.ballot);
    }
  });

  it("reports a file that is no image and a blank page without a code, per page", async () => {
    const pages = [];
    for await (const p of pagesOf(Buffer.from("hello"))) pages.push(p);
    expect(pages).toMatchObject([{ page: 1, error: "Tệp không phải PDF, JPEG, PNG hay TIFF" }]);
    const white = await sharp({ create: { width: 800, height: 1100, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect(await readBallotPage(await loadWorkingImage(white), byCode)).toEqual({ status: "no-code" });
  });

  it("refuses a ballot of another list by its code", async () => {
    const scan = await generateScan(LAYOUTS.get(BRANCH_4_OF_4.electionId)!, { seed: 5, seats: 4 });
    const r = await readBallotPage(await loadWorkingImage(scan.jpeg), () => ({
      refused: "Phiếu của cuộc bầu khác",
    }));
    expect(r).toEqual({
      status: "refused",
      code: LAYOUTS.get(903)!.code.payload,
      reason: "Phiếu của cuộc bầu khác",
    });
  });
});
