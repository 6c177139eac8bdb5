package borderwatch.audit;

import borderwatch.auth.Principal;
import borderwatch.auth.TokenAudit;
import borderwatch.gate.GateEvent;
import borderwatch.http.BadRequest;
import borderwatch.store.EventStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Who did what, when, through which token: the events recorded in a period that carry the token
 * of the command that caused them (one entry per command, event type and gate, with a count), and
 * the issuing and revoking of tokens, narrowed to a gate, a kind (decisions or reports) or one
 * actor's token, and read on page by page with a cursor. Events are read from the store by the time they were
 * recorded, starting at the store's own position for that time, so a week's audit reads a week.
 */
public final class AuditTrail {

    /**
     * One line of the audit: an actor's action at a time, on a gate or not. For a token issued or
     * revoked, {@code subject…} name that token (its label in {@code reason}), and {@code provinces}
     * the provinces the actor's token acts in (empty: national).
     */
    public record Entry(Instant at, String action, String gate, int events, String tokenId, String role, String label,
                        String by, String reason, String command, String subjectTokenId, String subjectRole,
                        List<String> provinces, List<String> subjectProvinces) {

        Entry(Instant at, String action, String gate, int events, String tokenId, String role, String label, String by,
              String reason, String command) {
            this(at, action, gate, events, tokenId, role, label, by, reason, command, null, null, null, null);
        }
    }

    /**
     * The entries found, oldest first, whether more were left off, and where to read on from when
     * they were (an opaque cursor, null otherwise).
     */
    public record Page(List<Entry> entries, boolean truncated, String next) {
    }

    /** Which entries to read: a gate, a kind, one actor's token; null for any. */
    public record Filter(String gate, Kind kind, String tokenId) {

        public static final Filter ANY = new Filter(null, null, null);

        boolean admits(Entry e) {
            return (gate == null || gate.equals(e.gate())) && (kind == null || kind == Kind.of(e))
                    && (tokenId == null || tokenId.equals(e.tokenId()));
        }
    }

    /**
     * What an entry is: a decision a person made (a plan activated or stood down, an annual plan, a
     * token issued or revoked: anything that says who did it) or a report a gate's system sent.
     */
    public enum Kind {
        DECISION, REPORT;

        static Kind of(Entry e) {
            return e.by() != null || e.action().startsWith("token.") ? DECISION : REPORT;
        }

        /** The kind named {@code name} ({@code decision}, {@code report}), or null when there is none of that name. */
        public static Kind named(String name) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    private final EventStorage storage;
    private final TokenAudit tokens;
    private final String province;
    private final Function<Class<?>, String> typeNames;

    public AuditTrail(EventStorage storage, TokenAudit tokens, Function<Class<?>, String> typeNames) {
        this(storage, tokens, typeNames, null);
    }

    /**
     * The audit of one province ({@code province} not null): its store's entries, and the changes of
     * tokens that act there (confined to it, or national); token changes confined elsewhere are not its.
     */
    public AuditTrail(EventStorage storage, TokenAudit tokens, Function<Class<?>, String> typeNames, String province) {
        this.province = province;
        this.storage = storage;
        this.tokens = tokens;
        this.typeNames = typeNames;
    }

    /**
     * Entries recorded at {@code from <= at < to} that {@code filter} admits, after {@code cursor} (a
     * previous page's {@code next}) when given; about {@code limit}: a page ends between commands, so
     * no command's entry is split across pages.
     */
    public Page read(Instant from, Instant to, Filter filter, String cursor, int limit) {
        Cursor after = cursor == null ? new Cursor(0, from) : Cursor.parse(cursor);
        StoreRead store = commands(from, to, filter, after.position(), limit);
        Instant tokensUpTo = store.truncated() ? store.endAt() : to;
        List<Entry> tokenEntries = new ArrayList<>();
        for (TokenAudit.Entry t : tokens.read(from, to)) {
            if (province != null && !t.concerns(province)) {
                continue;
            }
            Principal a = t.actor();
            Entry e = new Entry(t.at(), t.action(), null, 1, a.tokenId(), a.role().id(), a.label(),
                    null, t.label().isEmpty() ? null : t.label(), null, t.tokenId(), t.role(),
                    List.copyOf(new java.util.TreeSet<>(a.provinces())), t.provinces());
            if (filter.admits(e) && !t.at().isBefore(after.tokensFrom()) && t.at().isBefore(tokensUpTo)) {
                tokenEntries.add(e);
            }
        }
        tokenEntries.sort(Comparator.comparing(Entry::at));
        if (tokenEntries.size() > limit) {
            // More token changes than a page: those first, the store's entries on a later page.
            List<Entry> first = List.copyOf(tokenEntries.subList(0, limit));
            Instant next = tokenEntries.get(limit).at();
            return new Page(first, true, new Cursor(after.position(), next).toString());
        }
        List<Entry> entries = new ArrayList<>(store.entries());
        entries.addAll(tokenEntries);
        entries.sort(Comparator.comparing(Entry::at));
        if (!store.truncated()) {
            return new Page(List.copyOf(entries), false, null);
        }
        return new Page(List.copyOf(entries), true, new Cursor(store.lastPosition(), store.endAt()).toString());
    }

    /** The store's entries, whether more were left, the position read up to and the time the next command was recorded. */
    private record StoreRead(List<Entry> entries, boolean truncated, long lastPosition, Instant endAt) {
    }

    /** Where a page ended: store events after {@code position}, token changes from {@code tokensFrom}. */
    private record Cursor(long position, Instant tokensFrom) {

        static Cursor parse(String text) {
            String[] parts = text.split("_", -1);
            try {
                if (parts.length == 3) {
                    long position = Long.parseLong(parts[0]);
                    long seconds = Long.parseLong(parts[1]);
                    int nanos = Integer.parseInt(parts[2]);
                    if (position >= 0 && nanos >= 0 && nanos < 1_000_000_000) {
                        return new Cursor(position, Instant.ofEpochSecond(seconds, nanos));
                    }
                }
            } catch (NumberFormatException | java.time.DateTimeException e) {
                // refused below
            }
            throw BadRequest.of("cursor", "not a cursor this node gave (use the 'next' of a previous page)");
        }

        /** To the nanosecond: token changes are stamped that finely, and a page may end between two in one millisecond. */
        @Override
        public String toString() {
            return position + "_" + tokensFrom.getEpochSecond() + "_" + tokensFrom.getNano();
        }
    }

    /**
     * The store's entries: one per command, event type and gate, however the command's events are
     * interleaved (a batch alternating two types gives two entries, not one per event). Reading stops
     * at the first command after {@code limit} entries.
     */
    private StoreRead commands(Instant from, Instant to, Filter filter, long afterPosition, int limit) {
        TrackingToken start = storage.createTokenAt(from);
        List<Entry> out = new ArrayList<>();
        String openCommand = null;
        Map<String, Integer> openEntries = new HashMap<>();
        long lastPosition = afterPosition;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(start, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> e = it.next();
                if (!e.getTimestamp().isBefore(to)) {
                    break;
                }
                long position = e.trackingToken().position().orElse(0);
                if (position <= afterPosition) {
                    continue;
                }
                Map<String, ?> meta = e.getMetaData();
                Object tokenId = meta.get(Principal.TOKEN_ID);
                String command = Objects.toString(meta.get("traceId"), e.getIdentifier());
                if (!command.equals(openCommand)) {
                    if (out.size() >= limit) {
                        return new StoreRead(out, true, lastPosition, e.getTimestamp());
                    }
                    openCommand = command;
                    openEntries.clear();
                }
                lastPosition = position;
                if (tokenId == null || e.getTimestamp().isBefore(from)) {
                    continue;
                }
                Object payload = e.getPayload();
                String eventGate = payload instanceof GateEvent g ? g.gate() : null;
                String action = typeNames.apply(payload.getClass());
                String key = action + '\u0000' + eventGate;
                Integer index = openEntries.get(key);
                if (index != null) {
                    Entry open = out.get(index);
                    out.set(index, new Entry(open.at(), open.action(), open.gate(), open.events() + 1, open.tokenId(),
                            open.role(), open.label(), open.by(), open.reason(), open.command()));
                    continue;
                }
                Said said = Said.in(payload);
                Entry entry = new Entry(e.getTimestamp(), action, eventGate, 1, tokenId.toString(),
                        Objects.toString(meta.get(Principal.ROLE), ""), Objects.toString(meta.get(Principal.LABEL), ""),
                        said.by(), said.reason(), command);
                if (filter.admits(entry)) {
                    openEntries.put(key, out.size());
                    out.add(entry);
                }
            }
        }
        return new StoreRead(out, false, lastPosition, to);
    }
}
