package borderwatch.http;

import io.vertx.core.http.ServerWebSocket;
import java.lang.reflect.Field;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swaps the queue Vert.x keeps for each WebSocket's writes from other threads for a linked one that
 * costs almost nothing while empty. Vert.x 5.1 allocates that queue's first chunk of 1,024 slots
 * (Netty's padded array queue: 4.7 KB of heap) when a socket opens, with no option to change it; for
 * 10,000 consoles that was 45 MiB of the 124 MiB they cost the server. A console has few writes in
 * flight (its write queue is capped, and updates coalesce beyond it), so one node per write in
 * flight costs less at every size a console reaches.
 *
 * <p>No public API reaches that queue: this reads private fields of Vert.x 5.1 (Vert.x Web's
 * wrapper's socket, the socket's connection, its outbound queue, that queue's message-passing queue). With a Vert.x whose fields
 * differ, sockets keep Vert.x's own queue, one warning says so, and {@code SlimWriteQueueTest} fails,
 * so an upgrade cannot lose the saving unnoticed. The swap is made on the socket's event loop, before
 * the socket is handed to anyone, and only while the queue is empty.
 */
final class SlimWriteQueue {

    private static final Logger LOG = LoggerFactory.getLogger(SlimWriteQueue.class);

    private static final Field[] PATH = fields(
            "io.vertx.core.http.impl.websocket.WebSocketImplBase", "conn",
            "io.vertx.core.net.impl.VertxConnection", "outboundMessageQueue",
            "io.vertx.core.internal.concurrent.OutboundMessageQueue", "mqp",
            "io.vertx.core.streams.impl.MessagePassingQueue", "queue");
    /** Vert.x Web hands out the socket wrapped, with the request's forwarded address and scheme. */
    private static final Field[] WRAPPED = fields("io.vertx.ext.web.impl.ServerWebSocketWrapper", "delegate");

    private static final java.util.concurrent.atomic.AtomicBoolean REFUSED = new java.util.concurrent.atomic.AtomicBoolean();

    private SlimWriteQueue() {
    }

    /** Whether sockets get the slim queue on this Vert.x. */
    static boolean available() {
        return PATH != null && WRAPPED != null;
    }

    /** Swaps {@code socket}'s queue for writes from other threads; false when it keeps Vert.x's own. */
    static boolean swap(ServerWebSocket socket) {
        if (PATH == null) {
            return false;
        }
        try {
            Object owner = socket;
            if (WRAPPED != null && WRAPPED[0].getDeclaringClass().isInstance(owner)) {
                owner = WRAPPED[0].get(owner);
            }
            for (int i = 0; i < PATH.length - 1; i++) {
                if (!PATH[i].getDeclaringClass().isInstance(owner)) {
                    return false; // e.g. a connection writing straight to its channel: nothing to swap
                }
                owner = PATH[i].get(owner);
            }
            Field queue = PATH[PATH.length - 1];
            if (!queue.getDeclaringClass().isInstance(owner) || !((Queue<?>) queue.get(owner)).isEmpty()) {
                return false;
            }
            queue.set(owner, new ConcurrentLinkedQueue<>());
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A JVM that refuses to write final fields, say: said once, not per socket.
            if (REFUSED.compareAndSet(false, true)) {
                LOG.warn("WebSockets keep Vert.x's own outbound queue (about 4.7 KB of heap each): the swap was refused ({})",
                        e.toString());
            }
            return false;
        }
    }

    private static Field[] fields(String... classAndField) {
        Field[] path = new Field[classAndField.length / 2];
        try {
            for (int i = 0; i < path.length; i++) {
                Field f = Class.forName(classAndField[2 * i]).getDeclaredField(classAndField[2 * i + 1]);
                f.setAccessible(true);
                path[i] = f;
            }
            return path;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("WebSockets keep Vert.x's own outbound queue (about 4.7 KB of heap each): this Vert.x is not "
                    + "laid out as expected ({})", e.toString());
            return null;
        }
    }
}
