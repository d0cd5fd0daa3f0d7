// The explorer reads this server's own contract; "Try it out" calls this server (the
// contract's only server is "/"), and "Authorize" takes a bearer token or an
// application password. Nothing is fetched from anywhere else.
window.ui = SwaggerUIBundle({
  url: "/openapi.yaml",
  dom_id: "#swagger-ui",
  deepLinking: true,
  tryItOutEnabled: false,
  persistAuthorization: false,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
