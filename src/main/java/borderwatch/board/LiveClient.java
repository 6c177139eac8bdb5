package borderwatch.board;

import io.vertx.core.buffer.Buffer;
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
        send(Map.of(key, message));
    }

    void send(Map<String, Buffer> messages) {
        send(messages, null);
    }

    /**
     * Sends the messages of one flush together, as one frame, or holds the newest per key. The
     * frame is built and encoded once per flush by the caller and shared by every client that keeps up.
     */
    void send(Map<String, Buffer> messages, byte[] sharedFrame) {
        if (socket.isClosed()) {
            return;
        }
        if (!pending.isEmpty() || socket.writeQueueFull()) {
            messages.forEach((key, message) -> {
                if (pending.put(key, message) != null) {
                    coalesced++;
                }
            });
            return;
        }
        socket.writeEncoded(sharedFrame != null ? sharedFrame : frame(messages.values()));
    }

    private void flush() {
        if (!pending.isEmpty() && !socket.writeQueueFull() && !socket.isClosed()) {
            socket.writeEncoded(frame(pending.values()));
            pending.clear();
        }
    }

    /**
     * One message as itself, several as a JSON array of messages. Joined as UTF-8 bytes: the
     * messages are encoded JSON already, and Vietnamese text made a String round trip (decode, then
     * encode again per write) the largest cost of a flush to a client that had fallen behind.
     */
    static byte[] frame(java.util.Collection<Buffer> messages) {
        if (messages.size() == 1) {
            return messages.iterator().next().getBytes();
        }
        int length = messages.size() + 1;
        for (Buffer m : messages) {
            length += m.length();
        }
        Buffer out = Buffer.buffer(length).appendByte((byte) '[');
        for (Buffer m : messages) {
            if (out.length() > 1) {
                out.appendByte((byte) ',');
            }
            out.appendBuffer(m);
        }
        return out.appendByte((byte) ']').getBytes();
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
