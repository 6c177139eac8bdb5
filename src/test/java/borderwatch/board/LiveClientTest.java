package borderwatch.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveClientTest {

    /** A socket whose queue is full until the test says it drained. */
    static final class FakeSocket implements LiveSocket {
        final List<String> written = new ArrayList<>();
        boolean full;
        Runnable drained = () -> { };

        @Override
        public boolean writeQueueFull() {
            return full;
        }

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public void writeEncoded(byte[] utf8) {
            written.add(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void onDrain(Runnable drained) {
            this.drained = drained;
        }

        @Override
        public void close() {
        }

        void drain() {
            full = false;
            drained.run();
        }
    }

    @Test
    void aClientThatKeepsUpGetsEveryMessageInOrder() {
        FakeSocket socket = new FakeSocket();
        LiveClient client = new LiveClient(socket);
        for (int i = 0; i < 5; i++) {
            client.send("gate:chi-ma", Buffer.buffer("m" + i));
        }
        assertThat(socket.written).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(client.pendingCount()).isZero();
    }

    @Test
    void aStalledClientHoldsOnlyTheNewestMessagePerKey() {
        FakeSocket socket = new FakeSocket();
        LiveClient client = new LiveClient(socket);
        socket.full = true;
        for (int i = 0; i < 10_000; i++) {
            client.send("gate:g" + (i % 5), Buffer.buffer("gate " + (i % 5) + " #" + i));
            client.send("plan", Buffer.buffer("plan #" + i));
        }
        assertThat(client.pendingCount()).isEqualTo(6);
        assertThat(client.coalescedCount()).isEqualTo(20_000 - 6);
        assertThat(socket.written).isEmpty();

        socket.drain();
        assertThat(socket.written).as("one frame with the newest message per key").containsExactly(
                "[gate 0 #9995,plan #9999,gate 1 #9996,gate 2 #9997,gate 3 #9998,gate 4 #9999]");
        assertThat(client.pendingCount()).isZero();
    }

    @Test
    void messagesOfOneFlushTravelAsOneFrame() {
        FakeSocket socket = new FakeSocket();
        LiveClient client = new LiveClient(socket);
        var flush = new java.util.LinkedHashMap<String, Buffer>();
        flush.put("gate:a", Buffer.buffer("{\"type\":\"gate\"}"));
        flush.put("plan", Buffer.buffer("{\"type\":\"plan\"}"));
        client.send(flush);
        assertThat(socket.written).containsExactly("[{\"type\":\"gate\"},{\"type\":\"plan\"}]");
    }

    @Test
    void whileMessagesArePendingNewOnesQueueBehindThemEvenIfTheSocketHasRoom() {
        FakeSocket socket = new FakeSocket();
        LiveClient client = new LiveClient(socket);
        socket.full = true;
        client.send("gate:a", Buffer.buffer("a1"));
        socket.full = false;
        client.send("gate:b", Buffer.buffer("b1"));
        assertThat(socket.written).as("order is kept: b1 waits behind a1").isEmpty();
        socket.drain();
        assertThat(socket.written).containsExactly("[a1,b1]");
    }
}
