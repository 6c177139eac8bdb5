package borderwatch.shared;

/** A command refused by a decision; names the input field at fault so callers can show it. */
public class Rejection extends RuntimeException {

    private final String field;

    public Rejection(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
