package borderwatch.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The report as a Word document the department edits before signing: the layout of Decree
 * 30/2020/NĐ-CP (A4, margins 20/15/20/30 mm, Times New Roman 13 pt body, the masthead and the
 * signature block in borderless tables), every figure as in the other formats.
 */
final class ReportDocx {

    private static final String FONT = "Times New Roman";
    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 56.6929;
    /** Tables a size below the 11 pt notes, so seven columns of figures fit the page without wrapping. */
    private static final double TABLE_PT = 10.5;
    /** A4's 210 mm less the margins of 30 and 15 mm. */
    private static final double TEXT_WIDTH_MM = 165;

    private ReportDocx() {
    }

    static byte[] render(ReportDocument d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            pageNumbers(doc);
            properties(doc, d);
            masthead(doc, d.header());
            paragraph(doc, d.title().get(0), 14, true, false, ParagraphAlignment.CENTER, 240);
            paragraph(doc, d.title().get(1), 14, true, false, ParagraphAlignment.CENTER, 0);
            paragraph(doc, d.scope(), 12, false, true, ParagraphAlignment.CENTER, 120);
            for (ReportDocument.Section s : d.sections()) {
                // A heading stays on the page of what it heads.
                keepWithNext(paragraph(doc, s.heading(), 13, true, false, ParagraphAlignment.LEFT, 120));
                for (String p : s.paragraphs()) {
                    XWPFParagraph para = paragraph(doc, p, 13, false, false, ParagraphAlignment.BOTH, 0);
                    para.setIndentationFirstLine(mm(10));
                    para.setSpacingAfter(120);
                }
                if (s.table() != null) {
                    table(doc, s.table());
                }
            }
            paragraph(doc, d.note(), 11, false, true, ParagraphAlignment.LEFT, 200);
            closing(doc, d);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report as DOCX", e);
        }
    }

    private static void keepWithNext(XWPFParagraph p) {
        (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewKeepNext();
    }

    private static int mm(double mm) {
        return (int) Math.round(mm * TWIPS_PER_MM);
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11_906));
        size.setH(BigInteger.valueOf(16_838));
        CTPageMar margins = sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(mm(20)));
        margins.setBottom(BigInteger.valueOf(mm(20)));
        margins.setLeft(BigInteger.valueOf(mm(30)));
        margins.setRight(BigInteger.valueOf(mm(15)));
    }

    /**
     * Page numbers as the Decree sets them: centred at the top of every page from the second (the
     * first page has a header of its own, left empty), a PAGE field Word fills in.
     */
    private static void pageNumbers(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().getSectPr();
        sect.addNewTitlePg();
        XWPFHeaderFooterPolicy policy = new XWPFHeaderFooterPolicy(doc, sect);
        XWPFHeader header = policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph p = header.getParagraphArray(0) == null ? header.createParagraph() : header.getParagraphArray(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        CTSimpleField page = p.getCTP().addNewFldSimple();
        page.setInstr("PAGE \\* MERGEFORMAT");
        CTR number = page.addNewR();
        CTRPr font = number.addNewRPr();
        font.addNewRFonts().setAscii(FONT);
        font.addNewSz().setVal(BigInteger.valueOf(26));
        number.addNewT().setStringValue("2");
        policy.createHeader(XWPFHeaderFooterPolicy.FIRST);
    }

    /** The stream position and the as-of instant stay out of the text, in the document's properties. */
    private static void properties(XWPFDocument doc, ReportDocument d) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        core.setTitle(String.join(" ", d.title()));
        core.setCreator("BorderWatch");
        StringBuilder description = new StringBuilder();
        d.metadata().forEach((k, v) -> description.append(description.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        core.setDescription(description.toString());
        d.metadata().forEach((k, v) -> doc.getProperties().getCustomProperties().addProperty("borderwatch." + k, v));
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text, double size, boolean bold, boolean italic,
                                           ParagraphAlignment align, int spaceBefore) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBefore(spaceBefore);
        p.setSpacingAfter(0);
        run(p, text, size, bold, italic);
        return p;
    }

    private static void run(XWPFParagraph p, String text, double size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text);
    }

    /** One cell's lines, each its own centred paragraph. */
    private static void lines(XWPFTableCell cell, List<Line> lines) {
        cell.removeParagraph(0);
        for (Line l : lines) {
            XWPFParagraph p = cell.addParagraph();
            p.setAlignment(l.align);
            p.setSpacingAfter(0);
            run(p, l.text, l.size, l.bold, l.italic);
        }
    }

    private record Line(String text, double size, boolean bold, boolean italic, ParagraphAlignment align) {
        static Line centred(String text, double size, boolean bold) {
            return new Line(text, size, bold, false, ParagraphAlignment.CENTER);
        }
    }

    private static XWPFTable twoColumns(XWPFDocument doc, int leftMm, int rightMm) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setWidth(mm(leftMm + rightMm));
        t.getRow(0).getCell(0).setWidth(Integer.toString(mm(leftMm)));
        t.getRow(0).getCell(1).setWidth(Integer.toString(mm(rightMm)));
        return t;
    }

    private static void masthead(XWPFDocument doc, ReportDocument.Header h) {
        XWPFTable t = twoColumns(doc, 62, 103);
        lines(t.getRow(0).getCell(0), List.of(Line.centred(h.issuerParent(), 12, false), Line.centred(h.issuer(), 12, true),
                Line.centred("―――――", 10, false), Line.centred(h.number(), 13, false)));
        lines(t.getRow(0).getCell(1), List.of(Line.centred(h.nationalTitle(), 12, true), Line.centred(h.motto(), 13, true),
                Line.centred("――――――――――――", 10, false),
                new Line(h.placeAndDate(), 13, false, true, ParagraphAlignment.RIGHT)));
    }

    private static void table(XWPFDocument doc, ReportDocument.Table t) {
        if (t.unit() != null) {
            keepWithNext(paragraph(doc, t.unit(), 11, false, true, ParagraphAlignment.RIGHT, 60));
        }
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.columns().size());
        int[] widths = columnWidths(t);
        fixedWidths(table, widths);
        table.setTableAlignment(TableRowAlign.CENTER);
        row(table.getRow(0), t.columns(), true, true);
        // The header row repeats on every page the table runs onto, and no row breaks across pages.
        table.getRow(0).setRepeatHeader(true);
        table.getRow(0).setCantSplitRow(true);
        for (int i = 0; i < t.rows().size(); i++) {
            ReportDocument.Row r = t.rows().get(i);
            XWPFTableRow row = table.getRow(i + 1);
            row.setCantSplitRow(true);
            for (int c = 0; c < r.cells().size(); c++) {
                ReportDocument.Cell cell = r.cells().get(c);
                boolean text = cell.kind() == ReportDocument.Cell.Kind.TEXT;
                // A minus sign Word would break a line after is set as a non-breaking hyphen.
                cell(row.getCell(c), text ? cell.text() : cell.text().replace('-', '\u2011'), r.total(),
                        text ? ParagraphAlignment.LEFT : ParagraphAlignment.RIGHT);
            }
        }
    }

    /**
     * The text width (165 mm) split by what each column holds: its longest figure, or its longest
     * heading word (headings wrap between words, figures must not wrap at all); the names' column
     * takes at least a quarter. In twips.
     */
    static int[] columnWidths(ReportDocument.Table t) {
        int columns = t.columns().size();
        double[] need = new double[columns];
        for (int c = 0; c < columns; c++) {
            for (String word : t.columns().get(c).split("\\s+")) {
                need[c] = Math.max(need[c], word.length());
            }
            for (ReportDocument.Row r : t.rows()) {
                if (c < r.cells().size()) {
                    ReportDocument.Cell cell = r.cells().get(c);
                    // Names wrap like headings; figures, dates and short texts stay on one line.
                    int len = cell.kind() == ReportDocument.Cell.Kind.TEXT && c == 0 ? 0 : cell.text().length();
                    need[c] = Math.max(need[c], len);
                }
            }
            need[c] += 3;
        }
        double sum = 0;
        for (double n : need) {
            sum += n;
        }
        int total = mm(TEXT_WIDTH_MM);
        int[] w = new int[columns];
        int first = columns == 1 ? total : Math.max((int) Math.round(total * 0.22), (int) Math.round(total * need[0] / sum));
        w[0] = first;
        double rest = sum - need[0];
        int used = first;
        for (int c = 1; c < columns; c++) {
            w[c] = c == columns - 1 ? total - used : (int) Math.round((total - first) * need[c] / rest);
            used += w[c];
        }
        return w;
    }

    /**
     * A fixed layout with the grid and every cell's width set in twips: Word and LibreOffice then lay
     * the table out as drawn instead of squeezing it to its contents.
     */
    private static void fixedWidths(XWPFTable table, int[] widths) {
        CTTbl ct = table.getCTTbl();
        CTTblPr pr = ct.getTblPr() == null ? ct.addNewTblPr() : ct.getTblPr();
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        table.setWidth(Integer.toString(total));
        CTTblGrid grid = ct.getTblGrid() == null ? ct.addNewTblGrid() : ct.getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < widths.length && c < row.getTableCells().size(); c++) {
                row.getCell(c).setWidth(Integer.toString(widths[c]));
            }
        }
    }

    private static void row(XWPFTableRow row, List<String> texts, boolean bold, boolean header) {
        for (int c = 0; c < texts.size(); c++) {
            cell(row.getCell(c), texts.get(c), bold, header ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        }
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(align);
        p.setSpacingAfter(0);
        run(p, text, TABLE_PT, bold, false);
    }

    private static void closing(XWPFDocument doc, ReportDocument d) {
        XWPFTable t = twoColumns(doc, 85, 80);
        List<Line> left = new java.util.ArrayList<>();
        left.add(new Line(d.lang().equals("vi") ? "Nơi nhận:" : "Recipients:", 12, true, true, ParagraphAlignment.LEFT));
        for (String to : d.recipients()) {
            left.add(new Line("- " + to, 11, false, false, ParagraphAlignment.LEFT));
        }
        lines(t.getRow(0).getCell(0), left);
        ReportDocument.Signature s = d.signature();
        List<Line> right = new java.util.ArrayList<>();
        if (!s.authority().isBlank()) {
            right.add(Line.centred(s.authority(), 13, true));
        }
        right.add(Line.centred(s.title(), 13, true));
        for (int i = 0; i < 4; i++) {
            right.add(Line.centred("", 13, false));
        }
        right.add(Line.centred(s.name().isBlank() ? "…" : s.name(), 13, true));
        lines(t.getRow(0).getCell(1), right);
    }
}
