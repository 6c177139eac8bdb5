package borderwatch.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/** Feeds the live read model from Axon's streaming processor; the fold is the replay's fold. */
@ProcessingGroup(LiveProjector.PROCESSOR)
public class LiveProjector {

    public static final String PROCESSOR = "live-projections";

    private final LiveReadModel model;
    private final java.util.function.Consumer<Object> onChange;

    public LiveProjector(LiveReadModel model, java.util.function.Consumer<Object> onChange) {
        this.model = model;
        this.onChange = onChange;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked) {
            long position = tracked.trackingToken().position().orElseThrow();
            model.apply(position, payload, onChange);
        }
    }
}
