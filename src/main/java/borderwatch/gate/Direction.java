package borderwatch.gate;

/** Which way goods cross the border, seen from Vietnam. */
public enum Direction {
    EXPORT,
    IMPORT
}
