package borderwatch.report;

import borderwatch.province.Province;
import borderwatch.readmodel.LiveReadModel;
import borderwatch.readmodel.ReadModel;
import borderwatch.readmodel.Replay;
import borderwatch.store.EventStorage;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/** Builds a year report by replaying the stored stream, and renders it in the asked format. */
public final class Reports {

    private Reports() {
    }

    /** A rendered report: its media type, bytes and the file name to save it under. */
    public record Rendered(String contentType, byte[] body, String fileName) {

        /** The body as text, for the text formats. */
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Replays the stream into {@code blank}, a read model that has seen nothing, and reads the report off it. */
    public static PeriodReport build(EventStorage storage, ReadModel blank, ReportRequest request, LongConsumer progress) {
        return PeriodReport.of(Replay.asOf(storage, blank, request.asOf(), progress), blank.gates(), request.period());
    }

    /**
     * The report as of now, read off a copy of the live read model: every fold a replay would build is
     * already there, so ten years of history cost nothing here. A report as of another instant replays.
     */
    public static PeriodReport current(LiveReadModel live, ReportRequest request) {
        ReadModel copy = live.query(ReadModel::copy);
        return PeriodReport.of(new Replay.Result(copy, copy.position(), request.asOf()), live.gates(), request.period());
    }

    public static Rendered render(PeriodReport report, ReportRequest request, Province gates, ObjectMapper json) {
        String name = ReportDocument.fileStem(report, request.lang()) + "." + request.format();
        // The document formats share one laid-out document; JSON and CSV are the figures themselves.
        java.util.function.Supplier<ReportDocument> document = () -> ReportDocument.of(report, gates, request.lang());
        return switch (request.format()) {
            case "html" -> new Rendered("text/html; charset=utf-8", utf8(ReportHtml.render(document.get())), name);
            // A byte-order mark, so Excel opens the UTF-8 file into columns with its diacritics intact.
            case "csv" -> new Rendered("text/csv; charset=utf-8", utf8("\uFEFF" + ReportCsv.render(report)), name);
            case "docx" -> new Rendered("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    ReportDocx.render(document.get()), name);
            case "xlsx" -> new Rendered("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ReportXlsx.render(document.get()), name);
            case "pdf" -> new Rendered("application/pdf", ReportPdf.render(document.get()), name);
            default -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("headline", String.join(" ", Headline.paragraphs(report.summary(),
                        new ReportFormat(request.lang(), gates.zone()), request.period())));
                out.put("report", report);
                try {
                    yield new Rendered("application/json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(out), name);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("report not serializable", e);
                }
            }
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
