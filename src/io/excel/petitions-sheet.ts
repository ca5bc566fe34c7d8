/** The register of letters (đơn thư) as a spreadsheet. */
import ExcelJS from "exceljs";
import {
  CHANNEL_LABELS,
  type Channel,
  COMPETENT_BODY_LABELS,
  CONCLUSION_LABELS,
  type CompetentBody,
  type Conclusion,
  PETITION_KIND_LABELS,
  PETITION_STATUS_LABELS,
  type PetitionKind,
  type PetitionStatus,
  SENDER_IDENTITY_LABELS,
  SENDER_TYPE_LABELS,
  type SenderIdentity,
  type SenderType,
} from "../../domain/complaints/types.ts";
import { formatDate } from "../../domain/format/date.ts";

export interface PetitionSheetRow {
  readonly code: string;
  readonly receivedOn: string;
  readonly channel: Channel;
  readonly senderType: SenderType;
  readonly senderIdentity: SenderIdentity;
  readonly senderName: string | null;
  readonly kind: PetitionKind;
  readonly summary: string;
  readonly subjects: string;
  readonly orgName: string;
  readonly congressOrgName: string | null;
  readonly competentBody: CompetentBody | null;
  readonly assigneeName: string | null;
  readonly deadline: string | null;
  readonly status: PetitionStatus;
  readonly overdueDays: number;
  readonly conclusion: Conclusion | null;
  readonly concludedOn: string | null;
  readonly noticeOn: string | null;
}

export const PETITIONS_SHEET = "DonThu";

export async function writePetitionsSheet(
  rows: Iterable<PetitionSheetRow>,
  title: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(PETITIONS_SHEET, { views: [{ state: "frozen", ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 13 };
  const headers: [string, number][] = [
    ["Số", 10],
    ["Ngày nhận", 12],
    ["Nguồn", 22],
    ["Người gửi", 12],
    ["Danh tính", 16],
    ["Họ tên người gửi", 22],
    ["Loại đơn", 12],
    ["Nội dung tóm tắt", 48],
    ["Người, tổ chức bị phản ánh", 32],
    ["Đơn vị", 30],
    ["Đại hội liên quan", 30],
    ["Cơ quan có thẩm quyền", 22],
    ["Người xử lý", 20],
    ["Thời hạn", 12],
    ["Trạng thái", 18],
    ["Số ngày quá hạn", 10],
    ["Kết luận", 14],
    ["Ngày kết luận", 12],
    ["Ngày thông báo", 12],
  ];
  ws.addRow(headers.map((h) => h[0])).font = { bold: true };
  ws.columns = headers.map(([, width]) => ({ width }));
  const d = (v: string | null) => (v ? formatDate(v) : "");
  for (const r of rows) {
    ws.addRow([
      r.code,
      formatDate(r.receivedOn),
      CHANNEL_LABELS[r.channel],
      SENDER_TYPE_LABELS[r.senderType],
      SENDER_IDENTITY_LABELS[r.senderIdentity],
      r.senderName ?? "",
      PETITION_KIND_LABELS[r.kind],
      r.summary,
      r.subjects,
      r.orgName,
      r.congressOrgName ?? "",
      r.competentBody ? COMPETENT_BODY_LABELS[r.competentBody] : "",
      r.assigneeName ?? "",
      d(r.deadline),
      PETITION_STATUS_LABELS[r.status],
      r.overdueDays || "",
      r.conclusion ? CONCLUSION_LABELS[r.conclusion] : "",
      d(r.concludedOn),
      d(r.noticeOn),
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
