package borderwatch.readmodel;

import java.time.Instant;

/**
 * An event that happened at a business time (a gate's report or decision), as opposed to when it was
 * stored: a replay as of an instant folds those up to it and hands the later ones on.
 */
public interface BusinessTimed {

    Instant at();
}
