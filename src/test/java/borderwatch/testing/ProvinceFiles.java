package borderwatch.testing;

import borderwatch.province.Province;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Lạng Sơn's province file with a change a test makes to it, written to a file and loaded as the service would. */
public final class ProvinceFiles {

    private ProvinceFiles() {
    }

    /** The file's root, changed by {@code change}, saved as {@code name} under {@code dir} and loaded. */
    public static Province langSon(Path dir, String name, Consumer<ObjectNode> change) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = Province.class.getResourceAsStream("/gates/lang-son.json")) {
            ObjectNode root = (ObjectNode) json.readTree(in);
            change.accept(root);
            Path file = dir.resolve(name);
            Files.writeString(file, json.writeValueAsString(root));
            return Province.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gate at {@code index} in the file's list of gates. */
    public static ObjectNode gate(ObjectNode root, int index) {
        return (ObjectNode) root.get("gates").get(index);
    }
}
