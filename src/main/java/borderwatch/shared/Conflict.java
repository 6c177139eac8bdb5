package borderwatch.shared;

/** A command that is valid in itself but clashes with the current state (answered with 409). */
public class Conflict extends Rejection {

    public Conflict(String field, String reason) {
        super(field, reason);
    }
}
