/**
 * The API's JSON: one configured mapper for every answer.
 *
 * <p>Place: plumbing. May use: other plumbing and the province kernel (province). Never a feature or the assembly.
 */
package borderwatch.json;
