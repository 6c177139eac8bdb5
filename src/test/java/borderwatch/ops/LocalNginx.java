package borderwatch.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs Debian's nginx as an ordinary process on a site file, with everything it writes kept in one directory. */
public final class LocalNginx {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");
    public static final Path OPENSSL = Path.of("/usr/bin/openssl");
    public static final Path SHIPPED = Path.of("ops/nginx/borderwatch.conf");

    private LocalNginx() {
    }

    /**
     * The shipped site rewritten to run here: HTTPS on {@code httpsPort} (plain HTTP when {@code tls}
     * is false, for tests about proxying rather than TLS), the redirecting server on {@code httpPort},
     * the nodes on {@code nodes}, and a fresh self-signed certificate, access log and ACME folder in
     * {@code dir}.
     */
    public static Path site(Path dir, boolean tls, int httpsPort, int httpPort, int... nodes)
            throws IOException, InterruptedException {
        selfSignedCertificate(dir);
        String site = Files.readString(SHIPPED)
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + (tls ? " ssl;" : ";"))
                .replace("listen 80;", "listen 127.0.0.1:" + httpPort + ";")
                .replace("/etc/nginx/tls/borderwatch.crt", dir.resolve("tls.crt").toString())
                .replace("/etc/nginx/tls/borderwatch.key", dir.resolve("tls.key").toString())
                .replace("/var/log/nginx/borderwatch.access.log", dir.resolve("access.log").toString())
                .replace("/var/www/acme", dir.resolve("acme").toString());
        String[] shipped = {"127.0.0.1:8080", "127.0.0.1:8081"};
        for (int i = 0; i < shipped.length; i++) {
            site = site.replace(shipped[i], "127.0.0.1:" + nodes[Math.min(i, nodes.length - 1)]);
        }
        Path path = dir.resolve("site.conf");
        Files.writeString(path, site);
        return path;
    }

    private static void selfSignedCertificate(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", dir.resolve("tls.key").toString(), "-out", dir.resolve("tls.crt").toString(),
                "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("openssl could not make a test certificate: " + out);
        }
    }

    /** The command line for nginx on {@code site}, its main config written into {@code dir}. */
    public static List<String> command(Path dir, Path site, boolean foreground, String... flags) throws IOException {
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                %3$s
                events {}
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %2$s;
                }
                """.formatted(dir, site.toAbsolutePath(), foreground ? "daemon off;" : ""));
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(flags));
        command.addAll(List.of("-p", dir.toString(), "-e", dir.resolve("error.log").toString(), "-c", conf.toString()));
        return command;
    }
}
