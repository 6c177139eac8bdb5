package borderwatch.store.kurrent;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads of {@code $all} and of single streams in pages, as lazy Java streams. Reads of {@code $all}
 * keep only BorderWatch's event streams (system and foreign events are skipped client-side) and
 * never deliver an event at or before the place they start from: the server reads from a position
 * inclusively, the token already handled that event.
 */
final class KurrentReads {

    static final int PAGE = 500;

    private final KurrentDBClient client;
    private final StreamNames names;

    KurrentReads(KurrentDBClient client, StreamNames names) {
        this.client = client;
        this.names = names;
    }

    /** Our events after {@code after} (null: from the start), oldest first. */
    Stream<RecordedEvent> forwards(AllPosition after) {
        return all(true, after);
    }

    /** Our events newest first. */
    Stream<RecordedEvent> backwards() {
        return all(false, null);
    }

    private Stream<RecordedEvent> all(boolean forwards, AllPosition after) {
        return paged(new Pager() {
            AllPosition cursor = after;

            @Override
            public List<ResolvedEvent> next() {
                ReadAllOptions options = ReadAllOptions.get().maxCount(PAGE);
                options = forwards ? options.forwards() : options.backwards();
                if (cursor != null) {
                    options = options.fromPosition(cursor.toClient());
                } else {
                    options = forwards ? options.fromStart() : options.fromEnd();
                }
                return KurrentCalls.await(client.readAll(options), forwards ? "read $all" : "read $all backwards")
                        .getEvents();
            }

            @Override
            public boolean isNew(RecordedEvent e) {
                AllPosition at = AllPosition.of(e.getPosition());
                // Delivered already: at or before the place going forwards, at or after it going backwards.
                if (cursor != null && (forwards ? cursor.covers(at) : at.covers(cursor))) {
                    return false;
                }
                cursor = at;
                return true;
            }
        }).filter(e -> names.isEventStream(e.getStreamId()));
    }

    /** One stream from a revision on, oldest first; empty when the stream does not exist. */
    Stream<RecordedEvent> stream(String name, long fromRevision) {
        return paged(new Pager() {
            long nextRevision = fromRevision;

            @Override
            public List<ResolvedEvent> next() {
                ReadStreamOptions options = ReadStreamOptions.get().forwards().fromRevision(nextRevision).maxCount(PAGE);
                return readStream(name, options);
            }

            @Override
            public boolean isNew(RecordedEvent e) {
                if (e.getRevision() < nextRevision) {
                    return false;
                }
                nextRevision = e.getRevision() + 1;
                return true;
            }
        });
    }

    /** The newest event of a stream, if the stream exists. */
    java.util.Optional<RecordedEvent> last(String name) {
        List<ResolvedEvent> events = readStream(name, ReadStreamOptions.get().backwards().fromEnd().maxCount(1));
        return events.stream().map(ResolvedEvent::getEvent).findFirst();
    }

    private List<ResolvedEvent> readStream(String name, ReadStreamOptions options) {
        try {
            return KurrentCalls.await(client.readStream(name, options), "read stream " + name).getEvents();
        } catch (StreamNotFoundException e) {
            return List.of();
        }
    }

    private interface Pager {
        List<ResolvedEvent> next();

        /** Whether a read event is beyond what was delivered already; advances the place if so. */
        boolean isNew(RecordedEvent event);
    }

    private static Stream<RecordedEvent> paged(Pager pager) {
        Spliterator<RecordedEvent> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private final Deque<RecordedEvent> buffered = new ArrayDeque<>();
            private boolean exhausted;

            @Override
            public boolean tryAdvance(Consumer<? super RecordedEvent> action) {
                while (buffered.isEmpty() && !exhausted) {
                    List<ResolvedEvent> page = pager.next();
                    exhausted = page.size() < PAGE;
                    int before = buffered.size();
                    page.stream().map(ResolvedEvent::getEvent).filter(pager::isNew).forEach(buffered::add);
                    if (buffered.size() == before && !exhausted) {
                        // A full page of nothing new cannot happen with a server that honours the start
                        // position; stopping here keeps a misbehaving one from looping forever.
                        exhausted = true;
                    }
                }
                RecordedEvent next = buffered.poll();
                if (next == null) {
                    return false;
                }
                action.accept(next);
                return true;
            }
        };
        return StreamSupport.stream(pages, false);
    }
}
