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
 *
 * <p>Opening a feed (a WebSocket upgrade) draws on a bucket of its own, twenty times as deep and
 * refilled ten times as fast: a wall of screens sharing one viewer token reconnects all at once
 * after a restart, and every screen must get back in, while a client opening feeds in a loop is
 * still stopped. Open sockets are bounded per client address by the connection guard.
 */
public final class RateLimits {

    /** Feeds opened per second, as a multiple of the request rate, and the burst in seconds of it. */
    static final int UPGRADE_RATE = 10;
    static final int UPGRADE_BURST = 2;

    private final int perSecond;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final Cache<String, Bucket> upgrades = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    public RateLimits(int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("the rate limit must be a positive number of requests per second");
        }
        this.perSecond = perSecond;
    }

    /** Lets the request on, or answers 429 and returns false. */
    public boolean admit(RoutingContext ctx, Principal who) {
        boolean upgrade = "websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"));
        int rate = upgrade ? UPGRADE_RATE * perSecond : perSecond;
        Bucket bucket = (upgrade ? upgrades : buckets).get(who.tokenId(), id -> bucket(rate, upgrade ? UPGRADE_BURST : 2));
        return take(ctx, bucket, "authorization",
                "too many " + (upgrade ? "feeds opened" : "requests") + " for this token (at most " + rate + " a second)");
    }

    /**
     * Takes one request from {@code bucket}, or answers 429 with {@code Retry-After} and the field and
     * reason ({@code why}, to which the wait is added) and returns false.
     */
    public static boolean take(RoutingContext ctx, Bucket bucket, String field, String why) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Json.error(ctx, 429, List.of(FieldError.of(field, why + "; retry after " + seconds + " s")));
        return false;
    }

    /** {@code perSecond} requests a second on average, in bursts of {@code burstSeconds} seconds' worth. */
    public static Bucket bucket(int perSecond, int burstSeconds) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity((long) burstSeconds * perSecond)
                .refillGreedy(perSecond, Duration.ofSeconds(1)).build()).build();
    }
}
