package borderwatch;

import borderwatch.app.ServeCommands;
import picocli.CommandLine;

/** Entry point: {@code java -jar borderwatch.jar serve|demo|bench}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new ServeCommands()).execute(args);
        if (code != 0 || args.length == 0 || !ServeCommands.isLongRunning(args[0])) {
            System.exit(code);
        }
    }
}
