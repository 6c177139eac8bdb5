package borderwatch.notify;

import java.net.URI;
import java.util.Set;

/**
 * One receiver of notifications: where to send them, the secret they are signed with, which kinds
 * it wants ({@link Notification#KINDS}) and, when not empty, which gates and which provinces (on a
 * node of several; empty, every province the node serves).
 */
public record Hook(String id, URI url, String secret, Set<String> events, Set<String> gates, Set<String> provinces) {

    public Hook {
        events = Set.copyOf(events);
        gates = Set.copyOf(gates);
        provinces = Set.copyOf(provinces);
    }

    public Hook(String id, URI url, String secret, Set<String> events, Set<String> gates) {
        this(id, url, secret, events, gates, Set.of());
    }

    /** Whether this hook hears province {@code provinceId}'s notifications at all. */
    public boolean listensTo(String provinceId) {
        return provinces.isEmpty() || provinces.contains(provinceId);
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
        return "Hook[" + id + " " + shownUrl() + " " + events + " " + gates + (provinces.isEmpty() ? "" : " " + provinces) + "]";
    }
}
