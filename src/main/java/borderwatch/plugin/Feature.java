package borderwatch.plugin;

import borderwatch.province.Province;
import borderwatch.readmodel.Fold;
import borderwatch.store.EventTypeRegistry;
import java.util.List;
import org.axonframework.config.Configurer;

/**
 * One feature as the node sees it: everything it adds to the node, said in one place that the
 * feature owns. The node is built from a list of these, so adding a feature is a new package with
 * its descriptor and one line in that list. Every part is optional.
 */
public interface Feature {

    /** The feature's package name under {@code borderwatch}; the architecture test holds them equal. */
    String name();

    /** The OpenAPI tags (and AsyncAPI channels) of the operations this feature serves; a test holds routes to them. */
    default List<String> apiTags() {
        return List.of();
    }

    /** The stored events (and upcasters of their older shapes) this feature appends. */
    default void storedTypes(EventTypeRegistry types) {
    }

    /** The folds this feature adds to every read model: live, replayed, as of an instant, in a drill. */
    default List<Fold> folds(Province province) {
        return List.of();
    }

    /** The aggregates and command handlers this feature adds to the command side. */
    default void commandSide(Configurer axon, CommandParts parts) {
    }

    /** Its routes, sockets, timers, live-feed parts and meters, on a started node's HTTP server. */
    default void start(Wiring wiring) {
    }
}
