package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.testing.TestClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping the service as the command line does. */
class ServiceTest {

    @TempDir
    Path data;

    private CommonOptions options(int port) {
        CommonOptions o = new CommonOptions();
        o.port = port;
        o.host = "127.0.0.1";
        o.data = data;
        o.store = "sqlite";
        o.rateLimit = 50;
        o.maxConnectionsPerAddress = borderwatch.http.HttpLimits.DEFAULT_CONNECTIONS_PER_ADDRESS;
        return o;
    }

    @Test
    void aBusyPortIsOneClearLineAndLeavesTheStoreFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Service.start(options(taken.getLocalPort()), TestClock.clock(), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use; "
                            + "choose another with --port or BORDERWATCH_PORT");
        }
        // The failed start closed its store: another start on the same data directory works.
        try (Service service = Service.start(options(0), TestClock.clock(), null)) {
            assertThat(service.port()).isPositive();
        }
    }
}
