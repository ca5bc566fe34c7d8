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
import { ALL_SCOPE, type Scope } from "../db/repositories/scope.ts";
import type { Result } from "../domain/basics/result.ts";
import { addDays } from "../domain/congress/calendar.ts";
import type { AppError } from "./errors.ts";
import {
  addPetitionStep,
  assignPetition,
  concludePetition,
  notifyPetitionSender,
  type PetitionDetail,
  type RegisterPetitionInput,
  registerPetition,
  triagePetition,
} from "./petitions/index.ts";

type PetitionStep<I> = (
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: I,
  today: string,
) => Promise<Result<PetitionDetail, AppError>>;

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
  /** The demo's calls: the whole province in scope, dated today; a failure stops the seed. */
  const register = async (what: string, input: RegisterPetitionInput) =>
    must(await registerPetition(db, actor, ALL_SCOPE, input, today), what);
  const act = async <I>(what: string, step: PetitionStep<I>, id: number, input: NoInfer<I>) =>
    must(await step(db, actor, ALL_SCOPE, id, input, today), what);
  let n = 0;

  // 1. A denunciation about a candidate: open, bearing on Hạ Long's congress, about its personnel.
  const d = await register("denunciation", {
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
  });
  const did = d.petition.id;
  await act("triage", triagePetition, did, {
    competentBody: "inspection_commission",
    process: true,
    duplicateOf: null,
  });
  await act("assign", assignPetition, did, {
    assigneeName: "Đ/c Trần Minh Kiểm (UBKT Tỉnh ủy)",
    deadline: null,
  });
  n++;

  // 2. An anonymous denunciation: recorded, never processed (the default setting).
  await register("anonymous", {
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
  });
  n++;

  // 3. A complaint settled and its sender notified.
  const c = await register("complaint", {
    ...base,
    orgId: cp,
    receivedOn: addDays(today, -90),
    senderName: "Lê Thị Hoa",
    kind: "complaint",
    summary: "Khiếu nại việc không được giới thiệu vào danh sách bầu cử ban chấp hành chi bộ",
    personIds: [],
    orgIds: [cp],
  });
  await act("triage", triagePetition, c.petition.id, {
    competentBody: "organisation_board",
    process: true,
    duplicateOf: null,
  });
  await act("assign", assignPetition, c.petition.id, {
    assigneeName: "Đ/c Phạm Thu Hà (Ban Tổ chức)",
    deadline: null,
  });
  await act("step", addPetitionStep, c.petition.id, {
    on: addDays(today, -80),
    description: "Làm việc với cấp ủy chi bộ và người khiếu nại",
  });
  await act("conclude", concludePetition, c.petition.id, {
    conclusion: "partly_founded",
    conclusionText: "Quy trình giới thiệu đúng quy định; việc thông tin cho đảng viên chưa kịp thời",
    concludedOn: addDays(today, -70),
  });
  await act("notify", notifyPetitionSender, c.petition.id, {
    noticeOn: addDays(today, -68),
    noticeText: "Văn bản trả lời số 15-CV/BTC",
  });
  n++;

  // 4. A report past its deadline.
  const r = await register("report", {
    ...base,
    orgId: hl,
    receivedOn: addDays(today, -75),
    senderType: "citizen",
    senderName: "Đỗ Văn Bình",
    kind: "report",
    summary: "Phản ánh việc chậm công khai danh sách nhân sự dự kiến tại đảng bộ phường",
    personIds: [],
  });
  await act("triage", triagePetition, r.petition.id, {
    competentBody: "standing_committee",
    process: true,
    duplicateOf: null,
  });
  n++;

  // 5. A recent recommendation, within its period.
  await register("recommendation", {
    ...base,
    orgId: hl,
    receivedOn: addDays(today, -3),
    channel: "electronic",
    senderName: "Vũ Thị Lan",
    kind: "recommendation",
    summary: "Kiến nghị bố trí thêm thời gian thảo luận văn kiện tại đại hội",
    personIds: [],
  });
  n++;
  return n;
}
