/**
 * A report as PDF: the same Party layout as the page, written as standalone HTML and printed by
 * Chromium (playwright-core, Debian's /usr/bin/chromium or CHROMIUM_PATH). The HTML needs no
 * session and no network: it is set as the page's content. playwright-core is loaded only when a
 * PDF is asked for, so a server without it still serves everything else.
 */

import { auditAnchorLine } from "../../domain/audit/wording.ts";
import { formatDocumentDate } from "../../domain/format/date.ts";
import type { Block, Report } from "../../domain/report/model.ts";
import type { ReportPrintExtras } from "../docx/report.ts";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font-family: "Times New Roman", Times, serif; font-size: 14pt; } }
@page :first { @top-center { content: none; } }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.5; color: #000; }
.head { display: flex; justify-content: space-between; text-align: center; }
.head .l { width: 45%; } .head .r { width: 55%; }
.sup { font-size: 14pt; } .iss { font-weight: bold; } .num { white-space: pre; }
.party { font-weight: bold; text-decoration: underline; font-size: 15pt; }
.date { font-style: italic; margin-top: 12pt; }
.title { text-align: center; margin-top: 18pt; font-weight: bold; }
.title .type { font-size: 16pt; }
h2 { font-size: 14pt; margin: 12pt 0 4pt; }
p { text-align: justify; text-indent: 1cm; margin: 6pt 0; }
table.rp { border-collapse: collapse; width: 100%; font-size: 12pt; }
table.rp thead { display: table-header-group; } table.rp tr { break-inside: avoid; }
.tt, h2 { break-after: avoid; }
table.rp td, table.rp th { border: 1px solid #000; padding: 2pt 4pt; text-align: center; }
table.rp td:nth-child(2) { text-align: left; }
.tt { font-weight: bold; font-size: 12pt; margin-top: 8pt; }
.sign { display: flex; justify-content: space-between; margin-top: 18pt; page-break-inside: avoid; }
.sign .l { width: 50%; font-size: 11pt; } .sign .r { width: 50%; text-align: center; font-weight: bold; }
.nn { font-weight: bold; font-style: italic; text-decoration: underline; font-size: 12pt; }
`;

function blockHtml(b: Block): string {
  switch (b.kind) {
    case "text":
      // The placeholder is an instruction on the page, never printed (issue 17).
      return b.text.trim() === ""
        ? ""
        : b.text
            .split(/\n+/)
            .map((x) => `<p>${esc(x)}</p>`)
            .join("");
    case "data":
      return `<p>${b.segments.map((s) => esc(s.text)).join("")}</p>`;
    case "table":
      return `<div class="tt">${esc(b.title)}</div><table class="rp"><thead><tr>${b.columns
        .map((c) => `<th>${esc(c)}</th>`)
        .join("")}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`;
  }
}

/** The report as one standalone HTML page in the Party layout. */
export function reportToHtml(r: Report, extras: ReportPrintExtras = {}): string {
  const h = r.heading;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(`${h.documentType} ${h.summary}`)}</title><style>${CSS}</style></head><body>
<div class="head"><div class="l"><div class="sup">${esc(h.superiorBody)}</div><div class="iss">${esc(h.issuingBody)}</div><div>*</div><div class="num">${esc(h.numberSymbol)}</div></div>
<div class="r"><div class="party">ĐẢNG CỘNG SẢN VIỆT NAM</div><div class="date">${esc(`${h.place}, ${formatDocumentDate(h.date)}`)}</div></div></div>
<div class="title"><div class="type">${esc(h.documentType)}</div><div>${esc(h.summary)}</div><div>-----</div></div>
${r.sections.map((s) => `<h2>${esc(s.title)}</h2>${s.blocks.map(blockHtml).join("")}`).join("\n")}
<div class="sign"><div class="l"><div class="nn">Nơi nhận:</div>${r.recipients.map((x) => `<div>- ${esc(x)}</div>`).join("")}</div>
<div class="r"><div>${esc(r.signature.onBehalfOf)}</div><div>${esc(r.signature.post)}</div><div style="height:72pt"></div><div>${esc(r.signature.name)}</div></div></div>
${extras.auditAnchor ? `<p class="anchor" style="font-style:italic;font-size:11pt;margin-top:24pt">${esc(auditAnchorLine(extras.auditAnchor))}</p>` : ""}
</body></html>`;
}

export async function reportToPdf(r: Report, extras: ReportPrintExtras = {}): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(reportToHtml(r, extras), { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: false, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
