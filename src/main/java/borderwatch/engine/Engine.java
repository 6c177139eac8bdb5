package borderwatch.engine;

import borderwatch.province.Province;
import borderwatch.readmodel.LiveReadModel;
import borderwatch.store.EventStorage;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * What a feature needs of a running node: the province, the stored stream, the live read model and
 * the command bus. Features see this and never the assembly behind it, so the node (which knows every
 * feature's aggregates, events and folds) can depend on them and not the reverse.
 */
public interface Engine {

    Province gates();

    EventStorage storage();

    LiveReadModel live();

    CommandGateway commands();

    /** Completes once the live read model has folded everything stored when this is called. */
    CompletableFuture<Void> whenHeadProjected();

    /** Waits until the live read model has folded {@code position}; false if it did not in time. */
    boolean awaitProjected(long position, long timeoutMillis) throws InterruptedException;

    /** Stored events the live read model has not folded yet, counted up to a bound. */
    long projectionLag();

    /** How far behind its store a node may be and still take traffic: its board then shows current figures. */
    long READY_LAG = 1_000;

    /** Ready for traffic: the store answers and the live board is within {@link #READY_LAG} events of it. */
    default boolean ready() {
        try {
            return projectionLag() <= READY_LAG;
        } catch (RuntimeException storeDown) {
            return false;
        }
    }
}
