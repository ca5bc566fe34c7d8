/**
 * The printed ballot (phiếu bầu cử), laid out like a real Party ballot: the congress's heading on the
 * left and "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, "PHIẾU BẦU CỬ" and what is elected, the number to
 * elect, the list in ballot order with its numbers, and the note telling the voter how to mark it.
 * It is machine-readable: four corner squares and a code (the same on every ballot of the
 * election) let a scanner or a phone find every row. The drawing is `renderBallotSvg` of
 * `layoutBallot`, the very value the reader compares scans with (src/domain/scan).
 * Only the sheets are printed (print stylesheet), each on its own page, at true size.
 */
/** The print stylesheet for a sheet size ("A4" or "A5"): no page margin, the SVG is the whole sheet. */
export function ballotPrintCss(page: "A4" | "A5"): string {
  return `
@media print {
  body * { visibility: hidden !important; }
  .ballot-sheets, .ballot-sheets * { visibility: visible !important; }
  .ballot-sheets { position: absolute; left: 0; top: 0; width: 100%; }
  .ballot-sheet { box-shadow: none !important; border: 0 !important; margin: 0 !important; padding: 0 !important; break-after: page; }
  .ballot-sheet:last-child { break-after: auto; }
  @page { size: ${page}; margin: 0; }
}
.ballot-sheet { background: #fff; margin: 0 auto 16px; width: fit-content; border: 1px solid #d9d9d9; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
.ballot-sheet svg { display: block; }
`;
}

export function BallotSheet(props: { readonly svg: string }) {
  return (
    <section
      className="ballot-sheet"
      data-testid="ballot-sheet"
      aria-label="Phiếu bầu cử"
      // The SVG is built from escaped text by renderBallotSvg (src/domain/scan/ballot-svg.ts).
      // biome-ignore lint/security/noDangerouslySetInnerHtml: our own escaped SVG
      dangerouslySetInnerHTML={{ __html: props.svg }}
    />
  );
}
