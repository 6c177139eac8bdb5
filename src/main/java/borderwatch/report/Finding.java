package borderwatch.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One statement of a report's assessment, or one proposal: its topic, the gate when it is about one,
 * its wording in both languages and the figures it cites. A proposal also names the rule of the
 * province file that made it and that rule's threshold. {@code id} is stable for the same report
 * (topic, gate and rule), so staff can reword a statement before export; reworded text is marked
 * {@code edited} and its figures stay as computed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String id, String topic, String gate, String textVi, String textEn, Map<String, Object> figures,
                      String rule, Map<String, Object> threshold, Boolean edited) {

    static Finding of(String topic, String gate, String vi, String en, Map<String, Object> figures) {
        return new Finding(topic + (gate == null ? "" : ":" + gate), topic, gate, vi, en, figures, null, null, null);
    }

    Finding proposal(String rule, Map<String, Object> threshold) {
        return new Finding("proposal:" + rule + (gate == null ? "" : ":" + gate), topic, gate, textVi, textEn, figures,
                rule, threshold, null);
    }

    /** With an id suffix, for a topic said more than once about the same gate. */
    Finding numbered(String suffix) {
        return new Finding(id + ":" + suffix, topic, gate, textVi, textEn, figures, rule, threshold, edited);
    }

    Finding reworded(String vi, String en) {
        return new Finding(id, topic, gate, vi == null ? textVi : vi, en == null ? textEn : en, figures, rule, threshold,
                Boolean.TRUE);
    }

    String text(String lang) {
        return lang.equals("vi") ? textVi : textEn;
    }
}
