/**
 * Letters (đơn thư) through the services on a real database: the done-means story (a denunciation
 * about a candidate flags them until it is settled), the record-only rule and its setting, the
 * transitions and date checks, attachments checked by their bytes, the scope, and the audit.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realPdf, realPng } from "../../test/attachments.ts";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { seedSmallProvince, seedSmallSeason } from "../../test/factories.ts";
import { type Actor, SYSTEM_ACTOR } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { ALL_SCOPE, type Scope } from "../db/repositories/scope.ts";
import { auditLog, congress } from "../db/schema.ts";
import { DEFAULT_PETITION_SETTINGS } from "../domain/complaints/index.ts";
import { accessFromGrants } from "./access.ts";
import { changeCongress } from "./congresses/index.ts";
import { createPerson } from "./people.ts";
import {
  addPetitionAttachment,
  addPetitionStep,
  assignPetition,
  complaintFlagsForCongress,
  concludePetition,
  congressPetitions,
  exportPetitionRegister,
  getAttachment,
  getPetition,
  listPetitionRegister,
  notifyPetitionSender,
  openCasesConcerningPeople,
  petitionDashboard,
  type RegisterPetitionInput,
  registerPetition,
  sniffAttachmentType,
  triagePetition,
  updatePetitionSettings,
} from "./petitions/index.ts";

const actor: Actor = { userId: null, label: "thanh tra kiểm thử" };
const TODAY = "2020-06-10";

/** A change to a letter by the test's actor, over the whole province, dated TODAY. */
const change = <I, R>(
  call: (db: Db, actor: Actor, scope: Scope, id: number, input: I, today: string) => Promise<R>,
  id: number,
  input: NoInfer<I>,
): Promise<R> => call(db, actor, ALL_SCOPE, id, input, TODAY);
let t: TestDatabase;
let db: Db;
let ids: Map<string, number>;
let congressId: number;
let seasonId: number;
const hlCongress = () => ({ seasonId, orgId: id("QN.HL") });
let candidate: number;
let other: number;
const id = (code: string) => ids.get(code)!;
const hlScope = (): Scope => ({ kind: "subtrees", paths: [pathOf("QN.HL")] });
const paths = new Map<string, string>();
const pathOf = (code: string) => paths.get(code)!;

async function person(name: string, orgCode: string): Promise<number> {
  const r = await createPerson(db, SYSTEM_ACTOR, ALL_SCOPE, {
    fullName: name,
    gender: "male",
    birthDate: "1970-01-01",
    ethnicity: "Kinh",
    hometown: { province: { code: "QN", name: "Quảng Ninh" }, district: null, commune: null },
    membership: null,
    posts: [
      {
        kind: "secretary",
        orgId: id(orgCode),
        villageCode: null,
        term: "2015–2020",
        title: null,
        start: "2015-06-01",
        end: null,
      },
    ],
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.person.id;
}

const denunciation = (over: Partial<RegisterPetitionInput> = {}): RegisterPetitionInput => ({
  orgId: id("QN.HL"),
  receivedOn: "2020-06-01",
  channel: "post",
  senderType: "member",
  senderIdentity: "identified",
  senderName: "Trần Văn Gửi",
  senderAddress: "Hạ Long",
  kind: "denunciation",
  summary: "Tố cáo ông Bí thư kê khai tài sản không trung thực",
  congressId,
  concernsPersonnel: true,
  personIds: [candidate],
  orgIds: [],
  ...over,
});

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  ids = await seedSmallProvince(db);
  seasonId = await seedSmallSeason(db, ids);
  const { organisation } = await import("../db/schema.ts");
  for (const o of await db.select().from(organisation)) paths.set(o.code, o.path);
  const plan = {
    type: "delegates" as const,
    pilot: false,
    plannedStart: "2020-07-20",
    plannedEnd: "2020-07-22",
    venue: null,
    contactName: null,
    contactPhone: null,
  };
  const r = await changeCongress(
    db,
    SYSTEM_ACTOR,
    ALL_SCOPE,
    seasonId,
    id("QN.HL"),
    { kind: "plan", plan },
    "2020-06-01",
  );
  if (!r.ok) throw new Error(r.error.message);
  congressId = (
    await db
      .select({ id: congress.id })
      .from(congress)
      .where(and(eq(congress.seasonId, seasonId), eq(congress.orgId, id("QN.HL"))))
  )[0]!.id;
  candidate = await person("Nguyễn Văn Ứng Viên", "QN.HL.HONGGAI");
  other = await person("Lê Văn Khác", "QN.HL.HONGGAI");
});
afterAll(async () => t.cleanup());

describe("a denunciation about a candidate", () => {
  it("flags the candidate until it is settled with a conclusion, then the flag clears", async () => {
    const reg = await registerPetition(db, actor, ALL_SCOPE, denunciation(), TODAY);
    expect(reg.ok).toBe(true);
    if (!reg.ok) return;
    const pid = reg.value.petition.id;
    expect(reg.value.petition.status).toBe("received");
    expect(reg.value.petition.code).toBe(`DT${String(pid).padStart(6, "0")}`);
    expect(reg.value.subjects.map((s) => s.personName)).toEqual(["Nguyễn Văn Ứng Viên"]);

    let flags = await openCasesConcerningPeople(db, [candidate, other], { congressId });
    expect(flags).toEqual([
      { personId: candidate, flagged: true, openCases: 1, openCasesOnCongress: 1 },
      { personId: other, flagged: false, openCases: 0, openCasesOnCongress: 0 },
    ]);

    const tri = await change(triagePetition, pid, {
      competentBody: "inspection_commission",
      process: true,
      duplicateOf: null,
    });
    expect(tri.ok && tri.value.petition.status).toBe("triaged");
    // The congress opens on 20/07/2020: settled 5 days before, earlier than 60 days from receipt.
    expect(tri.ok && tri.value.petition.deadline).toBe("2020-07-15");
    expect(tri.ok && tri.value.petition.deadlineRule).toContain("20/07/2020");

    const asg = await change(assignPetition, pid, { assigneeName: "Đ/c Phạm Kiểm Tra", deadline: null });
    expect(asg.ok && asg.value.petition.status).toBe("in_handling");
    const step = await change(addPetitionStep, pid, {
      on: "2020-06-05",
      description: "Làm việc với người bị tố cáo",
    });
    expect(step.ok && step.value.steps.map((s) => s.description)).toEqual(["Làm việc với người bị tố cáo"]);

    const early = await change(notifyPetitionSender, pid, { noticeOn: "2020-06-09", noticeText: "x" });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toContain("Đang giải quyết");

    flags = await openCasesConcerningPeople(db, [candidate], { congressId });
    expect(flags[0]!.flagged).toBe(true);
    const con = await change(concludePetition, pid, {
      conclusion: "unfounded",
      conclusionText: "Nội dung tố cáo không đúng",
      concludedOn: "2020-06-09",
    });
    expect(con.ok && con.value.petition.status).toBe("concluded");
    flags = await openCasesConcerningPeople(db, [candidate], { congressId });
    expect(flags[0]).toEqual({ personId: candidate, flagged: false, openCases: 0, openCasesOnCongress: 0 });

    const note = await change(notifyPetitionSender, pid, {
      noticeOn: "2020-06-10",
      noticeText: "Đã trả lời",
    });
    expect(note.ok && note.value.petition.status).toBe("notified");

    const entries = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(pid)))
      .orderBy(asc(auditLog.id));
    expect(entries.filter((e) => e.entity === "petition").map((e) => e.action)).toEqual([
      "petition.register",
      "petition.triage",
      "petition.start",
      "petition.conclude",
      "petition.notify",
    ]);
    // Content stays out of the organisations' histories that plain officers read.
    expect(entries.filter((e) => e.entity.startsWith("petition")).every((e) => e.orgId === null)).toBe(true);
  });
});

describe("recorded only", () => {
  it("an anonymous denunciation is recorded, never processed, while the setting is on", async () => {
    const r = await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      denunciation({ senderIdentity: "anonymous", senderName: "bỏ qua" }),
      TODAY,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.petition.status).toBe("recorded_only");
    expect(r.value.petition.senderName).toBeNull();
    const flags = await openCasesConcerningPeople(db, [candidate]);
    expect(flags[0]!.flagged).toBe(false);
    const tri = await change(triagePetition, r.value.petition.id, {
      competentBody: "inspection_commission",
      process: true,
      duplicateOf: null,
    });
    expect(tri.ok).toBe(false);
    const assign = await change(assignPetition, r.value.petition.id, { assigneeName: "A", deadline: null });
    expect(assign.ok).toBe(false);
  });

  it("with the setting off, a falsely named denunciation is processed; the change is audited", async () => {
    const s = await updatePetitionSettings(db, actor, {
      ...DEFAULT_PETITION_SETTINGS,
      recordOnlyUnidentifiedDenunciations: false,
    });
    expect(s.ok).toBe(true);
    const r = await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      denunciation({ senderIdentity: "false_name" }),
      TODAY,
    );
    expect(r.ok && r.value.petition.status).toBe("received");
    await updatePetitionSettings(db, actor, DEFAULT_PETITION_SETTINGS);
    const audits = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, "petition_settings"))
      .orderBy(asc(auditLog.id));
    expect(audits).toHaveLength(2);
    expect(audits[0]!.after).toMatchObject({ recordOnlyUnidentifiedDenunciations: false });
    const bad = await updatePetitionSettings(db, actor, {
      ...DEFAULT_PETITION_SETTINGS,
      handlingDays: { ...DEFAULT_PETITION_SETTINGS.handlingDays, complaint: 0 },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe("Thời hạn giải quyết đơn khiếu nại phải từ 1 đến 365 ngày");
  });
});

describe("checks", () => {
  it("refuses bad input with a Vietnamese message and writes nothing", async () => {
    const before = (await listPetitionRegister(db, ALL_SCOPE, {}, null, TODAY)).ok;
    expect(before).toBe(true);
    const count = async () => {
      const l = await listPetitionRegister(db, ALL_SCOPE, {}, null, TODAY);
      return l.ok ? l.value.total : -1;
    };
    const n = await count();
    const future = await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      denunciation({ receivedOn: "2020-06-11" }),
      TODAY,
    );
    expect(future.ok || future.error.message).toBe("Ngày nhận đơn (11/06/2020) sau ngày hôm nay");
    const noName = await registerPetition(db, actor, ALL_SCOPE, denunciation({ senderName: null }), TODAY);
    expect(noName.ok).toBe(false);
    const nobody = await registerPetition(db, actor, ALL_SCOPE, denunciation({ personIds: [999999] }), TODAY);
    expect(nobody.ok || nobody.error.code).toBe("NOT_FOUND");
    const outside = await registerPetition(
      db,
      actor,
      hlScope(),
      denunciation({ orgId: id("QN.CP"), congressId: null, concernsPersonnel: false }),
      TODAY,
    );
    expect(outside.ok || outside.error.code).toBe("NOT_FOUND");
    expect(await count()).toBe(n);
  });

  it("keeps letters outside a scope invisible (404)", async () => {
    const r = await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      denunciation({ orgId: id("QN.CP"), congressId: null, concernsPersonnel: false, kind: "complaint" }),
      TODAY,
    );
    if (!r.ok) throw new Error(r.error.message);
    const seen = await getPetition(db, hlScope(), r.value.petition.id, TODAY);
    expect(seen.ok || seen.error.status).toBe(404);
    const list = await listPetitionRegister(db, hlScope(), {}, null, TODAY);
    expect(list.ok && list.value.items.some((i) => i.petition.orgId === id("QN.CP"))).toBe(false);
  });

  it("accepts PDF, JPEG and PNG by their bytes only", async () => {
    const r = await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      denunciation({ kind: "report", concernsPersonnel: false }),
      TODAY,
    );
    if (!r.ok) throw new Error(r.error.message);
    const pid = r.value.petition.id;
    const pdf = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj\n");
    expect(sniffAttachmentType(pdf)).toBe("application/pdf");
    expect(sniffAttachmentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      "image/png",
    );
    expect(sniffAttachmentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    const fake = await addPetitionAttachment(db, actor, ALL_SCOPE, pid, {
      fileName: "don.pdf",
      data: new TextEncoder().encode("MZ not a pdf"),
    });
    expect(fake.ok || fake.error.code).toBe("ATTACHMENT_TYPE");
    const big = await addPetitionAttachment(db, actor, ALL_SCOPE, pid, {
      fileName: "lon.pdf",
      data: new Uint8Array(10 * 1024 * 1024 + 1),
    });
    expect(big.ok || big.error.status).toBe(413);
    // The first bytes are not enough: an 8-byte "PNG" and a 20-byte "PDF" do not decode (issue 20 item 11).
    for (const [fileName, data] of [
      ["anh.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
      ["don.pdf", pdf],
    ] as const) {
      const hollow = await addPetitionAttachment(db, actor, ALL_SCOPE, pid, { fileName, data });
      expect(hollow.ok || [hollow.error.code, hollow.error.status]).toEqual(["ATTACHMENT_UNREADABLE", 422]);
      expect(hollow.ok || hollow.error.message).toContain(`Tệp "${fileName}" có phần đầu của`);
    }
    const png = await addPetitionAttachment(db, actor, ALL_SCOPE, pid, {
      fileName: "anh.png",
      data: await realPng(),
    });
    expect(png.ok && png.value.contentType).toBe("image/png");
    const real = realPdf();
    const a = await addPetitionAttachment(db, actor, ALL_SCOPE, pid, { fileName: "Đơn thư.pdf", data: real });
    if (!a.ok) throw new Error(a.error.message);
    const back = await getAttachment(db, ALL_SCOPE, pid, a.value.id);
    expect(back.ok && Buffer.from(back.value.data).equals(Buffer.from(real))).toBe(true);
    expect(back.ok && back.value.contentType).toBe("application/pdf");
    const hidden = await getAttachment(db, { kind: "subtrees", paths: [pathOf("QN.CP")] }, pid, a.value.id);
    expect(hidden.ok).toBe(false);
  });
});

describe("the congress page, flags and the dashboard", () => {
  it("shows content only to petitions grants; the count to anyone who sees the congress", async () => {
    const r = await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      denunciation({ summary: "Tố cáo ông Bí thư kê khai tài sản sai" }),
      TODAY,
    );
    if (!r.ok) throw new Error(r.error.message);
    const plain = accessFromGrants([{ role: "officer", orgPath: pathOf("QN.HL"), petitions: false }]);
    const inspector = accessFromGrants([{ role: "officer", orgPath: pathOf("QN.HL"), petitions: true }]);
    const outsider = accessFromGrants([{ role: "officer", orgPath: pathOf("QN.CP"), petitions: true }]);
    const forPlain = await congressPetitions(db, plain, hlCongress(), TODAY);
    expect(forPlain.ok && forPlain.value.items).toBeNull();
    expect(forPlain.ok && forPlain.value.openCount).toBeGreaterThan(0);
    const forInspector = await congressPetitions(db, inspector, hlCongress(), TODAY);
    expect(forInspector.ok && forInspector.value.items?.map((i) => i.petition.id)).toContain(
      r.value.petition.id,
    );
    const forOutsider = await congressPetitions(db, outsider, hlCongress(), TODAY);
    expect(forOutsider.ok || forOutsider.error.status).toBe(404);
    const flags = await complaintFlagsForCongress(db, plain, congressId, [candidate, other]);
    expect(flags.ok && flags.value.map((f) => f.flagged)).toEqual([true, false]);
    expect(JSON.stringify(flags)).not.toContain("kê khai");

    // Same person, similar summary: suggested as a duplicate of the earlier letters.
    const detail = await getPetition(db, ALL_SCOPE, r.value.petition.id, TODAY);
    expect(detail.ok && detail.value.duplicateSuggestions.length).toBeGreaterThan(0);
  });

  it("counts open, settled, recorded-only and overdue by kind and child organisation", async () => {
    const late = await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      denunciation({
        kind: "complaint",
        receivedOn: "2020-03-01",
        concernsPersonnel: false,
        congressId: null,
      }),
      TODAY,
    );
    if (!late.ok) throw new Error(late.error.message);
    await change(triagePetition, late.value.petition.id, {
      competentBody: "organisation_board",
      process: true,
      duplicateOf: null,
    });
    const d = await petitionDashboard(db, ALL_SCOPE, id("QN"), TODAY);
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.total.overdue).toBe(1);
    expect(d.value.overdueList.map((i) => i.petition.id)).toEqual([late.value.petition.id]);
    // Received 01/03/2020 + 30 days = 31/03/2020; 71 days before 10/06/2020.
    expect(d.value.overdueList[0]!.overdueDays).toBe(71);
    expect(d.value.total.settled).toBe(1);
    expect(d.value.total.recordedOnly).toBe(1);
    expect(d.value.byOrg.map((o) => d.value.orgNames.get(o.orgId))).toEqual([
      "Đảng bộ thành phố Hạ Long",
      "Đảng bộ thành phố Cẩm Phả",
    ]);
    expect(d.value.personnelUpcoming).toBeGreaterThan(0);
    const xlsx = await exportPetitionRegister(db, ALL_SCOPE, { status: "open" }, TODAY);
    expect(xlsx.ok && xlsx.value.byteLength).toBeGreaterThan(1000);
  });
});
