package borderwatch.cli;

import borderwatch.auth.Principal;
import borderwatch.auth.Role;
import borderwatch.auth.TokenRecord;
import borderwatch.auth.Tokens;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code token create|list|revoke}: manage the API's bearer tokens in the token file. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens (kept hashed in the token file).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("usage: borderwatch token create|list|revoke [options]   (--help for details)");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Issue a token; its value is printed once and never stored.")
    static final class Create implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--role", required = true, description = "feed, viewer, coordinator or admin")
        String role;

        @Option(names = "--gate", description = "a gate a feed token reports for (repeat for several)")
        Set<String> gates = new TreeSet<>();

        @Option(names = "--label", defaultValue = "", description = "who or what holds it, e.g. 'Tân Thanh gate system'")
        String label;

        @Option(names = "--province", description = "a province the token acts in, on a node serving several "
                + "(repeat for several; default: every province, a national token)")
        Set<String> provinces = new TreeSet<>();

        @Override
        public Integer call() {
            java.util.List<borderwatch.province.Province> served = options.loadProvinces();
            Set<String> known = new TreeSet<>();
            served.forEach(p -> p.all().forEach(g -> known.add(g.id())));
            for (String gate : gates) {
                if (!known.contains(gate)) {
                    throw new IllegalArgumentException("--gate " + gate + " is not a gate; known: " + String.join(", ", known));
                }
            }
            Set<String> provinceIds = new TreeSet<>(served.stream().map(p -> p.provinceId()).toList());
            for (String province : provinces) {
                if (!provinceIds.contains(province)) {
                    throw new IllegalArgumentException("--province " + province + " is not served here (--gates); known: "
                            + String.join(", ", provinceIds));
                }
            }
            Tokens.Issued issued = Tokens.open(options.tokenFile(), null).create(Role.parse(role), gates, provinces, label,
                    operator());
            System.out.println(issued.token());
            System.err.println("issued " + issued.record().role() + " token " + issued.record().id()
                    + " (shown once; stored hashed in " + options.tokenFile() + ")");
            return 0;
        }
    }

    /** Whoever runs the command on the server, as the token audit records them. */
    static Principal operator() {
        return new Principal("command-line", Role.ADMIN, Set.of(), "token command, user " + System.getProperty("user.name"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (ids, roles, gates, labels).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() {
            for (TokenRecord r : Tokens.open(options.tokenFile(), null).list()) {
                System.out.printf("%s  %-11s  %-30s  %s  %s%n", r.id(), r.role(), String.join(",", r.gates()),
                        r.created(), r.label());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token by id; a running service stops accepting it within a second.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            if (!Tokens.open(options.tokenFile(), null).revoke(id, operator())) {
                throw new IllegalArgumentException("no token " + id + " in " + options.tokenFile());
            }
            System.err.println("revoked " + id);
            return 0;
        }
    }
}
