package borderwatch.board;

import io.vertx.core.http.ServerWebSocket;

/** The little a live client needs from a WebSocket; lets the coalescing policy be tested alone. */
interface LiveSocket {

    boolean writeQueueFull();

    boolean isClosed();

    void write(String text);

    void onDrain(Runnable drained);

    void close();

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
            public void write(String text) {
                socket.writeTextMessage(text);
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
