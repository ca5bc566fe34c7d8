import { describe, expect, it } from "vitest";
import { renderBallotSvg } from "./ballot-svg.ts";
import { type BallotLayoutInput, ballotCodePayload, layoutBallot, parseBallotCode } from "./layout.ts";

const names = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ position: i + 1, name: `Trần Văn Ứng Viên ${i + 1}` }));

const PROVINCE: BallotLayoutInput = {
  electionId: 41,
  round: 1,
  kind: "cross-out",
  seats: 55,
  orgName: "Đảng bộ tỉnh Quảng Ninh",
  congressName: "Đại hội đại biểu lần thứ XVI",
  title: "Ban Chấp hành Đảng bộ tỉnh khóa XVI",
  candidates: names(62),
};

const rectInside = (r: { x: number; y: number; w: number; h: number }, W: number, H: number) =>
  r.x >= 0 && r.y >= 0 && r.x + r.w <= W && r.y + r.h <= H;

describe("layoutBallot", () => {
  it("puts a 55-of-62 list on one A4 sheet in two columns, every row inside the fiducials", () => {
    const l = layoutBallot(PROVINCE);
    expect(l.page.name).toBe("A4");
    expect(l.rows).toHaveLength(62);
    expect(new Set(l.rows.map((r) => r.band.x)).size).toBe(2);
    expect(l.rowHeight).toBeGreaterThanOrEqual(6.5);
    const [tl, , br] = l.fiducials;
    for (const r of l.rows) {
      expect(r.band.x).toBeGreaterThan(tl.x);
      expect(r.band.y + r.band.h).toBeLessThan(br.y);
      expect(rectInside(r.band, l.page.width, l.page.height)).toBe(true);
    }
    // No two rows overlap.
    for (let i = 1; i < 31; i++) expect(l.rows[i]!.band.y).toBeCloseTo(l.rows[i - 1]!.band.y + l.rowHeight);
    expect(l.writeIn.y).toBeGreaterThan(l.rows[30]!.band.y + l.rowHeight);
    expect(l.writeIn.y + l.writeIn.h).toBeLessThanOrEqual(l.code.rect.y);
  });

  it("keeps a short list on A5 with agree/disagree boxes", () => {
    const l = layoutBallot({ ...PROVINCE, kind: "agree-disagree", seats: 5, candidates: names(5) });
    expect(l.page.name).toBe("A5");
    const row = l.rows[0]!;
    expect(row.boxes).toBeDefined();
    expect(row.boxes!.agree.x).toBeCloseTo(row.nameCell.x + row.nameCell.w);
    expect(row.boxes!.disagree.x + row.boxes!.disagree.w).toBeCloseTo(row.band.x + row.band.w);
  });

  it("prints the same code on every ballot: election, round, layout version and list fingerprint", () => {
    const a = layoutBallot(PROVINCE);
    const b = layoutBallot(PROVINCE);
    expect(a.code.payload).toBe(b.code.payload);
    expect(parseBallotCode(a.code.payload)).toMatchObject({ electionId: 41, round: 1, layoutVersion: 1 });
    // Another list (one name changed) gets another fingerprint, so its ballots are refused.
    const other = layoutBallot({
      ...PROVINCE,
      candidates: [...names(61), { position: 62, name: "Lê Thị Khác" }],
    });
    expect(parseBallotCode(other.code.payload)!.fingerprint).not.toBe(
      parseBallotCode(a.code.payload)!.fingerprint,
    );
    expect(layoutBallot({ ...PROVINCE, round: 2 }).code.payload).not.toBe(a.code.payload);
  });

  it("parses only its own codes", () => {
    expect(parseBallotCode("https://example.org")).toBeNull();
    expect(
      parseBallotCode(ballotCodePayload({ electionId: 7, round: 3, layoutVersion: 1, fingerprint: "ABC" })),
    ).toEqual({
      electionId: 7,
      round: 3,
      layoutVersion: 1,
      fingerprint: "ABC",
    });
  });
});

describe("renderBallotSvg", () => {
  it("draws the four fiducials, the code and every name, escaping text", () => {
    const l = layoutBallot({
      ...PROVINCE,
      candidates: [{ position: 1, name: "A <b>&" }, ...names(62).slice(1)],
    });
    const svg = renderBallotSvg(l);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("A &lt;b&gt;&amp;");
    expect(svg).toContain("Trần Văn Ứng Viên 62");
    expect(svg).not.toContain("<b>");
    expect(renderBallotSvg(l, { pixelsPerMm: 4 })).toContain('width="840" height="1188"');
  });
});
