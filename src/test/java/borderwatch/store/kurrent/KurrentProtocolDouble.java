package borderwatch.store.kurrent;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.serverfeatures.ServerFeaturesGrpc;
import io.kurrent.dbclient.proto.serverfeatures.Serverfeatures.SupportedMethod;
import io.kurrent.dbclient.proto.serverfeatures.Serverfeatures.SupportedMethods;
import io.kurrent.dbclient.proto.shared.Shared;
import io.kurrent.dbclient.proto.streams.StreamsGrpc;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;
import io.kurrentdb.protocol.v2.streams.AppendRecord;
import io.kurrentdb.protocol.v2.streams.AppendRequest;
import io.kurrentdb.protocol.v2.streams.AppendResponse;
import io.kurrentdb.protocol.v2.streams.AppendSessionResponse;
import io.kurrentdb.protocol.v2.streams.StreamsServiceGrpc;
import io.kurrentdb.protocol.v2.streams.errors.StreamRevisionConflictErrorDetails;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A stand-in for a KurrentDB node that speaks the gRPC protocol of the official Java client, on
 * loopback, holding everything in memory: server features (version 25.1 with multi-stream append),
 * reads of a stream or of {@code $all} in either direction with a count, single-stream appends with
 * an expected revision, and atomic multi-stream appends with per-stream expected revisions.
 *
 * <p>What it proves: the engine and the real client agree on the wire — the requests the engine
 * makes, the answers and errors it understands (a revision conflict from either append becomes
 * Axon's concurrency exception, a missing stream reads as empty), paging and the inclusive start of
 * {@code $all} reads, and that foreign and system streams are skipped. What it does not prove:
 * anything about a real server's behaviour — its log positions (here commit = prepare, growing by
 * the event's size), durability, the server-side idempotency of repeated event ids (not modelled),
 * stream metadata such as {@code $maxCount} (stored, not enforced), access control, TLS, leader
 * election and cluster discovery. Those are for the contract suite against a real server
 * ({@code BORDERWATCH_KURRENTDB}).
 */
final class KurrentProtocolDouble implements AutoCloseable {

    private record Stored(String stream, long revision, UUID id, String type, String contentType, byte[] data,
                          byte[] customMetadata, long position, long createdTicks) {
    }

    private final List<Stored> log = new ArrayList<>();
    private final Map<String, List<Stored>> streams = new HashMap<>();
    /** A real log starts with the server's own records, so no user event sits at position 0. */
    private long nextPosition = 4_096;
    private final Server server;

    KurrentProtocolDouble() throws IOException {
        server = ServerBuilder.forPort(0)
                .addService(new Features())
                .addService(new Streams())
                .addService(new MultiStreamAppends())
                .build()
                .start();
    }

    String connectionString() {
        return "kurrentdb://127.0.0.1:" + server.getPort() + "?tls=false";
    }

    /** Appends an event of another application, as on a cluster shared with others. */
    synchronized void appendForeign(String stream, String type) {
        store(stream, UUID.randomUUID(), type, "application/json", "{}".getBytes(), new byte[0]);
    }

    synchronized int eventsIn(String stream) {
        return streams.getOrDefault(stream, List.of()).size();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private Stored store(String stream, UUID id, String type, String contentType, byte[] data, byte[] customMetadata) {
        List<Stored> events = streams.computeIfAbsent(stream, s -> new ArrayList<>());
        // Ticks of 100 ns since the epoch, as the server writes "created".
        long ticks = System.currentTimeMillis() * 10_000;
        Stored s = new Stored(stream, events.size(), id, type, contentType, data, customMetadata, nextPosition, ticks);
        nextPosition += 100 + data.length;
        events.add(s);
        log.add(s);
        return s;
    }

    /** -1 when the stream does not exist, else its last revision. */
    private long current(String stream) {
        List<Stored> events = streams.get(stream);
        return events == null ? -1 : events.size() - 1;
    }

    // ---- server features ----------------------------------------------------------------------

    private final class Features extends ServerFeaturesGrpc.ServerFeaturesImplBase {
        @Override
        public void getSupportedMethods(Shared.Empty request, StreamObserver<SupportedMethods> answer) {
            answer.onNext(SupportedMethods.newBuilder()
                    .setEventStoreServerVersion("25.1.0")
                    .addMethods(SupportedMethod.newBuilder().setServiceName("event_store.client.streams.streams").setMethodName("read"))
                    .addMethods(SupportedMethod.newBuilder().setServiceName("event_store.client.streams.streams").setMethodName("append"))
                    .addMethods(SupportedMethod.newBuilder().setServiceName("kurrentdb.protocol.v2.streams.streamsservice")
                            .setMethodName("appendsession"))
                    .build());
            answer.onCompleted();
        }
    }

    // ---- v1 streams: read and append ----------------------------------------------------------

    private final class Streams extends StreamsGrpc.StreamsImplBase {

        @Override
        public void read(ReadReq request, StreamObserver<ReadResp> answer) {
            ReadReq.Options o = request.getOptions();
            boolean forwards = o.getReadDirection() == ReadReq.Options.ReadDirection.Forwards;
            long count = o.getCount();
            List<Stored> selected;
            synchronized (KurrentProtocolDouble.this) {
                if (o.hasStream()) {
                    String name = o.getStream().getStreamIdentifier().getStreamName().toStringUtf8();
                    List<Stored> events = streams.get(name);
                    if (events == null) {
                        answer.onNext(ReadResp.newBuilder().setStreamNotFound(ReadResp.StreamNotFound.newBuilder()
                                .setStreamIdentifier(o.getStream().getStreamIdentifier())).build());
                        answer.onCompleted();
                        return;
                    }
                    selected = fromStream(events, o.getStream(), forwards, count);
                } else {
                    selected = fromAll(o.getAll(), forwards, count);
                }
            }
            for (Stored s : selected) {
                answer.onNext(ReadResp.newBuilder().setEvent(ReadResp.ReadEvent.newBuilder()
                        .setEvent(recorded(s)).setCommitPosition(s.position)).build());
            }
            answer.onCompleted();
        }

        private List<Stored> fromStream(List<Stored> events, ReadReq.Options.StreamOptions o, boolean forwards, long count) {
            long from = switch (o.getRevisionOptionCase()) {
                case REVISION -> o.getRevision();
                case END -> forwards ? events.size() : events.size() - 1;
                default -> forwards ? 0 : events.size() - 1;
            };
            Stream<Stored> picked = forwards
                    ? events.stream().filter(s -> s.revision >= from)
                    : reversed(events).stream().filter(s -> s.revision <= from);
            return picked.limit(count).toList();
        }

        /** Forwards from a position includes the event at it; backwards from a position stops before it. */
        private List<Stored> fromAll(ReadReq.Options.AllOptions o, boolean forwards, long count) {
            Stream<Stored> picked = switch (o.getAllOptionCase()) {
                case POSITION -> {
                    long at = o.getPosition().getPreparePosition();
                    yield forwards ? log.stream().filter(s -> s.position >= at)
                            : reversed(log).stream().filter(s -> s.position < at);
                }
                case END -> forwards ? Stream.empty() : reversed(log).stream();
                default -> forwards ? log.stream() : Stream.empty();
            };
            return picked.limit(count).toList();
        }

        @Override
        public StreamObserver<AppendReq> append(StreamObserver<AppendResp> answer) {
            return new StreamObserver<>() {
                AppendReq.Options options;
                final List<AppendReq.ProposedMessage> proposed = new ArrayList<>();

                @Override
                public void onNext(AppendReq value) {
                    if (value.hasOptions()) {
                        options = value.getOptions();
                    } else {
                        proposed.add(value.getProposedMessage());
                    }
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    answer.onNext(appendOne(options, proposed));
                    answer.onCompleted();
                }
            };
        }
    }

    private AppendResp appendOne(AppendReq.Options options, List<AppendReq.ProposedMessage> proposed) {
        String stream = options.getStreamIdentifier().getStreamName().toStringUtf8();
        synchronized (this) {
            long current = current(stream);
            boolean ok = switch (options.getExpectedStreamRevisionCase()) {
                case REVISION -> current == options.getRevision();
                case NO_STREAM -> current == -1;
                case STREAM_EXISTS -> current >= 0;
                default -> true;
            };
            if (!ok) {
                AppendResp.WrongExpectedVersion.Builder wrong = AppendResp.WrongExpectedVersion.newBuilder();
                if (current < 0) {
                    wrong.setCurrentNoStream(Shared.Empty.getDefaultInstance());
                } else {
                    wrong.setCurrentRevision(current);
                }
                switch (options.getExpectedStreamRevisionCase()) {
                    case REVISION -> wrong.setExpectedRevision(options.getRevision());
                    case NO_STREAM -> wrong.setExpectedNoStream(Shared.Empty.getDefaultInstance());
                    default -> wrong.setExpectedStreamExists(Shared.Empty.getDefaultInstance());
                }
                return AppendResp.newBuilder().setWrongExpectedVersion(wrong).build();
            }
            Stored last = null;
            for (AppendReq.ProposedMessage m : proposed) {
                Shared.UUID.Structured id = m.getId().getStructured();
                last = store(stream, new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits()),
                        m.getMetadataOrThrow("type"), m.getMetadataOrDefault("content-type", "application/octet-stream"),
                        m.getData().toByteArray(), m.getCustomMetadata().toByteArray());
            }
            AppendResp.Success.Builder success = AppendResp.Success.newBuilder().setCurrentRevision(current(stream));
            if (last != null) {
                success.setPosition(AppendResp.Position.newBuilder().setCommitPosition(last.position)
                        .setPreparePosition(last.position));
            }
            return AppendResp.newBuilder().setSuccess(success).build();
        }
    }

    // ---- v2: multi-stream append --------------------------------------------------------------

    private final class MultiStreamAppends extends StreamsServiceGrpc.StreamsServiceImplBase {
        @Override
        public StreamObserver<AppendRequest> appendSession(StreamObserver<AppendSessionResponse> answer) {
            return new StreamObserver<>() {
                final List<AppendRequest> requests = new ArrayList<>();

                @Override
                public void onNext(AppendRequest value) {
                    requests.add(value);
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    appendAll(requests, answer);
                }
            };
        }
    }

    private void appendAll(List<AppendRequest> requests, StreamObserver<AppendSessionResponse> answer) {
        AppendSessionResponse.Builder response = AppendSessionResponse.newBuilder();
        synchronized (this) {
            for (AppendRequest r : requests) {
                long current = current(r.getStream());
                long expected = r.getExpectedRevision();
                boolean ok = expected == -2 || (expected == -1 && current == -1) || (expected == -4 && current >= 0)
                        || expected == current;
                if (!ok) {
                    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                            .setCode(io.grpc.Status.Code.FAILED_PRECONDITION.value())
                            .setMessage("revision conflict on " + r.getStream())
                            .addDetails(Any.pack(StreamRevisionConflictErrorDetails.newBuilder()
                                    .setStream(r.getStream()).setExpectedRevision(expected).setActualRevision(current)
                                    .build()))
                            .build();
                    answer.onError(StatusProto.toStatusRuntimeException(status));
                    return;
                }
            }
            Stored last = null;
            for (AppendRequest r : requests) {
                for (AppendRecord record : r.getRecordsList()) {
                    last = store(r.getStream(), UUID.fromString(record.getRecordId()), record.getSchema().getName(),
                            "application/json", record.getData().toByteArray(), new byte[0]);
                }
                response.addOutput(AppendResponse.newBuilder().setStream(r.getStream())
                        .setStreamRevision(current(r.getStream())));
            }
            response.setPosition(last == null ? 0 : last.position);
        }
        answer.onNext(response.build());
        answer.onCompleted();
    }

    private static ReadResp.ReadEvent.RecordedEvent recorded(Stored s) {
        return ReadResp.ReadEvent.RecordedEvent.newBuilder()
                .setId(Shared.UUID.newBuilder().setStructured(Shared.UUID.Structured.newBuilder()
                        .setMostSignificantBits(s.id.getMostSignificantBits())
                        .setLeastSignificantBits(s.id.getLeastSignificantBits())))
                .setStreamIdentifier(Shared.StreamIdentifier.newBuilder().setStreamName(ByteString.copyFromUtf8(s.stream)))
                .setStreamRevision(s.revision)
                .setPreparePosition(s.position)
                .setCommitPosition(s.position)
                .putMetadata("type", s.type)
                .putMetadata("content-type", s.contentType)
                .putMetadata("created", Long.toString(s.createdTicks))
                .setCustomMetadata(ByteString.copyFrom(s.customMetadata))
                .setData(ByteString.copyFrom(s.data))
                .build();
    }

    private static List<Stored> reversed(List<Stored> events) {
        List<Stored> copy = new ArrayList<>(events);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
