package borderwatch.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.ext.auth.hashing.HashingStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bearer tokens: issued as {@code bw_<id>_<secret>}, kept as PBKDF2 hashes (Vert.x auth's hashing)
 * in a file that the {@code token} command and the admin API both change. Checking PBKDF2 on every
 * request would cost more than the request, so a token that checked out is remembered by its
 * SHA-256 for a while; revoking a token forgets it at once, also when another process revoked it
 * (the file is looked at again at most once a second).
 */
public final class Tokens {

    public static final int MIN_BOOTSTRAP_LENGTH = 32;
    static final String PBKDF2_ITERATIONS = "100000";
    private static final long RELOAD_EVERY_MS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A newly issued token: the only time its value is known. */
    public record Issued(String token, TokenRecord record) {
    }

    private final TokenFile file;
    private final HashingStrategy hashing = HashingStrategy.load();
    private final byte[] bootstrapDigest;
    private final Cache<String, String> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    private volatile Map<String, TokenRecord> byId = Map.of();
    private volatile long loadedModified = -1;
    private volatile long checkedAt;

    private Tokens(Path path, String bootstrap) {
        this.file = new TokenFile(path);
        this.bootstrapDigest = bootstrap == null ? null : sha256(bootstrap);
        reload();
    }

    /** Tokens kept in {@code path}; {@code bootstrap}, if given, is also accepted as a coordinator token. */
    public static Tokens open(Path path, String bootstrap) {
        if (bootstrap != null && bootstrap.length() < MIN_BOOTSTRAP_LENGTH) {
            throw new IllegalArgumentException("BORDERWATCH_BOOTSTRAP_TOKEN must be at least " + MIN_BOOTSTRAP_LENGTH
                    + " characters long (it has " + bootstrap.length() + ")");
        }
        return new Tokens(path, bootstrap == null || bootstrap.isEmpty() ? null : bootstrap);
    }

    public Path path() {
        return file.path();
    }

    public boolean acceptsBootstrap() {
        return bootstrapDigest != null;
    }

    /** What a token check found: settled (someone or no one), or only the slow hash check can tell. */
    public record Attempt(boolean settled, Optional<Principal> who) {
        static final Attempt NEEDS_HASH = new Attempt(false, Optional.empty());
        static final Attempt NOBODY = new Attempt(true, Optional.empty());

        static Attempt of(Principal who) {
            return new Attempt(true, Optional.of(who));
        }
    }

    /**
     * Answers without the PBKDF2 check (which takes tens of milliseconds) where it can: the
     * bootstrap token, a token that checked out recently, one that cannot be valid on its face.
     */
    public Attempt tryAtOnce(String presented) {
        return attempt(presented, false);
    }

    /** Who the presented token speaks for, if anyone; may take tens of milliseconds. */
    public Optional<Principal> authenticate(String presented) {
        return attempt(presented, true).who();
    }

    private Attempt attempt(String presented, boolean mayHash) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Attempt.NOBODY;
        }
        byte[] digest = sha256(presented);
        if (bootstrapDigest != null && MessageDigest.isEqual(digest, bootstrapDigest)) {
            return Attempt.of(new Principal("bootstrap", Role.COORDINATOR, Set.of(), "bootstrap token"));
        }
        reloadIfChanged();
        String[] parts = presented.split("_", 3);
        if (parts.length != 3 || !parts[0].equals("bw")) {
            return Attempt.NOBODY;
        }
        TokenRecord record = byId.get(parts[1]);
        if (record == null) {
            return Attempt.NOBODY;
        }
        String key = HexFormat.of().formatHex(digest);
        if (record.id().equals(verified.getIfPresent(key))) {
            return Attempt.of(record.principal());
        }
        if (!mayHash) {
            return Attempt.NEEDS_HASH;
        }
        if (!hashing.verify(record.hash(), parts[2])) {
            return Attempt.NOBODY;
        }
        verified.put(key, record.id());
        return Attempt.of(record.principal());
    }

    public synchronized Issued create(Role role, Set<String> gates, String label) {
        if (role == Role.FEED && gates.isEmpty()) {
            throw new IllegalArgumentException("a feed token needs the gates it reports for");
        }
        if (role != Role.FEED && !gates.isEmpty()) {
            throw new IllegalArgumentException("only feed tokens are scoped to gates");
        }
        String id = HexFormat.of().formatHex(random(6));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        String salt = Base64.getUrlEncoder().withoutPadding().encodeToString(random(16));
        String hash = hashing.hash("pbkdf2", Map.of("it", PBKDF2_ITERATIONS), salt, secret);
        TokenRecord record = new TokenRecord(id, role.id(), List.copyOf(new TreeSet<>(gates)),
                label == null ? "" : label, Instant.now(), hash);
        List<TokenRecord> all = new ArrayList<>(file.read());
        all.add(record);
        file.write(all);
        reload();
        return new Issued("bw_" + id + "_" + secret, record);
    }

    public synchronized boolean revoke(String id) {
        List<TokenRecord> all = new ArrayList<>(file.read());
        boolean removed = all.removeIf(r -> r.id().equals(id));
        if (removed) {
            file.write(all);
            reload();
        }
        return removed;
    }

    public List<TokenRecord> list() {
        reloadIfChanged();
        return byId.values().stream().sorted(java.util.Comparator.comparing(TokenRecord::created)).toList();
    }

    private void reloadIfChanged() {
        long now = System.currentTimeMillis();
        if (now - checkedAt < RELOAD_EVERY_MS) {
            return;
        }
        checkedAt = now;
        if (file.lastModified() != loadedModified) {
            reload();
        }
    }

    private synchronized void reload() {
        long modified = file.lastModified();
        Map<String, TokenRecord> next = new java.util.LinkedHashMap<>();
        for (TokenRecord r : file.read()) {
            next.put(r.id(), r);
        }
        byId = Map.copyOf(next);
        loadedModified = modified;
        checkedAt = System.currentTimeMillis();
        // A revoked token must not live on in the cache.
        verified.asMap().values().removeIf(id -> !next.containsKey(id));
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
