/**
 * The API described for integrators: the OpenAPI and AsyncAPI documents and their Swagger UI page.
 *
 * <p>Place: feature. May use: plumbing, the province kernel (province) and other features. Never the assembly (core, service, cli, metrics): the node is reached through engine.Engine.
 */
package borderwatch.apidocs;
