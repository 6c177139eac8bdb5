package borderwatch.http;

import java.time.Duration;

/**
 * What one client may hold of a node, in one place: requests per token, batches being stored,
 * connections per address, how long a request may take to arrive, how long a connection may sit
 * idle, how often WebSockets are pinged, and how many history replays may run.
 */
public record HttpLimits(int requestsPerSecondPerToken, int batchesInFlight, int connectionsPerAddress,
                         Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, Duration pingInterval,
                         int replaysPerToken, int replaysPerNode) {

    /** A request body's limit, but for imports (their route sets its own). */
    public static final long BODY_LIMIT_BYTES = 1024 * 1024;

    /** Per token: ample for a gate system or a console, small enough that one client cannot swamp the node. */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 50;
    /** Batches being stored at once; 16 command threads share each group commit, more only queue. */
    public static final int DEFAULT_BATCHES_IN_FLIGHT = 256;
    /**
     * A control room's wall of screens shares one address; so does everyone behind nginx, whose own
     * limits (ops/nginx) then apply per client. Far below the default 1,024 file descriptors.
     */
    public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 512;

    public static final HttpLimits DEFAULTS = new HttpLimits(DEFAULT_REQUESTS_PER_SECOND, DEFAULT_BATCHES_IN_FLIGHT,
            DEFAULT_CONNECTIONS_PER_ADDRESS, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(20), 2, 8);

    public HttpLimits {
        if (requestsPerSecondPerToken <= 0 || batchesInFlight <= 0 || connectionsPerAddress <= 0
                || replaysPerToken <= 0 || replaysPerNode <= 0) {
            throw new IllegalArgumentException("every limit must be a positive number");
        }
        for (Duration d : new Duration[] {headerTimeout, bodyTimeout, idleTimeout, pingInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("every timeout must be positive");
            }
        }
    }

    public HttpLimits withRequestsPerSecond(int perToken) {
        return new HttpLimits(perToken, batchesInFlight, connectionsPerAddress, headerTimeout, bodyTimeout, idleTimeout,
                pingInterval, replaysPerToken, replaysPerNode);
    }

    public HttpLimits withBatchesInFlight(int max) {
        return new HttpLimits(requestsPerSecondPerToken, max, connectionsPerAddress, headerTimeout, bodyTimeout,
                idleTimeout, pingInterval, replaysPerToken, replaysPerNode);
    }

    public HttpLimits withConnectionsPerAddress(int max) {
        return new HttpLimits(requestsPerSecondPerToken, batchesInFlight, max, headerTimeout, bodyTimeout, idleTimeout,
                pingInterval, replaysPerToken, replaysPerNode);
    }

    public HttpLimits withTimeouts(Duration header, Duration body, Duration idle, Duration ping) {
        return new HttpLimits(requestsPerSecondPerToken, batchesInFlight, connectionsPerAddress, header, body, idle, ping,
                replaysPerToken, replaysPerNode);
    }

    public HttpLimits withReplays(int perToken, int perNode) {
        return new HttpLimits(requestsPerSecondPerToken, batchesInFlight, connectionsPerAddress, headerTimeout,
                bodyTimeout, idleTimeout, pingInterval, perToken, perNode);
    }
}
