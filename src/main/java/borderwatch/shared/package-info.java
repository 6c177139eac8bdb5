/**
 * Small values every package may use: people's texts, refusals, dates, clocks.
 *
 * <p>Place: plumbing. May use: other plumbing and the province kernel (province). Never a feature or the assembly.
 */
package borderwatch.shared;
