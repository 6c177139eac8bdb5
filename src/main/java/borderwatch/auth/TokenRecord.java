package borderwatch.auth;

import java.time.Instant;
import java.util.List;

/** One issued token as kept on disk: never the token itself, only its PBKDF2 hash. */
public record TokenRecord(String id, String role, List<String> gates, String label, Instant created, String hash) {

    public Principal principal() {
        return new Principal(id, Role.parse(role), java.util.Set.copyOf(gates == null ? List.of() : gates), label);
    }
}
