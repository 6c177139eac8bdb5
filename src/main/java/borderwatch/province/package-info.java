/**
 * The province kernel: the province file and its gates (kinds, zones, directions), goods groups and
 * what each gate may export, congestion levels with their thresholds and response plans.
 *
 * <p>Place: kernel. May use: plumbing only. Every package may use it.
 */
package borderwatch.province;
