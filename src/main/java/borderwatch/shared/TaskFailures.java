package borderwatch.shared;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** What a task run on another thread failed with, as the caller's own failure. */
public final class TaskFailures {

    private TaskFailures() {
    }

    /**
     * The task's own unchecked failure, to be thrown as it was; an {@link Error} is thrown from
     * here; anything else comes wrapped in an {@link IllegalStateException}.
     */
    public static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }

    /**
     * The task's result once it is done, its failure thrown as {@link #unwrap} gives it; an
     * interrupted wait keeps the interrupt and says what was being waited for.
     */
    public static <T> T await(Future<T> task, String waitingFor) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + waitingFor, e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }
}
