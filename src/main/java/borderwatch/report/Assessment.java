package borderwatch.report;

import borderwatch.forecast.TrackRecord;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's judgement: the assessment (đánh giá), each statement computed from the period's events
 * and citing its figures, and the proposals (đề xuất, kiến nghị) the province file's rules draw from
 * it. Staff may reword any statement before export ({@link #reworded}); the figures stay as computed.
 */
public record Assessment(List<Finding> assessment, List<Finding> proposals) {

    /** A reworded statement: either text may be null to keep the computed one. */
    public record Edit(String id, String textVi, String textEn) {
    }

    static Assessment of(ReadModel model, Province province, PeriodReport report, ReportRules rules) {
        AssessmentInput in = new AssessmentInput(model, province, report, rules);
        // What both the statements and the proposals rest on is read once.
        Facts facts = new Facts(DataCoverage.count(in), CongestionStory.planEffect(in), PlanPace.verdicts(in),
                CongestionStory.badDays(in), TrackRecord.between(model, in.from(), in.to()));
        List<Finding> said = new ArrayList<>();
        said.addAll(PlanPace.findings(in, facts.verdicts()));
        said.addAll(YearOnYearDrivers.findings(in));
        said.addAll(CongestionStory.congestion(in, facts.coverage()));
        said.addAll(CongestionStory.worstDays(in, facts.alertDays()));
        said.addAll(CongestionStory.responsePlans(in, facts.plans()));
        said.addAll(CongestionStory.warnings(in, facts.record()));
        said.addAll(DataCoverage.findings(in, facts.coverage()));
        return new Assessment(List.copyOf(said), List.copyOf(Proposals.of(in, facts)));
    }

    /** The period's figures the assessment and the proposals share. */
    record Facts(DataCoverage.Counts coverage, CongestionStory.PlanEffect plans, List<PlanPace.Verdict> verdicts,
                 List<CongestionStory.BadDay> alertDays, TrackRecord.Window record) {
    }

    /** Every statement's id, so an edit naming another can be refused. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        assessment.forEach(f -> ids.add(f.id()));
        proposals.forEach(f -> ids.add(f.id()));
        return ids;
    }

    /** With {@code edits} applied (by id), each marked as edited. */
    public Assessment reworded(List<Edit> edits) {
        if (edits.isEmpty()) {
            return this;
        }
        Map<String, Edit> byId = new java.util.HashMap<>();
        edits.forEach(e -> byId.put(e.id(), e));
        return new Assessment(apply(assessment, byId), apply(proposals, byId));
    }

    private static List<Finding> apply(List<Finding> findings, Map<String, Edit> edits) {
        return findings.stream().map(f -> {
            Edit e = edits.get(f.id());
            return e == null ? f : f.reworded(e.textVi(), e.textEn());
        }).toList();
    }
}
