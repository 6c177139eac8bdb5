package borderwatch.cli;

import borderwatch.core.Core;
import borderwatch.metrics.ServiceMetrics;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import borderwatch.shared.TaskFailures;
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

    private final List<Core.Prepared> prepared;
    private final List<Future<Core>> pending = new ArrayList<>();

    private CoreOpening(List<Core.Prepared> prepared) {
        this.prepared = prepared;
    }

    /**
     * Starts reading the provinces' checkpoints, the longest part of a restart, so that the service's
     * own start (meters, Vert.x, the port) goes on beside them.
     */
    static CoreOpening prepare(List<Province> provinces, CommonOptions options) {
        // Where each store is is settled here in order: on a shared cluster the first province named
        // keeps the unprefixed streams.
        List<Core.Prepared> prepared = new ArrayList<>();
        for (Province p : provinces) {
            prepared.add(Core.prepare(options.storeOf(p), p, ReadModels.ALL));
        }
        return new CoreOpening(prepared);
    }

    /** Starts opening the stores and command sides, with {@code metrics}. */
    CoreOpening start(ServiceMetrics metrics) {
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
        return this;
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
