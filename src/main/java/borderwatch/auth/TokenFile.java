package borderwatch.auth;

import borderwatch.store.EventCodec;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The token hashes in one JSON file, readable by the service's user only, replaced atomically on
 * every change so a reader never sees half a file. A change is read, made and written under an
 * exclusive lock on a lock file beside it, so the {@code token} command and a running service (or
 * two services on one data folder) never lose each other's change.
 */
final class TokenFile {

    private static final ObjectMapper MAPPER = EventCodec.newMapper();
    /** File locks are held per process; threads of one process queue on this lock first. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path path;

    TokenFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Changes when the file does: its modification time and size together. */
    String version() {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey();
        } catch (IOException e) {
            return "absent";
        }
    }

    List<TokenRecord> read() {
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            Map<String, List<TokenRecord>> doc = MAPPER.readValue(path.toFile(), new TypeReference<>() { });
            return new ArrayList<>(doc.getOrDefault("tokens", List.of()));
        } catch (IOException e) {
            throw new IllegalStateException("the token file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads, changes and writes the records as one step against every other writer. */
    List<TokenRecord> update(UnaryOperator<List<TokenRecord>> change) {
        Path absolute = path.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(absolute, p -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(absolute.getParent());
            Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                List<TokenRecord> before = read();
                List<TokenRecord> after = change.apply(new ArrayList<>(before));
                if (!after.equals(before)) {
                    write(after);
                }
                return after;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change the token file " + path, e);
        } finally {
            local.unlock();
        }
    }

    private void write(List<TokenRecord> records) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path next = Files.createTempFile(dir, ".tokens", ".json");
        try {
            Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Permissions stay as the platform sets them.
        }
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(next.toFile(), Map.of("tokens", records));
        Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
