package borderwatch.store.kurrent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A place in KurrentDB's {@code $all} stream as an Axon tracking token: the commit and prepare
 * positions of the last event handled. Ordered by commit, then prepare, exactly as the server
 * orders {@code $all}; equality is of both numbers, so a processor's replay detection, which
 * compares tokens, sees the same place as the same token.
 *
 * <p>{@link #position()} is the prepare position: unique per event, and in {@code $all} order for
 * the events BorderWatch writes (each append is one implicit transaction, written contiguously),
 * whereas the events of one transaction may share a commit position. The read models count
 * positions with it.
 */
public record AllPosition(long commit, long prepare) implements TrackingToken, Comparable<AllPosition> {

    @JsonCreator
    public AllPosition(@JsonProperty("commit") long commit, @JsonProperty("prepare") long prepare) {
        if (commit < 0 || prepare < 0) {
            throw new IllegalArgumentException("positions in $all are not negative: " + commit + "/" + prepare);
        }
        this.commit = commit;
        this.prepare = prepare;
    }

    static AllPosition of(io.kurrent.dbclient.Position position) {
        return new AllPosition(position.getCommitUnsigned(), position.getPrepareUnsigned());
    }

    io.kurrent.dbclient.Position toClient() {
        return new io.kurrent.dbclient.Position(commit, prepare);
    }

    @Override
    public int compareTo(AllPosition other) {
        int byCommit = Long.compare(commit, other.commit);
        return byCommit != 0 ? byCommit : Long.compare(prepare, other.prepare);
    }

    /** Whether an event at {@code (commit, prepare)} was handled already: reads from here skip it. */
    public boolean alreadyCovers(long eventCommit, long eventPrepare) {
        return compareTo(new AllPosition(eventCommit, eventPrepare)) >= 0;
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        AllPosition o = same(other);
        return compareTo(o) <= 0 ? this : o;
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        AllPosition o = same(other);
        return compareTo(o) >= 0 ? this : o;
    }

    @Override
    public boolean covers(TrackingToken other) {
        return other == null || compareTo(same(other)) >= 0;
    }

    @Override
    public OptionalLong position() {
        return OptionalLong.of(prepare);
    }

    @Override
    public boolean samePositionAs(TrackingToken other) {
        return other instanceof AllPosition o && compareTo(o) == 0;
    }

    private static AllPosition same(TrackingToken other) {
        if (other instanceof AllPosition o) {
            return o;
        }
        throw new IllegalArgumentException("cannot compare a $all position with " + other);
    }
}
