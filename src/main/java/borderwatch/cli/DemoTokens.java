package borderwatch.cli;

import borderwatch.auth.Role;
import borderwatch.auth.TokenRecord;
import borderwatch.auth.Tokens;
import java.util.Set;

/**
 * The demo's own tokens: a coordinator token and a viewer link, made afresh at every start (the
 * previous demo tokens are revoked, so they do not pile up) and printed, since a token is never
 * shown again after it is issued.
 */
final class DemoTokens {

    static final String COORDINATOR_LABEL = "demo coordinator";
    static final String VIEWER_LABEL = "demo viewer";

    private DemoTokens() {
    }

    static void issueAndPrint(Tokens tokens, int port) {
        for (TokenRecord r : tokens.list()) {
            if (r.label().equals(COORDINATOR_LABEL) || r.label().equals(VIEWER_LABEL)) {
                tokens.revoke(r.id());
            }
        }
        String coordinator = tokens.create(Role.COORDINATOR, Set.of(), COORDINATOR_LABEL).token();
        String viewer = tokens.create(Role.VIEWER, Set.of(), VIEWER_LABEL).token();
        String console = "http://localhost:" + port + "/";
        System.out.println("Coordinator token: " + coordinator);
        System.out.println("Console as coordinator: " + console + "#token=" + coordinator);
        System.out.println("Console for viewers (read-only): " + console + "#token=" + viewer);
    }
}
