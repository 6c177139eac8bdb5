package borderwatch.plugin;

import borderwatch.readmodel.ReadModel;
import borderwatch.store.EventTypeRegistry;
import io.vertx.ext.web.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.Configurer;

/** The node's features in their order, and what the node is made of once they are put together. */
public final class FeatureSet {

    private final List<Feature> features;

    public FeatureSet(List<Feature> features) {
        this.features = List.copyOf(features);
        Set<String> names = new HashSet<>();
        for (Feature f : features) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("feature " + f.name() + " is listed twice");
            }
        }
    }

    public List<Feature> all() {
        return features;
    }

    /** Every stored type and upcaster of every feature. */
    public EventTypeRegistry storedTypes() {
        EventTypeRegistry registry = new EventTypeRegistry();
        features.forEach(f -> f.storedTypes(registry));
        return registry;
    }

    /** The folds of every feature, in the list's order (a checkpoint records them in it). */
    public ReadModel.Shape shape() {
        return province -> features.stream().flatMap(f -> f.folds(province).stream()).toList();
    }

    public void commandSide(Configurer axon, CommandParts parts) {
        features.forEach(f -> f.commandSide(axon, parts));
    }

    /** Started features: which routes each added, and how to stop them all. */
    public static final class Started {

        private final Map<String, List<String>> routes;
        private final List<Runnable> stops;

        private Started(Map<String, List<String>> routes, List<Runnable> stops) {
            this.routes = routes;
            this.stops = stops;
        }

        /** Each feature's routes with a fixed path, as "METHOD /path/:param". */
        public Map<String, List<String>> routesByFeature() {
            return routes;
        }

        /** Undoes the features' timers, subscriptions and feeds, the last started first. */
        public void stop() {
            List<Runnable> reversed = new ArrayList<>(stops);
            Collections.reverse(reversed);
            reversed.forEach(Runnable::run);
        }
    }

    /** Starts every feature on {@code wiring}, in the list's order, noting which routes each one added. */
    public Started start(Wiring wiring) {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        for (Feature f : features) {
            Set<String> before = new HashSet<>(fixedRoutes(wiring.router().getRoutes()));
            f.start(wiring);
            routes.put(f.name(), fixedRoutes(wiring.router().getRoutes()).stream()
                    .filter(r -> !before.contains(r)).distinct().sorted().toList());
        }
        wiring.afterStartActions().forEach(Runnable::run);
        return new Started(Map.copyOf(routes), List.copyOf(wiring.stopActions()));
    }

    /** Routes with a fixed path and methods, as "METHOD /path/:param". */
    public static List<String> fixedRoutes(List<Route> routes) {
        return routes.stream()
                .filter(r -> r.getPath() != null && r.isExactPath() && r.methods() != null && !r.methods().isEmpty())
                .flatMap(r -> r.methods().stream().map(m -> m.name() + " " + r.getPath()))
                .toList();
    }
}
