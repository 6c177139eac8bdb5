package borderwatch.store.sqlite;

import borderwatch.store.EventCodec;
import borderwatch.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Replays a range of the store on two threads: one steps through SQLite and copies raw rows into
 * chunks, the caller's thread decodes and folds them. Whenever the caller falls behind, the reading
 * thread decodes the chunk it just read as well, so both cores stay busy whichever side is slower.
 */
final class ScanPipeline {

    private static final int CHUNK = 2_048;

    /** Raw rows as read; {@code size < 0} marks the end, {@code failure} a failed read. */
    private static final class Chunk {
        final long[] positions = new long[CHUNK];
        final String[] types = new String[CHUNK];
        final byte[][] payloads = new byte[CHUNK][];
        Object[] decoded;
        int size;

        void decode(EventCodec codec) {
            Object[] out = new Object[size];
            for (int i = 0; i < size; i++) {
                out[i] = codec.decode(types[i], payloads[i]);
            }
            decoded = out;
        }
        RuntimeException failure;
    }

    private ScanPipeline() {
    }

    static void run(SqliteFile file, EventCodec codec, IntFunction<String> typeNames, long after, long upTo,
                    Consumer<StoredEvent> consumer) {
        BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(8);
        Thread reader = new Thread(() -> read(file, codec, typeNames, after, upTo, full), "event-store-scan");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Chunk chunk = full.take();
                if (chunk.failure != null) {
                    throw chunk.failure;
                }
                if (chunk.size < 0) {
                    return;
                }
                if (chunk.decoded == null) {
                    chunk.decode(codec);
                }
                for (int i = 0; i < chunk.size; i++) {
                    consumer.accept(new StoredEvent(chunk.positions[i], chunk.types[i], chunk.decoded[i]));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a store scan", e);
        } finally {
            reader.interrupt();
        }
    }

    private static void read(SqliteFile file, EventCodec codec, IntFunction<String> typeNames, long after,
                             long upTo, BlockingQueue<Chunk> out) {
        Chunk chunk = new Chunk();
        try (Connection c = file.openScanConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT position, type_id, payload FROM events WHERE position > ? AND position <= ? ORDER BY position")) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chunk.positions[chunk.size] = rs.getLong(1);
                    chunk.types[chunk.size] = typeNames.apply(rs.getInt(2));
                    chunk.payloads[chunk.size] = rs.getBytes(3);
                    if (++chunk.size == CHUNK) {
                        if (!out.isEmpty()) {
                            chunk.decode(codec);
                        }
                        out.put(chunk);
                        chunk = new Chunk();
                    }
                }
            }
            if (chunk.size > 0) {
                out.put(chunk);
            }
            Chunk end = new Chunk();
            end.size = -1;
            out.put(end);
        } catch (SQLException e) {
            fail(out, new IllegalStateException("event store scan failed: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            fail(out, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(BlockingQueue<Chunk> out, RuntimeException failure) {
        Chunk failed = new Chunk();
        failed.failure = failure;
        out.offer(failed);
    }
}
