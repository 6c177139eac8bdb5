package borderwatch.report;

import borderwatch.province.Province;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that turn a report's assessment into proposals, and their thresholds, from the
 * {@code reportRules} section of the province file (each rule may be switched off with
 * {@code "enabled": false}); what a file leaves out keeps the value below. Read when the node starts,
 * so a mistake stops the start with the field named.
 */
public record ReportRules(OnPace onPace, ExtendHours extendHours, CatchUp catchUpTarget,
                          CheckQueueReports checkQueueReports, ReviewWarnings reviewWarnings, ActEarlier actEarlier) {

    /** A target is on pace while its share of the plan is at most this many points under the share of the year gone. */
    public record OnPace(double tolerancePoints) {
    }

    /** Propose longer hours at a gate that stood at {@code minLevel} or higher on at least {@code minDays} days. */
    public record ExtendHours(boolean enabled, int minLevel, int minDays) {
    }

    /** Propose measures for a target behind pace that needs at least {@code timesBestMonth} its best month, every month left. */
    public record CatchUp(boolean enabled, double timesBestMonth) {
    }

    /** Propose checking a gate's queue camera after {@code minDaysWithout} days without a queue report. */
    public record CheckQueueReports(boolean enabled, int minDaysWithout) {
    }

    /** Propose reviewing the early warnings when more than {@code maxFalseShare} of at least {@code minWarnings} did not come true. */
    public record ReviewWarnings(boolean enabled, double maxFalseShare, int minWarnings) {
    }

    /**
     * Propose activating response plans earlier when episodes with a plan fell back at least
     * {@code fasterBy} sooner than the (at least {@code minEpisodes}) episodes without one.
     */
    public record ActEarlier(boolean enabled, double fasterBy, int minEpisodes) {
    }

    public static final ReportRules DEFAULTS = new ReportRules(new OnPace(2.0), new ExtendHours(true, 2, 10),
            new CatchUp(true, 1.5), new CheckQueueReports(true, 7), new ReviewWarnings(true, 0.3, 5),
            new ActEarlier(true, 0.25, 3));

    private static final Set<String> RULES = Set.of("onPace", "extendHours", "catchUpTarget", "checkQueueReports",
            "reviewWarnings", "actEarlier");

    public static ReportRules of(Province province) {
        JsonNode r = province.section("reportRules").orElse(MissingNode.getInstance());
        if (!r.isMissingNode() && !r.isObject()) {
            throw new IllegalArgumentException("reportRules: must be an object of rules");
        }
        r.fieldNames().forEachRemaining(name -> {
            if (!RULES.contains(name)) {
                throw new IllegalArgumentException("reportRules." + name + ": no such rule (the rules are "
                        + String.join(", ", RULES.stream().sorted().toList()) + ")");
            }
        });
        ReportRules d = DEFAULTS;
        return new ReportRules(
                new OnPace(number(r, "onPace", "tolerancePoints", d.onPace.tolerancePoints(), 0, 50)),
                new ExtendHours(enabled(r, "extendHours"), (int) number(r, "extendHours", "minLevel", d.extendHours.minLevel(), 1, 9),
                        (int) number(r, "extendHours", "minDays", d.extendHours.minDays(), 1, 366)),
                new CatchUp(enabled(r, "catchUpTarget"),
                        number(r, "catchUpTarget", "timesBestMonth", d.catchUpTarget.timesBestMonth(), 0.1, 100)),
                new CheckQueueReports(enabled(r, "checkQueueReports"),
                        (int) number(r, "checkQueueReports", "minDaysWithout", d.checkQueueReports.minDaysWithout(), 1, 366)),
                new ReviewWarnings(enabled(r, "reviewWarnings"),
                        number(r, "reviewWarnings", "maxFalseShare", d.reviewWarnings.maxFalseShare(), 0, 1),
                        (int) number(r, "reviewWarnings", "minWarnings", d.reviewWarnings.minWarnings(), 1, 10_000)),
                new ActEarlier(enabled(r, "actEarlier"), number(r, "actEarlier", "fasterBy", d.actEarlier.fasterBy(), 0, 1),
                        (int) number(r, "actEarlier", "minEpisodes", d.actEarlier.minEpisodes(), 1, 10_000)));
    }

    private static boolean enabled(JsonNode r, String rule) {
        JsonNode e = r.path(rule).path("enabled");
        if (e.isMissingNode()) {
            return true;
        }
        if (!e.isBoolean()) {
            throw new IllegalArgumentException("reportRules." + rule + ".enabled: must be true or false");
        }
        return e.booleanValue();
    }

    private static double number(JsonNode r, String rule, String field, double fallback, double min, double max) {
        JsonNode n = r.path(rule).path(field);
        if (n.isMissingNode()) {
            return fallback;
        }
        if (!n.isNumber() || n.doubleValue() < min || n.doubleValue() > max) {
            throw new IllegalArgumentException("reportRules." + rule + "." + field + ": must be a number from " + min
                    + " to " + max);
        }
        return n.doubleValue();
    }

    /** A rule's threshold as a proposal cites it. */
    static Map<String, Object> threshold(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
