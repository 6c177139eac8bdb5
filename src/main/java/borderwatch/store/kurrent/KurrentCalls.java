package borderwatch.store.kurrent;

import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.WrongExpectedVersionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Waits for a client call and speaks Axon's language about its failure: a revision conflict is a
 * {@link ConcurrencyException} (the command is retried on fresh state), a missing stream is left to
 * the caller, anything else is an {@link EventStoreException} naming what was attempted.
 */
final class KurrentCalls {

    static final long TIMEOUT_SECONDS = 30;

    private KurrentCalls() {
    }

    static <T> T await(CompletableFuture<T> call, String what) {
        try {
            return call.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while KurrentDB was to " + what, e);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new EventStoreException("KurrentDB did not answer within " + TIMEOUT_SECONDS + " s to " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WrongExpectedVersionException w) {
                // Without the client's exception as cause: the command retry looks at every cause and
                // must see nothing but the conflict to try again.
                throw new ConcurrencyException("stream " + w.getStreamName() + " moved on (expected "
                        + w.getExpectedState() + ", found " + w.getActualState() + ")");
            }
            if (cause instanceof StreamNotFoundException n) {
                throw n;
            }
            throw new EventStoreException("KurrentDB failed to " + what + ": " + cause, cause);
        }
    }
}
