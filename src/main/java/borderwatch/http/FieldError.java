package borderwatch.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One reason a request was refused; {@code index} points into a batch when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer index, String field, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(null, field, message);
    }

    /**
     * One error for each field of {@code body} that is not in {@code known}: a misspelt field is
     * refused, never silently ignored ({@code what} names the body, as in "a token request").
     */
    public static java.util.List<FieldError> unknownFields(com.fasterxml.jackson.databind.JsonNode body,
                                                           java.util.Set<String> known, String what) {
        java.util.List<FieldError> errors = new java.util.ArrayList<>();
        if (body != null && body.isObject()) {
            for (var names = body.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    errors.add(of(name, "is not a field of " + what + " (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")"));
                }
            }
        }
        return errors;
    }
}
