package borderwatch.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report as a workbook to work in: the headline and summary on the first sheet, one sheet per
 * section after it, each with its column names frozen in view and repeated on every printed page. Figures are numeric cells with number formats (millions with two decimals, whole
 * vehicles, percentages as percentages), so a spreadsheet can add them up; Excel shows them with
 * the reader's own separators.
 */
final class ReportXlsx {

    private ReportXlsx() {
    }

    static byte[] render(ReportDocument d) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            for (ReportDocument.Section s : d.sections()) {
                Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(s.heading().replaceFirst("^[IVX]+\\. ", "")));
                int at = 0;
                if (book.getNumberOfSheets() == 1) {
                    at = text(sheet, at, d.header().issuerParent(), styles.plain);
                    at = text(sheet, at, d.header().issuer(), styles.bold);
                    at = text(sheet, at, String.join(" ", d.title()), styles.bold);
                    at = text(sheet, at, d.scope(), styles.plain) + 1;
                }
                at = text(sheet, at, s.heading(), styles.bold);
                for (String p : s.paragraphs()) {
                    at = paragraph(sheet, at, p, styles.wrapped);
                }
                if (s.table() != null) {
                    int header = table(sheet, at + 1, s.table(), styles);
                    // Scrolling and printing keep the column names in sight.
                    sheet.createFreezePane(0, header + 1);
                    sheet.setRepeatingRows(new CellRangeAddress(header, header, -1, -1));
                }
                sheet.setColumnWidth(0, 44 * 256);
                for (int c = 1; c < COLUMNS; c++) {
                    sheet.setColumnWidth(c, 17 * 256);
                }
                print(sheet, d);
            }
            var props = book.getProperties().getCoreProperties();
            props.setTitle(String.join(" ", d.title()));
            props.setCreator("BorderWatch");
            d.metadata().forEach((k, v) -> book.getProperties().getCustomProperties().addProperty("borderwatch." + k, v));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report as XLSX", e);
        }
    }

    private static final int COLUMNS = 8;
    /** Characters a row of the merged paragraph cells holds, roughly: 44 + 7 × 17 columns wide. */
    private static final int LINE_CHARACTERS = 150;

    /** A4, fitted to the page's width, with the page number and count in the footer. */
    private static void print(Sheet sheet, ReportDocument d) {
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setAutobreaks(true);
        sheet.getFooter().setCenter((d.lang().equals("vi") ? "Trang &P/&N" : "Page &P of &N"));
    }

    /** A paragraph across the sheet's columns, wrapped, its row as tall as its lines. */
    private static int paragraph(Sheet sheet, int row, String text, CellStyle style) {
        Row r = sheet.createRow(row);
        var cell = r.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(row, row, 0, COLUMNS - 1));
        int lines = Math.max(1, (text.length() + LINE_CHARACTERS - 1) / LINE_CHARACTERS);
        r.setHeightInPoints(lines * sheet.getDefaultRowHeightInPoints());
        return row + 1;
    }

    private static int text(Sheet sheet, int row, String text, CellStyle style) {
        var cell = sheet.createRow(row).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        return row + 1;
    }

    /** Writes the table from row {@code first}; returns the row of its column names. */
    private static int table(Sheet sheet, int first, ReportDocument.Table t, Styles styles) {
        int at = first;
        if (t.unit() != null) {
            at = text(sheet, at, t.unit(), styles.plain);
        }
        int header = at;
        Row head = sheet.createRow(at++);
        for (int c = 0; c < t.columns().size(); c++) {
            var cell = head.createCell(c);
            cell.setCellValue(t.columns().get(c));
            cell.setCellStyle(styles.header);
        }
        for (ReportDocument.Row r : t.rows()) {
            Row row = sheet.createRow(at++);
            for (int c = 0; c < r.cells().size(); c++) {
                ReportDocument.Cell x = r.cells().get(c);
                var cell = row.createCell(c);
                if (x.kind() == ReportDocument.Cell.Kind.DATE) {
                    cell.setCellValue(LocalDate.parse(x.text(), DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                } else if (x.value() == null) {
                    cell.setCellValue(x.text());
                } else {
                    BigDecimal v = x.kind() == ReportDocument.Cell.Kind.PERCENT ? x.value().movePointLeft(2) : x.value();
                    cell.setCellValue(v.doubleValue());
                }
                cell.setCellStyle(styles.of(x.kind(), r.total()));
            }
        }
        return header;
    }

    /** One style per kind of cell, shared: a workbook holds at most 64,000 styles. */
    private static final class Styles {
        final CellStyle plain;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle wrapped;
        private final Map<ReportDocument.Cell.Kind, CellStyle[]> byKind = new EnumMap<>(ReportDocument.Cell.Kind.class);

        Styles(XSSFWorkbook book) {
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            plain = book.createCellStyle();
            bold = book.createCellStyle();
            bold.setFont(boldFont);
            wrapped = book.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            header = boxed(book);
            header.setFont(boldFont);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            var formats = book.createDataFormat();
            Map<ReportDocument.Cell.Kind, String> patterns = Map.of(ReportDocument.Cell.Kind.TEXT, "@",
                    ReportDocument.Cell.Kind.MILLIONS, "#,##0.00", ReportDocument.Cell.Kind.INTEGER, "#,##0",
                    ReportDocument.Cell.Kind.PERCENT, "0.0%", ReportDocument.Cell.Kind.DECIMAL, "#,##0.0",
                    ReportDocument.Cell.Kind.DATE, "dd/mm/yyyy");
            patterns.forEach((kind, pattern) -> {
                CellStyle normal = boxed(book);
                normal.setDataFormat(formats.getFormat(pattern));
                CellStyle total = boxed(book);
                total.cloneStyleFrom(normal);
                total.setFont(boldFont);
                byKind.put(kind, new CellStyle[] {normal, total});
            });
        }

        private static CellStyle boxed(XSSFWorkbook book) {
            CellStyle s = book.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }

        CellStyle of(ReportDocument.Cell.Kind kind, boolean total) {
            return byKind.get(kind)[total ? 1 : 0];
        }
    }
}
