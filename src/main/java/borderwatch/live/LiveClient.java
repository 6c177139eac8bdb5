package borderwatch.live;

import io.vertx.core.buffer.Buffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connected console. While its socket keeps up, messages go straight out; once the write
 * queue is full, only the newest message per key (a gate, the plan, the feed) is kept until the
 * socket drains, so a slow or stalled client costs a bounded amount of memory and, when it
 * recovers, gets current state rather than a backlog.
 */
final class LiveClient {

    private final LiveSocket socket;
    private final Map<String, Buffer> pending = new LinkedHashMap<>();
    private long coalesced;

    LiveClient(LiveSocket socket) {
        this.socket = socket;
        socket.onDrain(this::flush);
    }

    void send(String key, Buffer message) {
        if (socket.isClosed()) {
            return;
        }
        if (!pending.isEmpty() || socket.writeQueueFull()) {
            if (pending.put(key, message) != null) {
                coalesced++;
            }
            return;
        }
        socket.write(message.toString());
    }

    private void flush() {
        Iterator<Map.Entry<String, Buffer>> it = pending.entrySet().iterator();
        while (it.hasNext() && !socket.writeQueueFull() && !socket.isClosed()) {
            socket.write(it.next().getValue().toString());
            it.remove();
        }
    }

    int pendingCount() {
        return pending.size();
    }

    long coalescedCount() {
        return coalesced;
    }

    LiveSocket socket() {
        return socket;
    }
}
