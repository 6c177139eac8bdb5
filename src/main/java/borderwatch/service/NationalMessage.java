package borderwatch.service;

/** What {@code /ws/national} sends: the national board, whole. */
public record NationalMessage(String type, NationalBoard board) {

    static NationalMessage of(NationalBoard board) {
        return new NationalMessage("national", board);
    }
}
