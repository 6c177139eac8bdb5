package borderwatch.notify;

import java.net.URI;
import java.util.Set;

/**
 * One receiver of notifications: where to send them, the secret they are signed with, which kinds
 * it wants ({@link Notification#KINDS}) and, when not empty, which gates.
 */
public record Hook(String id, URI url, String secret, Set<String> events, Set<String> gates) {

    public Hook {
        events = Set.copyOf(events);
        gates = Set.copyOf(gates);
    }

    boolean wants(Notification n) {
        return events.contains(n.kind()) && (gates.isEmpty() || gates.contains(n.gate()));
    }

    /** Never the secret, wherever a hook is printed. */
    @Override
    public String toString() {
        return "Hook[" + id + " " + url + " " + events + " " + gates + "]";
    }
}
