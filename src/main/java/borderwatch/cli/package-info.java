/**
 * The command line: serve, demo, import, report, backup, restore, migrate and token commands.
 *
 * <p>Place: assembly. May use: anything below it (features, kernel, plumbing). Nothing below it reaches up to it.
 */
package borderwatch.cli;
