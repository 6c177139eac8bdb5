package borderwatch.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs Debian's nginx as an ordinary process on a site file, with everything it writes kept in one directory. */
public final class LocalNginx {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    private LocalNginx() {
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
