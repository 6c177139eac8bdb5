package borderwatch.auth;

import java.time.Instant;
import java.util.List;

/**
 * One issued token as kept on disk: never the token itself, only a hash of its secret
 * ({@code sha256:<hex>}, or a legacy PBKDF2 string until the token is next used). {@code provinces}
 * confines the token to those provinces of a node serving several; empty or absent (a file written
 * before provinces) is national.
 */
public record TokenRecord(String id, String role, List<String> gates, String label, Instant created, String hash,
                          List<String> provinces) {

    public TokenRecord(String id, String role, List<String> gates, String label, Instant created, String hash) {
        this(id, role, gates, label, created, hash, List.of());
    }

    public Principal principal() {
        return new Principal(id, Role.parse(role), java.util.Set.copyOf(gates == null ? List.of() : gates), label, null,
                java.util.Set.copyOf(provinces == null ? List.of() : provinces));
    }

    TokenRecord withHash(String next) {
        return new TokenRecord(id, role, gates, label, created, next, provinces);
    }
}
