package borderwatch.readmodel;

import borderwatch.province.Province;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every read model BorderWatch serves, as one value: the features' folds, advanced together, and
 * the stream position they have seen, so applying an event twice (a replay overlap) is harmless.
 * Which folds make it up is decided once, where the service is assembled ({@link Shape}); this class
 * knows none of them.
 *
 * <p>Not thread-safe: one thread folds. {@link LiveReadModel} guards the live instance.
 */
public final class ReadModel {

    /** The folds a read model is made of, fresh for a province. */
    @FunctionalInterface
    public interface Shape extends Function<Province, List<Fold>> {
    }

    private final Province gates;
    private final Shape shape;
    private final Fold[] folds;
    private long position;
    private long applied;

    public ReadModel(Province gates, Shape shape) {
        this(gates, shape, shape.apply(gates).toArray(Fold[]::new));
    }

    private ReadModel(Province gates, Shape shape, Fold[] folds) {
        this.gates = gates;
        this.shape = shape;
        this.folds = folds;
    }

    /** Folds one event stored at {@code position}; returns false if it was already applied. */
    public boolean apply(long position, Object event) {
        if (position <= this.position) {
            return false;
        }
        this.position = position;
        applied++;
        for (Fold f : folds) {
            f.apply(event);
        }
        return true;
    }

    /** The fold of type {@code type}. */
    public <F extends Fold> F get(Class<F> type) {
        for (Fold f : folds) {
            if (type.isInstance(f)) {
                return type.cast(f);
            }
        }
        throw new IllegalArgumentException("this read model has no " + type.getSimpleName());
    }

    public Province gates() {
        return gates;
    }

    public Shape shape() {
        return shape;
    }

    /** Position of the last event folded in. */
    public long position() {
        return position;
    }

    /** How many events were folded into this instance. */
    public long appliedCount() {
        return applied;
    }

    /** The folds, in the order of the shape. */
    List<Fold> folds() {
        return List.of(folds);
    }

    /** Sets where a model read back from a checkpoint stands. */
    void restore(long position, long applied) {
        this.position = position;
        this.applied = applied;
    }

    /** A deep copy, so a query can work on a consistent state without holding the live lock. */
    public ReadModel copy() {
        List<Fold> copies = new ArrayList<>(folds.length);
        for (Fold f : folds) {
            copies.add(f.copy());
        }
        ReadModel c = new ReadModel(gates, shape, copies.toArray(Fold[]::new));
        c.position = position;
        c.applied = applied;
        return c;
    }
}
