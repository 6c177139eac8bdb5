/**
 * Read models: folds, the live read model, replays and checkpoints bound to the history they folded.
 *
 * <p>Place: plumbing. May use: other plumbing and the province kernel (province). Never a feature or the assembly.
 */
package borderwatch.readmodel;
