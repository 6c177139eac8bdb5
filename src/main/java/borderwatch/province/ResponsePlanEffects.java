package borderwatch.province;

/**
 * What a response plan changes in the drill's queue model. The actions a coordinator reads are
 * free text; these numbers are how a drill rehearses them: a share of export arrivals sent to
 * another gate, extra clearance (longer hours, more staff), an overflow yard, and trucks held
 * inland before they set off.
 */
public record ResponsePlanEffects(String divertExportsTo, int divertExportPercent, int extraCapacityPercent, int extraYard,
                          int holdInlandPercent) {

    public static final ResponsePlanEffects NONE = new ResponsePlanEffects(null, 0, 0, 0, 0);

    public ResponsePlanEffects {
        if (divertExportPercent < 0 || divertExportPercent > 100 || holdInlandPercent < 0 || holdInlandPercent > 100) {
            throw new IllegalArgumentException("divertExportPercent and holdInlandPercent must be between 0 and 100");
        }
        if (extraCapacityPercent < 0 || extraYard < 0) {
            throw new IllegalArgumentException("extraCapacityPercent and extraYard must not be negative");
        }
        if ((divertExportsTo == null) != (divertExportPercent == 0)) {
            throw new IllegalArgumentException("divertExportsTo and divertExportPercent go together");
        }
    }

    public boolean any() {
        return !equals(NONE);
    }

    /** The same plan with its diverted exports sent to {@code gate}. */
    public ResponsePlanEffects divertingTo(String gate) {
        return new ResponsePlanEffects(gate, divertExportPercent, extraCapacityPercent, extraYard, holdInlandPercent);
    }
}
