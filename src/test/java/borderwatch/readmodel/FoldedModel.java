package borderwatch.readmodel;

import borderwatch.province.Province;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A read model of the default province made of some folds, fed events one position at a time. */
public final class FoldedModel {

    private final ReadModel model;
    private long position;

    public FoldedModel(ReadModel.Shape shape) {
        this.model = new ReadModel(Province.defaults(), shape);
    }

    public void fold(Object event) {
        model.apply(++position, event);
    }

    public ReadModel model() {
        return model;
    }

    /** A local time in Lạng Sơn as an instant. */
    public static Instant local(String isoLocal) {
        return LocalDateTime.parse(isoLocal).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    }
}
