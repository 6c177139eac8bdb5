package borderwatch.auth;

import borderwatch.shared.PersonText;
import io.vertx.ext.auth.hashing.HashingStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Bearer tokens: issued as {@code bw_<id>_<secret>} with 256 random bits of secret, kept as the
 * secret's SHA-256 in a file that the {@code token} command and the admin API both change. A secret
 * that random cannot be guessed, so a slow password hash adds nothing but cost to every check: a
 * check is one SHA-256 and a constant-time compare, the same work for known and unknown ids. Tokens
 * issued with PBKDF2 hashes (before this scheme) still work; each is rewritten to SHA-256 on its
 * first successful use. Revocation is seen at once in this process and within a second when another
 * process changed the file; listeners hear of every token that went away.
 */
public final class Tokens {

    public static final int MIN_BOOTSTRAP_LENGTH = 32;
    public static final int MAX_LABEL = 200;
    static final String SHA256_PREFIX = "sha256:";
    private static final long RELOAD_EVERY_MS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the id is unknown, so unknown and known ids cost the same. */
    private static final byte[] NO_DIGEST = new byte[32];

    /** A newly issued token: the only time its value is known. */
    public record Issued(String token, TokenRecord record) {
    }

    /** The service acting on its own account: the demo's tokens, tests, benchmarks. */
    public static final Principal SERVICE = new Principal("service", Role.ADMIN, Set.of(), "BorderWatch service");

    private final TokenFile file;
    private final TokenAudit audit;
    private final byte[] bootstrapDigest;
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, TokenRecord> byId = Map.of();
    private volatile String loadedVersion = "";
    private volatile long checkedAt;

    private Tokens(Path path, String bootstrap) {
        this.file = new TokenFile(path);
        this.audit = new TokenAudit(path);
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

    public TokenAudit audit() {
        return audit;
    }

    public boolean acceptsBootstrap() {
        return bootstrapDigest != null;
    }

    /** Called with the id of every token revoked here or by another process, once. */
    public void onRevoked(Consumer<String> listener) {
        revocationListeners.add(listener);
    }

    /** The id part of a presented token, for throttling by id; null when it has none. */
    public static String idOf(String presented) {
        if (presented == null || presented.length() > 512 || !presented.startsWith("bw_")) {
            return null;
        }
        int end = presented.indexOf('_', 3);
        return end < 0 ? null : presented.substring(3, end);
    }

    /** What a token check found: settled (someone or no one), or only the slow legacy hash can tell. */
    public record Attempt(boolean settled, Optional<Principal> who) {
        static final Attempt NEEDS_HASH = new Attempt(false, Optional.empty());
        static final Attempt NOBODY = new Attempt(true, Optional.empty());

        static Attempt of(Principal who) {
            return new Attempt(true, Optional.of(who));
        }
    }

    /** Answers at once (microseconds) except for a token still kept with a legacy PBKDF2 hash. */
    public Attempt tryAtOnce(String presented) {
        return attempt(presented, false);
    }

    /** Who the presented token speaks for, if anyone; tens of milliseconds for a legacy hash. */
    public Optional<Principal> authenticate(String presented) {
        return attempt(presented, true).who();
    }

    private Attempt attempt(String presented, boolean mayHashSlowly) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Attempt.NOBODY;
        }
        if (bootstrapDigest != null && MessageDigest.isEqual(sha256(presented), bootstrapDigest)) {
            return Attempt.of(new Principal("bootstrap", Role.COORDINATOR, Set.of(), "bootstrap token"));
        }
        refresh();
        String id = idOf(presented);
        if (id == null) {
            return Attempt.NOBODY;
        }
        String secret = presented.substring(3 + id.length() + 1);
        TokenRecord record = byId.get(id);
        if (record == null || !record.hash().startsWith(SHA256_PREFIX)) {
            byte[] digest = sha256(secret);
            if (record == null) {
                MessageDigest.isEqual(digest, NO_DIGEST);
                return Attempt.NOBODY;
            }
            if (!mayHashSlowly) {
                return Attempt.NEEDS_HASH;
            }
            if (!HashingStrategy.load().verify(record.hash(), secret)) {
                return Attempt.NOBODY;
            }
            rehash(id, record.hash(), digest);
            return Attempt.of(record.principal());
        }
        byte[] stored = HexFormat.of().parseHex(record.hash().substring(SHA256_PREFIX.length()));
        return MessageDigest.isEqual(sha256(secret), stored) ? Attempt.of(record.principal()) : Attempt.NOBODY;
    }

    /** Replaces a legacy hash that just checked out, unless someone changed or revoked the token meanwhile. */
    private void rehash(String id, String legacyHash, byte[] digest) {
        String hash = SHA256_PREFIX + HexFormat.of().formatHex(digest);
        file.update(all -> {
            all.replaceAll(r -> r.id().equals(id) && r.hash().equals(legacyHash) ? r.withHash(hash) : r);
            return all;
        });
        reload();
    }

    /** Issued by the service itself (tests, benchmarks); people issue tokens through {@link #create(Role, Set, String, Principal)}. */
    public Issued create(Role role, Set<String> gates, String label) {
        return create(role, gates, label, SERVICE);
    }

    /** Issues a token on behalf of {@code by}, who is recorded in the token audit. */
    public Issued create(Role role, Set<String> gates, String label, Principal by) {
        return create(role, gates, Set.of(), label, by);
    }

    /** As above, confined to {@code provinces} of a node serving several (none: national). */
    public Issued create(Role role, Set<String> gates, Set<String> provinces, String label, Principal by) {
        if (role == Role.FEED && gates.isEmpty()) {
            throw new IllegalArgumentException("a feed token needs the gates it reports for");
        }
        if (role != Role.FEED && !gates.isEmpty()) {
            throw new IllegalArgumentException("only feed tokens are scoped to gates");
        }
        String checkedLabel = PersonText.optional("label", label, MAX_LABEL);
        String id = HexFormat.of().formatHex(random(6));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        TokenRecord record = new TokenRecord(id, role.id(), List.copyOf(new TreeSet<>(gates)),
                checkedLabel, Instant.now(), SHA256_PREFIX + HexFormat.of().formatHex(sha256(secret)),
                List.copyOf(new TreeSet<>(provinces)));
        file.update(all -> {
            all.add(record);
            audit.append(new TokenAudit.Entry(record.created(), TokenAudit.ISSUED, id, record.role(), record.label(), by,
                    record.provinces()));
            return all;
        });
        reload();
        return new Issued("bw_" + id + "_" + secret, record);
    }

    /** Revokes the token; false when there was none with that id. */
    public boolean revoke(String id) {
        return revoke(id, SERVICE);
    }

    /** Revokes the token on behalf of {@code by}, who is recorded in the token audit. */
    public boolean revoke(String id, Principal by) {
        boolean[] removed = {false};
        file.update(all -> {
            all.stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(r -> {
                removed[0] = true;
                audit.append(new TokenAudit.Entry(Instant.now(), TokenAudit.REVOKED, id, r.role(), r.label(), by,
                        r.provinces()));
            });
            all.removeIf(r -> r.id().equals(id));
            return all;
        });
        reload();
        return removed[0];
    }

    public List<TokenRecord> list() {
        refresh();
        return byId.values().stream().sorted(Comparator.comparing(TokenRecord::created)).toList();
    }

    /** Looks at the file again if a second has passed since the last look (cheap: one stat). */
    public void refresh() {
        long now = System.currentTimeMillis();
        if (now - checkedAt < RELOAD_EVERY_MS) {
            return;
        }
        checkedAt = now;
        if (!file.version().equals(loadedVersion)) {
            reload();
        }
    }

    private void reload() {
        List<String> gone;
        synchronized (this) {
            String version = file.version();
            Map<String, TokenRecord> next = new LinkedHashMap<>();
            for (TokenRecord r : file.read()) {
                next.put(r.id(), r);
            }
            gone = byId.keySet().stream().filter(id -> !next.containsKey(id)).toList();
            byId = Map.copyOf(next);
            loadedVersion = version;
            checkedAt = System.currentTimeMillis();
        }
        gone.forEach(id -> revocationListeners.forEach(l -> l.accept(id)));
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
