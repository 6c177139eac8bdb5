package borderwatch.province;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * When a gate clears traffic: its daily opening hours, longer hours for a season (every year, by
 * month and day) or for dated days, and the holidays of either side when it is closed or works at a
 * share of its capacity. A gate the file gives no hours is open round the clock, as before hours
 * could be said. Read from the province file's gate {@code hours} and the province's {@code holidays}.
 */
public final class GateHours {

    /** Open round the clock, no holidays. */
    public static final GateHours ALWAYS = new GateHours(null, null, List.of(), List.of());

    /** Hours for some days: a season every year ({@code MM-DD}) or dated days ({@code yyyy-MM-dd}). */
    record Extension(MonthDay fromDay, MonthDay toDay, LocalDate fromDate, LocalDate toDate, LocalTime open, LocalTime close) {

        boolean covers(LocalDate d) {
            if (fromDate != null) {
                return !d.isBefore(fromDate) && !d.isAfter(toDate);
            }
            MonthDay m = MonthDay.from(d);
            return fromDay.isAfter(toDay) ? !m.isBefore(fromDay) || !m.isAfter(toDay)
                                          : !m.isBefore(fromDay) && !m.isAfter(toDay);
        }
    }

    /** Days of either side's holiday: the gate works at {@code capacityPercent} of its capacity (0: closed). */
    public record Holiday(LocalDate from, LocalDate to, String side, String nameVi, String nameEn, int capacityPercent) {

        boolean covers(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }

    private final LocalTime open;
    private final LocalTime close;
    private final List<Extension> extensions;
    private final List<Holiday> holidays;

    private GateHours(LocalTime open, LocalTime close, List<Extension> extensions, List<Holiday> holidays) {
        this.open = open;
        this.close = close;
        this.extensions = List.copyOf(extensions);
        this.holidays = List.copyOf(holidays);
    }

    /** Whether the file said anything of this gate's hours or of holidays. */
    public boolean known() {
        return open != null || !holidays.isEmpty();
    }

    /**
     * The share of its capacity the gate has at {@code at} by its hours and holidays: 0 closed, 1 open,
     * between for a holiday worked at a reduced capacity.
     */
    public double capacityShare(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        double share = 1.0;
        for (Holiday h : holidays) {
            if (h.covers(day)) {
                share = Math.min(share, h.capacityPercent() / 100.0);
            }
        }
        if (open == null) {
            return share;
        }
        // After midnight of a day whose hours run past it, the previous day's hours still hold.
        return openOn(day, time) || openPastMidnight(day.minusDays(1), time) ? share : 0.0;
    }

    private boolean openOn(LocalDate day, LocalTime time) {
        LocalTime[] h = hoursOn(day);
        if (h[0].equals(h[1])) {
            return true;
        }
        return h[1].isAfter(h[0]) ? !time.isBefore(h[0]) && time.isBefore(h[1]) : !time.isBefore(h[0]);
    }

    private boolean openPastMidnight(LocalDate day, LocalTime time) {
        LocalTime[] h = hoursOn(day);
        return h[1].isBefore(h[0]) && time.isBefore(h[1]);
    }

    private LocalTime[] hoursOn(LocalDate day) {
        LocalTime o = open;
        LocalTime c = close;
        for (Extension e : extensions) {
            if (e.covers(day)) {
                o = e.open();
                c = e.close();
            }
        }
        return new LocalTime[] {o, c};
    }

    /** A gate's hours from its {@code hours} object (may be missing) and the province's {@code holidays}. */
    static GateHours parse(JsonNode hours, List<Holiday> holidays, String where) {
        if (hours == null || hours.isMissingNode() || hours.isNull()) {
            return new GateHours(null, null, List.of(), holidays);
        }
        LocalTime open = time(hours, "open", where);
        LocalTime close = time(hours, "close", where);
        List<Extension> extensions = new ArrayList<>();
        JsonNode list = hours.path("extended");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String at = where + ".extended[" + i + "]";
            String from = text(e, "from", at);
            String to = text(e, "to", at);
            LocalTime o = time(e, "open", at);
            LocalTime c = time(e, "close", at);
            try {
                if (from.length() == 5 && to.length() == 5) {
                    extensions.add(new Extension(MonthDay.parse("--" + from), MonthDay.parse("--" + to), null, null, o, c));
                } else {
                    LocalDate f = LocalDate.parse(from);
                    LocalDate t = LocalDate.parse(to);
                    if (t.isBefore(f)) {
                        throw new IllegalArgumentException(at + ".to must not be before from");
                    }
                    extensions.add(new Extension(null, null, f, t, o, c));
                }
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException(at + ": from and to must both be MM-DD (every year) or yyyy-MM-dd");
            }
        }
        return new GateHours(open, close, extensions, holidays);
    }

    /** The province's {@code holidays}: {@code from}, {@code to} (dates), {@code side}, names, {@code capacityPercent} (0). */
    static List<Holiday> holidays(JsonNode list, String where) {
        List<Holiday> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode h = list.get(i);
            String at = where + "[" + i + "]";
            try {
                LocalDate from = LocalDate.parse(text(h, "from", at));
                LocalDate to = h.has("to") ? LocalDate.parse(text(h, "to", at)) : from;
                if (to.isBefore(from)) {
                    throw new IllegalArgumentException(at + ".to must not be before from");
                }
                int percent = h.path("capacityPercent").asInt(0);
                if (percent < 0 || percent > 100) {
                    throw new IllegalArgumentException(at + ".capacityPercent must be 0 to 100");
                }
                String side = h.path("side").asText("both");
                if (!List.of("vn", "cn", "both").contains(side)) {
                    throw new IllegalArgumentException(at + ".side must be vn, cn or both");
                }
                out.add(new Holiday(from, to, side, h.path("nameVi").asText(""), h.path("nameEn").asText(""), percent));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(at + ": from and to must be dates (yyyy-MM-dd)");
            }
        }
        return out;
    }

    private static LocalTime time(JsonNode node, String field, String where) {
        try {
            return LocalTime.parse(text(node, field, where));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "." + field + " must be a time like 07:00");
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " is required");
        }
        return v.asText();
    }
}
