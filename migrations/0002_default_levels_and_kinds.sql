-- The default hierarchy as data (BRIEF §1). Grassroots organisations may sit under a directly-subordinate
-- committee (2020) or directly under the province (after the 2025 reform), so a season can have three
-- levels or four without code changes. Branches sit under a grassroots committee or a partial committee;
-- a grassroots branch (chi bộ cơ sở) has no branches because no level lists it as a parent.
INSERT INTO org_level (code, name, rank, allowed_parents, is_grassroots) VALUES
  ('province', 'Đảng bộ tỉnh', 0, '{}', false),
  ('district_level', 'Đảng bộ trực thuộc Tỉnh ủy', 1, '{province}', false),
  ('grassroots_committee', 'Đảng bộ cơ sở', 2, '{district_level,province}', true),
  ('grassroots_branch', 'Chi bộ cơ sở', 2, '{district_level,province}', true),
  ('partial_committee', 'Đảng bộ bộ phận', 3, '{grassroots_committee}', false),
  ('branch', 'Chi bộ trực thuộc', 4, '{grassroots_committee,partial_committee}', false);
--> statement-breakpoint
INSERT INTO org_kind (code, name, family, is_commune_level, is_rural) VALUES
  ('province', 'Tỉnh', 'territorial', false, false),
  ('city', 'Thành phố', 'territorial', false, false),
  ('town', 'Thị xã', 'territorial', false, false),
  ('district', 'Huyện', 'territorial', false, false),
  ('commune', 'Xã', 'territorial', true, true),
  ('ward', 'Phường', 'territorial', true, false),
  ('township', 'Thị trấn', 'territorial', true, false),
  ('village', 'Thôn, bản, khu phố', 'territorial', false, false),
  ('bloc', 'Khối, ngành', 'sector', false, false),
  ('agency', 'Cơ quan', 'sector', false, false),
  ('enterprise', 'Doanh nghiệp', 'sector', false, false),
  ('public_service', 'Đơn vị sự nghiệp', 'sector', false, false),
  ('armed_forces', 'Quân sự', 'sector', false, false),
  ('police', 'Công an', 'sector', false, false),
  ('border_guard', 'Biên phòng', 'sector', false, false),
  ('workshop', 'Phân xưởng, xí nghiệp', 'sector', false, false),
  ('department', 'Phòng, ban', 'sector', false, false),
  ('other', 'Khác', 'sector', false, false);
