package borderwatch.publicboard;

import borderwatch.board.Board;
import borderwatch.engine.Engine;
import borderwatch.http.ClientAddress;
import borderwatch.http.Json;
import borderwatch.http.RateLimits;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /public/v1/waits}: the public wait board's figures, without a token. Anyone may ask, so
 * each client address has its own small budget (429 with {@code Retry-After} past it), the answer is
 * computed at most once every {@link #FRESH} for everyone, and caches may keep it as long.
 */
final class PublicBoardRoutes {

    static final Duration FRESH = Duration.ofSeconds(15);
    static final int PER_SECOND = 2;
    static final int BURST_SECONDS = 10;
    static final int BURST = PER_SECOND * BURST_SECONDS;

    private final Engine engine;
    private final Clock clock;
    private final PublicNames names;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private volatile PublicWaits latest;

    public PublicBoardRoutes(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
        this.names = PublicNames.of(engine.gates());
    }

    public void waits(RoutingContext ctx) {
        if (!admit(ctx)) {
            return;
        }
        Instant now = clock.instant();
        PublicWaits waits = latest;
        if (waits == null || waits.at().isBefore(now.minus(FRESH)) || waits.at().isAfter(now)) {
            waits = engine.live().query(m -> PublicWaits.of(Board.of(m, now), engine.gates(), names, now));
            latest = waits;
        }
        ctx.response().putHeader("Cache-Control", "public, max-age=" + FRESH.toSeconds());
        Json.send(ctx, 200, waits);
    }

    private boolean admit(RoutingContext ctx) {
        Bucket bucket = buckets.get(ClientAddress.of(ctx), a -> RateLimits.bucket(PER_SECOND, BURST_SECONDS));
        return RateLimits.take(ctx, bucket, "address",
                "too many requests from this address (at most " + PER_SECOND + " a second)");
    }
}
