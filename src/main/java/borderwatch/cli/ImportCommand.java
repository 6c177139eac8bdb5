package borderwatch.cli;

import borderwatch.province.Province;
import borderwatch.core.Core;
import borderwatch.gate.RecordedBatch;
import borderwatch.history.DailyTotalsCsv;
import borderwatch.history.HistoryImport;
import borderwatch.history.ImportRejected;
import borderwatch.history.LineError;
import borderwatch.service.ReadModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code import --file totals.csv}: past years' daily totals into the store under --data. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a CSV of daily totals per gate (date,gate,export_vehicles,import_vehicles,export_usd,"
                + "import_usd) into the store. Stop the service first, or upload through POST /api/v1/imports.")
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    ProvinceChoice choice;

    @Option(names = "--file", required = true, description = "the CSV file (UTF-8, ',' or ';' separated)")
    Path file;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Province province = choice.of(options);
        try (Core core = Core.open(options.storeOf(province), province, ReadModels.ALL)) {
            var rows = new DailyTotalsCsv(core.gates(), LocalDate.now(core.gates().zone())).read(bytes);
            ProgressBar bar = new ProgressBar("importing", rows.size(), System.err);
            HistoryImport.Summary s = new HistoryImport(core.gates(),
                    batch -> core.commands().<RecordedBatch>sendAndWait(batch)).run(rows, bar::update);
            bar.done();
            System.out.printf("%s: %,d rows, %s … %s, gates %s: %,d events stored, %,d already stored%n",
                    file.getFileName(), s.rows(), s.from(), s.to(), String.join(", ", s.gates()), s.accepted(),
                    s.duplicates());
            return 0;
        } catch (ImportRejected r) {
            System.err.println(file + " was not imported; nothing from it is stored:");
            for (LineError e : r.errors()) {
                System.err.println("  line " + e.line() + ", " + e.field() + ": " + e.message());
            }
            return 1;
        }
    }
}
