package borderwatch.store.kurrent;

import java.io.IOException;

/** Opens {@link KurrentProtocolDouble} to tests outside this package. */
public final class KurrentProtocolDoubles {

    private KurrentProtocolDoubles() {
    }

    public static AutoCloseable start() throws IOException {
        return new KurrentProtocolDouble();
    }

    public static String connectionString(AutoCloseable server) {
        return ((KurrentProtocolDouble) server).connectionString();
    }
}
