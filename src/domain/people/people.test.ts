import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageOn, isInOffice, postsHeldOn } from "./dates.ts";
import { checkDuplicatesResolved, findDuplicatePeople } from "./duplicates.ts";
import { compareHometown, decideLocality, type Territory } from "./local.ts";
import { type Hometown, type Person, type Post, personSchema, postSchema } from "./types.ts";

const HONG_GAI: Hometown = {
  province: { code: "QN", name: "Quảng Ninh" },
  district: { code: "QN.HL", name: "thành phố Hạ Long" },
  commune: { code: "QN.HL.HONGGAI", name: "phường Hồng Gai" },
};
const HONG_GAI_TERRITORY: Territory = {
  provinceCode: "QN",
  districtCode: "QN.HL",
  communeCode: "QN.HL.HONGGAI",
};

/** A synthetic ward secretary. */
const WARD_SECRETARY: Person = {
  id: "P1",
  fullName: "Trần Văn Khánh",
  gender: "male",
  birthDate: "1976-02-29",
  ethnicity: "Kinh",
  hometown: HONG_GAI,
  membership: { status: "official", joinedOn: "1998-05-19", officialOn: "1999-05-19" },
  education: "Đại học Luật",
  politicalTheory: "cao_cap",
};

const SECRETARY_POST: Post = {
  id: "CV1",
  personId: "P1",
  kind: "secretary",
  orgId: "QN.HL.HONGGAI",
  villageCode: null,
  term: "2020–2025",
  title: null,
  start: "2020-05-20",
  end: null,
};

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));

describe("personSchema", () => {
  it("accepts a complete person", () => {
    expect(personSchema.safeParse(WARD_SECRETARY).success).toBe(true);
  });

  it("names each bad field in Vietnamese", () => {
    const bad = {
      ...WARD_SECRETARY,
      fullName: "Khánh",
      gender: "x",
      birthDate: "1976-02-30",
      membership: { status: "probationary", joinedOn: "1990-01-01", officialOn: "1991-01-01" },
      hometown: { ...HONG_GAI, district: null },
    };
    expect(issuesOf(personSchema.safeParse(bad))).toEqual([
      { path: "fullName", message: "Họ và tên phải có ít nhất họ và tên" },
      { path: "gender", message: "Giới tính phải là Nam hoặc Nữ" },
      { path: "birthDate", message: "Ngày không hợp lệ (YYYY-MM-DD)" },
      { path: "hometown.district", message: "Quê quán có xã thì phải có huyện" },
      { path: "membership.officialOn", message: "Đảng viên dự bị chưa có ngày chính thức" },
    ]);
  });

  it("requires 18 years of age at admission and a reason for an override", () => {
    const young = {
      ...WARD_SECRETARY,
      membership: { status: "official", joinedOn: "1994-02-28", officialOn: "1995-02-28" },
      localOverrides: [{ orgId: "QN.HL.HONGGAI", local: false, reason: " " }],
    };
    expect(issuesOf(personSchema.safeParse(young))).toEqual([
      { path: "localOverrides.0.reason", message: "Phải ghi lý do khi xác định người địa phương thủ công" },
      { path: "membership.joinedOn", message: "Ngày vào Đảng phải từ khi đủ 18 tuổi trở đi" },
    ]);
  });
});

describe("postSchema", () => {
  it("accepts a secretary, a village head and a unit head", () => {
    expect(postSchema.safeParse(SECRETARY_POST).success).toBe(true);
    const head = {
      ...SECRETARY_POST,
      kind: "village_head",
      orgId: null,
      villageCode: "QN.HL.HONGGAI.KP1",
      term: null,
    };
    expect(postSchema.safeParse(head).success).toBe(true);
    const director = { ...SECRETARY_POST, kind: "unit_head", term: null, title: "Giám đốc" };
    expect(postSchema.safeParse(director).success).toBe(true);
  });

  it("asks for the fields the kind needs and refuses the others", () => {
    const bad = { ...SECRETARY_POST, kind: "village_head", title: "Trưởng thôn", end: "2020-05-20" };
    expect(issuesOf(postSchema.safeParse(bad))).toEqual([
      { path: "orgId", message: "Trưởng thôn, bản, khu phố: không ghi đơn vị" },
      { path: "villageCode", message: "Trưởng thôn, bản, khu phố: phải ghi thôn, khu phố" },
      { path: "term", message: "Trưởng thôn, bản, khu phố: không ghi nhiệm kỳ" },
      { path: "title", message: "Trưởng thôn, bản, khu phố: không ghi chức danh" },
      { path: "end", message: "Ngày thôi giữ chức vụ phải sau ngày bắt đầu" },
    ]);
  });
});

describe("ageOn", () => {
  it("counts full years; a 29/02 birthday comes on 01/03 in a common year", () => {
    expect(ageOn("1976-02-29", "2020-02-28")).toBe(43);
    expect(ageOn("1976-02-29", "2020-02-29")).toBe(44);
    expect(ageOn("1976-02-29", "2021-02-28")).toBe(44);
    expect(ageOn("1976-02-29", "2021-03-01")).toBe(45);
    expect(ageOn("1980-07-25", "2020-07-24")).toBe(39);
    expect(ageOn("1980-07-25", "2020-07-25")).toBe(40);
  });

  it("never decreases as the day advances, and grows by exactly one a year", () => {
    const day = fc
      .date({ min: new Date("1950-01-01"), max: new Date("2060-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (birth, a, b) => {
        fc.pre(birth <= a && a <= b);
        expect(ageOn(birth, a)).toBeLessThanOrEqual(ageOn(birth, b));
      }),
    );
  });
});

describe("posts held on a day", () => {
  const ended: Post = {
    ...SECRETARY_POST,
    id: "CV2",
    kind: "people_council_chair",
    term: null,
    start: "2016-06-20",
    end: "2020-06-01",
  };
  it("in office from the start day, out from the end day", () => {
    expect([isInOffice(SECRETARY_POST, "2020-05-19"), isInOffice(SECRETARY_POST, "2020-05-20")]).toEqual([
      false,
      true,
    ]);
    expect([isInOffice(ended, "2020-05-31"), isInOffice(ended, "2020-06-01")]).toEqual([true, false]);
  });
  it("several posts at once", () => {
    expect(postsHeldOn([SECRETARY_POST, ended], "2020-05-25").map((p) => p.id)).toEqual(["CV1", "CV2"]);
    expect(postsHeldOn([SECRETARY_POST, ended], "2020-05-25", ["secretary"]).map((p) => p.id)).toEqual([
      "CV1",
    ]);
  });
});

describe("local (người địa phương)", () => {
  const district: Territory = { provinceCode: "QN", districtCode: "QN.HL", communeCode: null };
  const province: Territory = { provinceCode: "QN", districtCode: null, communeCode: null };
  const otherWard: Hometown = { ...HONG_GAI, commune: { code: "QN.HL.BACHDANG", name: "phường Bạch Đằng" } };
  const loose: Hometown = { ...HONG_GAI, commune: null };
  const haiDuong: Hometown = { province: { code: "HD", name: "Hải Dương" }, district: null, commune: null };

  it("compares at the territory's own grain", () => {
    expect([
      compareHometown(HONG_GAI, HONG_GAI_TERRITORY),
      compareHometown(otherWard, HONG_GAI_TERRITORY),
      compareHometown(otherWard, district),
      compareHometown(loose, HONG_GAI_TERRITORY),
      compareHometown(loose, district),
      compareHometown(haiDuong, HONG_GAI_TERRITORY),
      compareHometown(haiDuong, province),
      compareHometown(HONG_GAI, province),
    ]).toEqual(["local", "not_local", "local", "unknown", "local", "not_local", "not_local", "local"]);
  });

  it("an override decides, with its reason; otherwise the codes", () => {
    const overridden = {
      ...WARD_SECRETARY,
      hometown: loose,
      localOverrides: [
        { orgId: "QN.HL.HONGGAI", local: false, reason: "Đã xác minh quê ở phường Bạch Đằng" },
      ],
    };
    expect(decideLocality(overridden, "QN.HL.HONGGAI", HONG_GAI_TERRITORY)).toEqual({
      locality: "not_local",
      source: "override",
      reason: "Đã xác minh quê ở phường Bạch Đằng",
    });
    expect(
      decideLocality({ ...WARD_SECRETARY, hometown: loose }, "QN.HL.HONGGAI", HONG_GAI_TERRITORY),
    ).toEqual({
      locality: "unknown",
      source: "derived",
      reason: null,
    });
    expect(decideLocality(WARD_SECRETARY, "QN.HL.HONGGAI", null).locality).toBe("unknown");
  });
});

describe("findDuplicatePeople", () => {
  const register = [{ ...WARD_SECRETARY, id: 41 }];
  const rows = [
    { fullName: "TRẦN VĂN KHÁNH", birthDate: "1976-02-29", hometown: HONG_GAI },
    { fullName: "Nguyễn Thị Hoa", birthDate: "1985-03-08", hometown: HONG_GAI },
    { fullName: "Nguyen Thi Hoa", birthDate: "1985-03-08", hometown: HONG_GAI },
    { fullName: "Nguyễn Thị Hoa", birthDate: "1985-03-09", hometown: HONG_GAI },
  ];

  it("groups folded name + birth date + hometown, against the register and within the file", () => {
    expect(findDuplicatePeople(rows, register)).toEqual([
      {
        key: "tran van khanh|1976-02-29|QN|QN.HL|QN.HL.HONGGAI",
        fullName: "Trần Văn Khánh",
        birthDate: "1976-02-29",
        members: [
          { source: "register", personId: 41 },
          { source: "import", row: 2 },
        ],
      },
      {
        key: "nguyen thi hoa|1985-03-08|QN|QN.HL|QN.HL.HONGGAI",
        fullName: "Nguyễn Thị Hoa",
        birthDate: "1985-03-08",
        members: [
          { source: "import", row: 3 },
          { source: "import", row: 4 },
        ],
      },
    ]);
  });

  it("never merges: every group needs a decision", () => {
    const groups = findDuplicatePeople(rows, register);
    const none = checkDuplicatesResolved(groups, []);
    expect(none.ok).toBe(false);
    expect(none.ok ? [] : none.error.map((u) => u.message)).toEqual([
      "Có thể trùng người: Trần Văn Khánh (người đã có mã 41, dòng 2); phải xác định là cùng một người hay khác người",
      "Có thể trùng người: Nguyễn Thị Hoa (dòng 3, dòng 4); phải xác định là cùng một người hay khác người",
    ]);
    const wrongPerson = checkDuplicatesResolved(groups, [
      { key: groups[0]!.key, decision: "same_person", personId: 7 },
      { key: groups[1]!.key, decision: "different_people" },
    ]);
    expect(wrongPerson.ok ? [] : wrongPerson.error.map((u) => u.message)).toEqual([
      "Trần Văn Khánh: người được chọn (mã 7) không thuộc nhóm trùng",
    ]);
    expect(
      checkDuplicatesResolved(groups, [
        { key: groups[0]!.key, decision: "same_person", personId: "41" },
        { key: groups[1]!.key, decision: "different_people" },
      ]).ok,
    ).toBe(true);
  });
});
