package borderwatch.readmodel;

import borderwatch.province.GateConfig;
import borderwatch.store.EventStorage;
import borderwatch.store.HistoryProof;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read model saved with the stream position it has folded to, so a start folds only the events
 * after it instead of the whole history. A checkpoint is trusted only when everything about it
 * still holds: its format, the folds the read model is made of, the province's gates and zones, the
 * store's identity (made with the store, new after a restore, so a checkpoint never outlives a
 * restore nor moves to another data folder) and the digest of the exact history it folded. Anything
 * else, or a file that does not read back whole (gzip checks it), is renamed aside with one log
 * line and the read model rebuilt from the stream.
 */
public final class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    /** Raised when the way folds are written changes, so older checkpoints are rebuilt, not misread. */
    static final int FORMAT = 6; // 2: a gate-day carries goods groups; 3: the congestion log, days with queue reports;
                                 // 4: the forecaster's queue trend; 5: bound to the store's identity and history digest;
                                 // 6: the report's evidence, the warnings' backtested periods

    /** Where a checkpoint that may not be trusted is moved, kept for a person to look at. */
    public static final String SET_ASIDE_SUFFIX = ".set-aside";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            // Registered after the time module, so its day keys are read this way.
            .registerModule(new SimpleModule("checkpoint-date-keys").addKeyDeserializer(LocalDate.class, new DateKeys()))
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public Checkpoints(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Saves {@code model}, bound to the proof of {@code storage}'s history up to its position; false
     * when the store can give none (nothing to vouch for the checkpoint with), and nothing is written.
     */
    public boolean write(ReadModel model, EventStorage storage) throws IOException {
        Optional<HistoryProof> proof = storage.proofAt(model.position());
        if (proof.isEmpty()) {
            return false;
        }
        write(model, proof.get());
        return true;
    }

    /** Saves {@code model}, which has folded the history {@code proof} vouches for; replaces the last one atomically. */
    public void write(ReadModel model, HistoryProof proof) throws IOException {
        if (proof.position() != model.position()) {
            throw new IllegalArgumentException("a proof at " + proof.position() + " for a model at " + model.position());
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("shape", MAPPER.valueToTree(shapeOf(model)));
        root.put("province", provinceOf(model));
        root.put("position", model.position());
        root.put("applied", model.appliedCount());
        root.put("storeId", proof.storeId());
        root.put("digest", proof.digest());
        ObjectNode folds = root.putObject("folds");
        for (Fold f : model.folds()) {
            folds.set(f.getClass().getName(), MAPPER.valueToTree(f));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
            MAPPER.writeValue(out, root);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Moves the checkpoint aside (after a restore, say), so no start can take it; one log line says why. */
    public void setAside(String why) {
        if (!Files.exists(file)) {
            return;
        }
        Path aside = file.resolveSibling(file.getFileName() + SET_ASIDE_SUFFIX);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("read-model checkpoint {} set aside as {} ({}); the read model is rebuilt from the stream",
                    file, aside.getFileName(), why);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
                LOG.warn("read-model checkpoint {} deleted ({}; it could not be moved aside: {})", file, why, e);
            } catch (IOException again) {
                throw new java.io.UncheckedIOException("a checkpoint that may not be trusted could not be removed: " + file, again);
            }
        }
    }

    /**
     * The saved read model, folded into {@code blank}, if it may be trusted for {@code storage};
     * otherwise empty, and the file is moved aside.
     */
    public Optional<ReadModel> read(ReadModel blank, EventStorage storage) {
        return readUnproven(blank).provenBy(storage);
    }

    /**
     * Reads the checkpoint whole into {@code blank} without asking the store anything, so that a start
     * can read it while the store is still opening; {@link Unproven#provenBy} then decides. Nothing is
     * moved aside here: until the store is open (and locked) this node may not be the one that owns it.
     */
    public Unproven readUnproven(ReadModel blank) {
        if (!Files.exists(file)) {
            return new Unproven(null, null, null);
        }
        // Streamed, not read as a tree first: the header comes before the folds, so it is judged
        // before any fold is read, and each fold is bound straight from the parser. A tree of ten
        // years of gate-days doubled the time of a restart.
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a checkpoint");
            }
            ObjectNode header = MAPPER.createObjectNode();
            Map<String, Fold> unread = new HashMap<>();
            for (Fold f : blank.folds()) {
                unread.put(f.getClass().getName(), f);
            }
            boolean foldsRead = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("folds")) {
                    header.set(name, MAPPER.readTree(p));
                    continue;
                }
                String why = misfit(header, blank);
                if (why != null) {
                    return new Unproven(header, null, why);
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Fold f = unread.remove(p.currentName());
                    p.nextToken();
                    if (f == null) {
                        throw new IOException("a fold this read model is not made of: " + p.currentName());
                    }
                    MAPPER.readerForUpdating(f).readValue(p);
                }
                foldsRead = true;
            }
            if (!foldsRead || !unread.isEmpty()) {
                throw new IOException("folds missing: " + (foldsRead ? unread.keySet() : "all"));
            }
            // To the end of the file, so gzip checks all of it against its checksum.
            if (p.nextToken() != null) {
                throw new IOException("more after the checkpoint");
            }
            return new Unproven(header, blank, null);
        } catch (IOException | RuntimeException e) {
            return new Unproven(null, null, "unreadable: " + e);
        }
    }

    /** A checkpoint read, or found missing or unfit, whose history the store has not yet vouched for. */
    public final class Unproven {

        private final JsonNode header;
        private final ReadModel model;
        private final String unfit;

        private Unproven(JsonNode header, ReadModel model, String unfit) {
            this.header = header;
            this.model = model;
            this.unfit = unfit;
        }

        /** The read model, if {@code storage} proves the history it folded; otherwise empty, and the file is moved aside. */
        public Optional<ReadModel> provenBy(EventStorage storage) {
            if (header == null && unfit == null) {
                return Optional.empty();
            }
            String why = unfit != null ? unfit : unproven(header, storage);
            if (why != null) {
                setAside(why);
                return Optional.empty();
            }
            model.restore(header.path("position").asLong(), header.path("applied").asLong());
            return Optional.of(model);
        }
    }

    /** Why the checkpoint cannot be this read model's, whatever the store: null when it can. */
    private static String misfit(JsonNode root, ReadModel blank) {
        if (root.path("format").asInt() != FORMAT) {
            return "written in format " + root.path("format").asText() + ", this version reads " + FORMAT;
        }
        if (!MAPPER.convertValue(root.get("shape"), List.class).equals(shapeOf(blank))) {
            return "made of other folds";
        }
        if (!root.path("province").asText().equals(provinceOf(blank))) {
            return "written for other gates or zones";
        }
        return null;
    }

    /** Why {@code storage} does not vouch for the history the checkpoint folded: null when it does. */
    private static String unproven(JsonNode root, EventStorage storage) {
        long position = root.path("position").asLong(-1);
        if (position <= 0 || position > storage.headPosition()) {
            return "position " + position + " is not in this store";
        }
        Optional<HistoryProof> proof = storage.proofAt(position);
        if (proof.isEmpty()) {
            return "the store vouches for no history at position " + position;
        }
        if (!proof.get().storeId().equals(root.path("storeId").asText())) {
            return "written for store " + root.path("storeId").asText() + ", this is store " + proof.get().storeId()
                    + " (restored, or another data folder)";
        }
        if (!proof.get().digest().equals(root.path("digest").asText())) {
            return "the store's history up to position " + position + " is not the one the checkpoint folded";
        }
        return null;
    }

    private static List<String> shapeOf(ReadModel model) {
        List<String> names = new ArrayList<>();
        for (Fold f : model.folds()) {
            names.add(f.getClass().getName());
        }
        return names;
    }

    private static String provinceOf(ReadModel model) {
        StringBuilder s = new StringBuilder(model.gates().provinceId()).append('@').append(model.gates().zone());
        for (GateConfig g : model.gates().all()) {
            s.append(';').append(g.id()).append('@').append(g.zone());
        }
        return s.toString();
    }
}
