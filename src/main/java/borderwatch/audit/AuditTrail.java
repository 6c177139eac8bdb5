package borderwatch.audit;

import borderwatch.auth.Principal;
import borderwatch.auth.TokenAudit;
import borderwatch.gate.GateEvent;
import borderwatch.store.EventStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * the issuing and revoking of tokens. Events are read from the store by the time they were
 * recorded, starting at the store's own position for that time, so a week's audit reads a week.
 */
public final class AuditTrail {

    /**
     * One line of the audit: an actor's action at a time, on a gate or not. For a token issued or
     * revoked, {@code subject…} name that token (its label in {@code reason}).
     */
    public record Entry(Instant at, String action, String gate, int events, String tokenId, String role, String label,
                        String by, String reason, String command, String subjectTokenId, String subjectRole) {
    }

    /** The entries found, oldest first, and whether more were left off. */
    public record Page(List<Entry> entries, boolean truncated) {
    }

    private final EventStorage storage;
    private final TokenAudit tokens;
    private final Function<Class<?>, String> typeNames;

    public AuditTrail(EventStorage storage, TokenAudit tokens, Function<Class<?>, String> typeNames) {
        this.storage = storage;
        this.tokens = tokens;
        this.typeNames = typeNames;
    }

    /** Entries recorded at {@code from <= at < to}, on {@code gate} only when given; at most {@code limit}. */
    public Page read(Instant from, Instant to, String gate, int limit) {
        List<Entry> out = new ArrayList<>();
        boolean truncated = commands(from, to, gate, limit, out);
        if (gate == null) {
            for (TokenAudit.Entry t : tokens.read(from, to)) {
                Principal a = t.actor();
                out.add(new Entry(t.at(), t.action(), null, 1, a.tokenId(), a.role().id(), a.label(),
                        null, t.label().isEmpty() ? null : t.label(), null, t.tokenId(), t.role()));
            }
        }
        out.sort(Comparator.comparing(Entry::at));
        if (out.size() > limit) {
            return new Page(List.copyOf(out.subList(0, limit)), true);
        }
        return new Page(List.copyOf(out), truncated);
    }

    private boolean commands(Instant from, Instant to, String gate, int limit, List<Entry> out) {
        TrackingToken start = storage.createTokenAt(from);
        Entry open = null;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(start, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> e = it.next();
                if (!e.getTimestamp().isBefore(to)) {
                    break;
                }
                Map<String, ?> meta = e.getMetaData();
                Object tokenId = meta.get(Principal.TOKEN_ID);
                if (tokenId == null || e.getTimestamp().isBefore(from)) {
                    continue;
                }
                Object payload = e.getPayload();
                String eventGate = payload instanceof GateEvent g ? g.gate() : null;
                if (gate != null && !gate.equals(eventGate)) {
                    continue;
                }
                String action = typeNames.apply(payload.getClass());
                String command = Objects.toString(meta.get("traceId"), e.getIdentifier());
                if (open != null && open.command().equals(command) && open.action().equals(action)
                        && Objects.equals(open.gate(), eventGate)) {
                    open = new Entry(open.at(), open.action(), open.gate(), open.events() + 1, open.tokenId(), open.role(),
                            open.label(), open.by(), open.reason(), open.command(), null, null);
                    out.set(out.size() - 1, open);
                    continue;
                }
                if (out.size() >= limit) {
                    return true;
                }
                Said said = Said.in(payload);
                open = new Entry(e.getTimestamp(), action, eventGate, 1, tokenId.toString(),
                        Objects.toString(meta.get(Principal.ROLE), ""), Objects.toString(meta.get(Principal.LABEL), ""),
                        said.by(), said.reason(), command, null, null);
                out.add(open);
            }
        }
        return false;
    }
}
