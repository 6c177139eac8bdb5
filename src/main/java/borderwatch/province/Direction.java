package borderwatch.province;

/** Which way goods cross the border, seen from Vietnam. */
public enum Direction {
    EXPORT,
    IMPORT
}
