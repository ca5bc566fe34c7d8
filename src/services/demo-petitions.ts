/**
 * A handful of synthetic letters (đơn thư) in the demo province, through the same services users
 * call: an open denunciation about the Hạ Long secretary bearing on Hạ Long's congress (the
 * candidate is flagged), an anonymous denunciation recorded only, a complaint settled and its
 * sender notified, an overdue report, and a recent recommendation still within its period.
 */
import { type Actor, SYSTEM_ACTOR } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { findSeasonByCode } from "../db/repositories/congresses.ts";
import { orgIdsByCode } from "../db/repositories/organisations.ts";
import { findCongressRef, findPostHolder } from "../db/repositories/petitions.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import type { Result } from "../domain/basics/result.ts";
import { addDays } from "../domain/congress/calendar.ts";
import type { AppError } from "./errors.ts";
import {
  addPetitionStep,
  assignPetition,
  concludePetition,
  notifyPetitionSender,
  registerPetition,
  triagePetition,
} from "./petitions.ts";

function must<T>(r: Result<T, AppError>, what: string): T {
  if (!r.ok) throw new Error(`demo letter ${what}: ${r.error.message}`);
  return r.value;
}

export async function seedDemoPetitions(
  db: Db,
  actor: Actor = SYSTEM_ACTOR,
  today = new Date().toISOString().slice(0, 10),
): Promise<number> {
  const ids = await orgIdsByCode(db);
  const hl = ids.get("QN.HL");
  const cp = ids.get("QN.CP");
  const season = await findSeasonByCode(db, "2020-2025");
  if (!hl || !cp || !season) return 0;
  const hlCongress = await findCongressRef(db, ALL_SCOPE, { seasonId: season.id, orgId: hl });
  const hlSecretary = await findPostHolder(db, hl, "secretary");
  const cpSecretary = await findPostHolder(db, cp, "secretary");
  const base = {
    channel: "post" as const,
    senderType: "member" as const,
    senderIdentity: "identified" as const,
    senderAddress: null,
    congressId: null,
    concernsPersonnel: false,
    orgIds: [] as number[],
  };
  let n = 0;

  // 1. A denunciation about a candidate: open, bearing on Hạ Long's congress, about its personnel.
  const d = must(
    await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      {
        ...base,
        orgId: hl,
        receivedOn: hlCongress ? addDays(hlCongress.opensOn, -20) : addDays(today, -10),
        senderName: "Nguyễn Văn Tâm",
        senderAddress: "phường Hồng Gai, Hạ Long",
        kind: "denunciation",
        summary:
          "Tố cáo đồng chí được giới thiệu tái cử kê khai tài sản, thu nhập chưa trung thực (thửa đất tại phường Hà Khánh)",
        congressId: hlCongress?.id ?? null,
        concernsPersonnel: Boolean(hlCongress && hlSecretary),
        personIds: hlSecretary ? [hlSecretary] : [],
      },
      today,
    ),
    "denunciation",
  );
  const did = d.petition.id;
  must(
    await triagePetition(
      db,
      actor,
      ALL_SCOPE,
      did,
      { competentBody: "inspection_commission", process: true, duplicateOf: null },
      today,
    ),
    "triage",
  );
  must(
    await assignPetition(
      db,
      actor,
      ALL_SCOPE,
      did,
      { assigneeName: "Đ/c Trần Minh Kiểm (UBKT Tỉnh ủy)", deadline: null },
      today,
    ),
    "assign",
  );
  n++;

  // 2. An anonymous denunciation: recorded, never processed (the default setting).
  must(
    await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      {
        ...base,
        orgId: cp,
        receivedOn: addDays(today, -40),
        channel: "mailbox",
        senderType: "citizen",
        senderIdentity: "anonymous",
        senderName: null,
        kind: "denunciation",
        summary: "Thư không ký tên tố cáo cán bộ phường có biểu hiện cục bộ trong công tác cán bộ",
        personIds: cpSecretary ? [cpSecretary] : [],
      },
      today,
    ),
    "anonymous",
  );
  n++;

  // 3. A complaint settled and its sender notified.
  const c = must(
    await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      {
        ...base,
        orgId: cp,
        receivedOn: addDays(today, -90),
        senderName: "Lê Thị Hoa",
        kind: "complaint",
        summary: "Khiếu nại việc không được giới thiệu vào danh sách bầu cử ban chấp hành chi bộ",
        personIds: [],
        orgIds: [cp],
      },
      today,
    ),
    "complaint",
  );
  must(
    await triagePetition(
      db,
      actor,
      ALL_SCOPE,
      c.petition.id,
      { competentBody: "organisation_board", process: true, duplicateOf: null },
      today,
    ),
    "triage",
  );
  must(
    await assignPetition(
      db,
      actor,
      ALL_SCOPE,
      c.petition.id,
      { assigneeName: "Đ/c Phạm Thu Hà (Ban Tổ chức)", deadline: null },
      today,
    ),
    "assign",
  );
  must(
    await addPetitionStep(
      db,
      actor,
      ALL_SCOPE,
      c.petition.id,
      { on: addDays(today, -80), description: "Làm việc với cấp ủy chi bộ và người khiếu nại" },
      today,
    ),
    "step",
  );
  must(
    await concludePetition(
      db,
      actor,
      ALL_SCOPE,
      c.petition.id,
      {
        conclusion: "partly_founded",
        conclusionText: "Quy trình giới thiệu đúng quy định; việc thông tin cho đảng viên chưa kịp thời",
        concludedOn: addDays(today, -70),
      },
      today,
    ),
    "conclude",
  );
  must(
    await notifyPetitionSender(
      db,
      actor,
      ALL_SCOPE,
      c.petition.id,
      { noticeOn: addDays(today, -68), noticeText: "Văn bản trả lời số 15-CV/BTC" },
      today,
    ),
    "notify",
  );
  n++;

  // 4. A report past its deadline.
  const r = must(
    await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      {
        ...base,
        orgId: hl,
        receivedOn: addDays(today, -75),
        senderType: "citizen",
        senderName: "Đỗ Văn Bình",
        kind: "report",
        summary: "Phản ánh việc chậm công khai danh sách nhân sự dự kiến tại đảng bộ phường",
        personIds: [],
      },
      today,
    ),
    "report",
  );
  must(
    await triagePetition(
      db,
      actor,
      ALL_SCOPE,
      r.petition.id,
      { competentBody: "standing_committee", process: true, duplicateOf: null },
      today,
    ),
    "triage",
  );
  n++;

  // 5. A recent recommendation, within its period.
  must(
    await registerPetition(
      db,
      actor,
      ALL_SCOPE,
      {
        ...base,
        orgId: hl,
        receivedOn: addDays(today, -3),
        channel: "electronic",
        senderName: "Vũ Thị Lan",
        kind: "recommendation",
        summary: "Kiến nghị bố trí thêm thời gian thảo luận văn kiện tại đại hội",
        personIds: [],
      },
      today,
    ),
    "recommendation",
  );
  n++;
  return n;
}
