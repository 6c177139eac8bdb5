package borderwatch.http;

import borderwatch.auth.Principal;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Requests per token: a token bucket (Bucket4j) per token that allows {@code perSecond} requests a
 * second on average and bursts of twice that; beyond it, 429 with {@code Retry-After}. One busy or
 * misbehaving client then cannot crowd out the others.
 */
public final class RateLimits {

    private final int perSecond;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    public RateLimits(int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("the rate limit must be a positive number of requests per second");
        }
        this.perSecond = perSecond;
    }

    /** Lets the request on, or answers 429 and returns false. */
    public boolean admit(RoutingContext ctx, Principal who) {
        Bucket bucket = buckets.get(who.tokenId(), id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(2L * perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Json.error(ctx, 429, List.of(FieldError.of("authorization",
                "too many requests for this token (at most " + perSecond + " a second); retry after " + seconds + " s")));
        return false;
    }
}
