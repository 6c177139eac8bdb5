package borderwatch.history;

import java.util.List;

/** A file that cannot be imported, with every problem found; nothing from it is stored. */
public final class ImportRejected extends RuntimeException {

    private final List<LineError> errors;

    public ImportRejected(List<LineError> errors) {
        super(errors.get(0).line() + ": " + errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }
}
