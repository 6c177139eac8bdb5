package borderwatch.cli;

import borderwatch.shared.Fatal;
import java.util.concurrent.CompletionException;

/** A process that installs the service's fatal-error handling, then meets a fatal error as told. */
public final class FatalErrorProbe {

    private FatalErrorProbe() {
    }

    public static void main(String[] args) throws Exception {
        ServeCommands.exitOnFatalErrors();
        switch (args[0]) {
            case "thread" -> {
                Thread dying = new Thread(() -> {
                    throw new OutOfMemoryError("injected");
                }, "event-store-writer");
                dying.start();
            }
            case "failure" -> Fatal.check(new CompletionException(new OutOfMemoryError("injected")));
            case "harmless" -> {
                Thread t = new Thread(() -> {
                    throw new IllegalStateException("an ordinary failure");
                });
                t.start();
                t.join();
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        // A handled fatal error never gets here; a harmless one does and ends normally.
        Thread.sleep(args[0].equals("harmless") ? 0 : 10_000);
        System.exit(0);
    }
}
