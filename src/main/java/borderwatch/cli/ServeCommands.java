package borderwatch.cli;

import borderwatch.shared.Fatal;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The command line: serve, demo, and the operations around them. */
@Command(name = "borderwatch", mixinStandardHelpOptions = true, version = "BorderWatch 0.1",
        description = "Event-sourced border-trade monitoring.",
        subcommands = {ServeCommands.Serve.class, ServeCommands.Demo.class, ImportCommand.class, ReportCommand.class,
                BacktestCommand.class, MigrateCommand.class, TokenCommand.class, BackupCommands.Backup.class, BackupCommands.Restore.class,
                ServeCommands.BenchMoved.class})
public final class ServeCommands implements Runnable {

    @Override
    public void run() {
        System.err.println("usage: borderwatch serve|demo|import|report|migrate|token|backup|restore [options]   (--help for details)");
    }

    public static boolean isLongRunning(String command) {
        return command.equals("serve") || command.equals("demo");
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the service.")
    static final class Serve implements Runnable {
        @Mixin
        CommonOptions options;

        @Override
        public void run() {
            options.applyLogFormat(true);
            exitOnFatalErrors();
            runUntilStopped(Service.start(options, Clock.systemUTC(), null));
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run the service with the built-in simulator feeding live traffic; without --gates, for "
                    + "both provinces that ship with BorderWatch (Lạng Sơn, and Lai Châu at ?province=lai-chau).")
    static final class Demo implements Runnable {
        @Mixin
        CommonOptions options;
        @Mixin
        DemoOptions demo;

        @Override
        public void run() {
            options.applyLogFormat(false);
            exitOnFatalErrors();
            if (options.gates == null || options.gates.isEmpty()) {
                options.gates = new java.util.ArrayList<>(borderwatch.province.Province.BUNDLED.stream()
                        .map(java.nio.file.Path::of).toList());
            }
            runUntilStopped(Service.start(options, Clock.systemUTC(), demo.resolve()));
        }
    }

    /** Where the benchmark went: it is built beside the product jar, not into it. */
    @Command(name = "bench", hidden = true, description = "The benchmark ships as borderwatch-bench.jar.")
    static final class BenchMoved implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Unmatched
        java.util.List<String> ignored;

        @Override
        public Integer call() {
            System.err.println("borderwatch: the benchmark is not part of the service; 'mvn package' builds it beside "
                    + "this jar: java -jar target/borderwatch-bench.jar [options]");
            return 2;
        }
    }

    /** Exit status after a fatal error, distinct from a failed start (1) so that logs and systemd tell them apart. */
    static final int FATAL_EXIT = 70;

    /**
     * A fatal JVM error anywhere (out of memory, a store thread dead of an error) ends the process at
     * once instead of leaving a node that answers nothing; systemd then restarts it.
     */
    static void exitOnFatalErrors() {
        Fatal.onFatal(ServeCommands::halt);
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (failure instanceof Error) {
                halt(failure);
            }
            org.slf4j.LoggerFactory.getLogger(ServeCommands.class).error("thread {} died", thread.getName(), failure);
        });
    }

    private static void halt(Throwable failure) {
        // Halt, not exit: shutdown hooks could wait on the very threads that failed.
        try {
            System.err.println("BorderWatch stops after a fatal error: " + failure);
            System.err.flush();
        } finally {
            Runtime.getRuntime().halt(FATAL_EXIT);
        }
    }

    private static void runUntilStopped(Service service) {
        // Non-daemon Vert.x threads keep the process alive; a signal closes the store cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
        System.out.println("BorderWatch is running: http://localhost:" + service.port() + "/ (API at /api/v1, bearer token required)");
    }
}
