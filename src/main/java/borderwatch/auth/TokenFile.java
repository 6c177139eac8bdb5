package borderwatch.auth;

import borderwatch.store.EventCodec;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The token hashes in one JSON file, readable by the service's user only, replaced atomically on
 * every change so a reader never sees half a file.
 */
final class TokenFile {

    private static final ObjectMapper MAPPER = EventCodec.newMapper();

    private final Path path;

    TokenFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    long lastModified() {
        try {
            return Files.exists(path) ? Files.getLastModifiedTime(path).toMillis() : 0;
        } catch (IOException e) {
            return 0;
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

    void write(List<TokenRecord> records) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path next = Files.createTempFile(dir, ".tokens", ".json");
            try {
                Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Permissions stay as the platform sets them.
            }
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(next.toFile(), Map.of("tokens", records));
            Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token file " + path, e);
        }
    }
}
