package borderwatch.engine;

import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import java.nio.file.Path;

/**
 * Opens a node of its own on a directory, with the province's gates and the read model's folds. A
 * feature that needs one (a drill's sandbox lanes) is handed this by the assembly, which knows how a
 * node is made; the feature never does.
 */
@FunctionalInterface
public interface Nodes {

    Node open(Path dir, Province gates, ReadModel.Shape shape);
}
