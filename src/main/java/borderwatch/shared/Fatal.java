package borderwatch.shared;

import java.util.function.Consumer;

/**
 * Failures after which a process must not go on: the JVM's own (out of memory, stack overflow,
 * internal error), and a damaged store found after the start. A node that catches one and carries on answers nothing useful and ignores
 * signals, so the running service hands them to one handler that ends the process, and its
 * supervisor (systemd) starts a fresh one; acknowledged events are already durable. Where no
 * handler is installed (tests, one-shot commands), they are only reported as fatal.
 */
public final class Fatal {

    private static volatile Consumer<Throwable> handler = t -> { };

    private Fatal() {
    }

    public static void onFatal(Consumer<Throwable> next) {
        handler = next;
    }

    /** A failure found outside any request (a damaged store file) after which the process must not go on. */
    public static void raise(Throwable failure) {
        handler.accept(failure);
    }

    /** Whether {@code failure} or one of its causes is fatal; if so, the handler has it. */
    public static boolean check(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VirtualMachineError) {
                handler.accept(t);
                return true;
            }
        }
        return false;
    }
}
