/**
 * The node: the command side (aggregates, stored types, snapshots), the live processor and the read model it keeps, with its checkpoints.
 *
 * <p>Place: assembly. May use: anything below it (features, kernel, plumbing). Nothing below it reaches up to it.
 */
package borderwatch.core;
