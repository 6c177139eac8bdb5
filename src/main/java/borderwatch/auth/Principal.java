package borderwatch.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who a request speaks for: the token's id, role, label and, for a feed, the gates it reports for.
 * A {@code feed} with no gates may report for none. {@code requestId} names the HTTP request acting
 * (null outside one), so a stored event can be found again in the access log.
 */
public record Principal(String tokenId, Role role, Set<String> gates, String label, String requestId,
                        Set<String> provinces) {

    public Principal {
        gates = Set.copyOf(gates);
        provinces = provinces == null ? Set.of() : Set.copyOf(provinces);
    }

    public Principal(String tokenId, Role role, Set<String> gates, String label, String requestId) {
        this(tokenId, role, gates, label, requestId, Set.of());
    }

    public Principal(String tokenId, Role role, Set<String> gates, String label) {
        this(tokenId, role, gates, label, null);
    }

    public Principal forRequest(String id) {
        return new Principal(tokenId, role, gates, label, id == null || id.isEmpty() ? null : id, provinces);
    }

    /** A token confined to some provinces acts only there; one without provinces is national. */
    public boolean mayActIn(String province) {
        return provinces.isEmpty() || provinces.contains(province);
    }

    /** Metadata keys under which every event records the token that caused it. */
    public static final String TOKEN_ID = "actorTokenId";
    public static final String ROLE = "actorRole";
    public static final String LABEL = "actorLabel";
    public static final String REQUEST_ID = "requestId";

    /** This principal as event metadata: who acted, beside the name a person typed in {@code by}. */
    public Map<String, String> asMetadata() {
        var meta = new HashMap<String, String>(Map.of(TOKEN_ID, tokenId, ROLE, role.id(), LABEL, label == null ? "" : label));
        if (requestId != null) {
            meta.put(REQUEST_ID, requestId);
        }
        return meta;
    }

    public boolean mayReportFor(String gate) {
        return role.mayCoordinate() || (role == Role.FEED && gates.contains(gate));
    }
}
