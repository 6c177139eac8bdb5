package borderwatch.core;

import borderwatch.readmodel.Checkpoints;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.TaskFailures;
import borderwatch.store.EventStorage;
import java.util.Optional;
import java.util.concurrent.FutureTask;

/**
 * The read model's checkpoint, read on a thread of its own from the moment a core starts to open. On
 * a restart reading it is the longest step, and it needs nothing from the store until the end, when
 * the store vouches for the history it folded (or not); reading it beside the store's opening took
 * that opening off a restart's time.
 */
final class CheckpointReading {

    private final Checkpoints checkpoints;
    private final FutureTask<Checkpoints.Unproven> read;

    private CheckpointReading(Checkpoints checkpoints, ReadModel blank) {
        this.checkpoints = checkpoints;
        this.read = new FutureTask<>(() -> checkpoints.readUnproven(blank));
    }

    static CheckpointReading start(Checkpoints checkpoints, ReadModel blank) {
        CheckpointReading reading = new CheckpointReading(checkpoints, blank);
        Thread thread = new Thread(reading.read, "read-model-checkpoint-read");
        thread.setDaemon(true);
        thread.start();
        return reading;
    }

    /** Stops the read (the file's channel is interruptible) when the core will not open after all. */
    void cancel() {
        read.cancel(true);
    }

    Checkpoints checkpoints() {
        return checkpoints;
    }

    /** The checkpoint's read model once read, if {@code storage} proves it; otherwise empty, and the file is moved aside. */
    Optional<ReadModel> provenBy(EventStorage storage) {
        return TaskFailures.await(read, "the read-model checkpoint was read").provenBy(storage);
    }
}
