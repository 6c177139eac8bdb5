package borderwatch.history;

/** Why one line of an import file was refused; line 1 is the header. */
public record LineError(int line, String field, String message) {
}
