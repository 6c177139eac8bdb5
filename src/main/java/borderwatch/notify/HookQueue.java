package borderwatch.notify;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One hook's waiting deliveries, sent one at a time, so a dead receiver backs up only its own queue
 * and the others go on. Decisions (plans activated or stood down, warnings) go before level changes;
 * a gate's level changes still waiting are coalesced into the newest, which tells the state the
 * gate is in, so a gate flipping 2,400 times is one delivery, not 2,400.
 */
final class HookQueue {

    /** A notification waiting for its first attempt. */
    record Waiting(String id, Notification notification, Instant queuedAt) {
    }

    /**
     * What became of an offer: queued or refused for room; the older level change of the same gate it
     * replaced; the level change of another gate that gave way to a decision.
     */
    record Offered(boolean queued, Waiting coalesced, Waiting dropped) {
    }

    private final Hook hook;
    private final int capacity;
    private final Deque<Waiting> decisions = new ArrayDeque<>();
    private final Map<String, Waiting> levels = new LinkedHashMap<>();
    private boolean sending;

    HookQueue(Hook hook, int capacity) {
        this.hook = hook;
        this.capacity = capacity;
    }

    Hook hook() {
        return hook;
    }

    static boolean isLevelChange(Notification n) {
        return n.kind().equals(Notification.LEVEL_RAISED) || n.kind().equals(Notification.LEVEL_CLEARED);
    }

    synchronized Offered offer(Waiting w) {
        if (isLevelChange(w.notification())) {
            Waiting older = levels.remove(w.notification().gate());
            if (older == null && size() >= capacity) {
                return new Offered(false, null, null);
            }
            levels.put(w.notification().gate(), w);
            return new Offered(true, older, null);
        }
        if (size() >= capacity) {
            // A decision outranks a level change: the oldest waiting one gives way to it.
            Iterator<Waiting> oldest = levels.values().iterator();
            if (!oldest.hasNext()) {
                return new Offered(false, null, null);
            }
            Waiting dropped = oldest.next();
            oldest.remove();
            decisions.add(w);
            return new Offered(true, null, dropped);
        }
        decisions.add(w);
        return new Offered(true, null, null);
    }

    /** The next delivery to send, if none is being sent; the caller then owns sending until {@link #sent()}. */
    synchronized Waiting take() {
        if (sending) {
            return null;
        }
        Waiting next = decisions.poll();
        if (next == null) {
            Iterator<Waiting> it = levels.values().iterator();
            if (it.hasNext()) {
                next = it.next();
                it.remove();
            }
        }
        sending = next != null;
        return next;
    }

    /** The delivery being sent has ended, delivered or not. */
    synchronized void sent() {
        sending = false;
    }

    synchronized int size() {
        return decisions.size() + levels.size();
    }
}
