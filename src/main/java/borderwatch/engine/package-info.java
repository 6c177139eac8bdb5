/**
 * What a feature may ask of a running node: the Engine interface, and a way to open a node of its own.
 *
 * <p>Place: plumbing. May use: other plumbing and the province kernel (province). Never a feature or the assembly.
 */
package borderwatch.engine;
