package borderwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line saying what the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                       .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                       .findFirst().orElse(cpu);
        } catch (IOException ignored) {
            // not Linux; the core count and JVM still say something
        }
        return String.format("%d cores, %s, %d MiB max heap, Java %s, %s %s", Runtime.getRuntime().availableProcessors(),
                cpu, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
