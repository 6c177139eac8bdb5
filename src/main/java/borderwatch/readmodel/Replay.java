package borderwatch.readmodel;

import borderwatch.store.EventStorage;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * Read models as they stood at an instant, folded straight from the stored stream with the same
 * folds as live (no framework work per event), into fresh models: the live ones are not touched.
 * Gate reports count when their business time is at or before {@code asOf}; annual plans count as
 * last set, since a plan is the target for its whole year.
 */
public final class Replay {

    /** How often progress is reported, in events. */
    static final long PROGRESS_EVERY = 100_000;

    private Replay() {
    }

    /** The models built by one replay, and the stream position it read up to (to reproduce it). */
    public record Result(ReadModel model, long position, Instant asOf) {
    }

    /** An event of a business time after the as-of instant (a gate's report or decision), with its stream position. */
    @FunctionalInterface
    public interface Later {
        void accept(long position, BusinessTimed event);
    }

    /** Folds into {@code blank}, a read model that has seen nothing yet. */
    public static Result asOf(EventStorage storage, ReadModel blank, Instant asOf, LongConsumer progress) {
        return asOf(storage, blank, asOf, progress, (position, later) -> { });
    }

    /** As above; gate reports after {@code asOf} go to {@code later}, in stream order, instead of the models. */
    public static Result asOf(EventStorage storage, ReadModel blank, Instant asOf, LongConsumer progress, Later later) {
        return asOf(storage, blank, asOf, progress, later, payload -> { });
    }

    /** As above; {@code each} also sees every stored payload, before or after {@code asOf}, in stream order. */
    public static Result asOf(EventStorage storage, ReadModel blank, Instant asOf, LongConsumer progress, Later later,
                              java.util.function.Consumer<Object> each) {
        if (blank.position() != 0) {
            throw new IllegalArgumentException("a replay folds into a read model that has seen nothing");
        }
        long head = storage.headPosition();
        ReadModel model = blank;
        long[] seen = {0};
        storage.scan(0, head, e -> {
            Object payload = e.payload();
            each.accept(payload);
            if (payload instanceof BusinessTimed g && g.at().isAfter(asOf)) {
                later.accept(e.position(), g);
            } else {
                model.apply(e.position(), payload);
            }
            if (++seen[0] % PROGRESS_EVERY == 0) {
                progress.accept(e.position());
            }
        });
        progress.accept(head);
        return new Result(model, head, asOf);
    }
}
