package borderwatch.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real service ({@code serve}) in a child JVM, as an operator runs it, for crash and disk tests. */
final class ServiceProcess implements AutoCloseable {

    static final String TOKEN = "crash-test-coordinator-token-0123456789";

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code serve} on {@code data}; {@code fileSizeLimitKiB} > 0 caps the size of every file it writes. */
    static ServiceProcess start(Path data, int port, long fileSizeLimitKiB) throws Exception {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "borderwatch.Main", "serve",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--data", data.toString()));
        List<String> command = java;
        if (fileSizeLimitKiB > 0) {
            // The shell's file-size limit makes writes past it fail as on a full disk (the JVM ignores SIGXFSZ).
            List<String> withLimit = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + fileSizeLimitKiB + " && exec \"$@\"", "serve"));
            withLimit.addAll(java);
            command = withLimit;
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + "-service.log").toFile());
        pb.environment().put("BORDERWATCH_BOOTSTRAP_TOKEN", TOKEN);
        Process p = pb.start();
        ServiceProcess service = new ServiceProcess(p, port);
        service.awaitReady();
        return service;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped during start (exit " + process.exitValue() + ")");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service was not ready within 60 s");
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no checkpoint, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }
}
