/**
 * The HTTP service assembled from the features: routes, sockets, health and the list of folds.
 *
 * <p>Place: assembly. May use: anything below it (features, kernel, plumbing). Nothing below it reaches up to it.
 */
package borderwatch.service;
