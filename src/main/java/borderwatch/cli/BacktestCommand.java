package borderwatch.cli;

import borderwatch.core.StoredEventTypes;
import borderwatch.forecast.Backtest;
import borderwatch.forecast.BacktestScore;
import borderwatch.forecast.Forecaster;
import borderwatch.json.ApiJson;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ReadModels;
import borderwatch.shared.DayOrInstant;
import borderwatch.store.EventCodec;
import borderwatch.store.EventStorage;
import borderwatch.store.engines.StoreEngines;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backtest --from 2026-01-01 --to 2026-12-31 --every 15m --out DIR}: the live forecaster and
 * warning rule stepped through a stored past, writing what they said and how it scored.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Run the forecaster and the early-warning rule over a past period of the store, as if live at "
                + "each step, and score them against what happened. Reads the store only (stop the service first "
                + "for the embedded store).")
public final class BacktestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    ProvinceChoice choice;

    @Option(names = "--from", required = true, description = "first step: a date (its start, in the province's zone) or an instant")
    String from;

    @Option(names = "--to", required = true, description = "last step: a date (its end) or an instant")
    String to;

    @Option(names = "--every", defaultValue = "15m", description = "time between steps: 15m, 1h, … (default ${DEFAULT-VALUE})")
    String every;

    @Option(names = "--gate", description = "a gate to backtest (repeatable; default every gate)")
    List<String> gates = new ArrayList<>();

    @Option(names = "--out", required = true, description = "folder for warnings.jsonl, forecasts.jsonl, levels.jsonl, summary.json")
    Path out;

    @Override
    public Integer call() throws IOException {
        Province province = choice.of(options);
        Instant first = DayOrInstant.parse(from, province.zone(), "from", false);
        // A date runs to the end of that day: the next midnight is the next day's first step.
        Instant end = DayOrInstant.parse(to, province.zone(), "to", true);
        Instant last = DayOrInstant.isDate(to) ? end.minusNanos(1) : end;
        Backtest.Options period = new Backtest.Options(first, last, duration(every), gates);
        for (String g : gates) {
            if (province.find(g).isEmpty()) {
                throw new IllegalArgumentException("--gate " + g + ": no such gate in the province file");
            }
        }
        Files.createDirectories(out);
        ObjectWriter line = ApiJson.mapper().writer();
        try (EventStorage storage = StoreEngines.open(options.storeOf(province), new EventCodec(StoredEventTypes.registry()));
             BufferedWriter warnings = writer("warnings.jsonl"); BufferedWriter forecasts = writer("forecasts.jsonl");
             BufferedWriter levels = writer("levels.jsonl")) {
            ProgressBar bar = new ProgressBar("backtest", Duration.between(first, last).toSeconds()
                    / period.every().toSeconds() + 1, System.err);
            long started = System.nanoTime();
            BacktestScore score = Backtest.run(storage, new ReadModel(province, ReadModels.ALL), period, bar::update,
                    new Backtest.Output() {
                        @Override
                        public void forecast(Forecaster.GateForecast f) {
                            write(forecasts, line, forecastLine(f));
                        }

                        @Override
                        public void warning(Backtest.WarningRecord w) {
                            write(warnings, line, w);
                        }

                        @Override
                        public void level(Backtest.LevelRecord l) {
                            write(levels, line, l);
                        }
                    });
            bar.done();
            ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("summary.json").toFile(), score);
            System.out.print(score.table());
            System.out.printf(Locale.ROOT, "%d steps in %.1f s; written to %s%n", score.steps(),
                    (System.nanoTime() - started) / 1e9, out);
            return 0;
        }
    }

    /** A forecast as one line: its gate, when it was made, and where it saw the queue each hour ahead. */
    private static Map<String, Object> forecastLine(Forecaster.GateForecast f) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (Forecaster.Point p : f.points()) {
            if (Duration.between(f.from(), p.at()).toMinutes() % 60 == 0) {
                points.add(Map.of("at", p.at(), "waiting", p.waiting(), "level", p.level()));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gate", f.gate());
        m.put("issuedAt", f.from());
        m.put("points", points);
        return m;
    }

    private BufferedWriter writer(String name) throws IOException {
        return Files.newBufferedWriter(out.resolve(name), StandardCharsets.UTF_8);
    }

    private static void write(BufferedWriter w, ObjectWriter json, Object value) {
        try {
            w.write(json.writeValueAsString(value));
            w.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "15m", "1h", "90m", "1d". */
    static Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d{1,5})([mhd])").matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--every must be like 15m, 1h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

}
