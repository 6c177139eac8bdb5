package borderwatch.cli;

import borderwatch.store.StoreLocation;
import borderwatch.store.sqlite.StoreBackup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backup} and {@code restore} of the embedded store. */
final class BackupCommands {

    private BackupCommands() {
    }

    private static Path storeFile(CommonOptions options, ProvinceChoice choice) {
        if (!(options.storeOf(choice.of(options)) instanceof StoreLocation.Embedded embedded)) {
            throw new IllegalArgumentException("backup and restore are for the embedded store; back up a KurrentDB "
                    + "cluster with its own tools, or copy it with 'migrate --to sqlite:<dir>'");
        }
        return embedded.dir().resolve(StoreLocation.FILE);
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a consistent copy of the embedded store to a new file, while the service runs or not.")
    static final class Backup implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Mixin
        ProvinceChoice choice;

        @Option(names = "--out", required = true, description = "the backup file to create (never overwritten)")
        Path out;

        @Override
        public Integer call() {
            StoreBackup.Checked done = StoreBackup.backup(storeFile(options, choice), out);
            System.out.printf("backup %s: %,d events, checked intact%n", done.file(), done.events());
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Put a backup in place as the embedded store (the service must be stopped; "
                    + "the replaced store is kept beside it).")
    static final class Restore implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Mixin
        ProvinceChoice choice;

        @Option(names = "--from", required = true, description = "a file written by 'backup'")
        Path from;

        @Override
        public Integer call() {
            StoreBackup.Checked done = StoreBackup.restore(from, storeFile(options, choice));
            // The restored store has a new identity, so the checkpoint would be refused anyway; moved aside, no
            // start can even consider it.
            new borderwatch.readmodel.Checkpoints(done.file().toAbsolutePath().getParent()
                    .resolve(borderwatch.core.Core.CHECKPOINT_FILE)).setAside("the store was restored from " + from);
            System.out.printf("restored %,d events into %s; the read models are rebuilt at the next start%n",
                    done.events(), done.file());
            return 0;
        }
    }
}
