package borderwatch.publicboard;

import borderwatch.board.Board;
import borderwatch.forecast.ExpectedWait;
import borderwatch.province.Province;
import java.time.Instant;
import java.util.List;

/**
 * What the public wait board shows per gate, and nothing else: its names, its congestion level and
 * the expected wait of a truck joining the queue now. No traffic figures, no turnover, no plans.
 */
record PublicWaits(Instant at, String provinceVi, String provinceEn, List<Gate> gates) {

    record Gate(String gate, String nameVi, String nameEn, String nameZh, String kind, String level, int levelNumber,
                String levelVi, String levelEn, Integer expectedWaitMinutes, boolean stalled, boolean capped,
                Instant queueObservedAt) {
    }

    static PublicWaits of(Board board, Province province, PublicNames names, Instant at) {
        return new PublicWaits(at, province.provinceVi(), province.provinceEn(), board.gates().stream().map(t -> {
            ExpectedWait w = t.expectedWait();
            return new Gate(t.gate(), t.nameVi(), t.nameEn(), names.zh(t.gate(), t.nameVi()), t.kind(), t.level(),
                    t.levelNumber(), t.levelVi(), t.levelEn(), w.minutes(), w.stalled(), w.capped(), w.queueObservedAt());
        }).toList());
    }
}
