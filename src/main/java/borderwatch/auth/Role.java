package borderwatch.auth;

import java.util.Locale;

/**
 * What a token may do. {@code feed}: post gate reports for the gates it is scoped to.
 * {@code viewer}: the board, reports, totals and the WebSocket feeds. {@code coordinator}: what a
 * viewer may, plus plans, response plans, drills, imports and reports for any gate. {@code admin}:
 * everything, including tokens.
 */
public enum Role {
    FEED, VIEWER, COORDINATOR, ADMIN;

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("role must be feed, viewer, coordinator or admin, not '" + text + "'");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayView() {
        return this != FEED;
    }

    public boolean mayCoordinate() {
        return this == COORDINATOR || this == ADMIN;
    }

    public boolean mayAdminister() {
        return this == ADMIN;
    }
}
