package borderwatch.history;

import java.util.HashMap;
import java.util.Map;

/**
 * How many history replays run at once, per token and on the node. A replay folds the whole store
 * and holds a board of its own, so they are few by design; one over the limit is refused with a
 * reason the console can show, never queued.
 */
final class ReplaySlots {

    /** Why a replay was refused: a code for the console's dictionary and a sentence for everyone else. */
    public record Refusal(String code, String message) {
    }

    private final int perToken;
    private final int perNode;
    private final Map<String, Integer> byToken = new HashMap<>();
    private int running;

    public ReplaySlots(int perToken, int perNode) {
        this.perToken = perToken;
        this.perNode = perNode;
    }

    /** Takes a slot for {@code tokenId}, or says why not. */
    public synchronized Refusal acquire(String tokenId) {
        if (byToken.getOrDefault(tokenId, 0) >= perToken) {
            return new Refusal("replays-per-token", "this token already runs " + perToken
                    + " replays; close one before starting another");
        }
        if (running >= perNode) {
            return new Refusal("replays-per-node", "the node already runs " + perNode + " replays; try again in a few minutes");
        }
        byToken.merge(tokenId, 1, Integer::sum);
        running++;
        return null;
    }

    public synchronized void release(String tokenId) {
        Integer held = byToken.get(tokenId);
        if (held == null) {
            return;
        }
        if (held == 1) {
            byToken.remove(tokenId);
        } else {
            byToken.put(tokenId, held - 1);
        }
        running--;
    }

}
