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

    public boolean mayReportFor(String gate) {
        return role.mayCoordinate() || (role == Role.FEED && gates.contains(gate));
    }
}
