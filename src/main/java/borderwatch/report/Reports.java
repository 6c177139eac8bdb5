package borderwatch.report;

import borderwatch.gate.Gates;
import borderwatch.projection.Replay;
import borderwatch.store.EventStorage;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/** Builds a year report by replaying the stored stream, and renders it in the asked format. */
public final class Reports {

    private Reports() {
    }

    public record Rendered(String contentType, String body) {
    }

    public static YearReport build(EventStorage storage, Gates gates, ReportRequest request, LongConsumer progress) {
        return YearReport.of(Replay.asOf(storage, gates, request.asOf(), progress), gates, request.year());
    }

    public static Rendered render(YearReport report, ReportRequest request, Gates gates, ObjectMapper json) {
        return switch (request.format()) {
            case "html" -> new Rendered("text/html; charset=utf-8", ReportHtml.render(report, request.lang(), gates));
            case "csv" -> new Rendered("text/csv; charset=utf-8", ReportCsv.render(report));
            default -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("headline", ReportHtml.sentence(report.summary(), new ReportFormat(request.lang(), gates.zone())));
                out.put("report", report);
                try {
                    yield new Rendered("application/json", json.writerWithDefaultPrettyPrinter().writeValueAsString(out));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("report not serializable", e);
                }
            }
        };
    }
}
