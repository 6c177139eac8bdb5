package borderwatch.traffic;

import borderwatch.plugin.Feature;
import borderwatch.province.Province;
import borderwatch.readmodel.Fold;
import java.util.List;

/** Vehicles and turnover by gate, day, hour and goods group: the fold every board and report reads. */
public final class TrafficFeature implements Feature {

    @Override
    public String name() {
        return "traffic";
    }

    @Override
    public List<Fold> folds(Province province) {
        return List.of(new Traffic(province));
    }
}
