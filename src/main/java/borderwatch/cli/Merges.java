package borderwatch.cli;

import borderwatch.core.StoredEventTypes;
import borderwatch.province.Province;
import borderwatch.store.EventCodec;
import borderwatch.store.EventStorage;
import borderwatch.store.ProvinceMerge;
import borderwatch.store.StoreLocation;
import borderwatch.store.engines.StoreEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, a province whose file names predecessors takes in each predecessor's store once: the
 * store the node kept for it ({@link ProvinceStores}: the data directory itself when it was the
 * province it belongs to, else {@code <data>/provinces/<id>/}). A file {@code merged-<id>} beside
 * the merged province's store records that it was done; the predecessor's store is left as it was,
 * for the record. A predecessor the node never served (no store) has no history to take in.
 */
final class Merges {

    private static final Logger LOG = LoggerFactory.getLogger(Merges.class);

    private Merges() {
    }

    static void takeIn(Province merged, ProvinceStores stores) {
        EventCodec codec = new EventCodec(StoredEventTypes.registry());
        Path ownStore = stores.dirOf(merged.provinceId());
        for (Province.Predecessor p : merged.predecessors()) {
            Path store = stores.dirOf(p.province());
            Path done = ownStore.resolve("merged-" + p.province());
            if (Files.exists(done)) {
                continue;
            }
            if (!Files.isRegularFile(store.resolve(StoreLocation.FILE))) {
                LOG.info("{} names {} as a predecessor from {}; this node kept no store for it, so there is no history "
                        + "to take in", merged.provinceId(), p.province(), p.from());
                continue;
            }
            try {
                Files.createDirectories(ownStore);
                try (EventStorage from = StoreEngines.open(new StoreLocation.Embedded(store), codec);
                     EventStorage into = StoreEngines.open(new StoreLocation.Embedded(ownStore), codec)) {
                    ProvinceMerge.Outcome o = ProvinceMerge.absorb(from, into);
                    LOG.info("{} took in {}'s history (merged from {}): {} events, {} copied, {} already there, "
                            + "{} of its plans left out", merged.provinceId(), p.province(), p.from(), o.events(), o.copied(),
                            o.alreadyThere(), o.plansLeftOut());
                }
                Files.writeString(done, "merged " + p.province() + " into " + merged.provinceId() + " from " + p.from()
                        + " at " + Instant.now() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot take in " + p.province() + "'s history: " + e.getMessage(), e);
            }
        }
    }
}
