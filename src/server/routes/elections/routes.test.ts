/**
 * A whole count through the API: setup by the district officer, ballots entered by two clerks
 * (one a counting-committee member of the congress), a disagreement shown and re-entered,
 * release, close (congress record and people register), minutes, count file, reopen by an admin.
 */

import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, seedTestUsers, type TestApp } from "../../../../test/app.ts";
import { committeeElectionBody, grantCounting, seedHeldCongress } from "../../../../test/elections.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../../test/factories.ts";
import { SYSTEM_ACTOR } from "../../../db/audit.ts";
import { ALL_SCOPE } from "../../../db/repositories/scope.ts";
import type { Ballot } from "../../../domain/election/index.ts";
import { verifyCountFile } from "../../../domain/election/index.ts";
import { createPerson } from "../../../services/people.ts";

let h: TestApp;
let ids: Map<string, number>;
let congressId: number;
let admin: Record<string, string>;
let officer: Record<string, string>;
let counting: Record<string, string>;
let viewer: Record<string, string>;
let officerCP: Record<string, string>;
let personId: number;

beforeAll(async () => {
  h = await buildTestApp();
  ids = await seedSmallProvince(h.t.database.db);
  const seasonId = await seedSmallSeason(h.t.database.db, ids);
  await seedTestUsers(h.app);
  congressId = await seedHeldCongress(h.t.database.db, seasonId, ids.get("QN.HL")!, {
    convened: 40,
    present: 39,
  });
  await grantCounting(h.t.database.db, "kiemphieu", congressId, ids.get("QN.HL")!);
  admin = await loginAs(h.app, "quantri");
  officer = await loginAs(h.app, "canbo.halong");
  officerCP = await loginAs(h.app, "canbo.campha");
  counting = await loginAs(h.app, "kiemphieu");
  viewer = await loginAs(h.app, "xem.tinh");
  const p = await createPerson(h.t.database.db, SYSTEM_ACTOR, ALL_SCOPE, {
    fullName: "Nguyễn Thị Ứng Cử",
    gender: "female",
    birthDate: "1978-03-04",
    ethnicity: "Kinh",
    hometown: { province: { code: "QN", name: "Quảng Ninh" }, district: null, commune: null },
    membership: null,
    posts: [],
  });
  if (!p.ok) throw new Error(p.error.message);
  personId = p.value.person.id;
});
afterAll(async () => h.close());

const call = (
  method: "GET" | "POST" | "PUT",
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => h.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });

const cross = (...positions: number[]): Ballot => ({ kind: "cross-out", crossedOut: positions });

describe("an election counted end to end", () => {
  let electionId: number;

  it("is created by the officer with the list and checked; others are refused", async () => {
    const body = committeeElectionBody(congressId, { seats: 5, listSize: 6, convened: 40, bundleSize: 10 });
    const asViewer = await call("POST", "/api/elections", viewer, body);
    expect(asViewer.statusCode).toBe(403);
    const outside = await call("POST", "/api/elections", officerCP, body);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().message).toMatch(/Không tìm thấy đại hội/);
    const r = await call("POST", "/api/elections", officer, body);
    expect(r.statusCode).toBe(201);
    const e = r.json();
    electionId = e.id;
    expect(e).toMatchObject({
      status: "setup",
      seats: 5,
      candidateCount: 6,
      ballotKind: "cross-out",
      baseN: 39,
      threshold: 20,
      listProblems: [],
      listWarnings: [],
      startProblems: [],
      permissions: { setup: true, enter: true, manage: true, reopen: false },
    });
    expect(e.candidates.map((c: { position: number }) => c.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("lets the counting member see it but not change the setup", async () => {
    const list = await call("GET", `/api/elections?congressId=${congressId}`, counting);
    expect(list.json().map((e: { id: number }) => e.id)).toEqual([electionId]);
    const got = await call("GET", `/api/elections/${electionId}`, counting);
    expect(got.json().permissions).toEqual({ setup: false, enter: true, manage: true, reopen: false });
    const put = await call("PUT", `/api/elections/${electionId}`, counting, { version: 1, seats: 4 });
    expect(put.statusCode).toBe(403);
    const cp = await call("GET", `/api/elections/${electionId}`, officerCP);
    expect(cp.statusCode).toBe(404);
  });

  it("rejects a stale version and a list out of alphabetical order, in Vietnamese", async () => {
    const e = (await call("GET", `/api/elections/${electionId}`, officer)).json();
    const stale = await call("PUT", `/api/elections/${electionId}`, officer, {
      version: e.version + 5,
      seats: 4,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/vừa được người khác thay đổi/);
    const names = e.candidates.map((c: { fullName: string }) => ({ fullName: c.fullName }));
    const reversed = await call("PUT", `/api/elections/${electionId}`, officer, {
      version: e.version,
      candidates: [...names].reverse(),
    });
    expect(reversed.statusCode).toBe(200);
    expect(reversed.json().startProblems.join(" ")).toMatch(/thứ tự a, b, c/);
    const start = await call("POST", `/api/elections/${electionId}/start`, officer);
    expect(start.statusCode).toBe(422);
    expect(start.json().message).toMatch(/Chưa thể bắt đầu kiểm phiếu/);
    const fixed = await call("PUT", `/api/elections/${electionId}`, officer, {
      version: reversed.json().version,
      candidates: names.map((n: { fullName: string }, i: number) => (i === 0 ? { ...n, personId } : n)),
    });
    expect(fixed.json().startProblems).toEqual([]);
  });

  it("prints the ballot and starts counting", async () => {
    const ballot = await call("GET", `/api/elections/${electionId}/ballot`, counting);
    expect(ballot.json()).toMatchObject({ kind: "cross-out", seats: 5 });
    expect(ballot.json().instruction).toMatch(/Gạch ngang/);
    const figures = await call("PUT", `/api/elections/${electionId}/figures`, officer, {
      ballotsCollected: 40,
    });
    expect(figures.statusCode).toBe(422);
    expect(figures.json().message).toMatch(/lớn hơn số phiếu phát ra/);
    await call("PUT", `/api/elections/${electionId}/figures`, officer, { ballotsCollected: 12 });
    const start = await call("POST", `/api/elections/${electionId}/start`, officer);
    expect(start.statusCode).toBe(200);
    expect(start.json().status).toBe("counting");
    const again = await call("PUT", `/api/elections/${electionId}`, officer, {
      version: start.json().version,
      seats: 4,
    });
    expect(again.statusCode).toBe(409);
  });

  it("counts two bundles entered by two clerks, re-entering one that differs", async () => {
    const created = await call("POST", `/api/elections/${electionId}/bundles`, counting, { total: 12 });
    expect(created.statusCode).toBe(201);
    expect(created.json().map((b: { expectedBallots: number }) => b.expectedBallots)).toEqual([10, 2]);
    const [b1, b2] = created.json() as { id: number }[];
    // Bundle 1: 10 ballots, everyone keeps 1–5 except one crossing out everyone (invalid).
    const bundle1: Ballot[] = [
      ...Array.from({ length: 8 }, () => cross(6)),
      cross(1, 2, 3, 4, 5, 6),
      { ...cross(6), identifyingMark: true },
    ];
    const enter = async (who: Record<string, string>, bundleId: number, ballots: Ballot[]) => {
      const entry = await call("POST", `/api/elections/${electionId}/bundles/${bundleId}/entries`, who);
      expect(entry.statusCode).toBe(200);
      for (const b of ballots) {
        const key = randomUUID();
        const r = await call("POST", `/api/elections/${electionId}/entries/${entry.json().id}/ballots`, who, {
          idempotencyKey: key,
          ballot: b,
        });
        expect(r.statusCode).toBe(200);
      }
      return entry.json().id as number;
    };
    const e1 = await enter(counting, b1!.id, bundle1);
    const e2 = await enter(officer, b1!.id, bundle1);
    // A third clerk is one too many.
    const third = await call("POST", `/api/elections/${electionId}/bundles/${b1!.id}/entries`, admin);
    expect(third.statusCode).toBe(409);
    expect(third.json().message).toMatch(/đã có đủ 2 người nhập/);
    // Finishing early is refused with the counts.
    const undoKey = randomUUID();
    const extra = await call("POST", `/api/elections/${electionId}/entries/${e1}/ballots`, counting, {
      idempotencyKey: undoKey,
      ballot: cross(1),
    });
    expect(extra.statusCode).toBe(409);
    expect(extra.json().message).toMatch(/đã nhập đủ/);
    for (const e of [e1, e2]) {
      const who = e === e1 ? counting : officer;
      const f = await call("POST", `/api/elections/${electionId}/entries/${e}/finish`, who);
      expect(f.statusCode).toBe(200);
    }
    let bundles = (await call("GET", `/api/elections/${electionId}/bundles`, viewer)).json();
    expect(bundles[0]).toMatchObject({ status: "accepted", stage: "accepted" });

    // Bundle 2: the clerks disagree on ballot 2.
    const e3 = await enter(counting, b2!.id, [cross(6), cross(5)]);
    const e4 = await enter(officer, b2!.id, [cross(6), cross(4)]);
    const early = await call("POST", `/api/elections/${electionId}/entries/${e3}/undo`, officer, {
      idempotencyKey: randomUUID(),
    });
    expect(early.statusCode).toBe(403);
    await call("POST", `/api/elections/${electionId}/entries/${e3}/finish`, counting);
    await call("POST", `/api/elections/${electionId}/entries/${e4}/finish`, officer);
    const cmp = await call("GET", `/api/elections/${electionId}/bundles/${b2!.id}/comparison`, counting);
    expect(cmp.json()).toMatchObject({
      comparable: true,
      agreed: false,
      differences: [{ ballot: 2, candidates: [4, 5], missingIn: [] }],
    });
    expect(cmp.json().summary).toMatch(/phiếu 2: ứng cử viên số 4, 5/);
    const accept = await call("POST", `/api/elections/${electionId}/bundles/${b2!.id}/accept`, counting);
    expect(accept.statusCode).toBe(409);
    const notYet = await call("GET", `/api/elections/${electionId}/result`, counting);
    expect(notYet.json()).toMatchObject({ complete: false, result: null });
    expect(notYet.json().incompleteReasons.join(" ")).toMatch(/1\/2 tập phiếu chưa được chấp nhận/);
    const reenter = await call("POST", `/api/elections/${electionId}/bundles/${b2!.id}/reenter`, counting, {
      entryIds: [e4],
      reason: "Phiếu 2 gạch số 5",
    });
    expect(reenter.statusCode).toBe(200);
    expect(reenter.json().entries).toHaveLength(1);
    const e5 = await enter(officer, b2!.id, [cross(6), cross(4)]);
    // Undo the wrong last ballot, enter the right one.
    const entry5 = (await call("GET", `/api/elections/${electionId}/entries/${e5}`, officer)).json();
    const lastKey = entry5.ballots[1].idempotencyKey;
    const undo = await call("POST", `/api/elections/${electionId}/entries/${e5}/undo`, officer, {
      idempotencyKey: lastKey,
    });
    expect(undo.json()).toMatchObject({ ballotCount: 1 });
    const undoAgain = await call("POST", `/api/elections/${electionId}/entries/${e5}/undo`, officer, {
      idempotencyKey: lastKey,
    });
    expect(undoAgain.json()).toMatchObject({ ballotCount: 1 });
    await call("POST", `/api/elections/${electionId}/entries/${e5}/ballots`, officer, {
      idempotencyKey: randomUUID(),
      ballot: cross(5),
    });
    await call("POST", `/api/elections/${electionId}/entries/${e5}/finish`, officer);
    bundles = (await call("GET", `/api/elections/${electionId}/bundles`, counting)).json();
    expect(bundles.map((b: { status: string }) => b.status)).toEqual(["accepted", "accepted"]);
  });

  it("decides the result with explanations; the projection shows only what was released", async () => {
    const r = (await call("GET", `/api/elections/${electionId}/result`, viewer)).json();
    expect(r).toMatchObject({ complete: true, ballotsCounted: 12, ballotsCollected: 12 });
    expect(r.result.ballots).toMatchObject({ collected: 12, valid: 10, invalid: 2 });
    // 1–4 kept on all 10 valid ballots; 5 on 9 and 6 on 1 (ballot 2 of bundle 2 crosses 5, keeps 6).
    expect(r.result.candidates.map((c: { votes: number }) => c.votes)).toEqual([10, 10, 10, 10, 9, 1]);
    // N = 39, threshold 20: nobody passes with 10 votes.
    expect(r.result.elected).toEqual([]);
    expect(r.result.nextStep).toMatchObject({ kind: "congress-decides", openSeats: 5 });
    expect(r.result.candidates[0].explanation).toMatch(/10\/39/);
    const before = (await call("GET", `/api/elections/${electionId}/projection`, viewer)).json();
    expect(before).toMatchObject({ released: false, result: null });
    const asViewer = await call("POST", `/api/elections/${electionId}/release`, viewer);
    expect(asViewer.statusCode).toBe(403);
    const rel = await call("POST", `/api/elections/${electionId}/release`, counting);
    expect(rel.statusCode).toBe(200);
    const after = (await call("GET", `/api/elections/${electionId}/projection`, viewer)).json();
    expect(after.result.candidates[4].votes).toBe(9);
  });

  it("exports a count file that daihoi tally reproduces", async () => {
    const f = await call("GET", `/api/elections/${electionId}/count-file.json`, counting);
    expect(f.statusCode).toBe(200);
    expect(f.headers["content-disposition"]).toMatch(/kiem-phieu-/);
    const file = JSON.parse(f.body);
    expect(file.ballots).toHaveLength(12);
    // The audit log's head goes with the file, outside the database (issue 20, item 6).
    expect(file.auditAnchor).toMatch(/^\d+-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const verified = verifyCountFile(file);
    expect(verified.ok).toBe(true);
    const result = (await call("GET", `/api/elections/${electionId}/result`, viewer)).json().result;
    if (verified.ok) expect(JSON.parse(JSON.stringify(verified.value))).toMatchObject(result);
    const dir = mkdtempSync(join(tmpdir(), "count-"));
    writeFileSync(join(dir, "count.json"), f.body);
    const out = execFileSync(process.execPath, ["src/cli/main.ts", "tally", join(dir, "count.json")], {
      encoding: "utf8",
    });
    expect(JSON.parse(out).candidates.map((c: { votes: number }) => c.votes)).toEqual([10, 10, 10, 10, 9, 1]);
  });

  it("closes, writes minutes, and only an admin reopens", async () => {
    const close = await call("POST", `/api/elections/${electionId}/close`, counting);
    expect(close.statusCode).toBe(200);
    expect(close.json().status).toBe("closed");
    const entry = await call("POST", `/api/elections/${electionId}/bundles`, counting, {
      expectedBallots: 3,
    });
    expect(entry.statusCode).toBe(409);
    expect(entry.json().message).toMatch(/Đã kết thúc kiểm phiếu/);
    const docx = await call("GET", `/api/elections/${electionId}/minutes.docx`, viewer);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    expect(xml).toContain("BIÊN BẢN KIỂM PHIẾU");
    expect(xml).toMatch(/Mã kiểm tra nhật ký: \d+-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
    // 36-HD/VPTW: the congress above BAN KIỂM PHIẾU, the number line, the locality's place name
    // in the dateline (not the venue), "đại biểu" at a delegates' congress (issue 17).
    expect(xml).toContain("ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ HẠ LONGBAN KIỂM PHIẾU*Số      -BB/BKP");
    expect(xml).toContain("Hạ Long, ngày 11 tháng 06 năm 2020");
    expect(xml).not.toContain("Hội trường Thành ủy,");
    expect(xml).toContain("Tổng số đại biểu được triệu tập: 40");
    expect(xml).toContain("Số phiếu thu vào: 12");
    expect(xml).toContain("Số phiếu hợp lệ: 10");
    expect(xml).toContain("Phiếu gạch tên tất cả những người trong danh sách bầu cử: 1");
    expect(xml).toContain("Phiếu có ký tên hoặc đánh dấu riêng: 1");
    expect(xml).toContain("25,64%"); // 10/39
    expect(xml).toContain("Trần Văn Kiểm");
    expect(xml).toContain("PHỤ LỤC: NHẬT KÝ NHẬP PHIẾU");
    expect(xml).toMatch(/Tập 02: hủy phiếu 2 vừa nhập/);
    const officerReopen = await call("POST", `/api/elections/${electionId}/reopen`, officer, {
      reason: "Sai sót",
    });
    expect(officerReopen.statusCode).toBe(403);
    const short = await call("POST", `/api/elections/${electionId}/reopen`, admin, { reason: "x" });
    expect(short.statusCode).toBe(400);
    const reopen = await call("POST", `/api/elections/${electionId}/reopen`, admin, {
      reason: "Ban kiểm phiếu đề nghị kiểm tra lại tập 2",
    });
    expect(reopen.statusCode).toBe(200);
    expect(reopen.json().status).toBe("counting");
    const log = (await call("GET", `/api/elections/${electionId}/log`, counting)).json();
    expect(log.at(-1).text).toMatch(/Mở lại kiểm phiếu: Ban kiểm phiếu đề nghị/);
  });
});

describe("results flow into the congress record and the people register", () => {
  it("a filled committee records its seats and its elected members' posts", async () => {
    const template = committeeElectionBody(congressId, {
      seats: 3,
      listSize: 4,
      convened: 10,
      bundleSize: 10,
    });
    const body = {
      ...template,
      candidates: template.candidates!.map((c, i) => (i === 1 ? { ...c, personId } : c)),
      present: 9,
      ballotsIssued: 9,
      ballotsCollected: 9,
    };
    const e = (await call("POST", "/api/elections", officer, body)).json();
    expect((await call("POST", `/api/elections/${e.id}/start`, officer)).statusCode).toBe(200);
    const [b] = (await call("POST", `/api/elections/${e.id}/bundles`, counting, { total: 9 })).json();
    for (const who of [counting, officer]) {
      const entry = (await call("POST", `/api/elections/${e.id}/bundles/${b.id}/entries`, who)).json();
      for (let i = 0; i < 9; i++)
        await call("POST", `/api/elections/${e.id}/entries/${entry.id}/ballots`, who, {
          idempotencyKey: `flow-${who === counting ? "a" : "b"}-${i}`,
          ballot: cross(4),
        });
      await call("POST", `/api/elections/${e.id}/entries/${entry.id}/finish`, who);
    }
    const close = await call("POST", `/api/elections/${e.id}/close`, counting);
    expect(close.statusCode).toBe(200);
    expect(close.json().result.elected).toHaveLength(3);
    expect(close.json().flowed.join("; ")).toMatch(/hồ sơ đại hội.*1 người/);
    const cong = await call(
      "GET",
      `/api/seasons/${await seasonIdOf()}/congresses/${ids.get("QN.HL")}`,
      admin,
    );
    expect(cong.json().congress).toMatchObject({
      id: congressId,
      status: "results_recorded",
      committeeSeatsDecided: 3,
      committeeSeatsElected: 3,
      electedInOneRoundFull: true,
    });
    const person = await call("GET", `/api/people/${personId}`, admin);
    expect(JSON.stringify(person.json())).toMatch(/committee_member/);
  });
});

describe("a secretary elected at the committee's first conference (issue 17)", () => {
  /** Runs a one-candidate secretary election on `base` to its close, every ballot "agree". */
  async function electSecretary(base: Record<string, unknown>, voters: number, tag: string) {
    const template = committeeElectionBody(congressId, { seats: 1, listSize: 1, bundleSize: voters });
    const body = {
      ...template,
      title: "Bầu Bí thư",
      office: "secretary",
      base,
      present: voters,
      ballotsIssued: voters,
      ballotsCollected: voters,
    };
    const created = await call("POST", "/api/elections", officer, body);
    expect(created.statusCode).toBe(201);
    const e = created.json();
    expect((await call("POST", `/api/elections/${e.id}/start`, officer)).statusCode).toBe(200);
    const [b] = (await call("POST", `/api/elections/${e.id}/bundles`, counting, { total: voters })).json();
    for (const who of [counting, officer]) {
      const entry = (await call("POST", `/api/elections/${e.id}/bundles/${b.id}/entries`, who)).json();
      for (let i = 0; i < voters; i++)
        await call("POST", `/api/elections/${e.id}/entries/${entry.id}/ballots`, who, {
          idempotencyKey: `${tag}-${who === counting ? "a" : "b"}-${i}`,
          ballot: { kind: "agree-disagree", marks: ["agree"] },
        });
      await call("POST", `/api/elections/${e.id}/entries/${entry.id}/finish`, who);
    }
    const close = await call("POST", `/api/elections/${e.id}/close`, counting);
    expect(close.statusCode).toBe(200);
    expect(close.json().result.elected).toHaveLength(1);
    const cong = await call(
      "GET",
      `/api/seasons/${await seasonIdOf()}/congresses/${ids.get("QN.HL")}`,
      admin,
    );
    return cong.json().congress;
  }

  it("is not a direct election: only one at the congress itself writes the congress record", async () => {
    const before = (
      await call("GET", `/api/seasons/${await seasonIdOf()}/congresses/${ids.get("QN.HL")}`, admin)
    ).json().congress;
    const atConference = await electSecretary(
      { kind: "committee-conference", convened: 15, absentWithLeave: 0 },
      12,
      "conf",
    );
    expect({
      secretaryElectedDirectly: atConference.secretaryElectedDirectly,
      secretaryVotes: atConference.secretaryVotes,
      secretaryVoteBase: atConference.secretaryVoteBase,
    }).toEqual({
      secretaryElectedDirectly: before.secretaryElectedDirectly,
      secretaryVotes: before.secretaryVotes,
      secretaryVoteBase: before.secretaryVoteBase,
    });
    const atCongress = await electSecretary(
      {
        kind: "delegates-congress",
        convened: 40,
        conveningCommitteeMembersAbsent: 0,
        delegatesAbsentWithoutAlternate: 1,
      },
      37,
      "cong",
    );
    expect(atCongress).toMatchObject({
      secretaryElectedDirectly: true,
      secretaryVotes: 37,
      secretaryVoteBase: 39,
    });
  });
});

async function seasonIdOf(): Promise<number> {
  const seasons = (await call("GET", "/api/seasons", admin)).json();
  return seasons[0].id;
}

describe("a tie for the last seat", () => {
  it("is voted on again among the tied only, as a new round", async () => {
    const template = committeeElectionBody(congressId, {
      seats: 2,
      listSize: 3,
      convened: 10,
      bundleSize: 10,
    });
    const body = { ...template, present: 9, ballotsIssued: 9, ballotsCollected: 9 };
    const e = (await call("POST", "/api/elections", officer, body)).json();
    expect((await call("POST", `/api/elections/${e.id}/start`, officer)).statusCode).toBe(200);
    const [b] = (await call("POST", `/api/elections/${e.id}/bundles`, counting, { total: 9 })).json();
    // 1 keeps 8, 2 and 3 keep 5 each: N = 9, threshold 5, both pass, one seat left.
    const ballots = [...Array(4).fill(cross(2)), ...Array(4).fill(cross(3)), cross(1)];
    for (const who of [counting, officer]) {
      const entry = (await call("POST", `/api/elections/${e.id}/bundles/${b.id}/entries`, who)).json();
      for (const [i, ballot] of ballots.entries())
        await call("POST", `/api/elections/${e.id}/entries/${entry.id}/ballots`, who, {
          idempotencyKey: `tie-vote-${who === counting ? "a" : "b"}-${i}`,
          ballot,
        });
      await call("POST", `/api/elections/${e.id}/entries/${entry.id}/finish`, who);
    }
    const early = await call("POST", `/api/elections/${e.id}/next-round`, officer, { positions: [2, 3] });
    expect(early.statusCode).toBe(409);
    const closeRes = await call("POST", `/api/elections/${e.id}/close`, counting);
    expect(closeRes.body).toMatch(/tie-vote/);
    const close = closeRes.json();
    expect(close.result.nextStep).toMatchObject({ kind: "tie-vote" });
    expect(close.result.elected.map((x: { position: number }) => x.position)).toEqual([1]);
    const wrong = await call("POST", `/api/elections/${e.id}/next-round`, officer, { positions: [1, 2] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().message).toMatch(/chỉ gồm những người bằng phiếu/);
    const asCounting = await call("POST", `/api/elections/${e.id}/next-round`, counting, {
      positions: [2, 3],
    });
    expect(asCounting.statusCode).toBe(403);
    const next = await call("POST", `/api/elections/${e.id}/next-round`, officer, { positions: [2, 3] });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({
      status: "setup",
      round: 2,
      previousElectionId: e.id,
      seats: 1,
      candidateCount: 2,
      ballotKind: "cross-out",
      startProblems: [],
    });
    expect(next.json().title).toMatch(/\(bầu lần 2\)$/);
  });
});
