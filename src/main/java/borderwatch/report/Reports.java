package borderwatch.report;

import borderwatch.gate.Province;
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

    public record Rendered(String contentType, String body) {
    }

    /** Replays the stream into {@code blank}, a read model that has seen nothing, and reads the report off it. */
    public static YearReport build(EventStorage storage, ReadModel blank, ReportRequest request, LongConsumer progress) {
        return YearReport.of(Replay.asOf(storage, blank, request.asOf(), progress), blank.gates(), request.year());
    }

    /**
     * The report as of now, read off a copy of the live read model: every fold a replay would build is
     * already there, so ten years of history cost nothing here. A report as of another instant replays.
     */
    public static YearReport current(LiveReadModel live, ReportRequest request) {
        ReadModel copy = live.query(ReadModel::copy);
        return YearReport.of(new Replay.Result(copy, copy.position(), request.asOf()), live.gates(), request.year());
    }

    public static Rendered render(YearReport report, ReportRequest request, Province gates, ObjectMapper json) {
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
