package borderwatch.auth;

import java.time.Instant;
import java.util.List;

/**
 * One issued token as kept on disk: never the token itself, only a hash of its secret
 * ({@code sha256:<hex>}, or a legacy PBKDF2 string until the token is next used).
 */
public record TokenRecord(String id, String role, List<String> gates, String label, Instant created, String hash) {

    public Principal principal() {
        return new Principal(id, Role.parse(role), java.util.Set.copyOf(gates == null ? List.of() : gates), label);
    }

    TokenRecord withHash(String next) {
        return new TokenRecord(id, role, gates, label, created, next);
    }
}
