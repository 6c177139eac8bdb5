package borderwatch.readmodel;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the days that key a checkpoint's maps (ten years of a gate's days, and more): a restart
 * spent a quarter of its checkpoint reading in {@code LocalDate.parse}'s general formatter. Keys
 * written by this node are always {@code yyyy-MM-dd}; those are read digit by digit and checked by
 * {@code LocalDate.of}, anything else goes to {@code LocalDate.parse} as before.
 */
final class DateKeys extends KeyDeserializer {

    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
        try {
            return parse(key);
        } catch (DateTimeException e) {
            return ctxt.handleWeirdKey(LocalDate.class, key, "not a date: %s", e.getMessage());
        }
    }

    static LocalDate parse(String key) {
        if (key.length() == 10 && key.charAt(4) == '-' && key.charAt(7) == '-') {
            int year = digits(key, 0, 4);
            int month = digits(key, 5, 7);
            int day = digits(key, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(key);
    }

    /** The number written in {@code s[from, to)}, or -1 if anything there is not a digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
