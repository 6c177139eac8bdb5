package borderwatch.service;

import borderwatch.core.Features;
import borderwatch.readmodel.ReadModel;

/** The folds every read model of the service is made of (live, replayed, as of an instant, in a drill): every feature's. */
public final class ReadModels {

    public static final ReadModel.Shape ALL = Features.ALL.shape();

    private ReadModels() {
    }
}
