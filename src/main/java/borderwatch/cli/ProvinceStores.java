package borderwatch.cli;

import borderwatch.province.Province;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where each province's embedded store lives under the data directory. The directory itself holds
 * the store of one province, named in its file {@code province-id}; every other province has
 * {@code provinces/<id>/}. The name is written at the first start, for the province listed first;
 * a directory without it (a store from before several provinces were served) belongs to the first.
 * Naming the owner keeps a store with its province when the files change order, when a merged
 * province takes the first place, or when another province is served alone on the same data.
 */
final class ProvinceStores {

    static final String OWNER_FILE = "province-id";

    private final Path data;
    private final String rootOwner;

    private ProvinceStores(Path data, String rootOwner) {
        this.data = data;
        this.rootOwner = rootOwner;
    }

    static ProvinceStores at(Path data, List<Province> served) {
        Path owner = data.resolve(OWNER_FILE);
        try {
            String named = Files.isRegularFile(owner) ? Files.readString(owner).strip() : "";
            return new ProvinceStores(data, named.isEmpty() ? served.get(0).provinceId() : named);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + owner + ": " + e.getMessage(), e);
        }
    }

    /** The store directory of province {@code id}, whether or not it exists yet. */
    Path dirOf(String id) {
        return id.equals(rootOwner) ? data : data.resolve("provinces").resolve(id);
    }

    /** The province whose store is the data directory itself. */
    String rootOwner() {
        return rootOwner;
    }

    /** Writes the owner's name if it is not written yet, so the next start reads it rather than the file order. */
    void remember() {
        Path owner = data.resolve(OWNER_FILE);
        if (Files.exists(owner)) {
            return;
        }
        try {
            Files.createDirectories(data);
            Files.writeString(owner, rootOwner + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + owner + ": " + e.getMessage(), e);
        }
    }
}
