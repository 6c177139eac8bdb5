// A separate file: the content security policy allows scripts from this origin only, never inline.
window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.yaml',
  dom_id: '#swagger-ui',
  deepLinking: true,
  // Requests tried from the page carry the token typed into "Authorize", never one kept by the page.
  persistAuthorization: false
});
