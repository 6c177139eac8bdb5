package borderwatch.store;

/**
 * What vouches that a read model folded from a store up to a position still describes it: the
 * store's identity (made with the store, new after every restore) and a digest of every event up
 * to that position (ids, types and payloads, in order). Two stores holding the same history have
 * the same digest but never the same identity.
 */
public record HistoryProof(String storeId, long position, String digest) {
}
