import { describe, expect, it } from "vitest";
import {
  attendeeWordOf,
  datelinePlaceName,
  localityPlaceName,
  minutesOfficeLabel,
  minutesSuperiorBody,
  openSeatsPhrase,
  placeNameOf,
} from "./minutes-wording.ts";

describe("the counting minutes' wording (issue 17)", () => {
  it("dates the minutes at the place name of the organisation's locality, not the venue", () => {
    const ward = { name: "Đảng bộ phường Hồng Gai", kind: "ward" };
    const city = { name: "Đảng bộ thành phố Hạ Long", kind: "city" };
    const province = { name: "Đảng bộ tỉnh Quảng Ninh", kind: "province" };
    expect(localityPlaceName([ward, city, province])).toBe("Hồng Gai");
    expect(localityPlaceName([{ name: "Chi bộ khu 5", kind: "village" }, ward, city, province])).toBe(
      "Hồng Gai",
    );
    expect(localityPlaceName([city, province])).toBe("Hạ Long");
    expect(localityPlaceName([{ name: "Đảng bộ thị xã Đông Triều", kind: "town" }, province])).toBe(
      "Đông Triều",
    );
    expect(
      localityPlaceName([
        { name: "Đảng bộ Công ty Than Hà Tu", kind: "enterprise" },
        { name: "Đảng bộ Than Quảng Ninh", kind: "enterprise" },
        province,
      ]),
    ).toBe("Quảng Ninh");
    expect(placeNameOf("Đảng bộ xã Quảng La")).toBe("Quảng La");
  });

  it("puts the congress above BAN KIỂM PHIẾU, says Chi ủy for a branch and đảng viên at a members' congress", () => {
    expect(minutesSuperiorBody("Chi bộ thôn 3", "members-congress", true)).toBe("ĐẠI HỘI CHI BỘ THÔN 3");
    expect(minutesSuperiorBody("Đảng bộ phường Hồng Gai", "delegates-congress", false)).toBe(
      "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG HỒNG GAI",
    );
    expect(minutesSuperiorBody("Đảng bộ phường Hồng Gai", "committee-conference", false)).toBe(
      "HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG HỒNG GAI",
    );
    expect(minutesOfficeLabel("committee", "Ban Chấp hành (cấp ủy)", true)).toBe("Chi ủy");
    expect(minutesOfficeLabel("committee", "Ban Chấp hành (cấp ủy)", false)).toBe("Ban Chấp hành (cấp ủy)");
    expect(attendeeWordOf("members-congress")).toBe("đảng viên");
    expect(attendeeWordOf("delegates-congress")).toBe("đại biểu");
  });

  it("writes an open seat as còn thiếu 1 người (cần bầu 3)", () => {
    expect(openSeatsPhrase(1, 3)).toBe("còn thiếu 1 người (cần bầu 3)");
  });
});

describe("the dateline of a Party document from the organisation chain (issue 17)", () => {
  const province = { name: "Đảng bộ tỉnh Quảng Ninh", kind: "province" };
  it("is the unit below the province, else the province's seat, else the province's name", () => {
    const ward = { name: "Đảng bộ phường Cẩm Trung", kind: "ward" };
    const city = { name: "Đảng bộ thành phố Cẩm Phả", kind: "city" };
    expect(datelinePlaceName([city, province], "Hạ Long")).toBe("Cẩm Phả");
    expect(datelinePlaceName([ward, city, province], "Hạ Long")).toBe("Cẩm Trung");
    expect(datelinePlaceName([province], "Hạ Long")).toBe("Hạ Long");
    const bloc = { name: "Đảng bộ Khối các cơ quan tỉnh", kind: "bloc" };
    expect(datelinePlaceName([bloc, province], "Hạ Long")).toBe("Hạ Long");
    expect(datelinePlaceName([province], null)).toBe("Quảng Ninh");
  });

  it("names a special zone (đặc khu, since 01/07/2025) as the place of its branches' documents", () => {
    const zone = { name: "Đảng bộ đặc khu Vân Đồn", kind: "special_zone" };
    const branch = { name: "Chi bộ thôn Đông Thắng", kind: "village" };
    expect(datelinePlaceName([branch, zone, province], "Hạ Long")).toBe("Vân Đồn");
    expect(localityPlaceName([branch, zone, province])).toBe("Vân Đồn");
  });
});
