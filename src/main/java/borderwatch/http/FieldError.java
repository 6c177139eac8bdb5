package borderwatch.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One reason a request was refused; {@code index} points into a batch when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer index, String field, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(null, field, message);
    }
}
