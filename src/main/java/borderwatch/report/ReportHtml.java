package borderwatch.report;

import borderwatch.province.Province;
import java.util.Map;

/**
 * The report as one printable page set (A4) in the layout of Decree 30/2020/NĐ-CP. Written as
 * well-formed XHTML, so the PDF is drawn from the very same page.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static String render(PeriodReport r, String lang, Province gates) {
        return render(ReportDocument.of(r, gates, lang));
    }

    static String render(ReportDocument d) {
        StringBuilder h = new StringBuilder(24_576);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(d.lang())
         .append("\"><head><meta charset=\"utf-8\"/><title>").append(esc(String.join(" ", d.title()))).append("</title>");
        for (Map.Entry<String, String> m : d.metadata().entrySet()) {
            h.append("<meta name=\"borderwatch:").append(esc(m.getKey())).append("\" content=\"").append(esc(m.getValue()))
             .append("\"/>");
        }
        h.append("<style>").append(CSS).append("</style></head><body><article class=\"report\">");
        ReportDocument.Header hd = d.header();
        h.append("<table class=\"masthead\"><tr><td class=\"issuer\"><div>").append(esc(hd.issuerParent()))
         .append("</div><div class=\"b\">").append(esc(hd.issuer())).append("</div><div class=\"rule\"></div><div class=\"number\">")
         .append(esc(hd.number())).append("</div></td><td class=\"nation\"><div class=\"b\">").append(esc(hd.nationalTitle()))
         .append("</div><div class=\"motto\">").append(esc(hd.motto())).append("</div><div class=\"rule wide\"></div>")
         .append("<div class=\"place\">").append(esc(hd.placeAndDate())).append("</div></td></tr></table>");
        h.append("<h1>").append(esc(d.title().get(0))).append("</h1><p class=\"subject\">").append(esc(d.title().get(1)))
         .append("</p><p class=\"scope\">").append(esc(d.scope())).append("</p>");
        for (ReportDocument.Section s : d.sections()) {
            h.append("<section><h2>").append(esc(s.heading())).append("</h2>");
            for (String p : s.paragraphs()) {
                h.append("<p class=\"body\">").append(esc(p)).append("</p>");
            }
            if (s.table() != null) {
                table(h, s.table());
            }
            h.append("</section>");
        }
        h.append("<p class=\"note\">").append(esc(d.note())).append("</p>");
        h.append("<table class=\"closing\"><tr><td class=\"recipients\"><div class=\"to\">")
         .append(d.lang().equals("vi") ? "Nơi nhận:" : "Recipients:").append("</div>");
        for (String to : d.recipients()) {
            h.append("<div>- ").append(esc(to)).append("</div>");
        }
        ReportDocument.Signature sig = d.signature();
        h.append("</td><td class=\"signature\">");
        if (!sig.authority().isBlank()) {
            h.append("<div class=\"b\">").append(esc(sig.authority())).append("</div>");
        }
        h.append("<div class=\"b\">").append(esc(sig.title())).append("</div><div class=\"space\"></div><div class=\"b\">")
         .append(esc(sig.name().isBlank() ? "…" : sig.name())).append("</div></td></tr></table>");
        h.append("</article></body></html>");
        return h.toString();
    }

    private static void table(StringBuilder h, ReportDocument.Table t) {
        if (t.unit() != null) {
            h.append("<p class=\"unit\">").append(esc(t.unit())).append("</p>");
        }
        h.append("<table class=\"figures\"><thead><tr>");
        for (String c : t.columns()) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (ReportDocument.Row row : t.rows()) {
            h.append(row.total() ? "<tr class=\"total\">" : "<tr>");
            for (ReportDocument.Cell c : row.cells()) {
                h.append(c.kind() == ReportDocument.Cell.Kind.TEXT ? "<td>" : "<td class=\"n\">").append(esc(c.text()))
                 .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Decree 30/2020/NĐ-CP, appendix I: A4; margins top and bottom 20–25 mm, left 30–35 mm, right
     * 15–20 mm; Times New Roman; body 13–14 pt, justified, first line indented; the issuing body and
     * national title 12–13 pt upper case, the motto 13–14 pt bold; recipients 12 pt (list 11 pt).
     */
    static final String CSS = """
            @page { size: A4; margin: 20mm 15mm 20mm 30mm;
                    @top-center { content: counter(page); font-family: "Times New Roman", serif; font-size: 13pt; } }
            @page :first { @top-center { content: none; } }
            body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: #000; margin: 0;
                   background: #fff; }
            .report { max-width: 165mm; margin: 0 auto; font-size: 13pt; line-height: 1.3; }
            .b { font-weight: bold; }
            table.masthead, table.closing { width: 100%; border-collapse: collapse; }
            table.masthead td, table.closing td { vertical-align: top; border: none; padding: 0; }
            td.issuer { width: 34%; text-align: center; font-size: 12pt; }
            td.nation { text-align: center; font-size: 12pt; }
            .motto { font-weight: bold; font-size: 13pt; }
            .rule { border-top: 1px solid #000; width: 30%; margin: 1mm auto 2mm; }
            .rule.wide { width: 55%; }
            .number { font-size: 13pt; }
            .place { font-style: italic; font-size: 13pt; text-align: right; }
            h1 { font-size: 14pt; text-align: center; margin: 8mm 0 0; }
            .subject { font-weight: bold; font-size: 14pt; text-align: center; margin: 0; }
            .scope { font-style: italic; text-align: center; margin: 1mm 0 4mm; font-size: 12pt; }
            h2 { font-size: 13pt; margin: 4mm 0 1.5mm; page-break-after: avoid; }
            p.body { text-align: justify; text-indent: 10mm; margin: 0 0 6pt; }
            .unit { font-style: italic; font-size: 11pt; text-align: right; margin: 0 0 1mm; page-break-after: avoid; }
            table.figures { border-collapse: collapse; width: 100%; font-size: 11pt; line-height: 1.2;
                            -fs-table-paginate: paginate; }
            thead { display: table-header-group; }
            table.figures th, table.figures td { border: 1px solid #000; padding: 0.8mm 1.2mm; vertical-align: top; }
            table.figures td:first-child { width: 28%; }
            table.figures th { font-weight: bold; text-align: center; }
            td.n { text-align: right; white-space: nowrap; }
            tr { page-break-inside: avoid; }
            tr.total td { font-weight: bold; }
            .note { font-size: 11pt; font-style: italic; margin: 4mm 0; }
            td.recipients { width: 50%; font-size: 11pt; }
            .to { font-weight: bold; font-style: italic; font-size: 12pt; }
            td.signature { text-align: center; font-size: 13pt; }
            .space { height: 22mm; }
            """;
}
