package borderwatch.board;

import borderwatch.json.ApiJson;
import borderwatch.province.GateConfig;
import borderwatch.readmodel.ReadModel;
import borderwatch.tradeplan.PlanProgress;
import borderwatch.traffic.Traffic;
import borderwatch.traffic.TrafficProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON messages of the live feed; see the README for the protocol. */
final class LiveMessages {

    private LiveMessages() {
    }

    static Buffer encode(Map<String, Object> message) {
        try {
            return Buffer.buffer(ApiJson.mapper().writeValueAsBytes(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("live message not serializable", e);
        }
    }

    static Map<String, Object> snapshot(ReadModel model, Instant now) {
        Board board = Board.of(model, now);
        Map<String, Object> m = message("snapshot", model, now);
        m.put("province", Map.of("id", model.gates().provinceId(), "nameVi", model.gates().provinceVi(),
                "nameEn", model.gates().provinceEn(), "zone", model.gates().zone().getId()));
        List<Map<String, Object>> gates = new ArrayList<>();
        for (Board.Tile tile : board.gates()) {
            gates.add(gatePart(model, tile, now));
        }
        m.put("gates", gates);
        m.put("plan", plan(model, now));
        m.put("goodsToday", board.goodsToday());
        m.put("feed", RecentActivity.of(model).items());
        // How a usual day's vehicles spread over its hours, for "today against a usual day by now".
        double[] shares = new double[24];
        for (int h = 0; h < 24; h++) {
            shares[h] = TrafficProfile.hourShare(h);
        }
        m.put("hourShare", shares);
        return m;
    }

    static final int USUAL_DAYS = 28;

    static Map<String, Object> gate(ReadModel model, String gateId, Instant now) {
        Board.Tile tile = Board.tile(model, model.gates().get(gateId), now);
        Map<String, Object> m = message("gate", model, now);
        m.put("tile", tile);
        // Only the current hour changes with a report; the snapshot carries the other 23.
        Map<String, Object> hourly = hourly(model, gateId, now);
        m.put("hour", Map.of("start", ((long[]) hourly.get("start"))[23], "export",
                ((long[]) hourly.get("export"))[23], "import", ((long[]) hourly.get("import"))[23]));
        return m;
    }

    static Map<String, Object> planMessage(ReadModel model, Instant now) {
        Map<String, Object> m = message("plan", model, now);
        m.put("plan", plan(model, now));
        // The watched group's share moves with any gate's exports, as the plan's progress does.
        m.put("goodsToday", GoodsToday.province(model, now));
        return m;
    }

    static Map<String, Object> feed(ReadModel model, Instant now, List<RecentActivity.Item> items) {
        Map<String, Object> m = message("feed", model, now);
        m.put("items", items);
        return m;
    }

    static Map<String, Object> heartbeat(long position, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "heartbeat");
        m.put("at", now);
        m.put("position", position);
        return m;
    }

    private static Map<String, Object> message(String type, ReadModel model, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("at", now);
        m.put("position", model.position());
        return m;
    }

    private static Map<String, Object> gatePart(ReadModel model, Board.Tile tile, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tile", tile);
        m.put("hourly", hourly(model, tile.gate(), now));
        // The levels whose response plan a coordinator can weigh ("what if we act now"), with their actions and names.
        List<Map<String, Object>> levels = new ArrayList<>();
        model.gates().find(tile.gate()).ifPresent(g -> g.levels().levels().stream().filter(l -> l.hasPlan())
                .forEach(l -> levels.add(Map.of("level", l.level(), "id", l.id(), "nameVi", l.nameVi(), "nameEn", l.nameEn(),
                        "actionsVi", l.actionsVi(), "actionsEn", l.actionsEn()))));
        m.put("levels", levels);
        m.put("usualDay", usualDay(model, tile.gate(), tile.date()));
        // What the gate can clear in an hour: an hour of the chart holding far more is a bulk report.
        model.gates().find(tile.gate()).ifPresent(g -> m.put("clearancePerHour", g.clearancePerHour()));
        return m;
    }

    /**
     * The gate's usual day: the mean vehicles of the last {@link #USUAL_DAYS} local days with any
     * clearance before {@code today}; null without such history.
     */
    static Double usualDay(ReadModel model, String gate, LocalDate today) {
        Traffic traffic = Traffic.of(model);
        long sum = 0;
        int days = 0;
        for (int back = 1; back <= USUAL_DAYS; back++) {
            long vehicles = traffic.day(gate, today.minusDays(back)).vehicles();
            if (vehicles > 0) {
                sum += vehicles;
                days++;
            }
        }
        return days == 0 ? null : (double) sum / days;
    }

    /** The 24 clock hours ending with the current one: start of each (epoch seconds) and vehicles export/import. */
    private static Map<String, Object> hourly(ReadModel model, String gate, Instant now) {
        long nowMinute = Math.floorDiv(now.getEpochSecond(), 60);
        long[][] hours = Traffic.of(model).hourlyClearances(gate, nowMinute);
        long[] starts = new long[24];
        long[] exports = new long[24];
        long[] imports = new long[24];
        long windowStart = Traffic.firstHourOfWindow(nowMinute) * 60;
        for (int h = 0; h < 24; h++) {
            starts[h] = windowStart + h * 3_600L;
            exports[h] = hours[h][0];
            imports[h] = hours[h][1];
        }
        return Map.of("start", starts, "export", exports, "import", imports);
    }

    private static PlanProgress plan(ReadModel model, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, model.gates().zone());
        return PlanProgress.of(model, today.getYear(), today);
    }

    static List<String> gateIds(ReadModel model) {
        return model.gates().all().stream().map(GateConfig::id).toList();
    }
}
