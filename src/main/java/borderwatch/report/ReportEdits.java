package borderwatch.report;

import borderwatch.http.BadRequest;
import borderwatch.http.FieldError;
import borderwatch.shared.PersonText;
import borderwatch.shared.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/reports/{year}}: {@code {"edits": [{"id": …, "textVi": …, "textEn": …}]}},
 * staff's rewording of statements before export. Each edit names a statement of the report it is
 * applied to (checked there), rewords at least one language, and follows the rule for typed text.
 */
final class ReportEdits {

    static final int MAX_EDITS = 200;
    static final int MAX_TEXT = 2_000;

    private ReportEdits() {
    }

    static List<Assessment.Edit> parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>(FieldError.unknownFields(body, Set.of("edits"), "a report's edits"));
        JsonNode edits = body.path("edits");
        if (!edits.isArray()) {
            errors.add(FieldError.of("edits", "must be a list of {id, textVi, textEn}"));
            throw new BadRequest(400, errors);
        }
        if (edits.size() > MAX_EDITS) {
            throw BadRequest.of("edits", "at most " + MAX_EDITS + " edits");
        }
        List<Assessment.Edit> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < edits.size(); i++) {
            JsonNode e = edits.get(i);
            String at = "edits[" + i + "]";
            if (!e.isObject()) {
                errors.add(FieldError.of(at, "must be an object {id, textVi, textEn}"));
                continue;
            }
            errors.addAll(FieldError.unknownFields(e, Set.of("id", "textVi", "textEn"), "an edit"));
            String id = e.path("id").isTextual() ? e.path("id").asText() : null;
            if (id == null || id.isBlank()) {
                errors.add(FieldError.of(at + ".id", "is required: the id of a statement of the report"));
            } else if (!seen.add(id)) {
                errors.add(FieldError.of(at + ".id", "is edited twice"));
            }
            String vi = text(e, "textVi", at, errors);
            String en = text(e, "textEn", at, errors);
            if (vi == null && en == null) {
                errors.add(FieldError.of(at, "must reword textVi, textEn or both"));
            }
            out.add(new Assessment.Edit(id, vi, en));
        }
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        return out;
    }

    private static String text(JsonNode e, String field, String at, List<FieldError> errors) {
        JsonNode n = e.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            errors.add(FieldError.of(at + "." + field, "must be text"));
            return null;
        }
        try {
            return PersonText.required(at + "." + field, n.asText(), MAX_TEXT);
        } catch (Rejection r) {
            errors.add(FieldError.of(r.field(), r.reason()));
            return null;
        }
    }

    /** Refuses edits naming a statement the report does not have. */
    static void check(List<Assessment.Edit> edits, Assessment judgement) {
        List<String> ids = judgement.ids();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            if (!ids.contains(edits.get(i).id())) {
                errors.add(FieldError.of("edits[" + i + "].id", "the report has no statement " + edits.get(i).id()));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
    }
}
