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

    public static long parse(String usd) {
        try {
            return parse(new BigDecimal(usd.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a decimal number of US dollars");
        }
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
