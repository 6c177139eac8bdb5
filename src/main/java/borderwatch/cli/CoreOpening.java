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
 * The provinces' cores, opened side by side, one per processor at most: each opens its own store
 * and folds it, and one after another they left a core of the machine idle while the node was not
 * yet ready. On the embedded store each province's checkpoint is read from the very start, beside
 * the service's own start.
 */
final class CoreOpening {

    private final List<Province> provinces;
    private final CommonOptions options;
    /** Prepared at once on the embedded store; on a cluster only once the port is sure (see {@link #prepare}). */
    private List<Core.Prepared> prepared;
    private final List<Future<Core>> pending = new ArrayList<>();

    private CoreOpening(List<Province> provinces, CommonOptions options) {
        this.provinces = provinces;
        this.options = options;
    }

    /**
     * Starts reading the provinces' checkpoints, the longest part of a restart, so that the service's
     * own start (meters, Vert.x, the port) goes on beside them. Only on the embedded store: a cluster's
     * store location connects to it and may write its identity stream, which a node whose port is
     * taken must not do.
     */
    static CoreOpening prepare(List<Province> provinces, CommonOptions options) {
        CoreOpening opening = new CoreOpening(provinces, options);
        if (options.storeLocation() instanceof StoreLocation.Embedded) {
            opening.prepared = opening.prepareAll();
        }
        return opening;
    }

    private List<Core.Prepared> prepareAll() {
        // Where each store is is settled here in order: on a shared cluster the first province named
        // keeps the unprefixed streams.
        List<Core.Prepared> all = new ArrayList<>();
        for (Province p : provinces) {
            all.add(Core.prepare(options.storeOf(p), p, ReadModels.ALL));
        }
        return all;
    }

    /** Lets go of the checkpoints being read, when the service will not start after all. */
    void abandon() {
        if (prepared != null) {
            prepared.forEach(Core.Prepared::abandon);
        }
    }

    /** Starts opening the stores and command sides, with {@code metrics}. */
    void start(ServiceMetrics metrics) {
        if (prepared == null) {
            prepared = prepareAll();
        }
        // Each province's meters are settled in the provinces' order, before any core reports.
        for (Core.Prepared p : prepared) {
            metrics.forProvince(p.gates().provinceId());
        }
        int n = Math.max(1, Math.min(prepared.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService threads = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "province-open");
            t.setDaemon(true);
            return t;
        });
        for (Core.Prepared p : prepared) {
            pending.add(threads.submit(() -> p.open(metrics.forProvince(p.gates().provinceId()))));
        }
        threads.shutdown();
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
