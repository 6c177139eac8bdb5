package borderwatch.auth;

import java.util.Set;

/**
 * Who a request speaks for: the token's id, role, label and, for a feed, the gates it reports for.
 * A {@code feed} with no gates may report for none.
 */
public record Principal(String tokenId, Role role, Set<String> gates, String label) {

    public Principal {
        gates = Set.copyOf(gates);
    }

    /** Metadata keys under which every event records the token that caused it. */
    public static final String TOKEN_ID = "actorTokenId";
    public static final String ROLE = "actorRole";
    public static final String LABEL = "actorLabel";

    /** This principal as event metadata: who acted, beside the name a person typed in {@code by}. */
    public java.util.Map<String, String> asMetadata() {
        return java.util.Map.of(TOKEN_ID, tokenId, ROLE, role.id(), LABEL, label == null ? "" : label);
    }

    public boolean mayReportFor(String gate) {
        return role.mayCoordinate() || (role == Role.FEED && gates.contains(gate));
    }
}
