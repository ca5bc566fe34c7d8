/**
 * The election's rule-set settings as the setup page shows them (pure): the settings in force, one
 * line per setting, and the surplus limits against the list as typed.
 */
import {
  DEFAULT_PARTY_190_SETTINGS,
  OFFICE_LABELS,
  type Party190Settings,
  party190SettingsSchema,
  type SurplusLimits,
} from "../../../domain/election/index.ts";
import { formatPercent } from "../../../domain/format/number.ts";

/** The settings in force: the election's overrides over the defaults (defaults when they do not parse). */
export function effectiveSettings(overrides: Record<string, unknown> | undefined): Party190Settings {
  const r = party190SettingsSchema.safeParse(overrides ?? {});
  return r.success ? r.data : DEFAULT_PARTY_190_SETTINGS;
}

const offices = (list: readonly string[]) =>
  list.map((o) => OFFICE_LABELS[o as keyof typeof OFFICE_LABELS] ?? o).join(", ");

const ROUNDING: Record<string, string> = {
  floor: "làm tròn xuống",
  ceil: "làm tròn lên",
  "half-up": "làm tròn",
};

/** One line per setting a clerk can check against the congress's own rules. */
export function settingRows(
  s: Party190Settings,
): { key: keyof Party190Settings; label: string; value: string }[] {
  return [
    {
      key: "surplusCeilingPercent",
      label: "Số dư tối đa",
      value: `${s.surplusCeilingPercent}% số lượng cần bầu (${ROUNDING[s.surplusCeilingRounding] ?? s.surplusCeilingRounding})`,
    },
    {
      key: "conveningSurplusMinPercent",
      label: "Danh sách cấp ủy triệu tập giới thiệu (hướng dẫn)",
      value: `dư từ ${s.conveningSurplusMinPercent}% đến ${s.conveningSurplusMaxPercent}%`,
    },
    {
      key: "smallBodyMaxSurplus",
      label: "Cơ quan nhỏ",
      value: `từ ${s.smallBodyMinSeats} đến ${s.smallBodyMaxSeats} người: dư không quá ${s.smallBodyMaxSurplus}`,
    },
    {
      key: "floorNomineeApprovalPercent",
      label: "Đề cử, ứng cử tại đại hội",
      value: `được đưa vào danh sách khi trên ${s.floorNomineeApprovalPercent}% số có mặt tán thành`,
    },
    {
      key: "preliminaryVoteScope",
      label: "Phiếu xin ý kiến khi danh sách vượt số dư",
      value:
        s.preliminaryVoteScope === "whole-list"
          ? "xếp cả danh sách"
          : "chỉ xếp người được đề cử, ứng cử tại đại hội",
    },
    {
      key: "secretaryCandidatesMax",
      label: "Bầu trực tiếp bí thư",
      value: `tối đa ${s.secretaryCandidatesMax} người trong danh sách`,
    },
    {
      key: "conferenceSubtractsAbsentWithLeave",
      label: "Hội nghị cấp ủy",
      value: s.conferenceSubtractsAbsentWithLeave
        ? "trừ cấp ủy viên vắng có lý do khỏi N"
        : "không trừ người vắng khỏi N",
    },
    { key: "surplusRequiredFor", label: "Bắt buộc có số dư", value: offices(s.surplusRequiredFor) },
    {
      key: "branchSecretaryRoundsBeforeAppointment",
      label: "Chi bộ không bầu được bí thư",
      value: `sau ${s.branchSecretaryRoundsBeforeAppointment} lần bầu, cấp ủy cấp trên chỉ định`,
    },
    {
      key: "percentRule",
      label: "Tỷ lệ so với N",
      value: `${s.percentRule.decimals} chữ số thập phân`,
    },
  ];
}

/**
 * The surplus limits of Quyết định 190 (the election's settings) for the seats, against the list as
 * typed. The convening committee's 10–15% is shown as guidance with the whole numbers inside it.
 */
export function surplusText(l: SurplusLimits, listed: number): string {
  const parts: string[] = [];
  if (l.surplusRequired) parts.push("danh sách phải nhiều hơn số cần bầu");
  if (l.maxSurplus !== null) parts.push(`số dư không quá ${l.maxSurplus} người`);
  const g = l.conveningGuidance;
  if (g) {
    const people = l.conveningRange
      ? l.conveningRange.min === l.conveningRange.max
        ? `, tức ${l.conveningRange.min} người`
        : `, tức từ ${l.conveningRange.min} đến ${l.conveningRange.max} người`
      : ", không có số người nguyên nào trong khoảng này";
    parts.push(
      `danh sách do cấp ủy triệu tập giới thiệu nên dư từ ${g.minPercent}% đến ${g.maxPercent}%${people} (hướng dẫn, đại hội quyết định)`,
    );
  }
  const surplus = listed - l.seats;
  const share = l.seats > 0 && surplus >= 0 ? ` (${formatPercent(surplus, l.seats, ONE_DECIMAL)})` : "";
  const now = `Hiện dư ${surplus} người${share}.`;
  return parts.length ? `Theo Quy chế: ${parts.join("; ")}. ${now}` : now;
}

const ONE_DECIMAL = { decimals: 1, mode: "half-up", trimZeros: true } as const;
