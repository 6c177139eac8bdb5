package borderwatch;

import borderwatch.cli.ServeCommands;
import borderwatch.shared.Rejection;
import picocli.CommandLine;

/** Entry point: {@code java -jar borderwatch.jar serve|demo|…}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ServeCommands());
        // Configuration mistakes (bad gates file, unsupported store, a store in use) get one clear line.
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                commandLine.getErr().println("borderwatch: " + e.getMessage());
                return 2;
            }
            if (e instanceof Rejection r) {
                commandLine.getErr().println("borderwatch: " + r.field() + " " + r.reason());
                return 2;
            }
            throw e;
        });
        int code = cli.execute(args);
        if (code != 0 || args.length == 0 || !ServeCommands.isLongRunning(args[0])) {
            System.exit(code);
        }
    }
}
