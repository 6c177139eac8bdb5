package borderwatch.shared;

import java.util.concurrent.ExecutionException;

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
}
