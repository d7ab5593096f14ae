// Renders /api/openapi.json with Swagger UI (bundled from the npm registry
// by scripts/site.sh); a file of its own, so the page needs no inline script.
window.addEventListener("load", () => {
  window.SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#docs",
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
  });
});
