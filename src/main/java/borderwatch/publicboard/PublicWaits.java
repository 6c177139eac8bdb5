package borderwatch.publicboard;

import borderwatch.board.Board;
import borderwatch.forecast.ExpectedWait;
import borderwatch.province.GateConfig;
import borderwatch.province.GoodsGroup;
import borderwatch.province.Province;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the public wait board shows per gate, and nothing else: its names (with the port across the
 * border that drivers from there know it by), its congestion level, the expected wait of a truck or
 * wagon joining the queue now and whether that is stale, and whether it takes the watched goods. No
 * traffic figures, no turnover, no plans. Road gates come first, shortest wait first (no fresh
 * report last), then the railway stations, which count wagons and wait on their own; and for a
 * driver choosing a gate, the road gate fastest now for exports, for imports and for the watched goods.
 */
record PublicWaits(Instant at, String provinceVi, String provinceEn, String watchedGoods, String watchedGoodsVi,
                   String watchedGoodsEn, List<Gate> gates, Fastest fastest) {

    /**
     * {@code unit} is {@code vehicles} on a road gate and {@code wagons} at a railway station; {@code stale}
     * is true when no queue report of the last hour says anything about now.
     */
    record Gate(String gate, String nameVi, String nameEn, String nameZh, String portZh, String kind, String unit,
                String level, int levelNumber, String levelVi, String levelEn, Integer expectedWaitMinutes,
                boolean stalled, boolean capped, boolean stale, Instant queueObservedAt, boolean exports,
                boolean imports, boolean takesWatchedGoods) {
    }

    /**
     * The road gate with the shortest fresh wait for each kind of crossing; null when no road gate has
     * one. A gate's queue is one for both directions, so a gate taking both is as fast either way.
     */
    record Fastest(String exports, String imports, String watchedGoods) {
    }

    static PublicWaits of(Board board, Province province, PublicNames names, Instant at) {
        String watched = province.watchedGoods();
        GoodsGroup group = watched == null ? null : province.goodsGroup(watched).orElse(null);
        List<Gate> gates = board.gates().stream().map(t -> {
            ExpectedWait w = t.expectedWait();
            GateConfig g = province.get(t.gate());
            boolean rail = "rail".equals(t.kind());
            return new Gate(t.gate(), t.nameVi(), t.nameEn(), names.zh(t.gate(), t.nameVi()), names.port(t.gate()), t.kind(),
                    rail ? "wagons" : "vehicles", t.level(), t.levelNumber(), t.levelVi(), t.levelEn(), w.minutes(),
                    w.stalled(), w.capped(), w.minutes() == null,
                    // The last report even when it is too old to give a wait: a stale gate says when it last reported.
                    w.queueObservedAt() != null ? w.queueObservedAt() : t.queueObservedAt(), true, true,
                    watched != null && g.exportGoods().contains(watched));
        }).sorted(ORDER).toList();
        return new PublicWaits(at, province.provinceVi(), province.provinceEn(), watched,
                group == null ? null : group.nameVi(), group == null ? null : group.nameEn(), gates,
                new Fastest(fastest(gates, Gate::exports), fastest(gates, Gate::imports), fastest(gates, Gate::takesWatchedGoods)));
    }

    /** Road before rail; a fresh wait before none, a moving gate before a stalled one, shorter first; then file order. */
    private static final Comparator<Gate> ORDER = Comparator.<Gate, Boolean>comparing(g -> "rail".equals(g.kind()))
            .thenComparing(Gate::stale).thenComparing(Gate::stalled)
            .thenComparing(g -> g.expectedWaitMinutes() == null ? Integer.MAX_VALUE : g.expectedWaitMinutes());

    private static String fastest(List<Gate> gates, Predicate<Gate> takes) {
        return gates.stream().filter(g -> !"rail".equals(g.kind()) && !g.stale() && !g.stalled() && takes.test(g))
                .findFirst().map(Gate::gate).orElse(null);
    }
}
