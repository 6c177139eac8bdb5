package borderwatch.board;

import borderwatch.tradeplan.PlanProgress;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live board's messages, one record per message of the AsyncAPI document ({@code snapshot},
 * {@code gate}, {@code plan}, {@code feed}, {@code heartbeat}); a test holds each record's fields to
 * the document's schema. Other features' messages on the same feed are records of their own.
 */
public final class LiveProtocol {

    private LiveProtocol() {
    }

    /** The province a snapshot shows. */
    public record ProvinceHeader(String id, String nameVi, String nameEn, String zone) {
    }

    /** A level with a response plan a coordinator can weigh ("what if we act now"), with its names and actions. */
    public record PlannedLevel(int level, String id, String nameVi, String nameEn, List<String> actionsVi,
                               List<String> actionsEn) {
    }

    /** The 24 clock hours ending with the current one: start of each (epoch seconds) and vehicles out and in. */
    public record Hourly(long[] start, long[] export, @JsonProperty("import") long[] imports) {
    }

    /** The current hour's bucket of a gate; a new start moves the 24-hour window on. */
    public record Hour(long start, long export, @JsonProperty("import") long imports) {
    }

    /** A gate as a snapshot shows it: its tile, its day by the hour, its planned levels, its usual day and capacity. */
    public record GatePart(Board.Tile tile, Hourly hourly, List<PlannedLevel> levels, Double usualDay,
                           int clearancePerHour) {
    }

    /**
     * The whole board, sent first on every connection; {@code parts} are what other features add to it
     * (the latest forecast, the demo's scenarios), each under its own key.
     */
    public record Snapshot(String type, Instant at, long position, ProvinceHeader province, List<GatePart> gates,
                           PlanProgress plan, GoodsToday goodsToday, List<RecentActivity.Item> feed, double[] hourShare,
                           @JsonAnyGetter Map<String, Object> parts) {
    }

    /** One gate's tile and current hour after a change. */
    public record GateMessage(String type, Instant at, long position, Board.Tile tile, Hour hour) {
    }

    /** The year's plan progress and today's goods after a change of any gate's exports or of the plan. */
    public record PlanMessage(String type, Instant at, long position, PlanProgress plan, GoodsToday goodsToday) {
    }

    /** The recent activity after an item was added. */
    public record FeedMessage(String type, Instant at, long position, List<RecentActivity.Item> items) {
    }

    /** Sent after a while without other messages: the connection and the node are alive. */
    public record Heartbeat(String type, Instant at, long position) {
    }
}
