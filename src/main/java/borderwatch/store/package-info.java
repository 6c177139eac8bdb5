/**
 * Event storage: the store contract, stored type names and codecs, locations, and the embedded and KurrentDB engines beneath it.
 *
 * <p>Place: plumbing. May use: other plumbing and the province kernel (province). Never a feature or the assembly.
 */
package borderwatch.store;
