package borderwatch.board;

import borderwatch.json.ApiJson;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.tradeplan.PlanProgress;
import borderwatch.traffic.Traffic;
import borderwatch.traffic.TrafficProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON messages of the live feed; see the README for the protocol. */
final class LiveMessages {

    private LiveMessages() {
    }

    static Buffer encode(Object message) {
        try {
            return Buffer.buffer(ApiJson.mapper().writeValueAsBytes(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("live message not serializable", e);
        }
    }

    static LiveProtocol.Snapshot snapshot(ReadModel model, Instant now, Map<String, Object> parts) {
        Board board = Board.of(model, now);
        Province p = model.gates();
        List<LiveProtocol.GatePart> gates = new ArrayList<>();
        for (Board.Tile tile : board.gates()) {
            gates.add(gatePart(model, tile, now));
        }
        // How a usual day's vehicles spread over its hours, for "today against a usual day by now".
        double[] shares = new double[24];
        for (int h = 0; h < 24; h++) {
            shares[h] = TrafficProfile.hourShare(h);
        }
        return new LiveProtocol.Snapshot("snapshot", now, model.position(),
                new LiveProtocol.ProvinceHeader(p.provinceId(), p.provinceVi(), p.provinceEn(), p.zone().getId()),
                gates, plan(model, now), board.goodsToday(), RecentActivity.of(model).items(), shares, parts);
    }

    static final int USUAL_DAYS = 28;

    static LiveProtocol.GateMessage gate(ReadModel model, String gateId, Instant now) {
        Board.Tile tile = Board.tile(model, model.gates().get(gateId), now);
        // Only the current hour changes with a report; the snapshot carries the other 23.
        LiveProtocol.Hourly hourly = hourly(model, gateId, now);
        return new LiveProtocol.GateMessage("gate", now, model.position(), tile,
                new LiveProtocol.Hour(hourly.start()[23], hourly.export()[23], hourly.imports()[23]));
    }

    static LiveProtocol.PlanMessage planMessage(ReadModel model, Instant now) {
        // The watched group's share moves with any gate's exports, as the plan's progress does.
        return new LiveProtocol.PlanMessage("plan", now, model.position(), plan(model, now),
                GoodsToday.province(model, now));
    }

    static LiveProtocol.FeedMessage feed(ReadModel model, Instant now, List<RecentActivity.Item> items) {
        return new LiveProtocol.FeedMessage("feed", now, model.position(), items);
    }

    static LiveProtocol.Heartbeat heartbeat(long position, Instant now) {
        return new LiveProtocol.Heartbeat("heartbeat", now, position);
    }

    private static LiveProtocol.GatePart gatePart(ReadModel model, Board.Tile tile, Instant now) {
        GateConfig gate = model.gates().get(tile.gate());
        List<LiveProtocol.PlannedLevel> levels = gate.levels().levels().stream().filter(l -> l.hasPlan())
                .map(l -> new LiveProtocol.PlannedLevel(l.level(), l.id(), l.nameVi(), l.nameEn(), l.actionsVi(),
                        l.actionsEn()))
                .toList();
        // clearancePerHour: what the gate can clear in an hour; an hour of the chart holding far more is a bulk report.
        return new LiveProtocol.GatePart(tile, hourly(model, tile.gate(), now), levels,
                usualDay(model, tile.gate(), tile.date()), gate.clearancePerHour());
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
    private static LiveProtocol.Hourly hourly(ReadModel model, String gate, Instant now) {
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
        return new LiveProtocol.Hourly(starts, exports, imports);
    }

    private static PlanProgress plan(ReadModel model, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, model.gates().zone());
        return PlanProgress.of(model, today.getYear(), today);
    }

    static List<String> gateIds(ReadModel model) {
        return model.gates().all().stream().map(GateConfig::id).toList();
    }
}
