/**
 * The printed ballot (phiếu bầu cử), laid out like a real Party ballot: the congress's heading on the
 * left and "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, "PHIẾU BẦU CỬ" and what is elected, the number to
 * elect, the list in ballot order with its numbers, and the note telling the voter how to mark it.
 * A cross-out ballot has one column of names; an agree/disagree ballot has the two boxes per row.
 * Only the sheets are printed (print stylesheet), each on its own page.
 */
import type { BallotKind } from "../../../domain/election/index.ts";
import { formatNumber } from "../../../domain/format/number.ts";

export interface BallotSheetProps {
  /** The organisation holding the congress, upper-case on the ballot ("ĐẢNG BỘ HUYỆN TIÊN YÊN"). */
  readonly orgName: string;
  /** The congress ("ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XXV, NHIỆM KỲ 2025 – 2030"), may be empty. */
  readonly congressName: string;
  /** What is elected ("Ban Chấp hành Đảng bộ huyện khóa XXV"). */
  readonly title: string;
  readonly seats: number;
  readonly kind: BallotKind;
  readonly candidates: readonly { readonly position: number; readonly name: string }[];
  /** The round ("lần 2") when it is not the first. */
  readonly round: number;
  /** How to mark the ballot, as the server words it (the sheet's own wording when absent). */
  readonly instruction?: string | undefined;
}

export const BALLOT_PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .ballot-sheets, .ballot-sheets * { visibility: visible !important; }
  .ballot-sheets { position: absolute; left: 0; top: 0; width: 100%; }
  .ballot-sheet { box-shadow: none !important; border: 0 !important; margin: 0 !important; break-after: page; }
  .ballot-sheet:last-child { break-after: auto; }
  @page { size: A5; margin: 12mm 12mm 12mm 15mm; }
}
.ballot-sheet { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.35; color: #000; background: #fff;
  max-width: 148mm; padding: 10mm 10mm 12mm; margin: 0 auto 16px; border: 1px solid #d9d9d9; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
.ballot-sheet .bs-head { display: flex; justify-content: space-between; gap: 12px; text-align: center; font-size: 12pt; }
.ballot-sheet .bs-head div { flex: 1; }
.ballot-sheet .bs-title { text-align: center; font-weight: bold; font-size: 16pt; margin: 14pt 0 2pt; letter-spacing: .5pt; }
.ballot-sheet .bs-sub { text-align: center; font-weight: bold; text-transform: uppercase; margin: 0 0 4pt; }
.ballot-sheet .bs-seats { text-align: center; font-style: italic; margin: 0 0 8pt; }
.ballot-sheet table { border-collapse: collapse; width: 100%; }
.ballot-sheet th, .ballot-sheet td { border: 1px solid #000; padding: 3pt 6pt; }
.ballot-sheet td.num { text-align: center; width: 14mm; }
.ballot-sheet td.box { width: 22mm; }
.ballot-sheet .bs-note { font-style: italic; font-size: 11.5pt; margin-top: 8pt; text-align: justify; }
`;

export function BallotSheet(props: BallotSheetProps) {
  const crossOut = props.kind === "cross-out";
  return (
    <section className="ballot-sheet" data-testid="ballot-sheet" aria-label="Phiếu bầu cử">
      <div className="bs-head">
        <div>
          <div style={{ textTransform: "uppercase" }}>{props.orgName}</div>
          {props.congressName && (
            <div style={{ fontWeight: "bold", textTransform: "uppercase" }}>{props.congressName}</div>
          )}
          <div>*</div>
        </div>
        <div>
          <div style={{ fontWeight: "bold", textDecoration: "underline" }}>ĐẢNG CỘNG SẢN VIỆT NAM</div>
        </div>
      </div>
      <p className="bs-title">PHIẾU BẦU CỬ</p>
      <p className="bs-sub">
        {props.title}
        {props.round > 1 ? ` (lần ${props.round})` : ""}
      </p>
      <p className="bs-seats">
        Số lượng bầu: {formatNumber(props.seats)} đồng chí; danh sách có{" "}
        {formatNumber(props.candidates.length)} đồng chí
      </p>
      <table>
        <thead>
          <tr>
            <th>STT</th>
            <th>Họ và tên</th>
            {!crossOut && (
              <>
                <th>Đồng ý</th>
                <th>Không đồng ý</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {props.candidates.map((c) => (
            <tr key={c.position}>
              <td className="num">{c.position}</td>
              <td>{c.name}</td>
              {!crossOut && (
                <>
                  <td className="box" />
                  <td className="box" />
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="bs-note" data-testid="ballot-note">
        {props.instruction
          ? `Ghi chú: ${props.instruction}`
          : crossOut
            ? `Ghi chú: Đồng ý bầu đồng chí nào thì giữ nguyên họ và tên; không đồng ý bầu đồng chí nào thì gạch ngang cả họ và tên đồng chí đó. Phiếu để lại nhiều hơn ${formatNumber(props.seats)} người, hoặc gạch tên tất cả, là phiếu không hợp lệ.`
            : "Ghi chú: Đồng ý bầu đồng chí nào thì đánh dấu (X) vào ô “Đồng ý”; không đồng ý thì đánh dấu (X) vào ô “Không đồng ý”. Mỗi dòng chỉ đánh dấu một ô."}
      </p>
    </section>
  );
}
