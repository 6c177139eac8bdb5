package borderwatch.http;

import java.util.List;

/** Input that cannot be accepted; carries every problem found so a client can fix them at once. */
public class BadRequest extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;

    public BadRequest(int status, List<FieldError> errors) {
        super(errors.isEmpty() ? "bad request" : errors.get(0).field() + ": " + errors.get(0).message());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static BadRequest of(String field, String message) {
        return new BadRequest(400, List.of(FieldError.of(field, message)));
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
