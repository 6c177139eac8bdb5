package borderwatch.auth;

import java.nio.file.Path;
import java.util.Set;

/** A second process for the token file test: issues {@code count} tokens as fast as it can. */
public final class TokenFileWriter {

    private TokenFileWriter() {
    }

    public static void main(String[] args) {
        Tokens tokens = Tokens.open(Path.of(args[0]), null);
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            tokens.create(Role.VIEWER, Set.of(), "other process " + i);
        }
    }
}
