/**
 * The built-in template "Báo cáo tiến độ đại hội đảng bộ các cấp" (for the Central level, on
 * demand): per congress level of the season, how many organisations have held their congress,
 * how many by the province's and the Central deadlines, and a table per child organisation.
 */
import { formatDate } from "../format/date.ts";
import { formatNumber } from "../format/number.ts";
import { headingBodies } from "./congress-results.ts";
import {
  type Block,
  DEFAULT_ROUNDING,
  type Figure,
  fillTemplate,
  makeFigure,
  REPORT_SCHEMA_VERSION,
  type Report,
  type RoundingSetting,
} from "./model.ts";

export const CONGRESS_PROGRESS_TEMPLATE = "congress_progress";

export interface ProgressLevelInput {
  readonly code: string;
  readonly name: string;
  readonly held: number;
  readonly total: number;
  readonly provinceDeadline: string | null;
  readonly centralDeadline: string | null;
  readonly onTimeProvince: number | null;
  readonly onTimeCentral: number | null;
  readonly children: readonly { readonly name: string; readonly held: number; readonly total: number }[];
}

export interface CongressProgressInput {
  readonly org: {
    readonly id: number;
    readonly code: string;
    readonly name: string;
    readonly isProvince: boolean;
  };
  readonly parentName: string | null;
  readonly season: { readonly code: string; readonly term: string };
  readonly asOf: string;
  readonly place: string;
  readonly levels: readonly ProgressLevelInput[];
  readonly rounding?: RoundingSetting | undefined;
}

export function buildCongressProgressReport(input: CongressProgressInput): Report {
  const rounding = input.rounding ?? DEFAULT_ROUNDING;
  const figures = new Map<string, Figure>();
  const add = (id: string, label: string, definition: string, numerator: number, denominator: number) => {
    const f = makeFigure(
      {
        id,
        label,
        definition,
        numerator,
        denominator,
        decimals: 2,
        asOf: input.asOf,
        source: `progress:${id.replace(/_(held|on_time_province|on_time_central)$/, "")}`,
      },
      rounding,
    );
    figures.set(f.id, f);
    return f;
  };
  const blocks: Block[] = [];
  for (const l of input.levels) {
    if (l.total === 0) continue;
    add(
      `${l.code}_held`,
      `${l.name}: đã tổ chức đại hội`,
      `Trong số tổ chức cấp "${l.name}" tồn tại vào ngày báo cáo: số tổ chức đã tổ chức đại hội.`,
      l.held,
      l.total,
    );
    let template = `${l.name}: có {${l.code}_held} tổ chức đã tổ chức đại hội`;
    if (l.provinceDeadline && l.onTimeProvince !== null) {
      add(
        `${l.code}_on_time_province`,
        `${l.name}: đúng hạn của tỉnh`,
        `Số tổ chức đã đại hội không muộn hơn hạn của tỉnh (${formatDate(l.provinceDeadline)}).`,
        l.onTimeProvince,
        l.total,
      );
      template += `; {${l.code}_on_time_province} hoàn thành trước hạn của tỉnh (${formatDate(l.provinceDeadline)})`;
    }
    if (l.centralDeadline && l.onTimeCentral !== null) {
      add(
        `${l.code}_on_time_central`,
        `${l.name}: đúng hạn của Trung ương`,
        `Số tổ chức đã đại hội không muộn hơn hạn của Trung ương (${formatDate(l.centralDeadline)}).`,
        l.onTimeCentral,
        l.total,
      );
      template += `; {${l.code}_on_time_central} hoàn thành trước hạn của Trung ương (${formatDate(l.centralDeadline)})`;
    }
    blocks.push({
      kind: "data",
      id: `level_${l.code}`,
      template: `${template}.`,
      segments: fillTemplate(`${template}.`, figures),
    });
    if (l.children.length > 0)
      blocks.push({
        kind: "table",
        id: `children_${l.code}`,
        title: `${l.name}: tiến độ theo đơn vị trực thuộc`,
        columns: ["STT", "Đơn vị", "Đã đại hội", "Tổng số", "Tỷ lệ"],
        rows: l.children.map((c, i) => [
          String(i + 1),
          c.name,
          formatNumber(c.held),
          formatNumber(c.total),
          c.total > 0
            ? (makeFigure(
                {
                  id: "x",
                  label: "",
                  definition: "",
                  numerator: c.held,
                  denominator: c.total,
                  decimals: 2,
                  asOf: input.asOf,
                  source: "",
                },
                rounding,
              ).percent ?? "")
            : "",
        ]),
      });
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    template: CONGRESS_PROGRESS_TEMPLATE,
    org: { id: input.org.id, code: input.org.code, name: input.org.name },
    season: input.season,
    asOf: input.asOf,
    rounding,
    heading: {
      ...headingBodies(input.org.name, input.parentName, input.org.isProvince),
      place: input.place,
      date: input.asOf,
      documentType: "BÁO CÁO",
      summary: `Tiến độ đại hội đảng bộ các cấp, nhiệm kỳ ${input.season.term} (tính đến ngày ${formatDate(input.asOf)})`,
    },
    sections: [
      { id: "progress", title: "I. TIẾN ĐỘ TỔ CHỨC ĐẠI HỘI", blocks },
      {
        id: "assessment",
        title: "II. ĐÁNH GIÁ, KIẾN NGHỊ",
        blocks: [
          {
            kind: "text",
            id: "assessment_text",
            text: "",
            placeholder: "Cán bộ đánh giá tiến độ, nêu khó khăn, vướng mắc và kiến nghị với Trung ương.",
          },
        ],
      },
    ],
    signature: { onBehalfOf: "T/M BAN THƯỜNG VỤ", post: "PHÓ BÍ THƯ", name: "" },
    recipients: ["Ban Tổ chức Trung ương (để báo cáo),", "Lưu Văn phòng."],
    figures: [...figures.values()],
  };
}
