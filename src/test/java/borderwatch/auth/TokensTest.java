package borderwatch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.auth.hashing.HashingStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TokensTest {

    @TempDir
    Path data;

    /** A token as issued before tokens were kept as SHA-256: a PBKDF2 hash of 100,000 rounds. */
    public static String legacyToken(Path file, String id, Role role) {
        String secret = "legacy-secret-" + id + "-0123456789abcdefghijklmnop";
        String hash = HashingStrategy.load().hash("pbkdf2", Map.of("it", "100000"), "c2FsdHNhbHRzYWx0", secret);
        new TokenFile(file).update(all -> {
            List<TokenRecord> next = new ArrayList<>(all);
            next.add(new TokenRecord(id, role.id(), List.of(), "legacy " + id,
                    java.time.Instant.parse("2025-01-01T00:00:00Z"), hash));
            return next;
        });
        return "bw_" + id + "_" + secret;
    }

    @Test
    void newTokensAreKeptAsSha256AndCheckedAtOnce() {
        Tokens tokens = Tokens.open(data.resolve("tokens.json"), null);
        Tokens.Issued issued = tokens.create(Role.VIEWER, Set.of(), "duty");
        assertThat(issued.record().hash()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(tokens.tryAtOnce(issued.token()).settled()).isTrue();
        assertThat(tokens.tryAtOnce(issued.token()).who()).hasValueSatisfying(p -> assertThat(p.label()).isEqualTo("duty"));
        String wrong = issued.token().substring(0, issued.token().length() - 1) + "x";
        assertThat(tokens.tryAtOnce(wrong)).isEqualTo(new Tokens.Attempt(true, java.util.Optional.empty()));
        assertThat(tokens.tryAtOnce("bw_ffffffffffff_" + "a".repeat(43)).settled()).as("unknown ids settle at once").isTrue();
    }

    @Test
    void aLegacyTokenStillWorksAndIsRewrittenOnItsFirstUse() throws Exception {
        Path file = data.resolve("tokens.json");
        String legacy = legacyToken(file, "0a0b0c0d0e0f", Role.VIEWER);
        Tokens tokens = Tokens.open(file, null);
        assertThat(tokens.tryAtOnce(legacy).settled()).as("a legacy hash needs the slow check").isFalse();
        assertThat(tokens.authenticate(legacy.replace("legacy-secret", "forged-secret"))).isEmpty();
        assertThat(Files.readString(file)).contains("$pbkdf2$");
        assertThat(tokens.authenticate(legacy)).isPresent();
        assertThat(Files.readString(file)).doesNotContain("$pbkdf2$").contains("sha256:");
        assertThat(tokens.tryAtOnce(legacy).who()).as("checked at once from now on").isPresent();
    }

    @Test
    void revocationsHereAndElsewhereReachTheListeners() throws Exception {
        Path file = data.resolve("tokens.json");
        Tokens here = Tokens.open(file, null);
        List<String> revoked = new java.util.concurrent.CopyOnWriteArrayList<>();
        here.onRevoked(revoked::add);
        String a = here.create(Role.VIEWER, Set.of(), "a").record().id();
        String b = here.create(Role.VIEWER, Set.of(), "b").record().id();
        here.revoke(a);
        assertThat(revoked).containsExactly(a);
        Tokens.open(file, null).revoke(b);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!revoked.contains(b) && System.nanoTime() < deadline) {
            here.refresh();
            Thread.sleep(50);
        }
        assertThat(revoked).containsExactly(a, b);
    }

    @Test
    void twoProcessesIssuingTokensAtOnceLoseNoneOfThem() throws Exception {
        Path file = data.resolve("tokens.json");
        int each = 40;
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TokenFileWriter.class.getName(), file.toString(),
                Integer.toString(each)).inheritIO().start();
        Tokens here = Tokens.open(file, null);
        for (int i = 0; i < each; i++) {
            here.create(Role.VIEWER, Set.of(), "this process " + i);
            here.revoke(here.create(Role.VIEWER, Set.of(), "short-lived " + i).record().id());
        }
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("the other process finished").isTrue();
        assertThat(other.exitValue()).isZero();
        List<TokenRecord> all = new TokenFile(file).read();
        assertThat(all).hasSize(2 * each);
        assertThat(all.stream().filter(r -> r.label().startsWith("other process"))).hasSize(each);
        assertThat(all.stream().filter(r -> r.label().startsWith("short-lived"))).isEmpty();
    }
}
