-- "Đặc khu" (special zone): the commune-level unit of the 2025 reform for island districts (Vân Đồn,
-- Cô Tô in Quảng Ninh, Nghị quyết 1679/NQ-UBTVQH15). Commune-level, not rural.
INSERT INTO org_kind (code, name, family, is_commune_level, is_rural) VALUES
  ('special_zone', 'Đặc khu', 'territorial', true, false)
ON CONFLICT (code) DO NOTHING;
