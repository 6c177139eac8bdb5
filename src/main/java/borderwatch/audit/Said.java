package borderwatch.audit;

import borderwatch.shared.Attributed;

/** What a person typed with an action, where the event keeps it: who (by) and why (reason). */
record Said(String by, String reason) {

    private static final Said NOTHING = new Said(null, null);

    static Said in(Object event) {
        if (event instanceof Attributed a) {
            String reason = a.reason() == null || a.reason().isEmpty() ? null : a.reason();
            return new Said(a.by(), reason);
        }
        return NOTHING;
    }
}
