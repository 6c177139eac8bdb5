package borderwatch.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Event families as the sealed types declare them: a family is a sealed root and every record under it. */
public final class EventFamilies {

    private EventFamilies() {
    }

    /** Every record a sealed type permits, however deep. */
    public static List<Class<?>> leaves(Class<?> type) {
        List<Class<?>> out = new ArrayList<>();
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                out.addAll(leaves(sub));
            }
        } else {
            out.add(type);
        }
        return out;
    }

    /** The outermost sealed interface above {@code type}: its family. */
    public static Class<?> familyOf(Class<?> type) {
        Class<?> root = null;
        for (Class<?> i : type.getInterfaces()) {
            if (i.isSealed()) {
                Class<?> above = familyOf(i);
                root = above != null ? above : i;
            }
        }
        return root;
    }

    /** Types of the families {@code named} touches that {@code named} leaves out. */
    public static Set<Class<?>> forgotten(Set<Class<?>> named) {
        Set<Class<?>> missing = new LinkedHashSet<>();
        for (Class<?> type : named) {
            Class<?> family = familyOf(type);
            if (family == null) {
                throw new AssertionError(type + " belongs to no sealed event family");
            }
            for (Class<?> leaf : leaves(family)) {
                if (!named.contains(leaf)) {
                    missing.add(leaf);
                }
            }
        }
        return missing;
    }
}
