package borderwatch.board;

import io.netty.buffer.Unpooled;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.websocket.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;

/** The little a live client needs from a WebSocket; lets the coalescing policy be tested alone. */
interface LiveSocket {

    boolean writeQueueFull();

    boolean isClosed();

    /**
     * Writes a text message already encoded as UTF-8. The same bytes go to every client of a flush:
     * each write wraps them, none encodes them again.
     */
    void writeEncoded(byte[] utf8);

    void onDrain(Runnable drained);

    void close();

    /** Larger messages go through Vert.x's own fragmenting write. */
    int ONE_FRAME_BYTES = 64 * 1024;

    /** Each client may queue this much in Vert.x before its updates start to be coalesced. */
    int WRITE_QUEUE_BYTES = 32 * 1024;

    static LiveSocket of(ServerWebSocket socket) {
        socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
        return new LiveSocket() {
            @Override
            public boolean writeQueueFull() {
                return socket.writeQueueFull();
            }

            @Override
            public boolean isClosed() {
                return socket.isClosed();
            }

            @Override
            public void writeEncoded(byte[] utf8) {
                if (utf8.length > ONE_FRAME_BYTES) {
                    socket.writeTextMessage(new String(utf8, StandardCharsets.UTF_8));
                    return;
                }
                // Vert.x 5 builds public text frames from a String only, and encodes it per write; a
                // frame over a wrapped byte array (not copied, not pooled) is sent as it is. Measured
                // with the live bench: see the README's live-feed figures.
                socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(utf8), true));
            }

            @Override
            public void onDrain(Runnable drained) {
                socket.drainHandler(v -> drained.run());
            }

            @Override
            public void close() {
                socket.close();
            }
        };
    }
}
