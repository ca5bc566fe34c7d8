import { describe, expect, it } from "vitest";
import { readDocx, runPropertiesOf } from "../../../test/docx.ts";
import {
  attendeeWordOf,
  MINUTES_NUMBER_SYMBOL,
  minutesOfficeLabel,
  minutesSuperiorBody,
  nextStepNotes,
} from "../../domain/election/index.ts";
import { type MinutesInput, minutesToDocx } from "./minutes.ts";

/** A branch's members' congress electing its chi ủy of 3, one seat left open; synthetic names. */
const minutes: MinutesInput = {
  organisation: "Chi bộ khu 5",
  superiorBody: minutesSuperiorBody("Chi bộ khu 5", "members-congress", true),
  numberSymbol: MINUTES_NUMBER_SYMBOL,
  attendeeWord: attendeeWordOf("members-congress"),
  term: "2020–2022",
  title: "Bầu Chi ủy Chi bộ khu 5 nhiệm kỳ 2020–2022",
  officeLabel: minutesOfficeLabel("committee", "Ban Chấp hành (cấp ủy)", true),
  seats: 3,
  alternateSeats: 0,
  round: 1,
  place: "Hồng Gai",
  date: "2020-01-18",
  base: { convened: 25, subtractions: [], n: 25, threshold: 13 },
  present: 24,
  issued: 24,
  collected: 24,
  valid: 24,
  invalid: 0,
  invalidByReason: [],
  candidates: [
    {
      position: 1,
      name: "Nguyễn Văn An",
      votes: 20,
      percentOfBase: "80%",
      outcomeLabel: "Trúng cử",
      explanation: "",
    },
    {
      position: 2,
      name: "Trần Thị Bình",
      votes: 18,
      percentOfBase: "72%",
      outcomeLabel: "Trúng cử",
      explanation: "",
    },
    {
      position: 3,
      name: "Lê Văn Cường",
      votes: 10,
      percentOfBase: "40%",
      outcomeLabel: "Không trúng cử",
      explanation: "",
    },
    {
      position: 4,
      name: "Phạm Thị Dung",
      votes: 8,
      percentOfBase: "32%",
      outcomeLabel: "Không trúng cử",
      explanation: "",
    },
  ],
  elected: [
    { name: "Nguyễn Văn An", votes: 20, percentOfBase: "80%" },
    { name: "Trần Thị Bình", votes: 18, percentOfBase: "72%" },
  ],
  alternates: [],
  notes: nextStepNotes({
    candidates: [],
    ties: [],
    openSeats: 1,
    seats: 3,
    nextStep: { kind: "congress-decides", openSeats: 1, openAlternateSeats: 0 },
  }),
  countingCommittee: [{ fullName: "Vũ Thị Kiểm", role: "Trưởng ban" }],
  log: [],
};

describe("minutesToDocx in the Party layout (issue 17)", () => {
  it("heads the minutes with the congress, BAN KIỂM PHIẾU, the number line and the locality's dateline", async () => {
    const d = await readDocx(await minutesToDocx(minutes));
    const head = d.paragraphs.slice(0, 8);
    expect(head).toEqual(
      expect.arrayContaining([
        "ĐẠI HỘI CHI BỘ KHU 5",
        "BAN KIỂM PHIẾU",
        "Số      -BB/BKP",
        "Hồng Gai, ngày 18 tháng 01 năm 2020",
      ]),
    );
    expect(head.indexOf("ĐẠI HỘI CHI BỘ KHU 5")).toBeLessThan(head.indexOf("BAN KIỂM PHIẾU"));
    expect(runPropertiesOf(d.document, "ĐẠI HỘI CHI BỘ KHU 5")).toContain('<w:sz w:val="28"/>');
  });

  it("says Chi ủy, đảng viên, the level's term and còn thiếu 1 người (cần bầu 3)", async () => {
    const text = (await readDocx(await minutesToDocx(minutes))).paragraphs.join("\n");
    expect(text).toContain("nhiệm kỳ 2020–2022");
    expect(text).toContain("kiểm phiếu bầu Chi ủy");
    expect(text).not.toContain("Ban Chấp hành (cấp ủy)");
    expect(text).toContain("I. SỐ ĐẢNG VIÊN VÀ SỐ PHIẾU");
    expect(text).toContain("- Tổng số đảng viên được triệu tập: 25");
    expect(text).toContain("- Số đảng viên có mặt: 24; vắng mặt: 1");
    expect(text).not.toMatch(/đại biểu/i);
    expect(text).toContain(
      "Kết quả còn thiếu 1 người (cần bầu 3): đại hội quyết định bầu tiếp hay để thiếu.",
    );
    expect(text).not.toContain("1/3");
  });

  it("numbers its pages from page 2", async () => {
    const d = await readDocx(await minutesToDocx(minutes));
    expect(d.document).toContain("<w:titlePg/>");
    expect([...d.parts.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k))).toHaveLength(2);
  });
});
