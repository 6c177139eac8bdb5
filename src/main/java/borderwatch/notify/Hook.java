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

    /**
     * The URL as logged and shown to admins: scheme, host and port only. Chat and SMS services put a
     * key in the path or query of their webhook URLs.
     */
    public String shownUrl() {
        boolean more = (url.getRawPath() != null && url.getRawPath().length() > 1) || url.getRawQuery() != null;
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + (more ? "/…" : "/");
    }

    /** Never the secret nor the URL's path, wherever a hook is printed. */
    @Override
    public String toString() {
        return "Hook[" + id + " " + shownUrl() + " " + events + " " + gates + "]";
    }
}
