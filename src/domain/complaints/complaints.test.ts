import { describe, expect, it } from "vitest";
import {
  aggregatePetitions,
  computeDeadline,
  DEFAULT_PETITION_SETTINGS,
  daysOverdue,
  groupDuplicates,
  isOpen,
  isOverdue,
  isRecordOnly,
  type PetitionFacts,
  suggestDuplicates,
  summarySimilarity,
  transition,
} from "./index.ts";

const S = DEFAULT_PETITION_SETTINGS;

describe("recorded only", () => {
  it("anonymous and falsely named denunciations are recorded only while the setting is on", () => {
    expect(isRecordOnly("denunciation", "anonymous", S)).toBe(true);
    expect(isRecordOnly("denunciation", "false_name", S)).toBe(true);
    expect(isRecordOnly("denunciation", "identified", S)).toBe(false);
    expect(isRecordOnly("complaint", "anonymous", S)).toBe(false);
    expect(isRecordOnly("denunciation", "anonymous", { recordOnlyUnidentifiedDenunciations: false })).toBe(
      false,
    );
  });
});

describe("deadline", () => {
  it("uses the kind's handling period by default", () => {
    const d = computeDeadline(
      { kind: "complaint", receivedOn: "2025-01-31", concernsPersonnel: false, congressOpensOn: null },
      S,
    );
    expect(d).toMatchObject({ deadline: "2025-03-02", rule: "default" });
    expect(
      computeDeadline(
        {
          kind: "denunciation",
          receivedOn: "2025-01-01",
          concernsPersonnel: false,
          congressOpensOn: "2025-01-10",
        },
        S,
      ).deadline,
    ).toBe("2025-03-02");
  });

  it("a letter about personnel is settled the lead time before the congress opens", () => {
    const d = computeDeadline(
      {
        kind: "denunciation",
        receivedOn: "2025-06-01",
        concernsPersonnel: true,
        congressOpensOn: "2025-06-20",
      },
      S,
    );
    expect(d.deadline).toBe("2025-06-15");
    expect(d.rule).toBe("personnel");
    expect(d.reason).toContain("20/06/2025");
    const longer = computeDeadline(
      {
        kind: "denunciation",
        receivedOn: "2025-06-01",
        concernsPersonnel: true,
        congressOpensOn: "2025-06-20",
      },
      { ...S, personnelLeadDays: 10 },
    );
    expect(longer.deadline).toBe("2025-06-10");
  });

  it("is due on arrival inside the lead time; the default period once the congress has opened", () => {
    const late = computeDeadline(
      {
        kind: "denunciation",
        receivedOn: "2025-06-18",
        concernsPersonnel: true,
        congressOpensOn: "2025-06-20",
      },
      S,
    );
    expect(late).toMatchObject({ deadline: "2025-06-18", rule: "personnel" });
    const after = computeDeadline(
      {
        kind: "denunciation",
        receivedOn: "2025-06-21",
        concernsPersonnel: true,
        congressOpensOn: "2025-06-20",
      },
      S,
    );
    expect(after).toMatchObject({ deadline: "2025-08-20", rule: "default" });
  });

  it("keeps the default period when the congress is further away", () => {
    const d = computeDeadline(
      { kind: "report", receivedOn: "2025-01-01", concernsPersonnel: true, congressOpensOn: "2025-12-01" },
      S,
    );
    expect(d).toMatchObject({ deadline: "2025-01-31", rule: "default" });
  });
});

describe("transitions", () => {
  it("follows received → triaged → in handling → concluded → notified", () => {
    let s = transition("received", "triage");
    expect(s).toEqual({ ok: true, value: "triaged" });
    s = transition("triaged", "start");
    expect(s).toEqual({ ok: true, value: "in_handling" });
    expect(transition("in_handling", "add_step")).toEqual({ ok: true, value: "in_handling" });
    expect(transition("in_handling", "conclude")).toEqual({ ok: true, value: "concluded" });
    expect(transition("concluded", "notify")).toEqual({ ok: true, value: "notified" });
  });

  it("triage may record only", () => {
    expect(transition("received", "triage", { recordOnly: true })).toEqual({
      ok: true,
      value: "recorded_only",
    });
  });

  it("refuses skipped steps with a Vietnamese reason", () => {
    const r = transition("received", "conclude");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('Không thể kết luận khi đơn đang ở trạng thái "Mới tiếp nhận"');
    expect(transition("recorded_only", "start").ok).toBe(false);
    expect(transition("notified", "notify").ok).toBe(false);
    expect(transition("triaged", "conclude").ok).toBe(false);
  });
});

describe("open and overdue", () => {
  it("an open letter past its deadline is overdue; settled or recorded-only ones never are", () => {
    expect(isOverdue({ status: "in_handling", deadline: "2025-01-10" }, "2025-01-11")).toBe(true);
    expect(isOverdue({ status: "in_handling", deadline: "2025-01-10" }, "2025-01-10")).toBe(false);
    expect(isOverdue({ status: "concluded", deadline: "2025-01-10" }, "2025-02-01")).toBe(false);
    expect(isOverdue({ status: "recorded_only", deadline: null }, "2025-02-01")).toBe(false);
    expect(daysOverdue({ status: "triaged", deadline: "2025-01-10" }, "2025-01-15")).toBe(5);
    expect(isOpen("recorded_only")).toBe(false);
  });
});

describe("duplicates", () => {
  it("suggests letters about the same person with similar summaries", () => {
    const a = { id: 1, summary: "Tố cáo ông A kê khai tài sản không trung thực", personIds: [7], orgIds: [] };
    const b = {
      id: 2,
      summary: "Tố cáo ông A kê khai không trung thực tài sản nhà đất",
      personIds: [7],
      orgIds: [],
    };
    const c = { id: 3, summary: "Tố cáo ông A kê khai tài sản không trung thực", personIds: [8], orgIds: [] };
    const d = { id: 4, summary: "Kiến nghị sửa đường thôn", personIds: [7], orgIds: [] };
    expect(summarySimilarity("Kê khai tài sản", "ke khai tai san")).toBe(1);
    expect(suggestDuplicates(a, [a, b, c, d]).map((x) => x.id)).toEqual([2]);
  });

  it("groups confirmed links transitively under the earliest letter", () => {
    const g = groupDuplicates([
      [5, 3],
      [3, 9],
      [10, 11],
    ]);
    expect(g.get(9)).toBe(3);
    expect(g.get(5)).toBe(3);
    expect(g.get(11)).toBe(10);
  });
});

describe("dashboard", () => {
  const base: PetitionFacts = {
    id: 0,
    kind: "denunciation",
    status: "in_handling",
    receivedOn: "2025-01-01",
    deadline: "2025-02-01",
    orgId: 1,
    congressId: null,
    congressOpensOn: null,
    concernsPersonnel: false,
  };
  it("counts open, settled, recorded-only and overdue by kind and organisation", () => {
    const d = aggregatePetitions(
      [
        { ...base, id: 1 },
        { ...base, id: 2, status: "concluded" },
        { ...base, id: 3, kind: "complaint", status: "recorded_only", deadline: null, orgId: 2 },
        {
          ...base,
          id: 4,
          kind: "complaint",
          deadline: "2025-03-01",
          orgId: 2,
          congressId: 9,
          concernsPersonnel: true,
          congressOpensOn: "2025-03-10",
        },
        { ...base, id: 5, concernsPersonnel: true, congressId: 8, congressOpensOn: "2025-01-20" },
      ],
      "2025-02-15",
    );
    expect(d.total).toEqual({ all: 5, open: 3, settled: 1, recordedOnly: 1, overdue: 2 });
    expect(d.byKind.denunciation).toEqual({ open: 2, settled: 1, recordedOnly: 0, overdue: 2 });
    expect(d.byKind.complaint).toEqual({ open: 1, settled: 0, recordedOnly: 1, overdue: 0 });
    expect(d.byOrg).toEqual([
      { orgId: 1, open: 2, settled: 1, recordedOnly: 0, overdue: 2 },
      { orgId: 2, open: 1, settled: 0, recordedOnly: 1, overdue: 0 },
    ]);
    // Only the congress that has not opened yet.
    expect(d.personnelUpcoming).toBe(1);
  });
});
