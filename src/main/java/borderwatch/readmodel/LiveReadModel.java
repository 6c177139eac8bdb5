package borderwatch.readmodel;

import borderwatch.province.Province;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/** The read model the live processor advances while HTTP queries read it. */
public final class LiveReadModel {

    private record Waiter(long position, CompletableFuture<Void> done) {
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(Comparator.comparingLong(Waiter::position));
    private final Province gates;
    private final ReadModel.Shape shape;
    private ReadModel model;

    public LiveReadModel(Province gates, ReadModel.Shape shape) {
        this.gates = gates;
        this.shape = shape;
        this.model = blank();
    }

    /** A read model of the same shape that has seen nothing yet, for a replay. */
    public ReadModel blank() {
        return new ReadModel(gates, shape);
    }

    public Province gates() {
        return gates;
    }

    public ReadModel.Shape shape() {
        return shape;
    }

    public boolean apply(long position, Object event) {
        return apply(position, event, e -> { });
    }

    /**
     * Folds {@code event}, tells {@code folded} when it was applied, then releases whoever waits for
     * the position: a writer that waits for its write finds the listeners of the live board done too.
     */
    public boolean apply(long position, Object event, java.util.function.Consumer<Object> folded) {
        boolean applied;
        lock.writeLock().lock();
        try {
            applied = model.apply(position, event);
        } finally {
            lock.writeLock().unlock();
        }
        try {
            if (applied) {
                folded.accept(event);
            }
        } finally {
            releaseWaiters(position);
        }
        return applied;
    }

    /** Completes once everything up to {@code position} is folded in, so a writer can read its write. */
    public CompletableFuture<Void> whenProjected(long position) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (waiters) {
            if (position() >= position) {
                done.complete(null);
            } else {
                waiters.add(new Waiter(position, done));
            }
        }
        return done;
    }

    private void releaseWaiters(long position) {
        synchronized (waiters) {
            while (!waiters.isEmpty() && waiters.peek().position <= position) {
                waiters.poll().done.complete(null);
            }
        }
    }

    /** Replaces the state wholesale, e.g. with one rebuilt by a fast replay at start. */
    public void reset(ReadModel rebuilt) {
        lock.writeLock().lock();
        try {
            model = rebuilt;
        } finally {
            lock.writeLock().unlock();
        }
        releaseWaiters(rebuilt.position());
    }

    public <T> T query(Function<ReadModel, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(model);
        } finally {
            lock.readLock().unlock();
        }
    }

    public long position() {
        return query(ReadModel::position);
    }
}
