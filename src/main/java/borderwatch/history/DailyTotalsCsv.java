package borderwatch.history;

import borderwatch.gate.ReportLimits;
import borderwatch.province.Direction;
import borderwatch.province.GoodsCheck;
import borderwatch.province.Province;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a spreadsheet export of daily totals per gate:
 * {@code date,gate,export_vehicles,import_vehicles,export_usd,import_usd}, optionally with
 * {@code goods} (then one row per gate, day and goods group) and {@code local_export_usd} (the part
 * of {@code export_usd} that is local goods), in any column order; header required, UTF-8
 * with or without a byte-order mark, separated by {@code ,} or {@code ;} (whichever the header
 * uses). Every line is checked before anything is accepted; the first problem does not hide the rest.
 */
public final class DailyTotalsCsv {

    public static final List<String> HEADER =
            List.of("date", "gate", "export_vehicles", "import_vehicles", "export_usd", "import_usd");
    public static final List<String> OPTIONAL = List.of("goods", "local_export_usd");
    static final int MAX_VEHICLES = ReportLimits.DAILY_TOTALS.maxVehicles();
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final int MAX_ERRORS = 100;
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.TRIM_SPACES);

    private final Province gates;
    private final LocalDate today;

    /** {@code today} is the last date a file may contain (in the province's zone). */
    public DailyTotalsCsv(Province gates, LocalDate today) {
        this.gates = gates;
        this.today = today;
    }

    public List<DailyTotal> read(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int headerEnd = text.indexOf('\n');
        String header = headerEnd < 0 ? text : text.substring(0, headerEnd);
        char separator = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        List<LineError> errors = new ArrayList<>();
        List<DailyTotal> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(schema).readValues(text)) {
            if (!it.hasNextValue()) {
                throw new ImportRejected(List.of(new LineError(1, "header", "the file is empty; expected "
                        + String.join(String.valueOf(separator), HEADER))));
            }
            Map<String, Integer> columns = columns(it.nextValue(), separator);
            Set<String> seen = new HashSet<>();
            while (it.hasNextValue() && errors.size() < MAX_ERRORS) {
                int line = it.getCurrentLocation().getLineNr();
                String[] fields = it.nextValue();
                DailyTotal row = row(line, fields, columns, separator, errors);
                if (row != null && !seen.add(row.gate() + "|" + row.date() + "|" + row.goods())) {
                    errors.add(new LineError(line, "date", "a second row for " + row.gate() + " on " + row.date()
                            + (row.goods() == null ? "" : " and goods " + row.goods())));
                } else if (row != null) {
                    rows.add(row);
                }
            }
        } catch (ImportRejected r) {
            throw r;
        } catch (IOException | RuntimeException e) {
            errors.add(new LineError(0, "file", "is not readable CSV: " + e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        if (rows.isEmpty()) {
            throw new ImportRejected(List.of(new LineError(2, "file", "has a header but no rows")));
        }
        return rows;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportRejected(List.of(new LineError(0, "file",
                    "is not UTF-8 text; save it from the spreadsheet as CSV UTF-8")));
        }
    }

    /** Column name to index: every required column once, optional ones at most once, nothing else. */
    private static Map<String, Integer> columns(String[] fields, char separator) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = new ArrayList<>();
        boolean wrong = false;
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].strip().toLowerCase(Locale.ROOT);
            names.add(name);
            wrong |= !(HEADER.contains(name) || OPTIONAL.contains(name)) || columns.put(name, i) != null;
        }
        if (wrong || !columns.keySet().containsAll(HEADER)) {
            throw new ImportRejected(List.of(new LineError(1, "header", "must be "
                    + String.join(String.valueOf(separator), HEADER) + " (optionally with "
                    + String.join(" and ", OPTIONAL) + ") but is " + String.join(String.valueOf(separator), names))));
        }
        return columns;
    }

    private DailyTotal row(int line, String[] f, Map<String, Integer> columns, char separator, List<LineError> errors) {
        if (f.length != columns.size()) {
            errors.add(new LineError(line, "row", "has " + f.length + " fields; expected " + columns.size()));
            return null;
        }
        int before = errors.size();
        LocalDate date = date(line, f[columns.get("date")], errors);
        String gate = f[columns.get("gate")];
        if (gates.find(gate).isEmpty()) {
            errors.add(new LineError(line, "gate", "unknown gate '" + gate + "'"));
        }
        int exports = vehicles(line, "export_vehicles", f[columns.get("export_vehicles")], errors);
        int imports = vehicles(line, "import_vehicles", f[columns.get("import_vehicles")], errors);
        long exportCents = cents(line, "export_usd", f[columns.get("export_usd")], separator, errors);
        long importCents = cents(line, "import_usd", f[columns.get("import_usd")], separator, errors);
        String goods = columns.containsKey("goods") && !f[columns.get("goods")].isBlank() ? f[columns.get("goods")] : null;
        if (goods != null) {
            String refusal = GoodsCheck.refusal(gates, gates.find(gate).isPresent() ? gate : null,
                    exports > 0 || exportCents > 0 ? Direction.EXPORT : Direction.IMPORT, goods);
            if (refusal != null) {
                errors.add(new LineError(line, "goods", refusal));
            }
        }
        long localCents = 0;
        if (columns.containsKey("local_export_usd") && !f[columns.get("local_export_usd")].isBlank()) {
            localCents = cents(line, "local_export_usd", f[columns.get("local_export_usd")], separator, errors);
            if (localCents > exportCents) {
                errors.add(new LineError(line, "local_export_usd", "is more than export_usd: local goods are part of the exports"));
            }
        }
        return errors.size() > before ? null
                : new DailyTotal(line, date, gate, exports, imports, exportCents, importCents, goods, localCents);
    }

    private LocalDate date(int line, String value, List<LineError> errors) {
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(EARLIEST) || date.isAfter(today)) {
                errors.add(new LineError(line, "date", value + " is outside " + EARLIEST + " … " + today));
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(new LineError(line, "date", "'" + value + "' is not a date like 2024-07-31"));
            return null;
        }
    }

    private static int vehicles(int line, String field, String value, List<LineError> errors) {
        if (!value.matches("\\d{1,6}") || Integer.parseInt(value) > MAX_VEHICLES) {
            errors.add(new LineError(line, field, "'" + value + "' is not a whole number from 0 to " + MAX_VEHICLES));
            return 0;
        }
        return Integer.parseInt(value);
    }

    /** Plain digits with up to two decimals; a semicolon file may use a decimal comma, as Vietnamese spreadsheets do. */
    private static long cents(int line, String field, String value, char separator, List<LineError> errors) {
        String v = separator == ';' ? value.replace(',', '.') : value;
        if (!v.matches("\\d{1,13}(\\.\\d{1,2})?")) {
            errors.add(new LineError(line, field, "'" + value + "' is not an amount in USD with at most 2 decimals"
                    + " and no thousands separators"));
            return 0;
        }
        return new BigDecimal(v).movePointRight(2).longValueExact();
    }
}
