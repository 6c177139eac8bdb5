package borderwatch.report;

import borderwatch.province.Province;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Who issues the report and who signs it, from the {@code report} section of the province file, so
 * another province needs no code. Missing fields fall back to the province's name and placeholders
 * the department fills in before signing.
 */
public record DocumentSettings(String issuerParent, String issuer, String documentCode, String place,
                               String signerAuthority, String signerTitle, String signerName, List<String> recipients) {

    public static DocumentSettings of(Province province, String lang) {
        JsonNode r = province.section("report").orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        ReportFormat f = new ReportFormat(lang, province.zone());
        boolean vi = f.vi();
        String suffix = f.say("Vi", "En");
        List<String> recipients = new ArrayList<>();
        r.path("recipients" + suffix).forEach(n -> recipients.add(n.asText()));
        String provinceName = vi ? province.provinceVi() : province.provinceEn();
        return new DocumentSettings(
                text(r, "issuerParent" + suffix, vi ? "UBND TỈNH " + provinceName.toUpperCase(java.util.Locale.forLanguageTag("vi"))
                        : provinceName.toUpperCase(java.util.Locale.ENGLISH) + " PROVINCIAL PEOPLE'S COMMITTEE"),
                text(r, "issuer" + suffix, f.say("SỞ CÔNG THƯƠNG", "DEPARTMENT OF INDUSTRY AND TRADE")),
                text(r, "documentCode", "BC-SCT"), text(r, "place" + suffix, provinceName),
                text(r, "signerAuthority" + suffix, ""), text(r, "signerTitle" + suffix, f.say("GIÁM ĐỐC", "DIRECTOR")),
                text(r, "signerName", ""), recipients.isEmpty() ? List.of(f.say("Lưu: VT.", "Filed.")) : List.copyOf(recipients));
    }

    private static String text(JsonNode r, String field, String fallback) {
        return r.path(field).isTextual() ? r.path(field).asText() : fallback;
    }
}
