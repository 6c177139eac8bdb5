package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.service.ReadModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code import} and {@code report} on the command line, against a data directory. */
class HistoryCommandsTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private int run(String... args) {
        return new CommandLine(new ServeCommands()).execute(args);
    }

    @Test
    void importsWithAProgressBarThenReports() throws Exception {
        Path csv = dir.resolve("totals.csv");
        Files.writeString(csv, """
                date,gate,export_vehicles,import_vehicles,export_usd,import_usd
                2024-05-02,tan-thanh,200,300,2000000000,1900000000
                2025-05-02,tan-thanh,180,340,1720000000,2200000000
                """);
        Path data = dir.resolve("data");
        assertThat(run("import", "--file", csv.toString(), "--data", data.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 rows, 2024-05-02 … 2025-05-02", "8 events stored");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("importing [", "100% 2/2");
        assertThat(run("import", "--file", csv.toString(), "--data", data.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 events stored, 8 already stored");

        Path report = dir.resolve("r.csv");
        assertThat(run("report", "--year", "2025", "--as-of", "2025-12-31", "--format", "csv", "--out", report.toString(),
                "--data", data.toString())).isZero();
        // 1.720 million against 2.000 million the year before: down 14%.
        assertThat(Files.readString(report)).contains("summary,export,turnover_usd,1720000000.00",
                "summary,export,change_percent,-14.0");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("replaying [", "wrote " + report);
    }

    @Test
    void aBadFileIsListedLineByLineAndNothingIsStored() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "date;gate;export_vehicles;import_vehicles;export_usd;import_usd\n"
                + "2025-05-02;tan-thanh;1;2;3;4\n2025-05-03;nowhere;1;2;3;4\n");
        Path data = dir.resolve("data");
        assertThat(run("import", "--file", csv.toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing from it is stored",
                "line 3, gate: unknown gate 'nowhere'");
        try (Core core = Core.open(data, borderwatch.province.Province.defaults(), ReadModels.ALL)) {
            assertThat(core.storage().headPosition()).isZero();
        }
    }
}
