package borderwatch.notify;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The latest deliveries for admins, the one last attempted or queued first: what was sent where,
 * how often, and how it ended.
 */
public final class DeliveryLog {

    public static final int KEPT = 500;

    /** One delivery as it stands; {@code outcome} is pending, delivered, failed or dropped. */
    public record Entry(String id, String hook, String kind, String eventId, String gate, Instant queuedAt,
                        int attempts, String outcome, Integer lastStatus, String lastError, Instant lastAttemptAt,
                        Instant nextAttemptAt) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    synchronized void put(Entry entry) {
        entries.removeIf(e -> e.id().equals(entry.id()));
        entries.addFirst(entry);
        while (entries.size() > KEPT) {
            entries.removeLast();
        }
    }

    public synchronized List<Entry> latest(int limit) {
        List<Entry> out = new ArrayList<>(Math.min(limit, entries.size()));
        for (Entry e : entries) {
            if (out.size() == limit) {
                break;
            }
            out.add(e);
        }
        return out;
    }
}
