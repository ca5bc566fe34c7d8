/**
 * Vietnamese text: diacritic-free search keys and name collation.
 */

/** "Phường Hồng Gai" → "phuong hong gai". đ/Đ are letters of their own, not d + a mark, so NFD misses them. */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const collator = new Intl.Collator("vi", { numeric: true });

/** Splits "Nguyễn Thị Minh Khai" into family "Nguyễn", middle "Thị Minh", given "Khai". */
export function splitVietnameseName(fullName: string): { family: string; middle: string; given: string } {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { family: "", middle: "", given: "" };
  if (parts.length === 1) return { family: "", middle: "", given: parts[0]! };
  return { family: parts[0]!, middle: parts.slice(1, -1).join(" "), given: parts[parts.length - 1]! };
}

/**
 * Vietnamese alphabetical order for candidate lists: by given name (tên), then middle name,
 * then family name (BRIEF §3).
 */
export function compareVietnameseNames(a: string, b: string): number {
  const na = splitVietnameseName(a);
  const nb = splitVietnameseName(b);
  return (
    compareVietnamese(na.given, nb.given) ||
    compareVietnamese(na.middle, nb.middle) ||
    compareVietnamese(na.family, nb.family) ||
    compareVietnamese(a, b)
  );
}

/**
 * Vietnamese letter order: a ă â b c d đ e ê … o ô ơ … u ư …; base letters before their toned
 * forms. ICU's "vi" collation implements exactly this.
 */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
