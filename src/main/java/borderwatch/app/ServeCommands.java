package borderwatch.app;

import borderwatch.bench.Bench;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The command line: serve, demo, bench. */
@Command(name = "borderwatch", mixinStandardHelpOptions = true, version = "BorderWatch 0.1",
        description = "Event-sourced border-trade monitoring.",
        subcommands = {ServeCommands.Serve.class, ServeCommands.Demo.class, ImportCommand.class, ReportCommand.class,
                MigrateCommand.class, TokenCommand.class, BackupCommands.Backup.class, BackupCommands.Restore.class,
                Bench.class})
public final class ServeCommands implements Runnable {

    @Override
    public void run() {
        System.err.println("usage: borderwatch serve|demo|bench [options]   (--help for details)");
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
            runUntilStopped(Service.start(options, Clock.systemUTC(), null));
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run the service with the built-in simulator feeding live traffic.")
    static final class Demo implements Runnable {
        @Mixin
        CommonOptions options;
        @Mixin
        DemoOptions demo;

        @Override
        public void run() {
            runUntilStopped(Service.start(options, Clock.systemUTC(), demo.resolve()));
        }
    }

    private static void runUntilStopped(Service service) {
        // Non-daemon Vert.x threads keep the process alive; a signal closes the store cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
        System.out.println("BorderWatch is running: http://localhost:" + service.port() + "/ (API at /api/v1, bearer token required)");
    }
}
