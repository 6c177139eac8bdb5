package borderwatch.core;

import borderwatch.readmodel.Checkpoints;
import borderwatch.readmodel.LiveReadModel;
import borderwatch.readmodel.ReadModel;
import borderwatch.store.EventStorage;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the live read model is saved: after a start that folded many events, every few minutes while
 * it moves on, and at a clean stop. Saving copies the model under the read lock and writes it on a
 * thread of its own, so neither the processor nor queries wait for the disk. A failed save (a full
 * disk) is logged and costs only a longer next start.
 */
final class ReadModelCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelCheckpoints.class);

    /** A start that folded more than this writes a checkpoint at once. */
    static final long FOLDED_AT_START_TO_SAVE = 100_000;
    static final long EVERY_SECONDS = 300;

    private final CheckpointReading reading;
    private final Checkpoints checkpoints;
    private final LiveReadModel live;
    private final EventStorage storage;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "read-model-checkpoint");
        t.setDaemon(true);
        return t;
    });
    private volatile long saved;

    ReadModelCheckpoints(CheckpointReading reading, LiveReadModel live, EventStorage storage) {
        this.reading = reading;
        this.checkpoints = reading.checkpoints();
        this.live = live;
        this.storage = storage;
    }

    Optional<ReadModel> read() {
        Optional<ReadModel> model = reading.provenBy(storage);
        model.ifPresent(m -> saved = m.position());
        return model;
    }

    /** The start folded the stream from {@code from} to {@code to}. */
    void rebuilt(long from, long to) {
        LOG.info("read model at position {}: {} from the checkpoint, {} events folded from the stream",
                to, from, to - from);
        if (to - from > FOLDED_AT_START_TO_SAVE) {
            writer.execute(this::save);
        }
    }

    void start() {
        writer.scheduleWithFixedDelay(this::save, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void close() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        save();
    }

    private synchronized void save() {
        try {
            ReadModel copy = live.query(ReadModel::copy);
            long position = copy.position();
            if (position == 0 || position == saved) {
                return;
            }
            if (checkpoints.write(copy, storage)) {
                saved = position;
            }
        } catch (Exception e) {
            LOG.warn("read-model checkpoint not written ({}); the next start folds more of the stream", e.toString());
        }
    }
}
