package borderwatch.projection;

import borderwatch.gate.Gates;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/** The read model the live processor advances while HTTP queries read it. */
public final class LiveReadModel {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private ReadModel model;

    public LiveReadModel(Gates gates) {
        this.model = new ReadModel(gates);
    }

    public boolean apply(long position, Object event) {
        lock.writeLock().lock();
        try {
            return model.apply(position, event);
        } finally {
            lock.writeLock().unlock();
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
