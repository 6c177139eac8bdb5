package borderwatch.cli;

import borderwatch.core.Core;
import borderwatch.metrics.ServiceMetrics;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import borderwatch.shared.TaskFailures;
import borderwatch.store.StoreLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The provinces' cores, opened side by side, one per processor at most: each reads its own
 * checkpoint or folds its own store, and one after another they left a core of the machine idle
 * while the node was not yet ready.
 */
final class CoreOpening {

    private final ExecutorService threads;
    private final List<Future<Core>> pending = new ArrayList<>();

    private CoreOpening(ExecutorService threads) {
        this.threads = threads;
    }

    /** Starts opening the cores of {@code provinces}. */
    static CoreOpening start(List<Province> provinces, CommonOptions options, ServiceMetrics metrics) {
        // Where each store is, and each province's meters, are settled here in order: on a shared
        // cluster the first province named keeps the unprefixed streams.
        List<StoreLocation> stores = new ArrayList<>();
        for (Province p : provinces) {
            stores.add(options.storeOf(p));
            metrics.forProvince(p.provinceId());
        }
        int n = Math.max(1, Math.min(provinces.size(), Runtime.getRuntime().availableProcessors()));
        CoreOpening opening = new CoreOpening(Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "province-open");
            t.setDaemon(true);
            return t;
        }));
        for (int i = 0; i < provinces.size(); i++) {
            Province p = provinces.get(i);
            StoreLocation store = stores.get(i);
            opening.pending.add(opening.threads.submit(
                    () -> Core.open(store, p, ReadModels.ALL, metrics.forProvince(p.provinceId()))));
        }
        opening.threads.shutdown();
        return opening;
    }

    /** The cores, in the provinces' order, once all are open; if any failed, the others are closed and its failure thrown. */
    List<Core> cores() {
        List<Core> cores = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<Core> f : pending) {
            try {
                cores.add(f.get());
            } catch (ExecutionException e) {
                failure = failure != null ? failure : TaskFailures.unwrap(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted while opening the stores", e);
            }
        }
        if (failure != null) {
            cores.forEach(Core::close);
            throw failure;
        }
        return cores;
    }
}
