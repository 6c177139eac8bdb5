package borderwatch.cli;

import borderwatch.province.Province;
import borderwatch.core.Core;
import borderwatch.json.ApiJson;
import borderwatch.report.ReportRequest;
import borderwatch.report.Reports;
import borderwatch.service.ReadModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report --year 2025 --format html --out report.html}: the year-end report from the store under --data. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the year-end report, replayed from the store (stop the service first, "
                + "or use GET /api/v1/reports/{year}).")
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    ProvinceChoice choice;

    @Option(names = "--year", required = true, description = "the report's year")
    String year;

    @Option(names = "--period",
            description = "year, h1, q1 … q4, ytd, first1 … first12 (the first n months) or m01 … m12 (default year)")
    String period;

    @Option(names = "--from", description = "with --to instead of --period: the first day of any run of days of the year")
    String from;

    @Option(names = "--to", description = "with --from: the last day")
    String to;

    @Option(names = "--as-of", description = "a date (end of that day in the province's zone) or an instant; default now")
    String asOf;

    @Option(names = "--lang", defaultValue = "vi", description = "vi or en (default ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--format", defaultValue = "html", description = "html, pdf, docx, xlsx, csv or json (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", description = "file to write; default standard output")
    Path out;

    @Override
    public Integer call() throws IOException {
        Province province = choice.of(options);
        try (Core core = Core.open(options.storeOf(province), province, ReadModels.ALL)) {
            ReportRequest request = ReportRequest.of(ReportRequest.year(year, Instant.now(), core.gates().zone()), period,
                    from, to, asOf, Instant.now(), core.gates().zone(), lang, format);
            ProgressBar bar = new ProgressBar("replaying", core.storage().headPosition(), System.err);
            var report = Reports.build(core.storage(), core.live().blank(), request, bar::update);
            bar.done();
            byte[] body = Reports.render(report, request, core.gates(), ApiJson.mapper()).body();
            if (out == null) {
                System.out.write(body);
                System.out.flush();
            } else {
                Files.write(out, body);
                System.err.printf("wrote %s (%d, as of %s, stream position %,d)%n", out, report.year(), report.asOf(),
                        report.position());
            }
            return 0;
        }
    }
}
