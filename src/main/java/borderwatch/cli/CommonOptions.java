package borderwatch.cli;

import borderwatch.province.Province;
import borderwatch.store.StoreLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags every command shares; each has an environment-variable equivalent. */
public final class CommonOptions {

    @Option(names = "--port", defaultValue = "${env:BORDERWATCH_PORT:-8080}",
            description = "HTTP port (env BORDERWATCH_PORT, default ${DEFAULT-VALUE}); 0 picks a free port")
    int port;

    // Loopback by default: /metrics and /health answer without a token, and tokens travel in clear
    // text until a TLS proxy (ops/nginx) is in front. 0.0.0.0 exposes the node on every interface.
    @Option(names = "--host", defaultValue = "${env:BORDERWATCH_HOST:-127.0.0.1}",
            description = "address to listen on (env BORDERWATCH_HOST, default ${DEFAULT-VALUE}); "
                    + "0.0.0.0 for every interface")
    String host;

    @Option(names = "--log-format", defaultValue = "${env:BORDERWATCH_LOG_FORMAT}",
            description = "text or json (env BORDERWATCH_LOG_FORMAT); default json for serve, text otherwise")
    String logFormat;

    @Option(names = "--data", defaultValue = "${env:BORDERWATCH_DATA:-./data}",
            description = "data directory holding the embedded store (env BORDERWATCH_DATA, default ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--gates", split = ",", defaultValue = "${env:BORDERWATCH_GATES}",
            description = "gates file (JSON; env BORDERWATCH_GATES), or the id of a province that ships with "
                    + "BorderWatch: lang-son (the default) or lai-chau; repeat it (or comma-separate the "
                    + "variable) to serve several provinces, one a file, on one node")
    java.util.List<Path> gates = new java.util.ArrayList<>();

    @Option(names = "--store", defaultValue = "${env:BORDERWATCH_STORE:-sqlite}",
            description = "event store: 'sqlite' (embedded file under --data), 'sqlite:<dir>', or a KurrentDB "
                    + "connection string such as kurrentdb://host:2113?tls=false (env BORDERWATCH_STORE)")
    String store;

    /** The node's first (or only) province: the one a command that works on one province reads. */
    Province loadGates() {
        return loadProvinces().get(0);
    }

    /** The provinces as read from their files, once: every store location and command asks for them. */
    private java.util.List<Province> provinces;

    /** Every province the node serves, in the order given; gate and province ids unique across them. */
    java.util.List<Province> loadProvinces() {
        if (provinces == null) {
            provinces = readProvinces();
        }
        return provinces;
    }

    private java.util.List<Province> readProvinces() {
        java.util.List<Path> files = gates == null ? java.util.List.of()
                : gates.stream().filter(p -> !p.toString().isBlank()).toList();
        if (files.isEmpty()) {
            return java.util.List.of(Province.defaults());
        }
        java.util.List<Province> out = new java.util.ArrayList<>();
        for (Path file : files) {
            out.add(Province.fileOrBundled(file));
        }
        Province.requireDistinct(out, files.stream().map(Path::toString).toList());
        return out;
    }

    @Option(names = "--tokens", defaultValue = "${env:BORDERWATCH_TOKENS}",
            description = "token file (hashes only; env BORDERWATCH_TOKENS); default: tokens.json under --data")
    Path tokens;

    @Option(names = "--rate-limit", defaultValue = "${env:BORDERWATCH_RATE_LIMIT:-50}",
            description = "requests per second per token, bursts of twice that (env BORDERWATCH_RATE_LIMIT, default ${DEFAULT-VALUE})")
    int rateLimit;

    @Option(names = "--max-connections-per-address",
            defaultValue = "${env:BORDERWATCH_MAX_CONNECTIONS_PER_ADDRESS:-512}",
            description = "open connections one client address may hold; more are closed as they open "
                    + "(env BORDERWATCH_MAX_CONNECTIONS_PER_ADDRESS, default ${DEFAULT-VALUE})")
    int maxConnectionsPerAddress;

    @Option(names = "--trusted-proxy", split = ",", defaultValue = "${env:BORDERWATCH_TRUSTED_PROXIES}",
            description = "addresses of proxies whose X-Forwarded-For names the client, e.g. 127.0.0.1 for an nginx on "
                    + "this host (env BORDERWATCH_TRUSTED_PROXIES, comma-separated; default: none, the peer is the client)")
    java.util.List<String> trustedProxies = new java.util.ArrayList<>();

    @Option(names = "--public-board", defaultValue = "${env:BORDERWATCH_PUBLIC_BOARD:-false}", fallbackValue = "true",
            arity = "0..1", description = "serve the public wait board at /public, without a token "
                    + "(env BORDERWATCH_PUBLIC_BOARD, default ${DEFAULT-VALUE})")
    boolean publicBoard;

    /** Switches the log format before anything else is logged. */
    void applyLogFormat(boolean longRunningService) {
        LogFormat.parse(logFormat, longRunningService ? LogFormat.JSON : LogFormat.TEXT).apply();
    }

    @Option(names = "--webhooks", defaultValue = "${env:BORDERWATCH_WEBHOOKS}",
            description = "webhooks file (JSON; env BORDERWATCH_WEBHOOKS): who is told of levels, plans and warnings")
    Path webhooks;

    Path tokenFile() {
        return tokens != null ? tokens : dataDir().resolve("tokens.json");
    }

    /** Accepted as a coordinator token besides those in the file; from the environment only, never the command line. */
    String bootstrapToken() {
        return System.getenv("BORDERWATCH_BOOTSTRAP_TOKEN");
    }

    StoreLocation storeLocation() {
        return StoreLocation.parse(store, data, "--store");
    }

    /**
     * The store of {@code province}: on the embedded store, the directory {@link ProvinceStores} gives
     * it under the data directory; on KurrentDB, the one {@code --store} names.
     */
    StoreLocation storeOf(Province province) {
        StoreLocation location = storeLocation();
        java.util.List<Province> served = loadProvinces();
        if (location instanceof StoreLocation.Kurrent k) {
            // The cluster says which province keeps BorderWatch's own streams; every other has its own prefix.
            // Each node keeps its read-model checkpoint under its own --data, as the embedded store does.
            return k.withStreamPrefix(borderwatch.store.kurrent.ProvinceStreams.prefixOf(k.connectionString(),
                    served.stream().map(Province::provinceId).toList(), province.provinceId()))
                    .withReadModelDir(ProvinceStores.at(data, served).dirOf(province.provinceId()));
        }
        StoreLocation.Embedded e = (StoreLocation.Embedded) location;
        return new StoreLocation.Embedded(ProvinceStores.at(e.dir(), served).dirOf(province.provinceId()));
    }

    /** The local data directory: the embedded store's, else --data (drills keep their sandboxes there). */
    Path dataDir() {
        return storeLocation() instanceof StoreLocation.Embedded e ? e.dir() : data;
    }
}
