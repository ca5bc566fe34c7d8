/**
 * Village-head elections through the service: a meeting decided and recorded, the head registered
 * as a village-head post that the indicator counts, a failed village's re-election and interim
 * head, idempotent retries, scope, and the all-or-nothing import.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { seedSmallProvince } from "../../test/factories.ts";
import type { Actor } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { ALL_SCOPE, type Scope } from "../db/repositories/scope.ts";
import { auditLog, post, village } from "../db/schema.ts";
import type { VillageMeetingInput } from "../domain/village/index.ts";
import { createPerson } from "./people.ts";
import {
  appointInterimHead,
  createElectionDay,
  getChecklist,
  getVillageDashboard,
  getVillageElection,
  importVillageRounds,
  recogniseVillageHead,
  recordVillageRound,
  setCommuneSteps,
} from "./village-elections/index.ts";

const officer: Actor = { userId: null, label: "canbo.kiemthu" };
let t: TestDatabase;
let db: Db;
let ids: Map<string, number>;
let dayId: number;
const villageIds = new Map<string, number>();
const id = (code: string) => ids.get(code)!;

const candidate = (
  fullName: string,
  votes: number,
  extra: Partial<VillageMeetingInput["candidates"][number]> = {},
) => ({
  fullName,
  nomination: "branch-committee" as const,
  personId: null,
  gender: "male" as const,
  birthDate: "1975-03-02",
  ethnicity: "Kinh",
  votes,
  ...extra,
});

const meeting = (over: Partial<VillageMeetingInput> = {}): VillageMeetingInput => ({
  attempt: 1,
  heldOn: "2020-01-05",
  electorate: 200,
  present: 170,
  method: "secret-ballot",
  issued: 170,
  collected: 170,
  valid: 168,
  invalid: 2,
  candidates: [candidate("Vũ Văn Thành", 150), candidate("Đỗ Thị Lan", 18, { gender: "female" })],
  team: ["Phạm Văn Tổ", "Lê Thị Bầu", "Hoàng Văn Phiếu"],
  proceduralVotes: { method: 165, team: 160 },
  ...over,
});

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  ids = await seedSmallProvince(db);
  for (const v of await db.select({ id: village.id, code: village.code }).from(village))
    villageIds.set(v.code, v.id);
  const day = await createElectionDay(db, officer, {
    code: "2020",
    name: "Bầu trưởng thôn, khu phố ngày 05/01/2020",
    electionDate: "2020-01-05",
    termStart: 2020,
    termEnd: 2022,
    rootOrgId: id("QN"),
    seasonId: null,
  });
  if (!day.ok) throw new Error(day.error.message);
  dayId = day.value.id;
});

afterAll(async () => {
  await t.cleanup();
});

describe("recording a village meeting", () => {
  it("decides, records with the procedural votes, registers the head, and opens no post before recognition", async () => {
    const r = await recordVillageRound(
      db,
      officer,
      ALL_SCOPE,
      dayId,
      villageIds.get("V.HONGGAI.KP1")!,
      meeting(),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.result?.status).toBe("elected");
    expect(r.value.result?.explanation).toBe(
      "Hội nghị có 170/200 = 85,00% đại diện hộ gia đình tham dự, quá 1/2 tổng số đại diện hộ gia đình của khu phố; hội nghị hợp lệ. Vũ Văn Thành trúng cử trưởng khu phố",
    );
    expect(r.value.next).toEqual({ closed: "Thôn đã bầu được trưởng thôn; không ghi thêm lần bầu" });
    // The procedural votes are stored with the meeting (issue 17: they were checked, then dropped).
    expect(r.value.rounds[0]).toMatchObject({ methodApprovals: 165, teamApprovals: 160 });
    // Nghị định 59/2023: the head takes office on the commune's recognition, not on the meeting day.
    expect(r.value.electedOn).toBe("2020-01-05");
    expect(r.value.result?.headPostId).toBeNull();
    expect(r.value.result?.headPersonId).not.toBeNull();
    expect(await db.select().from(post).where(eq(post.villageCode, "V.HONGGAI.KP1"))).toEqual([]);
    const actions = (await db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["person.create", "village_election.record"]));
    expect(actions).not.toContain("post.create");
  });

  it("records the commune's recognition: the post starts that day; late is recorded with a warning, impossible days are refused", async () => {
    const vid = villageIds.get("V.HONGGAI.KP1")!;
    const recognition = {
      decisionNumber: "07/QĐ-UBND",
      recognisedOn: "2020-01-13",
      recognisedBy: "Chủ tịch UBND phường Hồng Gai",
    };
    const before = await recogniseVillageHead(
      db,
      officer,
      ALL_SCOPE,
      dayId,
      vid,
      { ...recognition, recognisedOn: "2020-01-04" },
      "2020-02-01",
    );
    expect(before.ok ? null : before.error.details).toEqual({
      issues: [
        {
          path: "recognisedOn",
          message: "Ngày công nhận (04/01/2020) trước ngày hội nghị bầu (05/01/2020)",
        },
      ],
    });
    const future = await recogniseVillageHead(db, officer, ALL_SCOPE, dayId, vid, recognition, "2020-01-10");
    expect(future.ok).toBe(false);
    const blank = await recogniseVillageHead(
      db,
      officer,
      ALL_SCOPE,
      dayId,
      vid,
      { ...recognition, decisionNumber: " " },
      "2020-02-01",
    );
    expect(blank.ok ? null : blank.error.details).toEqual({
      issues: [{ path: "decisionNumber", message: "Số quyết định công nhận không được để trống" }],
    });
    expect(await db.select().from(post).where(eq(post.villageCode, "V.HONGGAI.KP1"))).toEqual([]);

    // 05/01/2020 is a Sunday: the 5 working days end on Friday 10/01; Monday 13/01 is late.
    const r = await recogniseVillageHead(db, officer, ALL_SCOPE, dayId, vid, recognition, "2020-02-01");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.result).toMatchObject({
      status: "elected",
      recognitionDecision: "07/QĐ-UBND",
      recognisedOn: "2020-01-13",
      recognisedBy: "Chủ tịch UBND phường Hồng Gai",
    });
    const posts = await db.select().from(post).where(eq(post.villageCode, "V.HONGGAI.KP1"));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      kind: "village_head",
      startOn: "2020-01-13",
      term: "2020–2022",
      endOn: null,
    });
    expect(r.value.result?.headPostId).toBe(posts[0]!.id);
    const entry = (await db.select().from(auditLog)).find((a) => a.action === "village_election.recognise");
    expect(entry?.after).toMatchObject({
      recognisedOn: "2020-01-13",
      deadline: "2020-01-10",
      late: true,
      note: "Ủy ban nhân dân cấp xã công nhận ngày 13/01/2020, quá thời hạn 5 ngày làm việc (đến 10/01/2020); trưởng thôn nhận nhiệm vụ từ ngày công nhận",
    });

    const count = (await db.select().from(auditLog)).length;
    const again = await recogniseVillageHead(db, officer, ALL_SCOPE, dayId, vid, recognition, "2020-02-01");
    expect(again.ok).toBe(true);
    expect((await db.select().from(auditLog)).length).toBe(count);
    const other = await recogniseVillageHead(
      db,
      officer,
      ALL_SCOPE,
      dayId,
      vid,
      { ...recognition, recognisedOn: "2020-01-08" },
      "2020-02-01",
    );
    expect(other.ok ? null : other.error.code).toBe("VILLAGE_RECOGNISED");
  });

  it("treats a retry of the same minutes as done, and refuses different figures for a recorded round", async () => {
    const vid = villageIds.get("V.HONGGAI.KP1")!;
    const before = (await db.select().from(auditLog)).length;
    const again = await recordVillageRound(db, officer, ALL_SCOPE, dayId, vid, meeting());
    expect(again.ok).toBe(true);
    expect((await db.select().from(auditLog)).length).toBe(before);
    const other = await recordVillageRound(
      db,
      officer,
      ALL_SCOPE,
      dayId,
      vid,
      meeting({ present: 171, issued: 171, collected: 171, valid: 169 }),
    );
    expect(other.ok ? null : other.error.code).toBe("VILLAGE_ROUND_RECORDED");
  });

  it("refuses figures that break the minutes, naming the field, and writes nothing", async () => {
    const vid = villageIds.get("V.HONGGAI.KP2")!;
    const r = await recordVillageRound(db, officer, ALL_SCOPE, dayId, vid, meeting({ collected: 171 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.status).toBe(422);
    expect(r.error.details).toEqual({
      issues: [
        { path: "collected", message: "Số phiếu thu vào (171) lớn hơn số phiếu phát ra (170)" },
        {
          path: "invalid",
          message: "Số phiếu hợp lệ (168) cộng số phiếu không hợp lệ (2) khác số phiếu thu vào (171)",
        },
      ],
    });
    const view = await getVillageElection(db, ALL_SCOPE, dayId, vid);
    expect(view.ok && view.value.rounds).toEqual([]);
  });

  it("hides villages outside the officer's scope", async () => {
    const campha: Scope = { kind: "subtrees", paths: [`${id("QN")}.${id("QN.CP")}`] };
    const r = await recordVillageRound(
      db,
      officer,
      campha,
      dayId,
      villageIds.get("V.HONGGAI.KP2")!,
      meeting(),
    );
    expect(r.ok ? null : r.error.status).toBe(404);
  });

  it("sends a failed village to re-election, then an interim head after a second failure", async () => {
    const vid = villageIds.get("V.HONGGAI.KP2")!;
    // 100 of 200 is exactly half: not more than half of all household representatives.
    const first = await recordVillageRound(
      db,
      officer,
      ALL_SCOPE,
      dayId,
      vid,
      meeting({ candidates: [candidate("Ngô Văn Hải", 100), candidate("Lý Văn Hùng", 68)] }),
    );
    expect(first.ok && first.value.result?.status).toBe("re-election-needed");
    const dash = await getVillageDashboard(db, ALL_SCOPE, dayId, null);
    expect(dash.ok && dash.value.dashboard.reElectionList.map((v) => v.villageId)).toEqual([vid]);
    const second = await recordVillageRound(
      db,
      officer,
      ALL_SCOPE,
      dayId,
      vid,
      meeting({
        attempt: 2,
        heldOn: "2020-01-12",
        present: 90,
        proceduralVotes: null,
        issued: null,
        collected: null,
        valid: null,
        invalid: null,
        candidates: [candidate("Ngô Văn Hải", 0)],
      }),
    );
    expect(second.ok && second.value.result?.status).toBe("interim-needed");
    const third = await recordVillageRound(db, officer, ALL_SCOPE, dayId, vid, meeting({ attempt: 2 }));
    expect(third.ok ? null : third.error.code).toBe("VILLAGE_ROUND_RECORDED");
    const appointed = await appointInterimHead(db, officer, ALL_SCOPE, dayId, vid, {
      fullName: "Ngô Văn Hải",
      personId: null,
      gender: "male",
      birthDate: "1970-06-01",
      ethnicity: "Kinh",
      appointedOn: "2020-01-15",
      decisionNumber: "12/QĐ-UBND",
    });
    expect(appointed.ok && appointed.value.result?.status).toBe("interim-appointed");
    expect(appointed.ok && appointed.value.result?.explanation).toContain(
      "làm trưởng khu phố lâm thời (Quyết định 12/QĐ-UBND, ngày 15/01/2020)",
    );
  });

  it("links an existing person and shows whether the branch secretary is the village head", async () => {
    const person = await createPerson(db, officer, ALL_SCOPE, {
      fullName: "Trần Văn Bình",
      gender: "male",
      birthDate: "1968-02-02",
      ethnicity: "Kinh",
      hometown: { province: { code: "QN", name: "Quảng Ninh" }, district: null, commune: null },
      membership: { status: "official", joinedOn: "1995-01-01", officialOn: "1996-01-01" },
      posts: [
        {
          kind: "secretary",
          orgId: id("QN.HL.BACHDANG.KP1"),
          villageCode: null,
          term: "2020–2022",
          title: null,
          start: "2020-01-18",
          end: null,
        },
      ],
    });
    if (!person.ok) throw new Error(person.error.message);
    const vid = villageIds.get("V.BACHDANG.KP1")!;
    const r = await recordVillageRound(
      db,
      officer,
      ALL_SCOPE,
      dayId,
      vid,
      meeting({
        candidates: [candidate("Trần Văn Bình", 160, { personId: person.value.person.id, birthDate: null })],
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Not the head until the commune recognises the result.
    expect(r.value.link.heads).toEqual([]);
    const recognised = await recogniseVillageHead(
      db,
      officer,
      ALL_SCOPE,
      dayId,
      vid,
      {
        decisionNumber: "03/QĐ-UBND",
        recognisedOn: "2020-01-07",
        recognisedBy: "Chủ tịch UBND phường Bạch Đằng",
      },
      "2020-02-01",
    );
    expect(recognised.ok).toBe(true);
    if (!recognised.ok) return;
    expect(recognised.value.link.secretaryIsHead).toBe(true);
    expect(recognised.value.link.heads).toEqual([
      { personId: person.value.person.id, name: "Trần Văn Bình" },
    ]);
  });
});

describe("the legal steps and the dashboard", () => {
  it("keeps each commune's dates and marks them against the election day", async () => {
    const r = await setCommuneSteps(db, officer, ALL_SCOPE, dayId, id("QN.HL.HONGGAI"), {
      decisionOn: "2019-12-10",
      teamOn: "2019-12-27",
      noticeOn: null,
    });
    expect(r.ok).toBe(true);
    const c = await getChecklist(db, ALL_SCOPE, dayId, id("QN.HL"), "2020-01-02");
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const hg = c.value.communes.find((x) => x.communeId === id("QN.HL.HONGGAI"))!;
    expect(hg.steps.map((s) => s.status)).toEqual(["done", "late", "late"]);
    const bad = await setCommuneSteps(db, officer, ALL_SCOPE, dayId, id("QN.HL.HONGGAI"), {
      decisionOn: "2020-01-06",
      teamOn: null,
      noticeOn: null,
    });
    expect(bad.ok ? null : bad.error.message).toBe(
      "Ngày 06/01/2020 sau ngày bầu 05/01/2020: các bước phải làm trước ngày bầu",
    );
  });

  it("aggregates reported villages by district and commune", async () => {
    const d = await getVillageDashboard(db, ALL_SCOPE, dayId, null);
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.dashboard).toMatchObject({ total: 4, reported: 3, elected: 2, interimAppointed: 1 });
    expect(d.value.dashboard.byDistrict.map((r) => [r.reported, r.total])).toEqual([
      [0, 1],
      [3, 3],
    ]);
  });
});

describe("importVillageRounds", () => {
  it("writes nothing when any row is wrong, and names the row and field", async () => {
    const r = await importVillageRounds(
      db,
      officer,
      ALL_SCOPE,
      dayId,
      [
        { rowNumber: 2, villageCode: "V.CONGHOA.T1", meeting: meeting() },
        { rowNumber: 3, villageCode: "V.KHONGCO", meeting: meeting() },
      ],
      { dryRun: false, today: "2020-02-01" },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect((r.error.details as { issues: unknown[] }).issues).toEqual([
      {
        row: 3,
        field: "villageCode",
        message: 'Không tìm thấy thôn, khu phố mã "V.KHONGCO" trong phạm vi của bạn',
      },
    ]);
    const v = await getVillageElection(db, ALL_SCOPE, dayId, villageIds.get("V.CONGHOA.T1")!);
    expect(v.ok && v.value.rounds).toEqual([]);
  });

  it("checks without writing on a dry run, then writes", async () => {
    const rows = [{ rowNumber: 2, villageCode: "V.CONGHOA.T1", meeting: meeting() }];
    const dry = await importVillageRounds(db, officer, ALL_SCOPE, dayId, rows, {
      dryRun: true,
      today: "2020-02-01",
    });
    expect(dry.ok && dry.value).toEqual({ rows: 1, elected: 1, reElection: 0, unchanged: 0 });
    const v = await getVillageElection(db, ALL_SCOPE, dayId, villageIds.get("V.CONGHOA.T1")!);
    expect(v.ok && v.value.rounds).toEqual([]);
    const real = await importVillageRounds(db, officer, ALL_SCOPE, dayId, rows, {
      dryRun: false,
      today: "2020-02-01",
    });
    expect(real.ok && real.value).toEqual({ rows: 1, elected: 1, reElection: 0, unchanged: 0 });
    const again = await importVillageRounds(db, officer, ALL_SCOPE, dayId, rows, {
      dryRun: false,
      today: "2020-02-01",
    });
    expect(again.ok && again.value).toEqual({ rows: 1, elected: 0, reElection: 0, unchanged: 1 });
  });
});
