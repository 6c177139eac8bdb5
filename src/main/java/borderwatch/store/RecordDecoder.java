package borderwatch.store;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a stored payload of a plain record (components that are strings, numbers, booleans, enums or
 * instants) in the one compact shape the store writes, and calls the record's canonical constructor,
 * as Jackson's data binding would. Replay decodes every stored event, and Jackson spends most of its
 * time there on setting up a parser and binding per value, not on the few bytes of a gate report;
 * this reader is our own because it was measurably faster (README, "Replay").
 *
 * <p>It only ever reads what the store writes: no white space, no nesting, strings of printable
 * ASCII without escapes, integers as digits, the store's own instants, enum names. Anything else (a
 * number sent as text, a null for a primitive, a field it does not know, a name with an accent), a
 * record with Jackson annotations, or a value its constructor refuses gives {@code null}: the caller
 * then decodes the payload with data binding, which accepts or refuses it exactly as before.
 */
final class RecordDecoder {

    private enum Kind { STRING, INT, LONG, DOUBLE, BOOLEAN, INSTANT, ENUM }

    private final byte[][] names;
    private final Kind[] kinds;
    private final boolean[] primitive;
    private final byte[][][] enumNames;
    private final Object[][] enumValues;
    private final MethodHandle constructor;

    private RecordDecoder(RecordComponent[] components, MethodHandle constructor) {
        this.names = new byte[components.length][];
        this.kinds = new Kind[components.length];
        this.primitive = new boolean[components.length];
        this.enumNames = new byte[components.length][][];
        this.enumValues = new Object[components.length][];
        this.constructor = constructor;
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            names[i] = components[i].getName().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            kinds[i] = kindOf(t);
            primitive[i] = t.isPrimitive();
            if (kinds[i] == Kind.ENUM) {
                enumValues[i] = t.getEnumConstants();
                enumNames[i] = new byte[enumValues[i].length][];
                for (int k = 0; k < enumValues[i].length; k++) {
                    enumNames[i][k] = ((Enum<?>) enumValues[i][k]).name().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** A decoder for {@code type}, if it is a record this class reads exactly as data binding would. */
    static Optional<RecordDecoder> of(Class<?> type) {
        if (!type.isRecord() || hasJacksonAnnotation(type)) {
            return Optional.empty();
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            if (kindOf(t) == null || hasJacksonAnnotation(components[i]) || hasJacksonAnnotation(components[i].getAccessor())
                    || (t.isEnum() && enumHasJacksonAnnotation(t))) {
                return Optional.empty();
            }
            types[i] = t;
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            if (hasJacksonAnnotation(canonical)) {
                return Optional.empty();
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (hasJacksonAnnotation(c)) {
                    return Optional.empty();
                }
            }
            canonical.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return Optional.of(new RecordDecoder(components, handle));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The record, or null when data binding must decide (see the class comment). */
    Object decode(byte[] json) {
        Object[] values = new Object[kinds.length];
        Scan in = new Scan(json);
        if (!in.take('{')) {
            return null;
        }
        if (!in.take('}')) {
            int expected = 0;
            do {
                int i = in.name(names, expected);
                if (i < 0 || !in.take(':')) {
                    return null;
                }
                if (in.takeNull()) {
                    if (primitive[i]) {
                        return null;
                    }
                    values[i] = null;
                } else {
                    Object v = value(in, i);
                    if (v == null) {
                        return null;
                    }
                    values[i] = v;
                }
                expected = i + 1;
            } while (in.take(','));
            if (!in.take('}')) {
                return null;
            }
        }
        if (!in.atEnd()) {
            return null;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && primitive[i]) {
                values[i] = zero(kinds[i]);
            }
        }
        try {
            return constructor.invokeExact(values);
        } catch (Throwable refused) {
            return null;
        }
    }

    private Object value(Scan in, int i) {
        return switch (kinds[i]) {
            case STRING -> in.string();
            case INT -> {
                long v = in.integer();
                yield v == Long.MIN_VALUE || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (Object) (int) v;
            }
            case LONG -> {
                long v = in.integer();
                yield v == Long.MIN_VALUE ? null : (Object) v;
            }
            case DOUBLE -> in.decimal();
            case BOOLEAN -> in.bool();
            case INSTANT -> in.instant();
            case ENUM -> in.oneOf(enumNames[i], enumValues[i]);
        };
    }

    /**
     * The compact JSON the store writes: no white space, no nesting, strings without escapes. Each
     * method reads one thing or answers that it is not there (null, false, Long.MIN_VALUE).
     */
    private static final class Scan {
        private static final java.util.regex.Pattern JSON_NUMBER =
                java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
        private final byte[] b;
        private int at;

        Scan(byte[] b) {
            this.b = b;
        }

        boolean atEnd() {
            return at == b.length;
        }

        boolean take(char c) {
            if (at < b.length && b[at] == c) {
                at++;
                return true;
            }
            return false;
        }

        boolean takeNull() {
            return word("null");
        }

        Boolean bool() {
            return word("true") ? Boolean.TRUE : word("false") ? Boolean.FALSE : null;
        }

        private boolean word(String w) {
            if (at + w.length() > b.length) {
                return false;
            }
            for (int k = 0; k < w.length(); k++) {
                if (b[at + k] != w.charAt(k)) {
                    return false;
                }
            }
            at += w.length();
            return true;
        }

        /** The index of the quoted field name among {@code names}, trying {@code expected} first; -1 if none. */
        int name(byte[][] names, int expected) {
            if (at >= b.length || b[at] != '"') {
                return -1;
            }
            // The store writes the fields in the record's order: try the next one's name in place first.
            if (expected < names.length) {
                byte[] next = names[expected];
                int close = at + 1 + next.length;
                if (close < b.length && b[close] == '"' && sameBytes(next, at + 1, next.length)) {
                    at = close + 1;
                    return expected;
                }
            }
            int end = plainStringEnd();
            if (end < 0) {
                return -1;
            }
            int from = at + 1;
            int len = end - from;
            for (int k = 0; k < names.length; k++) {
                int i = (expected + k) % names.length;
                if (sameBytes(names[i], from, len)) {
                    at = end + 1;
                    return i;
                }
            }
            return -1;
        }

        /** A plain loop: names are a few bytes, too short for the vectorised comparison to pay off. */
        private boolean sameBytes(byte[] name, int from, int len) {
            if (name.length != len) {
                return false;
            }
            for (int k = 0; k < len; k++) {
                if (b[from + k] != name[k]) {
                    return false;
                }
            }
            return true;
        }

        String string() {
            int end = plainStringEnd();
            if (end < 0) {
                return null;
            }
            String s = new String(b, at + 1, end - at - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
            at = end + 1;
            return s;
        }

        /**
         * Where the string starting here closes, if it is one of printable ASCII without escapes; -1
         * otherwise. Escapes and anything beyond ASCII (whose bytes data binding checks) are left to it.
         */
        private int plainStringEnd() {
            if (at >= b.length || b[at] != '"') {
                return -1;
            }
            int end = at + 1;
            while (end < b.length && b[end] != '"') {
                byte c = b[end];
                if (c == '\\' || c < 0x20) {
                    return -1;
                }
                end++;
            }
            return end < b.length ? end : -1;
        }

        /** The constant whose name is the quoted string here; null if none is. */
        Object oneOf(byte[][] names, Object[] values) {
            if (at >= b.length || b[at] != '"') {
                return null;
            }
            for (int k = 0; k < names.length; k++) {
                int close = at + 1 + names[k].length;
                if (close < b.length && b[close] == '"' && sameBytes(names[k], at + 1, names[k].length)) {
                    at = close + 1;
                    return values[k];
                }
            }
            return null;
        }

        /** A string in the store's own instant form, read from its bytes; null otherwise. */
        Instant instant() {
            int end = plainStringEnd();
            Instant parsed = end < 0 ? null : IsoInstants.parse(b, at + 1, end);
            if (parsed != null) {
                at = end + 1;
            }
            return parsed;
        }

        /** A JSON integer that fits a long (not its least value); Long.MIN_VALUE otherwise. */
        long integer() {
            int i = at;
            boolean negative = i < b.length && b[i] == '-';
            if (negative) {
                i++;
            }
            int first = i;
            long v = 0;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                if (i - first >= 18) {
                    return Long.MIN_VALUE;
                }
                v = v * 10 + (b[i] - '0');
                i++;
            }
            if (i == first || (b[first] == '0' && i - first > 1) || (negative && v == 0)
                    || (i < b.length && (b[i] == '.' || b[i] == 'e' || b[i] == 'E'))) {
                return Long.MIN_VALUE;
            }
            at = i;
            return negative ? -v : v;
        }

        /** A JSON number, read as Double.parseDouble reads its text (as Jackson does). */
        Double decimal() {
            int i = at;
            while (i < b.length && (b[i] >= '0' && b[i] <= '9' || b[i] == '-' || b[i] == '+' || b[i] == '.'
                    || b[i] == 'e' || b[i] == 'E')) {
                i++;
            }
            if (i == at) {
                return null;
            }
            String text = new String(b, at, i - at, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!JSON_NUMBER.matcher(text).matches()) {
                return null;
            }
            at = i;
            return Double.parseDouble(text);
        }
    }

    private static Object zero(Kind kind) {
        return switch (kind) {
            case INT -> 0;
            case LONG -> 0L;
            case DOUBLE -> 0.0;
            case BOOLEAN -> Boolean.FALSE;
            default -> throw new IllegalStateException("not a primitive: " + kind);
        };
    }

    private static Kind kindOf(Class<?> t) {
        if (t == String.class) {
            return Kind.STRING;
        }
        if (t == int.class || t == Integer.class) {
            return Kind.INT;
        }
        if (t == long.class || t == Long.class) {
            return Kind.LONG;
        }
        if (t == double.class || t == Double.class) {
            return Kind.DOUBLE;
        }
        if (t == boolean.class || t == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (t == Instant.class) {
            return Kind.INSTANT;
        }
        if (t.isEnum()) {
            return Kind.ENUM;
        }
        return null;
    }

    private static boolean enumHasJacksonAnnotation(Class<?> type) {
        if (hasJacksonAnnotation(type)) {
            return true;
        }
        for (var f : type.getDeclaredFields()) {
            if (hasJacksonAnnotation(f)) {
                return true;
            }
        }
        for (var m : type.getDeclaredMethods()) {
            if (hasJacksonAnnotation(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasJacksonAnnotation(AnnotatedElement element) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }
}
