package borderwatch.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Failed token checks, counted per client address and per token id (known or not, so a refusal
 * tells nothing about which ids exist): a burst of {@link #BURST} failures, then one more every
 * {@link #REFILL_SECONDS} seconds. Beyond that the address or id is answered 429 before any token
 * check is made, so guessing costs the guesser time and the node nothing.
 */
final class FailedAttempts {

    public static final int BURST = 20;
    public static final int REFILL_SECONDS = 3;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();

    /** Seconds to wait before {@code key} may fail again; 0 when it may try now. */
    public long waitSeconds(String key) {
        if (key == null) {
            return 0;
        }
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    public void failed(String key) {
        if (key != null) {
            buckets.get(key, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(BURST)
                    .refillGreedy(1, Duration.ofSeconds(REFILL_SECONDS)).build()).build()).tryConsume(1);
        }
    }

    public static String address(String address) {
        return "address:" + address;
    }

    public static String tokenId(String id) {
        return id == null ? null : "id:" + id;
    }
}
