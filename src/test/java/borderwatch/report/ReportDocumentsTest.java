package borderwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.core.Core;
import borderwatch.json.ApiJson;
import borderwatch.province.Province;
import borderwatch.shared.Rejection;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report the department files: its periods, its wording, and the Word, Excel and PDF documents. */
class ReportDocumentsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final String HEADLINE = "Tổng kim ngạch 4.750 triệu USD, đạt 91,0% kế hoạch, giảm 2,4% so với cùng kỳ; "
            + "xuất khẩu 2.550 triệu USD, đạt 81,0% kế hoạch, giảm 14,0% so với cùng kỳ; "
            + "nhập khẩu 2.200 triệu USD, đạt 105,7% kế hoạch, tăng 15,8% so với cùng kỳ. "
            + "Các mặt hàng xuất khẩu chủ yếu của địa phương đạt 137,5 triệu USD, đạt 100,0% kế hoạch, "
            + "tăng 9,6% so với cùng kỳ.";

    @TempDir
    Path data;
    private Core core;
    private Province gates = Province.defaults();

    @BeforeEach
    void history() {
        core = LangSon2019.open(data, gates);
    }

    @AfterEach
    void close() {
        core.close();
    }

    private Reports.Rendered render(int year, String period, String asOf, String format) {
        ReportRequest request = ReportRequest.of(year, period, asOf, NOW, ZONE, "vi", format);
        return Reports.render(Reports.build(core.storage(), core.live().blank(), request, p -> { }), request, gates,
                ApiJson.mapper());
    }

    private PeriodReport report(int year, String period, String asOf) {
        return Reports.build(core.storage(), core.live().blank(), ReportRequest.of(year, period, asOf, NOW, ZONE, "vi", "json"),
                p -> { });
    }

    private static String docxText(byte[] bytes) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> out = new ArrayList<>();
            doc.getBodyElements().forEach(e -> {
                if (e instanceof XWPFParagraph p) {
                    out.add(p.getText());
                } else if (e instanceof XWPFTable t) {
                    t.getRows().forEach(r -> r.getTableCells().forEach(c -> out.add(c.getText())));
                }
            });
            return String.join("\n", out);
        }
    }

    @Test
    void theWordDocumentHasTheDecreesHeaderTheFiguresAndTheSignatureFromTheProvinceFile() throws Exception {
        Reports.Rendered docx = render(2019, "year", "2019-12-31", "docx");
        assertThat(docx.fileName()).isEqualTo("bao-cao-lang-son-2019-vi.docx");
        String text = docxText(docx.body());
        assertThat(text).contains("UBND TỈNH LẠNG SƠN", "SỞ CÔNG THƯƠNG", "Số: …/BC-SCT",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lạng Sơn, ngày 31 tháng 12 năm 2019",
                "BÁO CÁO", "Tình hình xuất nhập khẩu hàng hóa qua các cửa khẩu tỉnh Lạng Sơn năm 2019", HEADLINE,
                "Nơi nhận:", "- Bộ Công Thương (b/c);", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
        // The stream position is the document's metadata, not its text.
        assertThat(text).doesNotContain("vị trí", "position");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            assertThat(doc.getProperties().getCoreProperties().getDescription()).contains("streamPosition=");
            var margins = doc.getDocument().getBody().getSectPr().getPgMar();
            assertThat(((java.math.BigInteger) margins.getLeft()).intValue()).isEqualTo(1701); // 30 mm
            assertThat(doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .allMatch(r -> "Times New Roman".equals(r.getFontFamily()))).isTrue();
        }
    }

    @Test
    void theWorkbookHoldsTheTablesAsNumbersWithNumberFormats() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(render(2019, "year", "2019-12-31", "xlsx").body()))) {
            Sheet summary = book.getSheetAt(0);
            Row total = rowStartingWith(summary, "Tổng kim ngạch");
            assertThat(total.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(4750.0);
            assertThat(total.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Cell percent = rowStartingWith(summary, "Nhập khẩu").getCell(3);
            assertThat(percent.getNumericCellValue()).isEqualTo(1.057, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(percent.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            Sheet byGate = book.getSheet("THEO CỬA KHẨU");
            Row huuNghi = rowStartingWith(byGate, "Hữu Nghị");
            assertThat(huuNghi.getCell(1).getNumericCellValue()).isEqualTo(1500.0);
            assertThat(huuNghi.getCell(4).getNumericCellValue()).isEqualTo(450.0);
        }
    }

    private static Row rowStartingWith(Sheet sheet, String text) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING
                    && r.getCell(0).getStringCellValue().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no row '" + text + "' in sheet " + sheet.getSheetName());
    }

    @Test
    void thePdfPrintsTheSamePageWithItsVietnameseFontEmbedded() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(render(2019, "year", "2019-12-31", "pdf").body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Độc lập - Tự do - Hạnh phúc", "4.750 triệu USD, đạt 91,0% kế hoạch", "137,5 triệu USD");
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(595.0f, org.assertj.core.data.Offset.offset(1f));
            assertThat(pdf.getPage(0).getResources().getFontNames()).isNotEmpty();
            pdf.getPage(0).getResources().getFontNames().forEach(name -> {
                try {
                    assertThat(pdf.getPage(0).getResources().getFont(name).isEmbedded()).isTrue();
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @Test
    void anotherProvinceSignsWithItsOwnNamesAndNoCode() throws Exception {
        String file = new String(Province.class.getResourceAsStream(Province.DEFAULT_RESOURCE).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"signerName\": \"\"", "\"signerName\": \"Nguyễn Văn An\"")
                .replace("\"documentCode\": \"BC-SCT\"", "\"documentCode\": \"BC-SCT-XNK\"");
        Path gatesFile = data.resolveSibling(data.getFileName() + "-gates.json");
        Files.writeString(gatesFile, file);
        gates = Province.load(gatesFile);
        String text = docxText(render(2019, "year", "2019-12-31", "docx").body());
        assertThat(text).contains("Nguyễn Văn An", "Số: …/BC-SCT-XNK");
    }

    @Test
    void aQuarterAMonthTheFirstHalfAndTheYearToDate() {
        PeriodReport q2 = report(2019, "q2", null);
        assertThat(q2.firstDay()).isEqualTo(LocalDate.of(2019, 4, 1));
        assertThat(q2.lastDay()).isEqualTo(LocalDate.of(2019, 6, 30));
        assertThat(q2.months()).extracting(PeriodReport.MonthLine::month).containsExactly(4, 5, 6);
        assertThat(q2.summary().total().yearToDateUsd()).isEqualByComparingTo("4750000000");
        // A quarter is measured against the year's plan, and has no year-end estimate.
        assertThat(Headline.sentence(q2.summary(), new ReportFormat("vi", ZONE), ReportPeriod.of("q2", 2019, q2.lastDay())))
                .startsWith("Quý II năm 2019, tổng kim ngạch 4.750 triệu USD, đạt 91,0% kế hoạch năm, giảm 2,4% so với cùng kỳ;");
        assertThat(q2.summary().total().projectedUsd()).isNull();
        assertThat(report(2019, "m06", null).summary().export().yearToDateUsd()).isEqualByComparingTo("2550000000");
        PeriodReport march = report(2019, "m03", null);
        assertThat(march.summary().total().yearToDateUsd()).isEqualByComparingTo("0");
        assertThat(march.summary().total().samePeriodLastYearUsd()).isNull();
        // The year to date on 30 June carries the estimate for the year: 4.750 × 365 / 181.
        PeriodReport ytd = report(2019, "ytd", "2019-06-30");
        assertThat(ytd.lastDay()).isEqualTo(LocalDate.of(2019, 6, 30));
        assertThat(ytd.summary().total().projectedUsd()).isEqualByComparingTo("9578729281.77");
        assertThat(Headline.paragraphs(ytd.summary(), new ReportFormat("vi", ZONE), ReportPeriod.of("ytd", 2019, ytd.lastDay())))
                .last().asString().startsWith("Ước cả năm, tổng kim ngạch đạt 9.578,7 triệu USD, bằng 183,5% kế hoạch năm;");
        assertThat(render(2019, "h1", null, "html").text()).contains("6 tháng đầu năm 2019", "Ước cả năm");
    }

    @Test
    void theFirstNMonthsAndAnyRunOfDays() throws Exception {
        PeriodReport four = report(2019, "first4", null);
        assertThat(four.firstDay()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(four.lastDay()).isEqualTo(LocalDate.of(2019, 4, 30));
        assertThat(render(2019, "first4", null, "html").text()).contains("4 tháng đầu năm 2019", "Ước cả năm");
        ReportRequest range = ReportRequest.of(2019, null, "2019-03-15", "2019-05-20", null, NOW, ZONE, "vi", "html");
        assertThat(range.period().first()).isEqualTo(LocalDate.of(2019, 3, 15));
        assertThat(range.period().last()).isEqualTo(LocalDate.of(2019, 5, 20));
        Reports.Rendered html = Reports.render(Reports.build(core.storage(), core.live().blank(), range, p -> { }), range,
                gates, ApiJson.mapper());
        assertThat(html.fileName()).isEqualTo("bao-cao-lang-son-2019-0315-0520-vi.html");
        assertThat(html.text()).contains("từ ngày 15/03/2019 đến ngày 20/05/2019").doesNotContain("20/05/2019 năm 2019");
        assertThatThrownBy(() -> ReportRequest.of(2019, "year", "2019-03-15", "2019-05-20", null, NOW, ZONE, "vi", "pdf"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("period"));
        assertThatThrownBy(() -> ReportRequest.of(2019, null, "2019-03-15", null, null, NOW, ZONE, "vi", "pdf"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("to"));
        assertThatThrownBy(() -> ReportRequest.of(2019, null, "2019-05-15", "2019-03-20", null, NOW, ZONE, "vi", "pdf"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("to"));
        assertThatThrownBy(() -> ReportRequest.of(2019, null, "2018-12-31", "2019-03-20", null, NOW, ZONE, "vi", "pdf"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("from"));
        assertThatThrownBy(() -> ReportRequest.of(2019, "first13", null, NOW, ZONE, "vi", "pdf"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("period"));
    }

    /** What Word reads: fixed column widths on a grid, a header row that repeats, a page number from page two. */
    @Test
    void theWordTablesHaveWidthsRepeatedHeadersAndThePagesNumbers() throws Exception {
        byte[] docx = render(2019, "year", "2019-12-31", "docx").body();
        String body = zipEntry(docx, "word/document.xml");
        assertThat(body).contains("<w:tblLayout w:type=\"fixed\"/>").contains("<w:tblHeader").contains("<w:cantSplit");
        // Every table's grid fills the 165 mm of text (9.354 twips), the names' column at least 22% of it.
        var grids = java.util.regex.Pattern.compile("<w:tblGrid>(.*?)</w:tblGrid>").matcher(body);
        int tables = 0;
        while (grids.find()) {
            List<Integer> cols = java.util.regex.Pattern.compile("w:w=\"(\\d+)\"").matcher(grids.group(1)).results()
                    .map(m -> Integer.parseInt(m.group(1))).toList();
            if (cols.size() > 2) {
                tables++;
                assertThat(cols.stream().mapToInt(Integer::intValue).sum()).isEqualTo(9354);
                assertThat(cols.get(0)).isGreaterThanOrEqualTo(2058);
            }
        }
        assertThat(tables).as("figure tables").isGreaterThanOrEqualTo(5);
        assertThat(body).contains("<w:titlePg/>");
        String headers = String.join("", zipEntries(docx, "word/header"));
        assertThat(headers).contains("PAGE \\* MERGEFORMAT");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(render(2019, "year", "2019-12-31", "xlsx").body()))) {
            Sheet byGate = book.getSheet("THEO CỬA KHẨU");
            assertThat(byGate.getPaneInformation()).isNotNull();
            assertThat(byGate.getPaneInformation().isFreezePane()).isTrue();
            assertThat(byGate.getRepeatingRows()).isNotNull();
            assertThat(byGate.getFooter().getCenter()).isEqualTo("Trang &P/&N");
            assertThat(book.getSheet("ĐÁNH GIÁ")).isNotNull();
            assertThat(book.getSheet("ĐỀ XUẤT, KIẾN NGHỊ")).isNotNull();
        }
        try (PDDocument pdf = Loader.loadPDF(render(2019, "year", "2019-12-31", "pdf").body())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            assertThat(second.getText(pdf).strip()).startsWith("2");
        }
    }

    private static String zipEntry(byte[] zip, String name) throws Exception {
        List<String> found = zipEntries(zip, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private static List<String> zipEntries(byte[] zip, String prefix) throws Exception {
        List<String> out = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().startsWith(prefix)) {
                    out.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Test
    void periodsThatHaveNotBegunAndAsOfsBeforeThePeriodAreRefused() {
        assertThatThrownBy(() -> ReportRequest.of(2026, "m12", null, NOW, ZONE, "vi", "pdf"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("period"));
        assertThatThrownBy(() -> ReportRequest.of(2026, "q4", "2026-09-30", NOW, ZONE, "vi", "pdf"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("asOf"));
        assertThatThrownBy(() -> ReportRequest.of(2026, "q5", null, NOW, ZONE, "vi", "pdf"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("period"));
        assertThatThrownBy(() -> ReportRequest.of(2026, "year", null, NOW, ZONE, "vi", "odt"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("format"));
        assertThat(ReportRequest.of(2026, "q4", null, NOW, ZONE, "vi", "pdf").period().first()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void wordedAsAnOfficialWritesIt() {
        ReportFormat vi = new ReportFormat("vi", ZONE);
        assertThat(vi.change(new BigDecimal("0.0"))).isEqualTo("tương đương cùng kỳ");
        assertThat(vi.change(new BigDecimal("0.04"))).isEqualTo("tương đương cùng kỳ");
        assertThat(vi.change(new BigDecimal("-0.1"))).isEqualTo("giảm 0,1% so với cùng kỳ");
        // 2018 has no year before it: a dash in the table and one sentence, never "0,00".
        String y2018 = render(2018, "year", "2018-12-31", "html").text();
        assertThat(y2018).contains("Chưa có số liệu cùng kỳ năm trước để so sánh.").doesNotContain("chưa có số liệu cùng kỳ;")
                .contains("<td>Tổng kim ngạch</td><td class=\"n\">4.865,00</td><td class=\"n\">—</td><td class=\"n\">—</td>"
                        + "<td class=\"n\">—</td><td class=\"n\">—</td>");
        String y2019 = render(2019, "year", "2019-12-31", "html").text();
        // Road trucks and railway wagons apart; imported days have no queue reports.
        assertThat(y2019).contains("Toàn tỉnh — đường bộ (xe)</td><td>Xuất</td><td class=\"n\">800</td>",
                "Toàn tỉnh — đường sắt (toa)</td><td>Xuất</td><td class=\"n\">12</td>", "không có số liệu hàng đợi")
                .doesNotContain("vị trí luồng");
    }
}
