package borderwatch.gate;

/** How a batch ended: how many events were newly stored and how many were known repeats. */
public record RecordedBatch(int accepted, int duplicates) {
}
