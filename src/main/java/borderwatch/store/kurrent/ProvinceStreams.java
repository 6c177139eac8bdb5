package borderwatch.store.kurrent;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The streams of each province on a KurrentDB cluster that several provinces share. One province
 * keeps BorderWatch's own prefix ({@code bw-}), so a cluster of one province goes on unchanged when
 * provinces are added; every other has {@code bw<id without dashes>-} ({@code bwlaichau-tan-…}).
 * Which province keeps {@code bw-} is written once in the cluster itself, in the stream
 * {@value #OWNER_STREAM}, by the first node that starts with provinces: every node then agrees,
 * whatever provinces and order it is given (overlapping or disjoint sets on one cluster).
 */
public final class ProvinceStreams {

    static final String OWNER_STREAM = "borderwatch-province-id";
    private static final String OWNER_TYPE = "borderwatch.province-id.v1";

    private ProvinceStreams() {
    }

    /**
     * The stream prefix of {@code provinceId} on the cluster {@code connectionString} names, claiming
     * {@code bw-} for {@code firstServed} when nobody has yet.
     */
    public static String prefixOf(String connectionString, List<String> served, String provinceId) {
        Map<String, String> compact = new HashMap<>();
        for (String id : served) {
            String other = compact.put(id.replaceAll("[^a-z0-9]", ""), id);
            if (other != null && !other.equals(id)) {
                throw new IllegalArgumentException("provinces " + other + " and " + id + " would share streams on KurrentDB "
                        + "(ids alike without their dashes); rename one");
            }
        }
        KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connectionString));
        try {
            return prefixOf(ownerOf(client, served.get(0)), provinceId);
        } finally {
            client.shutdown();
        }
    }

    static String prefixOf(String owner, String provinceId) {
        return provinceId.equals(owner) ? StreamNames.BORDERWATCH.prefix() : "bw" + provinceId.replaceAll("[^a-z0-9]", "") + "-";
    }

    /** The province that keeps {@code bw-}: as written in the cluster, else {@code candidate}, written now. */
    static String ownerOf(KurrentDBClient client, String candidate) {
        return WriteOnce.value(client, new KurrentReads(client, StreamNames.BORDERWATCH), OWNER_STREAM, OWNER_TYPE, candidate);
    }
}
