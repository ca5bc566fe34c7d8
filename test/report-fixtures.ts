/** The seed report's figures and sentences, as the generated report must write them. */

/** The seed's figures as it prints them. */
export const SEED_FIGURES: Readonly<Record<string, string>> = {
  branch_congresses_held: "4.925/4.925 (100%)",
  coal_branch_secretary_heads_unit: "871/904 (96,35%)",
  pilot_congresses: "47",
  grassroots_congresses_held: "735/735 (100%)",
  grassroots_direct_secretary: "408/408 (100%)",
  commune_congress_all_contents: "177/177 (100%)",
  commune_committee_one_round_full: "177/177 (100%)",
  commune_direct_secretary: "177/177 (100%)",
  commune_committee_women: "671/2.291 (29,3%)",
  commune_police_chief_in_standing_committee: "80/177 (45,2%)",
  rural_commune_police_chief_in_standing_committee: "21/98 (21,4%)",
  commune_secretary_chairs_people_council: "16/177 (9%)",
  commune_secretary_chairs_people_committee: "108/177 (61%)",
  commune_secretary_not_local: "145/177 (82%)",
  coal_grassroots_secretary_is_director: "36/41 (88%)",
  district_level_congresses_held: "20/20 (100%)",
  district_level_direct_secretary_innovation: "20/20 (100%)",
  district_level_secretary_not_local: "20/20 (100%)",
  merged_agency_models: "13/13 (100%)",
  village_branch_secretary_is_village_head: "1.544/1.544 (100%)",
};

export const SEED_PHRASES: readonly string[] = [
  "đến hết ngày 29/02/2020 có 4.925/4.925 (100%) chi bộ đã tổ chức thành công đại hội",
  "871/904 (96,35%)",
  "nhiệm kỳ trước chỉ có 454/1.021=44,5%",
  "đại hội điểm ở 47 chi bộ, đảng bộ cơ sở",
  "tổ chức đại hội chi bộ thôn trong các ngày 18, 19/01/2020",
  "Đến ngày 31/05/2020 toàn tỉnh hoàn thành đại hội ở 735/735 (100%) tổ chức cơ sở Đảng, sớm 01 tháng so với quy định của Trung ương",
  "408/408 (100%) đảng bộ cơ sở tiến hành bầu trực tiếp bí thư tại đại hội",
  "số cấp ủy viên là nữ 671/2.291 = 29,3% (nhiệm kỳ trước 20,2%)",
  "80/177 (45,2%), trong đó có 21/98 xã (21,4%)",
  "16/177 đồng chí, chiếm 9%",
  "108/177 đồng chí, chiếm 61%",
  "145/177 (82%) bí thư cấp xã không là người địa phương",
  "36/41 (88%)",
  "Tính đến ngày 25/07/2020, 20/20 đảng bộ trực thuộc đã tổ chức xong đại hội",
  "thấp nhất 85%, cao nhất 100%",
  "13/13 địa phương",
];
