package borderwatch.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What a dependency scanner cannot see for itself. */
class DependenciesTest {

    /**
     * gRPC's shaded jar carries its own renamed copy of Netty, listed in no bill of materials. It
     * must be the Netty the service reports (Vert.x's), so that one version is all there is to check.
     */
    @Test
    void grpcsShadedNettyIsTheNettyTheServiceReports() throws Exception {
        Properties shaded = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/io.grpc.netty.shaded.io.netty.versions.properties")) {
            assertThat(in).as("grpc-netty-shaded's version file").isNotNull();
            shaded.load(in);
        }
        String netty = io.netty.util.Version.identify().get("netty-common").artifactVersion();
        assertThat(shaded.getProperty("netty-common.version")).isEqualTo(netty);
    }
}
