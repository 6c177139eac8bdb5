package borderwatch.auth;

import borderwatch.store.EventCodec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who issued and revoked which token, as JSON lines beside the token file. It lives there rather
 * than in the event store because the {@code token} command changes tokens while the service holds
 * the store; lines are appended under the token file's lock, so both writers keep their lines.
 */
public final class TokenAudit {

    /**
     * One change of a token, the provinces the token acts in (empty or absent in lines written
     * before provinces: national) and the principal who made it.
     */
    public record Entry(Instant at, String action, String tokenId, String role, String label, Principal actor,
                        List<String> provinces) {

        public Entry {
            provinces = provinces == null ? List.of() : List.copyOf(provinces);
        }

        /** Whether the changed token acts in {@code province}: the audit of that province shows the change. */
        public boolean concerns(String province) {
            return provinces.isEmpty() || provinces.contains(province);
        }
    }

    public static final String ISSUED = "token.issued";
    public static final String REVOKED = "token.revoked";
    private static final ObjectMapper MAPPER = EventCodec.newMapper();

    private final Path path;

    TokenAudit(Path tokenFile) {
        this.path = tokenFile.resolveSibling(tokenFile.getFileName().toString().replaceFirst("\\.json$", "")
                + "-audit.jsonl");
    }

    /** Appends one line; the caller holds the token file's lock. */
    void append(Entry entry) {
        try {
            if (!Files.exists(path)) {
                // Readable by the service's user only, like the token file beside it.
                try {
                    Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(path);
                }
            }
            Files.write(path, (MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token audit " + path, e);
        }
    }

    /** The entries with {@code from <= at < to}, oldest first. */
    public List<Entry> read(Instant from, Instant to) {
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(path)) {
            return out;
        }
        try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) {
                    continue;
                }
                Entry e = MAPPER.readValue(line, Entry.class);
                if (!e.at().isBefore(from) && e.at().isBefore(to)) {
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token audit " + path, e);
        }
        return out;
    }
}
