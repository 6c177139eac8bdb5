package borderwatch.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored type names, each written once to {@code event_types}; events carry the small integer id.
 * Reading an integer per row instead of a name is a quarter of a replay's read cost.
 */
final class StoredTypeIds {

    private final SqliteFile file;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] names = new String[0];

    StoredTypeIds(SqliteFile file) {
        this.file = file;
        file.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS event_types (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
            }
        });
        file.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, name FROM event_types")) {
                while (rs.next()) {
                    remember(rs.getInt(1), rs.getString(2));
                }
            }
            return null;
        });
    }

    /** The id of a stored type name, registering it durably first if it is new. Never call on the writer thread. */
    int idOf(String name) {
        Integer id = ids.get(name);
        return id != null ? id : register(name);
    }

    String nameOf(int id) {
        String[] n = names;
        if (id < 0 || id >= n.length || n[id] == null) {
            throw new IllegalStateException("stored type id " + id + " is not in event_types");
        }
        return n[id];
    }

    private synchronized int register(String name) {
        Integer known = ids.get(name);
        if (known != null) {
            return known;
        }
        int[] id = new int[1];
        file.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO event_types (name) VALUES (?)");
                 PreparedStatement select = c.prepareStatement("SELECT id FROM event_types WHERE name = ?")) {
                insert.setString(1, name);
                insert.executeUpdate();
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    id[0] = rs.getInt(1);
                }
            }
        });
        remember(id[0], name);
        return id[0];
    }

    private synchronized void remember(int id, String name) {
        String[] n = names.length > id ? names.clone() : Arrays.copyOf(names, Math.max(id + 1, names.length * 2));
        n[id] = name;
        names = n;
        ids.put(name, id);
    }
}
