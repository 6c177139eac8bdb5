package borderwatch.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** US dollars as whole cents in a {@code long}: money never goes through floating point. */
public final class UsdCents {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private UsdCents() {
    }

    /**
     * Parses a decimal amount such as {@code "1250.5"} or {@code 1250.50}.
     *
     * @throws IllegalArgumentException when it has more than two decimals or does not fit
     */
    public static long parse(BigDecimal usd) {
        if (usd.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must have at most 2 decimals");
        }
        try {
            return usd.multiply(HUNDRED).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too large");
        }
    }

    /** A plain ASCII decimal as a string: an optional minus, digits, and a point with digits after it. */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("-?[0-9]{1,19}(\\.[0-9]{1,19})?");

    /**
     * A decimal written as a string, exactly as the README says: ASCII digits with an optional point
     * and decimals, nothing around them. {@link BigDecimal#BigDecimal(String)} alone would also take
     * "+100", ".5", "100.", "1e5" and Arabic-Indic or fullwidth digits.
     *
     * @throws IllegalArgumentException naming what a plain decimal is
     */
    public static BigDecimal plainDecimal(String text) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a JSON number or a plain decimal string such as \"1250.50\" "
                    + "(ASCII digits, no sign, spaces, exponent or grouping)");
        }
        return new BigDecimal(text);
    }

    public static long parse(String usd) {
        return parse(plainDecimal(usd));
    }

    public static BigDecimal toUsd(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** {@code part / whole} as a percentage rounded half up to one decimal; null when whole is 0. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Change from {@code before} to {@code now} in percent, one decimal, half up; null without a base. */
    public static BigDecimal change(long now, long before) {
        if (before == 0) {
            return null;
        }
        return BigDecimal.valueOf(now - before).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    }
}
